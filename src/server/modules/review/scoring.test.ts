import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEdition } from '../../../policy/editions';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { accessLog, applicationEvents, applicationForms, applications, auditEvents, calls, experts, proposalItems, proposals, reviewAssignments, reviewScores, units, users } from '../../db/schema';
import { openCall, seedDaxingProjectApplication } from '../applications/applications.test-helpers';
import { fundingOf, quotaOf } from './scoring.service';

/**
 * Scoring, ranking and the proposal through HTTP on a real database (issue 5). Experts and assignments are seeded as
 * rows (the pool and the declarations belong to the panels slice); every scoring step is an HTTP request.
 * 大兴: 京兴人社发〔2025〕21号 第九条（二）2 (project rubric), 第十一条 (expert review), 第四条 (≤10 projects a round),
 * 第十四条 (≤50,000 CNY a project).
 */

const clock = testClock('2026-06-15T02:00:00Z');
let t: TestApp;
let officer: string;
const expertIds: Record<string, string> = {};
let seq = 0;

type Inject = Awaited<ReturnType<TestApp['app']['inject']>>;
const json = (res: Inject) => res.json() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  officer = await t.login('daxing-officer');
  const db = t.database.db;
  // The daxing expert pool: the four demo experts with a daxing expert role, and two pool members without an account.
  for (const username of ['expert1', 'expert2', 'expert3', 'expert5']) {
    const [u] = await db.select().from(users).where(eq(users.username, username));
    // The demo data may already hold the pool (review demo); otherwise the row is added here.
    const [existing] = await db.select().from(experts).where(and(eq(experts.jurisdictionId, 'daxing'), eq(experts.userId, u.id)));
    const id = existing?.id ?? randomUUID();
    if (!existing) await db.insert(experts).values({ id, jurisdictionId: 'daxing', userId: u.id, name: u.displayName, employer: '北京某职业技术学院', fields: ['数控加工'], createdAt: clock.now(), updatedAt: clock.now() });
    expertIds[username] = id;
  }
  for (const name of ['钱专家', '吴专家']) {
    const id = randomUUID();
    await db.insert(experts).values({ id, jurisdictionId: 'daxing', userId: null, name, employer: '北京某技师学院', fields: ['数控加工'], createdAt: clock.now(), updatedAt: clock.now() });
    expertIds[name] = id;
  }
}, 120_000);
afterAll(() => t.close());

/**
 * A 大兴 project call with `n` applications in expert review: the first filed through the API by unit-a, the others
 * copies filed by further daxing units (seeded as rows; one application per unit and call).
 */
async function reviewCall(n: number, quota = 10) {
  seq += 1;
  const callId = await openCall(t.app, officer, { title: `2026年大兴区技能大师工作室建设项目评选（评分测试${seq}）`, quota });
  const first = await seedDaxingProjectApplication(t.app, await t.login('unit-a'), callId);
  const db = t.database.db;
  const [orig] = await db.select().from(applications).where(eq(applications.id, first.id));
  const forms = await db.select().from(applicationForms).where(eq(applicationForms.applicationId, first.id));
  const apps = [{ id: first.id, number: first.number }];
  for (let k = 2; k <= n; k++) {
    const unitId = randomUUID();
    await db.insert(units).values({ id: unitId, name: `北京测试单位${seq}-${k}有限公司`, creditCode: `TEST${seq}X${k}${randomUUID().slice(0, 8)}`, jurisdictionId: 'daxing' });
    const id = randomUUID();
    const number = `${orig.number}-${k}`;
    await db.insert(applications).values({ ...orig, id, number, unitId, title: `测试项目${k}` });
    await db.insert(applicationForms).values(forms.map((f) => ({ ...f, applicationId: id })));
    apps.push({ id, number });
  }
  // The desk stages belong to another slice: the applications are placed in expert review directly.
  await db.update(applications).set({ status: 'expert-review' }).where(eq(applications.callId, callId));
  return { callId, apps };
}

async function assign(callId: string, applicationId: string, expert: string, status = 'accepted') {
  const id = randomUUID();
  await t.database.db.insert(reviewAssignments).values({ id, callId, applicationId, expertId: expertIds[expert], status, assignedAt: clock.now(), declaredAt: status === 'pending' ? null : clock.now() });
  return id;
}

