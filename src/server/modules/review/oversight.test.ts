import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { accessLog, auditEvents, reviewDeadlines } from '../../db/schema';
import { FORMULA_UNIT, seedReview, type SeededReview } from './oversight.test-helpers';

const clock = testClock('2026-06-15T02:00:00Z'); // Monday 10:00 Beijing time, inside the 大兴 2026 project window
let t: TestApp;
let s: SeededReview;
const cookies: Record<string, string> = {};
const as = async (u: string) => (cookies[u] ??= await t.login(u));

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  s = await seedReview(t);
  // The officer sets the experts' deadline while it is still ahead (2026-06-15), then time passes.
  const res = await t.app.inject({ method: 'PUT', url: `/api/review/calls/${s.callId}/deadlines`, headers: { cookie: await as('daxing-officer') }, payload: { stage: 'expert-review', dueOn: '2026-07-03' } });
  if (res.statusCode !== 200) throw new Error(`deadline: ${res.statusCode} ${res.body}`);
  clock.set('2026-07-10T02:00:00Z');
  for (const k of Object.keys(cookies)) delete cookies[k]; // the sessions of 2026-06-15 have expired
}, 120_000);
afterAll(() => t?.close());

const get = async (url: string, user?: string) => t.app.inject({ method: 'GET', url, headers: user ? { cookie: await as(user) } : {} });

describe('[REVIEW] review dashboard per call (issue 5: counts per stage, overdue items, expert progress)', () => {
  it('[REVIEW] 京兴人社发〔2025〕21号 第十一条: the officer sees the call with counts per stage in the edition’s order', async () => {
    const res = await get('/api/review/calls', 'daxing-officer');
    expect(res.statusCode, res.body).toBe(200);
    const call = res.json().find((c: { id: string }) => c.id === s.callId);
    expect(call.stages.map((x: { title: string; count: number }) => [x.title, x.count])).toEqual([
      ['初审', 1],
      ['专家评审', 1],
      ['评审完成，待排名', 1],
      ['拟定名单', 0],
      ['不予通过', 0],
    ]);
    expect(call.byStatus).toEqual({ returned: 1, 'expert-review': 1, scored: 1 });
    // Another district's calls are not listed.
    expect(res.json().some((c: { id: string }) => c.id === s.etdzCallId)).toBe(false);
  });

  it('[REVIEW] 经开区 stages follow its text: 初审 → 审核 → 线下受理 → 专家评审', async () => {
    const res = await get(`/api/review/calls/${s.etdzCallId}/dashboard`, 'etdz-officer');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().stages.map((x: { id: string }) => x.id)).toEqual(['completeness-check', 'substantive-review', 'paper-intake', 'expert-review', 'scored', 'proposed', 'rejected']);
    expect(res.json().stages.find((x: { id: string }) => x.id === 'paper-intake').count).toBe(1);
    // 纸质材料 due 2026-06-20, not received by 2026-07-10.
    expect(res.json().overdue).toEqual([
      expect.objectContaining({ kind: 'paper-dossier', applicationNumber: s.paper.number, dueOn: '2026-06-20', daysOverdue: 20, reason: expect.stringContaining('未登记收件') }),
    ]);
  });

  it('[REVIEW] overdue: 补正 past its deadline, and experts who have not scored by the officer’s deadline', async () => {
    const res = await get(`/api/review/calls/${s.callId}/dashboard`, 'daxing-officer');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.today).toBe('2026-07-10');
    expect(d.expertReviewDeadline).toEqual(expect.objectContaining({ dueOn: '2026-07-03', setByName: '周云汉（大兴区人社局）' }));
    const overdue = d.overdue.map((o: { kind: string; applicationNumber: string; expertName: string | null; dueOn: string }) => [o.kind, o.applicationNumber, o.expertName, o.dueOn]);
    expect(overdue).toHaveLength(3);
    // 5 working days from Mon 2026-06-15 skip 端午 (06-19): due 2026-06-23.
    expect(overdue).toContainEqual(['correction', s.returned.number, null, '2026-06-23']);
    expect(overdue).toContainEqual(['expert-review', s.inReview.number, '刘淑华', '2026-07-03']); // accepted, not submitted
    expect(overdue).toContainEqual(['expert-review', s.inReview.number, '马卫东', '2026-07-03']); // not even declared
    expect(d.overdue.find((o: { kind: string }) => o.kind === 'correction').reason).toContain('单位尚未重新提交');
  });

  it('[REVIEW] expert progress counts assigned, declared, conflicts and submitted; the proposal state is shown', async () => {
    const d = (await get(`/api/review/calls/${s.callId}/dashboard`, 'daxing-officer')).json();
    const row = (name: string) => d.experts.find((e: { name: string }) => e.name === name);
    expect(row('陈建国')).toMatchObject({ assigned: 2, declared: 2, conflicts: 0, submitted: 2, pending: 0 });
    expect(row('刘淑华')).toMatchObject({ assigned: 2, declared: 2, conflicts: 0, submitted: 1, pending: 1 });
    expect(row('赵立新')).toMatchObject({ assigned: 1, declared: 1, conflicts: 1, submitted: 0, pending: 0 });
    expect(row('马卫东')).toMatchObject({ assigned: 2, declared: 1, conflicts: 0, submitted: 1, pending: 1 });
    expect(d.proposal).toMatchObject({ status: 'draft', items: 1, proposed: 1, quota: 10 });
  });

  it('[REVIEW] setting the deadline is audited, refuses a past date and a bad date, nothing changed', async () => {
    const officer = await as('daxing-officer');
    const put = (dueOn: string) => t.app.inject({ method: 'PUT', url: `/api/review/calls/${s.callId}/deadlines`, headers: { cookie: officer }, payload: { stage: 'expert-review', dueOn } });
    const past = await put('2026-07-01');
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe('截止日不能早于今天');
    expect((await put('2026-02-30')).statusCode).toBe(400);
    expect((await put('明天')).statusCode).toBe(400);
    const [row] = await t.database.db.select().from(reviewDeadlines).where(eq(reviewDeadlines.callId, s.callId));
    expect(row.dueOn).toBe('2026-07-03');
    const audited = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'review.deadline_set'), eq(auditEvents.entityId, s.callId)));
    expect(audited).toHaveLength(1);
    expect(audited[0].after).toMatchObject({ dueOn: '2026-07-03', stage: 'expert-review' });
  });
});

