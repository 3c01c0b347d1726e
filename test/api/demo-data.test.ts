import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, lt, sql } from 'drizzle-orm';
import { addWorkingDays } from '../../src/policy/calendar';
import { validateCreditCode } from '../../src/policy/rules/id-numbers';
import { shanghaiDate } from '../../src/shared/time';
import {
  applicationEvents,
  applications,
  calls,
  experts,
  panelDraws,
  paperDossierRequests,
  reviewAssignments,
  reviewDeadlines,
  reviewScores,
  reviewVerdicts,
  users,
} from '../../src/server/db/schema';
import { EXTRA_DEMO_UNITS } from '../../src/server/demo/intake-demo';
import { REVIEW_DEMO_UNITS, loadReviewDemo } from '../../src/server/demo/review-demo';
import { drawPanel } from '../../src/server/modules/review/draw';
import { localStorage } from '../../src/server/storage/storage';
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

describe('[DEMO] review (issue 5): a call in expert review with partial scores, and a call whose review is complete', () => {
  const db = () => t.database.db;
  const today = '2026-11-23';
  /** The demo's closed 大兴 project round (专家评审中) and closed 顺义 studio round (评审完成). */
  const reviewCall = async (editionId: string) => {
    const program = editionId === 'daxing-2025' ? 'construction-project' : 'studio-recognition';
    // The round in review (issue 7's projects demo adds earlier, decided project rounds: they have no review assignments).
    const rows = await db().select().from(calls).where(and(eq(calls.editionId, editionId), eq(calls.program, program), lt(calls.closesAt, clock.now()), sql`exists (select 1 from review_assignments r where r.call_id = ${calls.id})`));
    expect(rows, `one closed ${editionId} ${program} round`).toHaveLength(1);
    return rows[0];
  };
  const appsOf = (callId: string) => db().select().from(applications).where(eq(applications.callId, callId));
  const sheetsOf = async (appIds: string[]) =>
    db()
      .select({ a: reviewAssignments, score: reviewScores })
      .from(reviewAssignments)
      .leftJoin(reviewScores, eq(reviewScores.assignmentId, reviewAssignments.id))
      .where(inArray(reviewAssignments.applicationId, appIds));

  it('京兴人社发〔2025〕21号 第十一条: a 大兴 project round closed weeks ago is in expert review — 初审 done item by item, 3 experts each, scores partly submitted, partly drafts', async () => {
    const call = await reviewCall('daxing-2025');
    expect(call).toMatchObject({ jurisdictionId: 'daxing', program: 'construction-project', quota: 10 });
    expect(shanghaiDate(call.closesAt) < '2026-11-05').toBe(true);
    const apps = await appsOf(call.id);
    expect(apps.length).toBe(5);
    expect(new Set(apps.map((a) => a.status))).toEqual(new Set(['expert-review']));
    // 初审: every form and checklist item judged ok before acceptance; the timeline says who accepted it.
    const verdicts = await db().select().from(reviewVerdicts).where(inArray(reviewVerdicts.applicationId, apps.map((a) => a.id)));
    expect(verdicts.filter((v) => v.stage === 'completeness-check').length).toBeGreaterThanOrEqual(apps.length * 4);
    expect(verdicts.every((v) => v.verdict === 'ok')).toBe(true);
    const events = await db().select().from(applicationEvents).where(inArray(applicationEvents.applicationId, apps.map((a) => a.id)));
    for (const a of apps) expect(events.filter((e) => e.applicationId === a.id).map((e) => e.action)).toEqual(expect.arrayContaining(['created', 'submitted', 'accepted']));

    const sheets = await sheetsOf(apps.map((a) => a.id));
    for (const a of apps) {
      const mine = sheets.filter((s) => s.a.applicationId === a.id && s.a.status !== 'conflict');
      expect(mine.length, a.number).toBe(3);
    }
    const submitted = sheets.filter((s) => s.score?.status === 'submitted');
    const drafts = sheets.filter((s) => s.score?.status === 'draft');
    expect(submitted.length).toBeGreaterThanOrEqual(5);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(sheets.some((s) => s.a.status === 'pending')).toBe(true);
    // One declared conflict (亲属), re-assigned to another panel member.
    const conflict = sheets.find((s) => s.a.status === 'conflict')!;
    expect(conflict.a.conflict).toMatchObject({ kind: 'relative' });
    expect(sheets.some((s) => s.a.id === conflict.a.replacedBy && s.a.applicationId === conflict.a.applicationId && s.a.expertId !== conflict.a.expertId)).toBe(true);
    // The scoring deadline is a few working days ahead.
    const [deadline] = await db().select().from(reviewDeadlines).where(eq(reviewDeadlines.callId, call.id));
    expect(deadline).toMatchObject({ stage: 'expert-review' });
    expect(deadline.dueOn > today && deadline.dueOn <= addWorkingDays(today, 6).date).toBe(true);
  });

  it('the officer sees the partial scores, one expert far from the others flagged as an outlier', async () => {
    const call = await reviewCall('daxing-2025');
    const res = await get(`/api/review/calls/${call.id}/scores`, await t.login('daxing-officer'));
    expect(res.statusCode).toBe(200);
    const body = res.json() as { applications: { number: string; submitted: number; outliers: number; scores: { inProgress: boolean }[] }[] };
    expect(body.applications).toHaveLength(5);
    expect(body.applications.filter((a) => a.outliers > 0)).toHaveLength(1);
    expect(body.applications.some((a) => a.submitted === 3)).toBe(true);
    expect(body.applications.some((a) => a.submitted < 3)).toBe(true);
    expect(body.applications.some((a) => a.scores.some((s) => s.inProgress))).toBe(true);
  });

  it('expert1’s desk shows work: an assignment to declare and an accepted one not yet scored', async () => {
    const res = await get('/api/review/my-assignments', await t.login('expert1'));
    expect(res.statusCode).toBe(200);
    const { counts, items } = res.json() as { counts: { toDeclare: number; toScore: number }; items: { jurisdiction: string; status: string }[] };
    expect(counts.toDeclare).toBeGreaterThanOrEqual(1);
    expect(counts.toScore).toBeGreaterThanOrEqual(1);
    expect(new Set(items.map((i) => i.jurisdiction))).toEqual(new Set(['daxing']));
  });

  it('the unit sees 评审中, never the review’s stage (issue 6: no early leak)', async () => {
    const call = await reviewCall('daxing-2025');
    const mine = (await get(`/api/applications?callId=${call.id}`, await t.login('unit-a'))).json() as Summary[];
    expect(mine).toHaveLength(1);
    expect(mine[0].status).not.toBe('expert-review');
    expect((mine[0] as Summary & { statusName: string }).statusName).toBe('评审中');
  });

  it('顺义 第五条、第六条: the round that closed at the end of August is scored by 3 experts each (all submitted), with a tie on the quota line and one rejected at 审核 with reasons', async () => {
    const call = await reviewCall('shunyi-draft');
    expect(call).toMatchObject({ jurisdictionId: 'shunyi', quota: 5 });
    expect(shanghaiDate(call.closesAt).slice(5, 7)).toBe('08');
    const apps = await appsOf(call.id);
    const scored = apps.filter((a) => a.status === 'scored');
    expect(scored.length).toBe(6);
    expect(apps.filter((a) => a.status === 'rejected')).toHaveLength(1);
    const rejected = apps.find((a) => a.status === 'rejected')!;
    const [why] = await db().select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, rejected.id), eq(applicationEvents.action, 'rejected')));
    expect(why.note).toContain('第四条');
    const sheets = await sheetsOf(scored.map((a) => a.id));
    for (const a of scored) {
      const mine = sheets.filter((s) => s.a.applicationId === a.id);
      expect(mine.map((s) => s.score?.status), a.number).toEqual(['submitted', 'submitted', 'submitted']);
    }
    const res = await get(`/api/review/calls/${call.id}/ranking`, await t.login('shunyi-officer'));
    expect(res.statusCode).toBe(200);
    const ranking = res.json() as { quota: number; proposal: unknown; rows: { rank: number; tied: boolean; straddlesQuota: boolean }[] };
    expect(ranking.rows).toHaveLength(6);
    expect(ranking.proposal).toBeNull();
    // The tie is shown, not silently broken: two applications share rank 5 across the line of 5.
    expect(ranking.rows.filter((r) => r.straddlesQuota).map((r) => r.rank)).toEqual([5, 5]);
  });

  it('the panel draws are recorded with their exclusions (同单位, 原单位 within 3 years) and reproduce for the inspector', async () => {
    const draws = await db().select().from(panelDraws);
    expect(draws.length).toBeGreaterThanOrEqual(2);
    for (const d of draws) expect(drawPanel({ candidates: d.candidates, seed: d.seed, size: d.size })).toEqual(d.drawn);
    const reasons = draws.flatMap((d) => d.excluded.map((x) => x.reason)).join('\n');
    expect(reasons).toMatch(/同单位（北京兴业精密机械有限公司）/);
    expect(reasons).toMatch(/原单位（北京京南航空零部件制造有限公司）/);
    const daxing = draws.find((d) => d.excluded.some((x) => x.reason.includes('北京京南航空')))!;
    const res = await get(`/api/review/draws/${daxing.id}/verify`, await t.login('daxing-inspector'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ matches: true });
  });

  it('every jurisdiction has an expert pool with the demo expert accounts, fields and valid 统一社会信用代码', async () => {
    const pool = await db().select({ e: experts, username: users.username }).from(experts).leftJoin(users, eq(users.id, experts.userId));
    const accounts = (j: string) => pool.filter((p) => p.e.jurisdictionId === j && p.username).map((p) => p.username).sort();
    expect(accounts('daxing')).toEqual(['expert1', 'expert2', 'expert3', 'expert5']);
    expect(accounts('etdz')).toEqual(['expert1', 'expert3', 'expert4']);
    expect(accounts('shunyi')).toEqual(['expert2', 'expert4', 'expert5']);
    expect(pool.some((p) => !p.username)).toBe(true);
    for (const { e } of pool) {
      expect(e.fields.length, e.name).toBeGreaterThan(0);
      if (e.employerCreditCode) expect(validateCreditCode(e.employerCreditCode), e.employer).toMatchObject({ ok: true });
    }
    for (const u of REVIEW_DEMO_UNITS) expect(validateCreditCode(u.creditCode), u.name).toMatchObject({ ok: true });
  });

  it('经开区 办事指南 五（二）: in the open round one application waits at 实质审核, one at 线下受理 with its paper dossier due 3 working days after the notice', async () => {
    const etdz = await openCallApps('etdz-2024', await t.login('etdz-officer'));
    expect(etdz.filter((a) => a.status === 'substantive-review')).toHaveLength(1);
    const paper = etdz.find((a) => a.status === 'paper-intake')!;
    const [request] = await db().select().from(paperDossierRequests).where(eq(paperDossierRequests.applicationId, paper.id));
    expect(request.receivedAt).toBeNull();
    expect(request.deadline).toBe(addWorkingDays(shanghaiDate(request.requestedAt), 3).date);
    expect(request.deadline >= today).toBe(true);
    // The intake desk still has its queue (the intake demo's submitted applications are untouched).
    expect(etdz.filter((a) => a.status === 'submitted').length).toBeGreaterThanOrEqual(2);
  });

  it('loading the review demo again adds nothing', async () => {
    const tables = [experts, panelDraws, reviewAssignments, reviewScores, applications] as const;
    const counts = async () => Promise.all(tables.map(async (tb) => Number((await db().select({ n: count() }).from(tb))[0].n)));
    const before = await counts();
    await loadReviewDemo(db(), clock.now(), localStorage(path.join(dataDir, 'files')));
    expect(await counts()).toEqual(before);
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