/** Points for every criterion of the 大兴 project rubric. */
const RUBRIC = getEdition('daxing-2025')!.programs.find((p) => p.id === 'construction-project')!.rubric!;
const all = (points: number) => Object.fromEntries(RUBRIC.map((c) => [c.id, points]));
const comments = (text: string) => Object.fromEntries(RUBRIC.map((c) => [c.id, text]));

const sheet = async (cookie: string, id: string) => t.app.inject({ method: 'GET', url: `/api/review/assignments/${id}/sheet`, headers: { cookie } });
const save = async (cookie: string, id: string, body: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: `/api/review/assignments/${id}/score`, headers: { cookie }, payload: { comments: {}, ...body } });
const submit = async (cookie: string, id: string) => t.app.inject({ method: 'POST', url: `/api/review/assignments/${id}/score/submit`, headers: { cookie }, payload: {} });

/** An expert scores every criterion with `points` and submits (comments everywhere, so extremes pass). */
async function scoreAndSubmit(expert: string, assignmentId: string, points: number) {
  const cookie = await t.login(expert);
  const saved = await save(cookie, assignmentId, { criteria: all(points), comments: comments('依据申报书逐项评议。'), overallComment: '总体评价：项目可行。', version: 0 });
  expect(saved.statusCode, saved.body).toBe(200);
  const res = await submit(cookie, assignmentId);
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}

/** A pool member without an account (scores on paper, entered as rows): a submitted score with `total`. */
async function paperScore(callId: string, applicationId: string, expert: string, points: number) {
  const id = await assign(callId, applicationId, expert, 'submitted');
  await t.database.db.insert(reviewScores).values({ assignmentId: id, criteria: all(points), comments: {}, overallComment: '纸质评分录入', total: points, status: 'submitted', version: 2, updatedAt: clock.now(), submittedAt: clock.now() });
}

describe('[REVIEW] 第十一条 the score sheet: only the expert’s own accepted assignment', () => {
  it('pending → 409 请先声明利益冲突; conflict → 403; someone else’s or withdrawn → 404; accepted → the application and the rubric, logged', async () => {
    const { callId, apps } = await reviewCall(1);
    const pending = await assign(callId, apps[0].id, 'expert1', 'pending');
    const conflict = await assign(callId, apps[0].id, 'expert2', 'conflict');
    const withdrawn = await assign(callId, apps[0].id, 'expert5', 'withdrawn');
    const accepted = await assign(callId, apps[0].id, 'expert3');

    const p = await sheet(await t.login('expert1'), pending);
    expect(p.statusCode).toBe(409);
    expect(json(p).error.message).toContain('请先声明利益冲突');
    expect((await sheet(await t.login('expert2'), conflict)).statusCode).toBe(403);
    expect((await sheet(await t.login('expert5'), withdrawn)).statusCode).toBe(404);
    // Another expert's assignment, an officer and a unit: not theirs.
    expect((await sheet(await t.login('expert1'), accepted)).statusCode).toBe(404);
    expect((await sheet(officer, accepted)).statusCode).toBe(403);
    expect((await sheet(await t.login('unit-a'), accepted)).statusCode).toBe(403);

    const res = await sheet(await t.login('expert3'), accepted);
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body.rubric.map((c: { title: string }) => c.title)).toEqual([
      '需求方面的必要性',
      '执行方面的可行性和可靠性',
      '经费预算的合理性和合法性',
      '成果的效益性',
      '评价的科学性',
      '过程的可监督性',
    ]);
    expect(body.rubric[0].citation).toMatchObject({ document: '京兴人社发〔2025〕21号' });
    expect(body.application.number).toBe(apps[0].number);
    expect(body.application.forms.find((f: { id: string }) => f.id === 'work-plan')).toBeTruthy();
    const link = body.application.materials.flatMap((m: { files: { url: string }[] }) => m.files)[0];
    expect(link.url).toMatch(new RegExp(`^/api/applications/${apps[0].id}/materials/`));
    // The link works for the expert with the accepted assignment (the materials route is opened to them), not for the pending one.
    expect((await t.app.inject({ method: 'GET', url: link.url, headers: { cookie: await t.login('expert3') } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: link.url, headers: { cookie: await t.login('expert1') } })).statusCode).toBe(404);
    expect(body.score).toBeNull();
    const log = await t.database.db.select().from(accessLog).where(eq(accessLog.applicationId, apps[0].id));
    expect(log.some((l) => l.what === 'application' && l.userName === 'expert3')).toBe(true);
  });
});

