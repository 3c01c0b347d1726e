import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCreditCode } from '../../src/policy/rules/id-numbers';
import { EXTRA_DEMO_UNITS } from '../../src/server/demo/intake-demo';
import { startTestApp, testClock, type TestApp } from '../helpers/app';

// The demo is dated relative to the day it is loaded (DESIGN.md contract); this is the load day here.
const clock = testClock('2026-11-23T02:00:00Z'); // 10:00 Beijing time
let t: TestApp;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-demo-'));

type Summary = { id: string; number: string; callId: string; status: string; jurisdiction: string; unitName: string; title: string | null };
type Call = { id: string; policyId: string; program: string; title: string; opensAt: string; closesAt: string; status: string; quota: number | null };

const get = async (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
/** The applications of the call of `policyId` open today, as `cookie` may see them (other demo stages have other calls). */
const openCallApps = async (policyId: string, cookie: string): Promise<Summary[]> => {
  const calls: Call[] = (await get('/api/calls')).json();
  const call = calls.find((c) => c.policyId === policyId && c.status === 'open' && (policyId !== 'daxing-2025' || c.program === 'construction-project'))!;
  return (await get(`/api/applications?callId=${call.id}`, cookie)).json();
};

beforeAll(async () => {
  // Uploaded demo materials go to the app's own file store (dataDir/files), where it reads them.
  t = await startTestApp({ config: { now: clock.now, dataDir } });
});
afterAll(() => t.close());

describe('[DEMO] every jurisdiction has a call open today', () => {
  it('the public sees an open call of 大兴 (projects), 经开区 and 顺义 (studios), closing at 18:00 Beijing time', async () => {
    const res = await get('/api/calls');
    expect(res.statusCode).toBe(200);
    const calls: Call[] = res.json();
    for (const [policyId, program] of [
      ['daxing-2025', 'construction-project'],
      ['etdz-2024', 'studio-recognition'],
      ['shunyi-draft', 'studio-recognition'],
    ]) {
      const call = calls.find((c) => c.policyId === policyId && c.program === program && c.status === 'open');
      expect(call, policyId).toMatchObject({ status: 'open' });
      expect(call!.opensAt < '2026-11-23T10:00:00+08:00').toBe(true);
      expect(call!.closesAt).toMatch(/^2026-12-\d\dT18:00:00\+08:00$/);
      expect(call!.title).toMatch(/^2026年/);
    }
    // 京兴人社发〔2025〕21号 第四条: studios every two years (2025, 2027, …) — none in 2026.
    expect(calls.some((c) => c.policyId === 'daxing-2025' && c.program === 'studio-recognition' && c.status === 'open')).toBe(false);
    // 京兴人社发〔2025〕21号 第四条: at most 10 projects a year; 顺义 第六条: at most 5 studios a year.
    const open = calls.filter((c) => c.status === 'open');
    expect(open.find((c) => c.policyId === 'daxing-2025' && c.program === 'construction-project')!.quota).toBe(10);
    expect(open.find((c) => c.policyId === 'shunyi-draft')!.quota).toBe(5);
  });

  it('the call page shows the contacts and notice text of the policy (2026 大兴 notice 五)', async () => {
    const calls: Call[] = (await get('/api/calls')).json();
    const daxing = (await get(`/api/calls/${calls.find((c) => c.policyId === 'daxing-2025' && c.status === 'open')!.id}`)).json();
    expect(daxing.contacts[0]).toMatchObject({ phone: '81298272' });
    expect(daxing.noticeText).toContain('京兴人社发〔2025〕21号');
    expect(daxing.noticeText).toContain('18:00前');
    expect(daxing.projectsCloseBy > '2026-12-31').toBe(true);
  });
});

describe('[DEMO] applications in every state', () => {
  it('unit-a sees its 大兴 project application returned for correction (补正), with the items and a working-day deadline', async () => {
    const unitA = await t.login('unit-a');
    const list = await openCallApps('daxing-2025', unitA);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'returned', jurisdiction: 'daxing', unitName: '北京兴业精密机械有限公司', title: '精密数控加工技艺传承与青年技工培养项目' });
    const detail = (await get(`/api/applications/${list[0].id}`, unitA)).json();
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['created', 'submitted', 'returned']);
    expect(detail.corrections).toHaveLength(1);
    const [c] = detail.corrections;
    expect(c.items.map((i: { id: string }) => i.id).sort()).toEqual(['bank-account-permit', 'work-plan']);
    expect(c.deadline >= '2026-11-23').toBe(true);
    // Only the listed items may be changed; every form was complete when it was submitted.
    expect(detail.forms.every((f: { complete: boolean }) => f.complete)).toBe(true);
    expect(detail.forms.find((f: { id: string }) => f.id === 'work-plan').editable).toBe(true);
    expect(detail.forms.find((f: { id: string }) => f.id === 'project-proposal').editable).toBe(false);
  });

  it('unit-a can open its uploaded material: a real file, checked by content', async () => {
    const unitA = await t.login('unit-a');
    const [app] = await openCallApps('daxing-2025', unitA);
    const detail = (await get(`/api/applications/${app.id}`, unitA)).json();
    const item = detail.checklist.find((m: { id: string }) => m.id === 'bank-account-permit');
    expect(item.files).toHaveLength(1);
    const res = await get(`/api/applications/${app.id}/materials/${item.files[0].id}`, unitA);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('daxing-officer sees only 大兴 applications: submitted ones, a draft, and the returned one', async () => {
    const officer = await t.login('daxing-officer');
    expect(new Set(((await get('/api/applications', officer)).json() as Summary[]).map((a) => a.jurisdiction))).toEqual(new Set(['daxing']));
    const list = await openCallApps('daxing-2025', officer);
    const byStatus = (s: string) => list.filter((a) => a.status === s).length;
    expect(byStatus('submitted')).toBeGreaterThanOrEqual(3);
    expect(byStatus('returned')).toBe(1);
    expect(byStatus('draft')).toBeGreaterThanOrEqual(1);
    for (const a of list.filter((x) => x.status === 'submitted')) {
      const detail = (await get(`/api/applications/${a.id}`, officer)).json();
      expect(detail.forms.every((f: { complete: boolean }) => f.complete), a.number).toBe(true);
      // 第十五条: the 经费计划 lines add up to the amount requested, at most 50,000 CNY.
      const plan = detail.forms.find((f: { id: string }) => f.id === 'work-plan').data;
      expect(plan.budget.reduce((s: number, b: { amount: number }) => s + b.amount, 0)).toBe(plan.requestedAmount);
      expect(plan.requestedAmount).toBeLessThanOrEqual(50_000);
      expect(detail.checklist.find((m: { id: string }) => m.id === 'bank-account-permit').files.length).toBe(1);
    }
  });

  it('顺义 and 经开区 have submitted, draft and returned applications (经开区 营业执照 is an electronic licence: nothing to upload)', async () => {
    const shunyi = await openCallApps('shunyi-draft', await t.login('shunyi-officer'));
    expect(shunyi.map((a) => a.status).sort()).toEqual(['draft', 'returned', 'submitted']);
    expect(await openCallApps('shunyi-draft', await t.login('unit-c'))).toMatchObject([{ status: 'returned', jurisdiction: 'shunyi' }]);

    const etdz = await openCallApps('etdz-2024', await t.login('etdz-officer'));
    expect(etdz.length).toBeGreaterThanOrEqual(3);
    expect(new Set(etdz.map((a) => a.jurisdiction))).toEqual(new Set(['etdz']));
    expect(etdz.filter((a) => a.status === 'submitted').length).toBeGreaterThanOrEqual(2);
    expect(etdz.some((a) => a.status === 'draft')).toBe(true);
    const unitB = await openCallApps('etdz-2024', await t.login('unit-b'));
    expect(unitB).toMatchObject([{ jurisdiction: 'etdz', title: '王振华工业机器人运维技能大师工作室' }]);
    const full = etdz.find((a) => a.unitName === '北京经开精工数控设备有限公司')!;
    const detail = (await get(`/api/applications/${full.id}`, await t.login('etdz-officer'))).json();
    // The 申报表, 承诺书 and 银行账户信息 are complete (京技管发〔2024〕1号 办事指南 五（一）1、3、4).
    expect(detail.forms.map((f: { complete: boolean }) => f.complete)).toEqual([true, true, true]);
  });

  it('drafts are partly filled: the form is saved but still lists what is missing', async () => {
    const officer = await t.login('daxing-officer');
    const [draft] = (await openCallApps('daxing-2025', officer)).filter((a) => a.status === 'draft');
    const detail = (await get(`/api/applications/${draft.id}`, officer)).json();
    const plan = detail.forms.find((f: { id: string }) => f.id === 'work-plan');
    expect(plan.version).toBe(1);
    expect(plan.complete).toBe(false);
    expect(plan.issues.length).toBeGreaterThan(0);
  });
});