describe('[REVIEW] inspector (纪检监察) view: every stage, every score, who saw what when', () => {
  it('[REVIEW] the record holds each score per criterion with comments, the draw with its exclusions, assignments and declarations', async () => {
    const res = await get(`/api/review/calls/${s.callId}/record`, 'daxing-inspector');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.rubric.map((c: { title: string }) => c.title)).toEqual(['需求方面的必要性', '执行方面的可行性和可靠性', '经费预算的合理性和合法性', '成果的效益性', '评价的科学性', '过程的可监督性']);
    // Submitted sheets only (a draft is not a score yet).
    expect(r.scores).toHaveLength(4);
    const low = r.scores.find((x: { assignmentId: string }) => x.assignmentId === s.assignments.c5);
    expect(low.expertName).toBe('马卫东');
    expect(low.criteria[0]).toMatchObject({ id: 'necessity', title: '需求方面的必要性', points: 55, comment: '同类项目区内已有，必要性不足' });
    expect(low.submittedAt).toBe('2026-06-14T15:20:00+08:00');

    expect(r.draws).toEqual([
      expect.objectContaining({
        id: s.drawId,
        seed: 'b3f1c2d4e5a60718293a4b5c6d7e8f90',
        candidates: expect.arrayContaining([{ expertId: s.experts.outside, name: '钱有才' }]),
        excluded: [{ expertId: s.experts.outside, name: '钱有才', reason: expect.stringContaining('同一单位回避') }],
        drawn: [expect.objectContaining({ name: '刘淑华' }), expect.objectContaining({ name: '陈建国' }), expect.objectContaining({ name: '马卫东' }), expect.objectContaining({ name: '赵立新' })],
        verifyUrl: `/api/review/draws/${s.drawId}/verify`,
      }),
    ]);
    const conflict = r.assignments.find((a: { id: string }) => a.id === s.assignments.b3);
    expect(conflict).toMatchObject({ expertName: '赵立新', status: 'conflict', conflict: { kind: 'former-employer', note: '三年内曾在该单位任职' }, replacedBy: s.assignments.b5, declaredAt: '2026-06-14T13:20:00+08:00' });

    const app = r.applications.find((a: { id: string }) => a.id === s.returned.id);
    expect(app.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['submitted', 'returned']));
    expect(app.corrections[0]).toMatchObject({ round: 1, deadline: '2026-06-23' });
    expect(r.applications.find((a: { id: string }) => a.id === s.inReview.id).verdicts).toHaveLength(2);
    expect(r.proposal).toMatchObject({ status: 'draft', items: [expect.objectContaining({ applicationNumber: s.scored.number, rank: 1, proposed: true, amount: 50000 })] });
    // Audit events of these entities: the return for correction and the deadline.
    expect(r.audit.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['application.submitted', 'application.returned', 'review.deadline_set']));
  });

  it('[REVIEW] who saw what when: the expert’s read appears with its time, and the inspector’s own read is logged too', async () => {
    const first = (await get(`/api/review/calls/${s.callId}/record`, 'daxing-inspector')).json();
    const expertRead = first.accessLog.find((l: { userName: string }) => l.userName === 'expert1');
    expect(expertRead).toMatchObject({ role: 'expert', what: 'application', applicationNumber: s.inReview.number, at: '2026-06-14T13:30:00+08:00' });
    const second = (await get(`/api/review/calls/${s.callId}/record`, 'daxing-inspector')).json();
    expect(second.accessLog.filter((l: { userName: string; what: string }) => l.userName === 'daxing-inspector' && l.what === 'review-record').length).toBeGreaterThanOrEqual(2);
    const logged = await t.database.db.select().from(accessLog).where(and(eq(accessLog.callId, s.callId), eq(accessLog.what, 'review-record')));
    expect(logged.every((l) => l.at.toISOString() === '2026-07-10T02:00:00.000Z')).toBe(true);
  });

  it('[REVIEW] the record exports to Excel, one sheet per part; a unit name starting with "=" stays text', async () => {
    const res = await get(`/api/review/calls/${s.callId}/record.xlsx`, 'daxing-inspector');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('评审全过程记录');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '申报与流程', '审核意见', '纸质收件', '专家抽取', '分配与回避', '评分明细', '拟定名单', '访问记录', '审计事件']);
    const values = (name: string) => wb.getWorksheet(name)!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    const flow = values('申报与流程');
    const formulaRow = flow.find((row) => row[0] === s.inReview.number)!;
    expect(formulaRow[1]).toBe(`'${FORMULA_UNIT}`);
    // Nothing in the workbook is a formula.
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    // Scores per criterion: 4 sheets × 6 criteria.
    const scores = values('评分明细');
    expect(scores).toHaveLength(24);
    expect(scores).toContainEqual(expect.arrayContaining([s.scored.number, '马卫东', '需求方面的必要性', 55, '同类项目区内已有，必要性不足']));
    expect(values('专家抽取')[0]).toEqual(expect.arrayContaining(['b3f1c2d4e5a60718293a4b5c6d7e8f90', '钱有才（同一单位回避：现工作单位为申报单位北京大兴焊接技术有限公司）']));
    expect(values('访问记录').some((row) => row[1] === 'expert1' && row[0] === '2026-06-14 13:30')).toBe(true);
    // The export is itself audited.
    const exported = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'review.record_exported'), eq(auditEvents.entityId, s.callId)));
    expect(exported).toHaveLength(1);
  });

  it('[REVIEW] a program officer may read the record too; the intake-only view stays on the dashboard', async () => {
    expect((await get(`/api/review/calls/${s.callId}/record`, 'daxing-officer')).statusCode).toBe(200);
    expect((await get(`/api/review/calls/${s.callId}/dashboard`, 'daxing-inspector')).statusCode).toBe(200);
  });
});