describe('[REVIEW] 第十一条 scoring: range, drafts, extreme scores, submission', () => {
  let assignmentId: string;
  let cookie: string;
  beforeAll(async () => {
    const { callId, apps } = await reviewCall(1);
    assignmentId = await assign(callId, apps[0].id, 'expert1');
    cookie = await t.login('expert1');
  });

  it('a criterion out of range or with two decimals → 400 per field, nothing saved', async () => {
    const res = await save(cookie, assignmentId, { criteria: { ...all(80), necessity: 101, budget: 80.25 }, version: 0 });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.fields).toEqual({ 'criteria.necessity': '分值应在 0 至 100 之间', 'criteria.budget': '分值最多保留一位小数' });
    const unknown = await save(cookie, assignmentId, { criteria: { 'no-such': 50 }, version: 0 });
    expect(json(unknown).error.fields).toEqual({ 'criteria.no-such': '没有此评分项' });
    expect(await t.database.db.select().from(reviewScores).where(eq(reviewScores.assignmentId, assignmentId))).toEqual([]);
  });

  it('a draft keeps partial points; a stale version → 409', async () => {
    const res = await save(cookie, assignmentId, { criteria: { necessity: 80, feasibility: null }, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).score).toMatchObject({ status: 'draft', version: 1, total: null, criteria: { necessity: 80 } });
    const stale = await save(cookie, assignmentId, { criteria: all(70), version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.code).toBe('SCORE_STALE');
  });

  it('an extreme score (below 60 % or at least 95 % of the maximum) without a comment is refused at submit; so is a missing overall comment', async () => {
    const saved = await save(cookie, assignmentId, { criteria: { ...all(80), necessity: 50, benefits: 96 }, comments: { benefits: '成果推广面广。' }, version: 1 });
    expect(json(saved).score.total).toBe(77.7); // (4 × 80 + 50 + 96) / 6
    const res = await submit(cookie, assignmentId);
    expect(res.statusCode).toBe(400);
    const fields = json(res).error.fields;
    expect(Object.keys(fields).sort()).toEqual(['comments.necessity', 'overallComment']);
    expect(fields['comments.necessity']).toContain('须填写评语');
    expect((await t.database.db.select().from(reviewScores).where(eq(reviewScores.assignmentId, assignmentId)))[0].status).toBe('draft');
  });

  it('submitted: the sheet is fixed — any change → 409, the score unchanged, the assignment submitted, audited', async () => {
    await save(cookie, assignmentId, { criteria: { ...all(80), necessity: 50, benefits: 96 }, comments: { necessity: '需求论证不足。', benefits: '成果推广面广。' }, overallComment: '总体较好。', version: 2 });
    const res = await submit(cookie, assignmentId);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).score).toMatchObject({ status: 'submitted', total: 77.7 });
    expect(json(res).assignment.status).toBe('submitted');
    const again = await save(cookie, assignmentId, { criteria: all(99), comments: comments('改分'), overallComment: '改', version: 4 });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('SCORE_SUBMITTED');
    expect((await submit(cookie, assignmentId)).statusCode).toBe(409);
    const [row] = await t.database.db.select().from(reviewScores).where(eq(reviewScores.assignmentId, assignmentId));
    expect(row).toMatchObject({ status: 'submitted', total: 77.7 });
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, assignmentId), eq(auditEvents.action, 'score.submitted')));
    expect(audit).toHaveLength(1);
  });

  it('scoring an unassigned application (someone else’s assignment), a pending, withdrawn or conflicted assignment: refused, nothing written', async () => {
    const { callId, apps } = await reviewCall(1);
    const others = await assign(callId, apps[0].id, 'expert2');
    const pending = await assign(callId, apps[0].id, 'expert1', 'pending');
    const conflict = await assign(callId, apps[0].id, 'expert3', 'conflict');
    const withdrawn = await assign(callId, apps[0].id, 'expert5', 'withdrawn');
    const body = { criteria: all(80), version: 0 };
    expect((await save(await t.login('expert1'), others, body)).statusCode).toBe(404);
    expect((await save(await t.login('expert1'), pending, body)).statusCode).toBe(409);
    expect((await save(await t.login('expert3'), conflict, body)).statusCode).toBe(403);
    expect((await save(await t.login('expert5'), withdrawn, body)).statusCode).toBe(404);
    expect((await submit(await t.login('expert3'), conflict)).statusCode).toBe(403);
    expect(await t.database.db.select().from(reviewScores).where(inArray(reviewScores.assignmentId, [others, pending, conflict, withdrawn]))).toEqual([]);
  });
});

