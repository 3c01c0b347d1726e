/**
 * Seeding through the API for tests (STYLE.md 8: specs seed through helpers, not through the UI): open a call,
 * fill a 大兴 project application completely and submit it — every step an HTTP request, as a user would.
 */
import type { FastifyInstance } from 'fastify';
import { daxingProjectForms, multipartFile, tinyPdf, tinyPng } from '../../../../test/helpers/fixtures';

type Inject = FastifyInstance['inject'];

export const DAXING_PROJECT_CALL = {
  policyId: 'daxing-2025',
  program: 'construction-project',
  title: '2026年大兴区技能大师工作室建设项目评选',
  year: 2026,
  opensAt: '2026-06-08T00:00',
  closesAt: '2026-06-26T18:00',
  quota: 10,
  projectsCloseBy: '2026-10-31',
  contacts: [{ name: '周云汉、姜锦颐', phone: '81298272', address: '大兴区永华南里14号艺苑桐城行政办公区人力资源公共服务中心121室' }],
  noticeText: '根据京兴人社发〔2025〕21号，组织开展2026年大兴区技能大师工作室建设项目评选工作。',
};

async function ok(res: Awaited<ReturnType<Inject>>, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Opens a call as the officer; returns its id. */
export async function openCall(app: { inject: Inject }, officer: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/calls', headers: { cookie: officer }, payload: { ...DAXING_PROJECT_CALL, ...overrides } });
  return (await ok(res, 'open call')).id;
}

/**
 * Starts, fills (every form of the 2026 大兴 project round, a file for every upload item) and optionally submits
 * one application of `unit` to `callId`. Returns the application id and number.
 */
export async function seedDaxingProjectApplication(
  app: { inject: Inject },
  unit: string,
  callId: string,
  options: { submit?: boolean; projectName?: string } = {},
): Promise<{ id: string; number: string }> {
  const created = await ok(await app.inject({ method: 'POST', url: '/api/applications', headers: { cookie: unit }, payload: { callId, studioRecognized: true } }), 'create');
  const forms = daxingProjectForms();
  if (options.projectName) {
    forms['work-plan'].projectName = options.projectName;
    forms['project-proposal'].projectName = options.projectName;
  }
  for (const form of created.forms as { id: string; version: number }[]) {
    const data = forms[form.id];
    if (!data) continue;
    await ok(await app.inject({ method: 'PUT', url: `/api/applications/${created.id}/forms/${form.id}`, headers: { cookie: unit }, payload: { data, version: form.version } }), `form ${form.id}`);
  }
  for (const item of created.checklist as { id: string; supply: string; formats: string[] }[]) {
    if (item.supply === 'online-form') continue;
    const mp = item.formats.includes('pdf') ? multipartFile(`${item.id}.pdf`, tinyPdf(item.id)) : multipartFile(`${item.id}.png`, tinyPng());
    await ok(await app.inject({ method: 'POST', url: `/api/applications/${created.id}/materials/${item.id}`, headers: { cookie: unit, ...mp.headers }, payload: mp.payload }), `upload ${item.id}`);
  }
  if (options.submit !== false) {
    await ok(await app.inject({ method: 'POST', url: `/api/applications/${created.id}/submit`, headers: { cookie: unit }, payload: {} }), 'submit');
  }
  return { id: created.id, number: created.number };
}