describe('[REVIEW] who may call what (DESIGN.md roles: the inspector reads everything in its jurisdiction, never writes)', () => {
  it('[REVIEW] the inspector gets 403 on every write route, and nothing changes', async () => {
    const res = await t.app.inject({ method: 'PUT', url: `/api/review/calls/${s.callId}/deadlines`, headers: { cookie: await as('daxing-inspector') }, payload: { stage: 'expert-review', dueOn: '2026-12-31' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const [row] = await t.database.db.select().from(reviewDeadlines).where(eq(reviewDeadlines.callId, s.callId));
    expect(row.dueOn).toBe('2026-07-03');
    // Every non-GET route of the review (all slices, from the OpenAPI document) refuses the inspector before reading the body.
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const writes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/review'))
      .flatMap(([path, ops]) => Object.keys(ops).filter((m) => !['get', 'head'].includes(m)).map((m) => [m.toUpperCase(), path.replace(/\{[^}]+\}/g, s.callId)] as const));
    expect(writes).toContainEqual(['PUT', `/api/review/calls/${s.callId}/deadlines`]);
    for (const [method, url] of writes) {
      const w = await t.app.inject({ method, url, headers: { cookie: await as('daxing-inspector') }, payload: {} });
      expect(w.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('[REVIEW] another jurisdiction’s officer or inspector gets 404; a unit and an expert get 403; anonymous 401', async () => {
    for (const url of [`/api/review/calls/${s.callId}/dashboard`, `/api/review/calls/${s.callId}/record`, `/api/review/calls/${s.callId}/record.xlsx`]) {
      expect((await get(url, 'etdz-officer')).statusCode, url).toBe(404);
      expect((await get(url, 'unit-a')).statusCode, url).toBe(403);
      expect((await get(url, 'expert1')).statusCode, url).toBe(403);
      expect((await get(url)).statusCode, url).toBe(401);
    }
    expect((await get(`/api/review/calls/${s.etdzCallId}/record`, 'daxing-inspector')).statusCode).toBe(404);
    expect((await get(`/api/review/calls/${s.etdzCallId}/dashboard`, 'daxing-officer')).statusCode).toBe(404);
    const put = await t.app.inject({ method: 'PUT', url: `/api/review/calls/${s.callId}/deadlines`, headers: { cookie: await as('etdz-officer') }, payload: { stage: 'expert-review', dueOn: '2026-12-31' } });
    expect(put.statusCode).toBe(404);
    for (const u of ['unit-a', 'expert1']) {
      const w = await t.app.inject({ method: 'PUT', url: `/api/review/calls/${s.callId}/deadlines`, headers: { cookie: await as(u) }, payload: { stage: 'expert-review', dueOn: '2026-12-31' } });
      expect(w.statusCode).toBe(403);
    }
    expect((await get('/api/review/calls', 'unit-a')).statusCode).toBe(403);
    expect((await get('/api/review/calls', 'daxing-inspector')).json().some((c: { id: string }) => c.id === s.etdzCallId)).toBe(false);
    expect((await get('/api/review/calls/not-a-uuid/dashboard', 'daxing-officer')).statusCode).toBe(400);
  });
});