describe('[REVIEW] 第十一条 the officer sees each expert’s submitted total, outliers and the aggregate', () => {
  it('an outlier (more than 15 points from the median of the others) is flagged; a draft reads "in progress"; trimmed mean with 5 scores', async () => {
    const { callId, apps } = await reviewCall(2);
    const [a, b] = apps;
    await scoreAndSubmit('expert1', await assign(callId, a.id, 'expert1'), 82);
    await scoreAndSubmit('expert2', await assign(callId, a.id, 'expert2'), 85);
    await scoreAndSubmit('expert3', await assign(callId, a.id, 'expert3'), 60);
    const draft = await assign(callId, a.id, 'expert5');
    await save(await t.login('expert5'), draft, { criteria: { necessity: 90 }, version: 0 });
    // b: five scores — 90, 80, 70, 60 (paper) and 20 → drop 90 and 20 → 70.
    await scoreAndSubmit('expert1', await assign(callId, b.id, 'expert1'), 90);
    await scoreAndSubmit('expert2', await assign(callId, b.id, 'expert2'), 80);
    await scoreAndSubmit('expert3', await assign(callId, b.id, 'expert3'), 70);
    await paperScore(callId, b.id, '钱专家', 60);
    await paperScore(callId, b.id, '吴专家', 20);

    const res = await t.app.inject({ method: 'GET', url: `/api/review/calls/${callId}/scores`, headers: { cookie: officer } });
    expect(res.statusCode, res.body).toBe(200);
    const rows = json(res).applications as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const ra = rows.find((r) => r.id === a.id);
    expect(ra).toMatchObject({ submitted: 3, required: 3, aggregate: 75.7, trimmed: false, outliers: 1 });
    const low = ra.scores.find((s: { total: number }) => s.total === 60);
    expect(low.outlier).toEqual({ otherMedian: 83.5, distance: 23.5 });
    const inProgress = ra.scores.find((s: { assignmentId: string }) => s.assignmentId === draft);
    expect(inProgress).toMatchObject({ total: null, inProgress: true, criteria: null });
    const rb = rows.find((r) => r.id === b.id);
    expect(rb).toMatchObject({ submitted: 5, aggregate: 70, trimmed: true });

    // Another district's officer, an expert, a unit: 404 / 403.
    expect((await t.app.inject({ method: 'GET', url: `/api/review/calls/${callId}/scores`, headers: { cookie: await t.login('etdz-officer') } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/review/calls/${callId}/scores`, headers: { cookie: await t.login('expert1') } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/review/calls/${callId}/scores`, headers: { cookie: await t.login('unit-a') } })).statusCode).toBe(403);
    // The inspector reads (纪检监察).
    expect((await t.app.inject({ method: 'GET', url: `/api/review/calls/${callId}/scores`, headers: { cookie: await t.login('daxing-inspector') } })).statusCode).toBe(200);
  });
});

/** A call whose applications are scored with the given totals (3 experts each) and closed. */
async function scoredCall(totals: number[], quota = 10) {
  const { callId, apps } = await reviewCall(totals.length, quota);
  for (const [i, app] of apps.entries()) {
    for (const e of ['expert1', 'expert2', 'expert3']) await scoreAndSubmit(e, await assign(callId, app.id, e), totals[i]);
  }
  const res = await t.app.inject({ method: 'POST', url: `/api/review/calls/${callId}/close-review`, headers: { cookie: officer }, payload: {} });
  expect(res.statusCode, res.body).toBe(200);
  return { callId, apps };
}

