import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../../db/schema';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { DAXING_PROJECT_CALL as CALL, openCall, seedDaxingProjectApplication } from '../applications/applications.test-helpers';

const clock = testClock('2026-06-10T02:00:00Z'); // Wed 10:00 Beijing time
let t: TestApp;
let officer: string;
let unitA: string;

const inject = (method: 'GET' | 'POST', url: string, cookie: string | undefined, payload?: unknown) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  officer = await t.login('daxing-officer');
  unitA = await t.login('unit-a');
});
afterAll(() => t.close());

describe('[INTAKE] opening a call is checked against the edition (京兴人社发〔2025〕21号)', () => {
  it('options list only the officer’s editions still in force, with 第四条’s caps: ≤3 studios, ≤10 projects', async () => {
    const res = await inject('GET', '/api/calls/options', officer);
    expect(res.statusCode).toBe(200);
    const editions = res.json().editions;
    expect(editions.map((e: { id: string }) => e.id)).toEqual(['daxing-2025']);
    const programs = Object.fromEntries(editions[0].programs.map((p: { id: string; quota: number; quotaArticle: string }) => [p.id, p]));
    expect(programs['studio-recognition']).toMatchObject({ quota: 3, quotaArticle: expect.stringContaining('第四条') });
    expect(programs['construction-project']).toMatchObject({ quota: 10, hasProjectsCloseBy: true });
    // the 2026 notice's round, to prefill the form
    expect(editions[0].templates[0]).toMatchObject({ closesAt: '2026-06-26T18:00', projectsCloseBy: '2026-10-31' });
    expect((await inject('GET', '/api/calls/options', unitA)).statusCode).toBe(403);
  });

  it('a window opening before the edition took effect is refused with a field message, nothing written', async () => {
    const countCalls = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(calls))[0].n;
    const before = await countCalls();
    const res = await inject('POST', '/api/calls', officer, { ...CALL, opensAt: '2025-01-02T09:00', closesAt: '2025-01-20T18:00', year: 2025 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'EDITION_NOT_IN_FORCE', fields: { opensAt: expect.stringContaining('不在政策有效期内') } });
    const closesLate = await inject('POST', '/api/calls', officer, { ...CALL, closesAt: '2030-01-10T18:00' });
    expect(closesLate.json().error.fields.closesAt).toContain('2029-12-31');
    expect(await countCalls()).toBe(before);
  });

  it('a studio round above 第四条’s 3, a close before the open, and projects closing before the window are refused per field', async () => {
    const quota = await inject('POST', '/api/calls', officer, { ...CALL, program: 'studio-recognition', quota: 4, projectsCloseBy: undefined });
    expect(quota.json().error).toMatchObject({ code: 'QUOTA_ABOVE_POLICY', fields: { quota: '不得超过 3' } });
    expect(quota.json().error.message).toContain('第四条');
    const order = await inject('POST', '/api/calls', officer, { ...CALL, closesAt: '2026-06-01T18:00' });
    expect(order.json().error.fields).toEqual({ closesAt: '截止时间必须晚于开始时间' });
    const close = await inject('POST', '/api/calls', officer, { ...CALL, projectsCloseBy: '2026-06-20' });
    expect(close.json().error.fields).toEqual({ projectsCloseBy: '必须晚于申报截止日' });
    const missing = await inject('POST', '/api/calls', officer, { ...CALL, contacts: [], noticeText: '' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields ?? {})).toEqual(expect.arrayContaining(['contacts', 'noticeText']));
  });
});