describe('[DEMO] the demo data is sound', () => {
  it('every extra demo unit has a valid 统一社会信用代码 (GB 32100 check character)', () => {
    for (const u of EXTRA_DEMO_UNITS) expect(validateCreditCode(u.creditCode), u.name).toMatchObject({ ok: true });
  });

  it('the audit chain over all demo writes verifies (daxing-inspector)', async () => {
    const res = await get('/api/audit/verify', await t.login('daxing-inspector'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().checked).toBeGreaterThan(50);
  });
});

describe('[DEMO] loaded in a 大兴 studio year (京兴人社发〔2025〕21号 第四条: every two years)', () => {
  let t2: TestApp;
  const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-demo-'));
  beforeAll(async () => {
    t2 = await startTestApp({ config: { now: testClock('2027-04-12T02:00:00Z').now, dataDir: dir2 } });
  });
  afterAll(() => t2.close());

  it('a studio round is open too, with a new studio that filed the studio and its project together (第十条)', async () => {
    const calls: Call[] = (await t2.app.inject({ method: 'GET', url: '/api/calls' })).json();
    const studio = calls.find((c) => c.policyId === 'daxing-2025' && c.program === 'studio-recognition' && c.status === 'open');
    expect(studio).toMatchObject({ status: 'open', quota: 3, title: '2027年大兴区技能大师工作室评选' });
    expect(calls.some((c) => c.policyId === 'daxing-2025' && c.program === 'construction-project' && c.status === 'open')).toBe(true);

    const res = await t2.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'daxing-officer', password: 'demo12345' } });
    const cookie = `jx_session=${res.cookies.find((c) => c.name === 'jx_session')!.value}`;
    const list: Summary[] = (await t2.app.inject({ method: 'GET', url: `/api/applications?callId=${studio!.id}`, headers: { cookie } })).json();
    expect(list.map((a) => a.status).sort()).toEqual(['draft', 'submitted']);
    const submitted = list.find((a) => a.status === 'submitted')!;
    const detail = (await t2.app.inject({ method: 'GET', url: `/api/applications/${submitted.id}`, headers: { cookie } })).json();
    // 第九条（一）2: 大兴区 + master + occupation + 技能大师工作室
    expect(detail.forms.find((f: { id: string }) => f.id === 'studio-application').data.studioName).toBe('大兴区蒋立波工具钳工技能大师工作室');
    expect(detail.forms.map((f: { id: string; complete: boolean }) => [f.id, f.complete]).sort()).toEqual([
      ['commitment', true],
      ['project-proposal', true],
      ['studio-application', true],
      ['work-plan', true],
    ]);
  });
});