const ranking = async (callId: string, cookie = officer) => t.app.inject({ method: 'GET', url: `/api/review/calls/${callId}/ranking`, headers: { cookie } });
const propose = async (callId: string, payload: Record<string, unknown>, cookie = officer) =>
  t.app.inject({ method: 'PUT', url: `/api/review/calls/${callId}/proposal`, headers: { cookie }, payload });

describe('[REVIEW] closing the expert review', () => {
  it('applications with 3 submitted scores move to 评审完成; incomplete ones are listed and left in expert review; audited', async () => {
    const { callId, apps } = await reviewCall(2);
    for (const e of ['expert1', 'expert2', 'expert3']) await scoreAndSubmit(e, await assign(callId, apps[0].id, e), 80);
    await scoreAndSubmit('expert1', await assign(callId, apps[1].id, 'expert1'), 80);
    const res = await t.app.inject({ method: 'POST', url: `/api/review/calls/${callId}/close-review`, headers: { cookie: officer }, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).closed).toEqual([{ id: apps[0].id, number: apps[0].number }]);
    expect(json(res).incomplete).toEqual([{ id: apps[1].id, number: apps[1].number, submitted: 1, required: 3 }]);
    const statuses = await t.database.db.select({ id: applications.id, status: applications.status }).from(applications).where(eq(applications.callId, callId));
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [apps[0].id]: 'scored', [apps[1].id]: 'expert-review' });
    expect(await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, apps[0].id), eq(auditEvents.action, 'review.review_closed')))).toHaveLength(1);
    // Once closed, the expert can no longer change anything.
    const late = await scoreAndSubmitExpectingRefusal('expert5', await assign(callId, apps[0].id, 'expert5'));
    expect(late).toBe(409);
    // Closing again changes nothing.
    const again = await t.app.inject({ method: 'POST', url: `/api/review/calls/${callId}/close-review`, headers: { cookie: officer }, payload: { applicationIds: [apps[0].id] } });
    expect(json(again).closed).toEqual([]);
    expect(json(again).skipped[0].reason).toContain('评审完成');
    // An expert or another district's officer cannot close.
    expect((await t.app.inject({ method: 'POST', url: `/api/review/calls/${callId}/close-review`, headers: { cookie: await t.login('expert1') }, payload: {} })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/review/calls/${callId}/close-review`, headers: { cookie: await t.login('etdz-officer') }, payload: {} })).statusCode).toBe(404);
  });
});

describe('[REVIEW] two officers closing the review at once', () => {
  it('each application moves to 评审完成 exactly once: one event, one audit record', async () => {
    const { callId, apps } = await reviewCall(1);
    for (const e of ['expert1', 'expert2', 'expert3']) await scoreAndSubmit(e, await assign(callId, apps[0].id, e), 75);
    const [a, b] = [await t.login('daxing-officer'), await t.login('daxing-officer')];
    const results = await Promise.all([a, b].map((cookie) => t.app.inject({ method: 'POST', url: `/api/review/calls/${callId}/close-review`, headers: { cookie }, payload: {} })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(results.flatMap((r) => json(r).closed)).toHaveLength(1);
    expect(await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, apps[0].id), eq(auditEvents.action, 'review.review_closed')))).toHaveLength(1);
    const events = await t.database.db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, apps[0].id), eq(applicationEvents.action, 'review-closed')));
    expect(events).toHaveLength(1);
  });
});

async function scoreAndSubmitExpectingRefusal(expert: string, assignmentId: string) {
  const res = await save(await t.login(expert), assignmentId, { criteria: all(80), version: 0 });
  return res.statusCode;
}

describe('[REVIEW] 第四条 ranking under the quota and the officer’s proposal', () => {
  it('ties share a rank and are flagged; a tie across the quota line is flagged for the officer; the amount is capped by 第十四条 and the 经费计划', async () => {
    const { callId, apps } = await scoredCall([90, 80, 80, 70], 2);
    const res = await ranking(callId);
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body.quota).toMatchObject({ value: 2, callQuota: 2, editionQuota: 10 });
    expect(body.funding).toMatchObject({ kind: 'capped', amount: 50000 });
    expect(body.rows.map((r: any) => [r.number, r.rank, r.tied, r.withinQuota, r.straddlesQuota])).toEqual([ // eslint-disable-line @typescript-eslint/no-explicit-any
      [apps[0].number, 1, false, true, false],
      [apps[1].number, 2, true, false, true],
      [apps[2].number, 2, true, false, true],
      [apps[3].number, 4, false, false, false],
    ]);
    // The 经费计划 of the application adds up to 45,000: the suggestion stays below the 50,000 cap.
    expect(body.rows[0].suggestedAmount).toBe(45000);
  });

  it('more proposed than the quota → 409; a departure without a reason → 400; an amount above 50,000 or the 经费计划 → 400; nothing saved', async () => {
    const { callId, apps } = await scoredCall([90, 85, 70], 2);
    const [a, b, c] = apps;
    // a's 经费计划 adds up to 80,000 (as if the unit had planned more than the subsidy): the cap of 第十四条 applies.
    const [wp] = await t.database.db.select().from(applicationForms).where(and(eq(applicationForms.applicationId, a.id), eq(applicationForms.formId, 'work-plan')));
    await t.database.db
      .update(applicationForms)
      .set({ data: { ...wp.data, budget: [{ purpose: '人才培训', detail: '实训', amount: 80000 }] } })
      .where(and(eq(applicationForms.applicationId, a.id), eq(applicationForms.formId, 'work-plan')));
    const over = await propose(callId, { version: 0, items: [a, b, c].map((x) => ({ applicationId: x.id, proposed: true, reason: '理由' })) });
    expect(over.statusCode).toBe(409);
    expect(json(over).error.message).toContain('超过名额 2 个');
    const noReason = await propose(callId, { version: 0, items: [{ applicationId: a.id, proposed: true }, { applicationId: b.id, proposed: false }, { applicationId: c.id, proposed: true }] });
    expect(noReason.statusCode).toBe(400);
    expect(Object.keys(json(noReason).error.fields).sort()).toEqual([`items.${b.id}.reason`, `items.${c.id}.reason`].sort());
    const tooMuch = await propose(callId, { version: 0, items: [{ applicationId: a.id, proposed: true, amount: 60000 }, { applicationId: b.id, proposed: true, amount: 48000 }] });
    expect(tooMuch.statusCode).toBe(400);
    expect(json(tooMuch).error.fields).toEqual({ [`items.${a.id}.amount`]: '不能超过 50,000 元（京兴人社发〔2025〕21号 第十四条）', [`items.${b.id}.amount`]: '不能超过申报书经费计划合计 45,000 元' });
    expect(await t.database.db.select().from(proposals).where(eq(proposals.callId, callId))).toEqual([]);

    // With reasons and amounts within the rule: saved.
    const ok = await propose(callId, { version: 0, items: [{ applicationId: a.id, proposed: true, amount: 50000 }, { applicationId: b.id, proposed: false, reason: '经费预算与建设内容不匹配，经评选领导小组研究不予列入' }, { applicationId: c.id, proposed: true, amount: 30000, reason: '递补' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok).proposal).toMatchObject({ status: 'draft', version: 1 });
  });

  it('two concurrent saves, each within the quota, never leave more than the quota proposed: one is refused', async () => {
    const { callId, apps } = await scoredCall([90, 85, 80], 2);
    const [a, b, c] = apps;
    const first = { version: 0, items: [{ applicationId: a.id, proposed: true }, { applicationId: b.id, proposed: true }] };
    const second = { version: 0, items: [{ applicationId: a.id, proposed: false, reason: '经核实存在问题' }, { applicationId: b.id, proposed: true }, { applicationId: c.id, proposed: true, reason: '递补' }] };
    const [r1, r2] = await Promise.all([propose(callId, first), propose(callId, second, await t.login('daxing-officer'))]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const [p] = await t.database.db.select().from(proposals).where(eq(proposals.callId, callId));
    const items = await t.database.db.select().from(proposalItems).where(eq(proposalItems.proposalId, p.id));
    expect(items.filter((i) => i.proposed).length).toBeLessThanOrEqual(2);
    expect(p.version).toBe(1);
  });

  it('submitting moves every ranked application to proposed / not-proposed; the unit still sees 评审中; the list is then fixed', async () => {
    const { callId, apps } = await scoredCall([90, 85, 70], 2);
    const [a, b, c] = apps;
    const saved = await propose(callId, { version: 0, items: [{ applicationId: a.id, proposed: true }, { applicationId: b.id, proposed: true, amount: 40000 }, { applicationId: c.id, proposed: false }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: `/api/review/calls/${callId}/proposal/submit`, headers: { cookie: officer }, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).proposal.status).toBe('submitted');
    const statuses = Object.fromEntries((await t.database.db.select().from(applications).where(eq(applications.callId, callId))).map((x) => [x.id, x.status]));
    expect(statuses).toEqual({ [a.id]: 'proposed', [b.id]: 'proposed', [c.id]: 'not-proposed' });
    const items = await t.database.db.select().from(proposalItems).where(eq(proposalItems.proposalId, json(res).proposal.id));
    expect(items.find((i) => i.applicationId === a.id)?.amount).toBe(45000);
    expect(items.find((i) => i.applicationId === b.id)?.amount).toBe(40000);
    expect(await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'proposal.submitted'))).toHaveLength(1);

    const unitView = json(await t.app.inject({ method: 'GET', url: `/api/applications/${a.id}`, headers: { cookie: await t.login('unit-a') } }));
    expect(unitView.statusName).toBe('评审中');
    expect(JSON.stringify(unitView)).not.toMatch(/拟入选|未拟入选|proposed/);

    const again = await propose(callId, { version: 2, items: [] });
    expect(again.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: `/api/review/calls/${callId}/proposal/submit`, headers: { cookie: officer }, payload: {} })).statusCode).toBe(409);
  });

  it('a proposal cannot be submitted while applications are still in expert review', async () => {
    const { callId, apps } = await reviewCall(2);
    for (const e of ['expert1', 'expert2', 'expert3']) await scoreAndSubmit(e, await assign(callId, apps[0].id, e), 80);
    await t.app.inject({ method: 'POST', url: `/api/review/calls/${callId}/close-review`, headers: { cookie: officer }, payload: {} });
    expect((await propose(callId, { version: 0, items: [{ applicationId: apps[0].id, proposed: true }] })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: `/api/review/calls/${callId}/proposal/submit`, headers: { cookie: officer }, payload: {} });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toContain('1 件申报在专家评审中');
    expect((await t.database.db.select().from(applications).where(eq(applications.id, apps[0].id)))[0].status).toBe('scored');
  });
});

describe('[REVIEW] quota and amounts come from each edition (no district in code)', () => {
  const callOf = (editionId: string, program: string, quota: number | null = null) =>
    ({ id: 'x', editionId, program, quota, opensAt: new Date('2026-06-08T00:00:00+08:00') }) as unknown as typeof calls.$inferSelect;
  const prog = (editionId: string, program: string) => getEdition(editionId)!.programs.find((p) => p.id === program)!;
  it('经开区 办事指南: first recognition fixed 200,000; no quota in the guide', () => {
    const call = callOf('etdz-2024', 'studio-recognition');
    expect(fundingOf(call, prog('etdz-2024', 'studio-recognition'))).toMatchObject({ kind: 'fixed', amount: 200000 });
    expect(quotaOf(call, prog('etdz-2024', 'studio-recognition')).value).toBeNull();
  });
  it('顺义 第八条: fixed 100,000; 第六条 at most 5 a year', () => {
    const edition = getEdition('shunyi-draft')!;
    const call = { ...callOf(edition.id, 'studio-recognition'), opensAt: new Date(`${edition.validFrom}T12:00:00+08:00`) } as typeof calls.$inferSelect;
    expect(fundingOf(call, prog(edition.id, 'studio-recognition'))).toMatchObject({ kind: 'fixed', amount: 100000 });
    expect(quotaOf(call, prog(edition.id, 'studio-recognition')).value).toBe(5);
  });
  it('大兴 第四条: ≤3 studios a round, no amount at recognition; a call quota below the cap wins', () => {
    const call = callOf('daxing-2025', 'studio-recognition', 2);
    expect(fundingOf(call, prog('daxing-2025', 'studio-recognition')).kind).toBe('none');
    expect(quotaOf(call, prog('daxing-2025', 'studio-recognition'))).toMatchObject({ value: 2, editionQuota: 3 });
  });
});