describe('[INTAKE] the officer’s calls, with counts by status', () => {
  let open: string;
  let upcoming: string;
  let submitted: { id: string; number: string };

  beforeAll(async () => {
    open = await openCall(t.app, officer);
    upcoming = await openCall(t.app, officer, { title: '2026年大兴区技能大师工作室评选', program: 'studio-recognition', quota: 3, projectsCloseBy: undefined, opensAt: '2026-07-01T09:00', closesAt: '2026-07-31T18:00' });
    submitted = await seedDaxingProjectApplication(t.app, unitA, open);
  });

  it('lists upcoming and open calls of the jurisdiction with drafts / submitted / returned counts; not other districts’', async () => {
    const res = await inject('GET', '/api/calls/managed', officer);
    expect(res.statusCode).toBe(200);
    // Demo data may add calls of its own: ours are listed, the later-opening one first.
    const list = res.json().filter((c: { id: string }) => c.id === upcoming || c.id === open);
    expect(list.map((c: { id: string }) => c.id)).toEqual([upcoming, open]);
    expect(list[0]).toMatchObject({ status: 'upcoming', quota: 3, programName: expect.stringContaining('工作室'), counts: { total: 0 } });
    expect(list[1]).toMatchObject({ status: 'open', documentNumber: '京兴人社发〔2025〕21号', counts: { total: 1, submitted: 1, draft: 0, returned: 0 } });
    const ids = (res: { json(): { id: string; jurisdiction: string }[] }) => res.json().map((c) => c.id);
    const etdz = await inject('GET', '/api/calls/managed', await t.login('etdz-officer'));
    expect(ids(etdz)).not.toContain(open);
    expect(etdz.json().every((c: { jurisdiction: string }) => c.jurisdiction === 'etdz')).toBe(true);
    expect(ids(await inject('GET', '/api/calls/managed', await t.login('daxing-inspector')))).toEqual(expect.arrayContaining([open, upcoming]));
    expect((await inject('GET', '/api/calls/managed', unitA)).statusCode).toBe(403);
    expect((await inject('GET', '/api/calls/managed', undefined)).statusCode).toBe(401);
  });

  it('stats of one call by status, for its jurisdiction only', async () => {
    const res = await inject('GET', `/api/calls/${open}/stats`, officer);
    expect(res.json()).toMatchObject({ callId: open, total: 1, byStatus: { submitted: 1 }, statusNames: { returned: '退回补正' } });
    expect((await inject('GET', `/api/calls/${open}/stats`, await t.login('etdz-officer'))).statusCode).toBe(404);
  });

  it('the public list still shows the call, with the contract’s fields', async () => {
    const pub = (await inject('GET', '/api/calls', undefined)).json();
    expect(pub.find((c: { id: string }) => c.id === open)).toMatchObject({ status: 'open', closesAt: '2026-06-26T18:00:00+08:00' });
    expect(pub[0]).not.toHaveProperty('counts');
  });

  it('the desk queue: several statuses at once, oldest first, waiting time in statutory working days', async () => {
    clock.set('2026-06-15T02:00:00Z'); // Monday: Wed 10 → Mon 15 is 3 working days (11, 12, 15)
    officer = await t.login('daxing-officer');
    const res = await inject('GET', `/api/applications?callId=${open}&status=submitted,resubmitted&sort=submittedAt&pageSize=20`, officer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-total-count']).toBe('1');
    expect(res.json()[0]).toMatchObject({ number: submitted.number, waitingSince: '2026-06-10T10:00:00+08:00', waitingWorkingDays: 3 });
    expect((await inject('GET', `/api/applications?callId=${open}&status=draft`, officer)).json()).toEqual([]);
    // Across the jurisdiction (demo data included) the queue is oldest first and holds only waiting applications.
    const queue = (await inject('GET', '/api/applications?status=submitted,resubmitted&sort=updatedAt&pageSize=100', officer)).json();
    expect(queue.every((a: { status: string; jurisdiction: string }) => ['submitted', 'resubmitted'].includes(a.status) && a.jurisdiction === 'daxing')).toBe(true);
    const since = queue.map((a: { waitingSince: string }) => new Date(a.waitingSince).getTime());
    expect(since).toEqual([...since].sort((x, y) => x - y));
    expect((await inject('GET', '/api/applications?pageSize=101', officer)).json().error.fields.pageSize).toContain('100');
    expect((await inject('GET', '/api/applications?status=DROP%20TABLE', officer)).statusCode).toBe(400);
    expect((await inject('GET', '/api/applications?sort=unitName', officer)).statusCode).toBe(400);
  });

  it('search by unit name, leader, title and number; paginated with a total count', async () => {
    for (const q of ['兴业精密', '精密数控加工', submitted.number]) {
      const res = await inject('GET', `/api/applications?callId=${open}&q=${encodeURIComponent(q)}`, officer);
      expect(res.json().map((a: { id: string }) => a.id), q).toEqual([submitted.id]);
    }
    expect((await inject('GET', `/api/applications?q=${encodeURIComponent('100%')}`, officer)).json()).toEqual([]);
    const page2 = await inject('GET', `/api/applications?callId=${open}&page=2&pageSize=1`, officer);
    expect(page2.headers['x-total-count']).toBe('1');
    expect(page2.json()).toEqual([]);
  });
});
