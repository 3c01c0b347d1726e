import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { daxingProjectForms, multipartFile, tinyPdf } from '../../../../test/helpers/fixtures';
import { calls } from '../../db/schema';
import { disbursementPayments, disbursements, projects } from '../../db/schema/funding';
import { projectAssessments, projectClosures, projectMilestones, projectUpdates } from '../../db/schema/lifecycle';
import { seedNotice } from '../funding/funding.test-helpers';

// The notice of a 大兴 project round ends Fri 2026-09-11 17:00; the decision is taken Monday 2026-09-14 (Beijing time).
const DECIDED = '2026-09-14T01:30:00Z';
const CLOSE_BY = '2026-10-31';
const clock = testClock(DECIDED);
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
});
afterAll(() => t.close());

const inject = async (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: await t.login(who) }, ...(payload !== undefined ? { payload: payload as object } : {}) });

/** A 大兴 project of unit-a decided on 2026-09-14 (the plan's period 2026-07-01 … 2026-10-31), its call closing projects by `closeBy`. */
async function newProject(closeBy: string | null = CLOSE_BY): Promise<{ id: string; lineId: string }> {
  clock.set(DECIDED);
  const seeded = await seedNotice(t.database.db, {
    jurisdiction: 'daxing',
    editionId: 'daxing-2025',
    program: 'construction-project',
    startsOn: '2026-09-07',
    endsOn: '2026-09-11',
    items: [{ unit: 'unit-a', leader: '赵德明', occupation: '数控铣工', projectName: '精密数控加工技艺传承与青年技工培养项目', amount: 45_000, forms: daxingProjectForms() }],
  });
  await t.database.db.update(calls).set({ projectsCloseBy: closeBy }).where(eq(calls.id, seeded.callId));
  const res = await inject('POST', `/api/notices/${seeded.noticeId}/decision`, 'daxing-officer', { document: '京兴人社发〔2026〕40号' });
  expect(res.statusCode, res.body).toBe(200);
  const projectId = res.json().approved[0].projectId as string;
  const [line] = await t.database.db.select().from(disbursements).where(eq(disbursements.projectId, projectId));
  return { id: projectId, lineId: line.id };
}

const planItems = async (id: string) => (await inject('GET', `/api/projects/${id}`, 'unit-a')).json().planItems as { planItem: string; source: 'outcome' | 'goal' }[];
async function closureBody(id: string, achievedOn = '2026-10-20') {
  return {
    summary: '项目按计划书完成：案例集已编印，师带徒考核完成。',
    deliverables: (await planItems(id)).map((p) => ({ ...p, achieved: `已完成：${p.planItem}`, achievedOn, met: true, fileIds: [] })),
  };
}
const count = async (table: typeof projectUpdates | typeof projectClosures | typeof projectAssessments | typeof disbursementPayments) =>
  (await t.database.db.select().from(table as typeof projectUpdates)).length;

describe('[PROJECTS] 京兴人社发〔2025〕21号 第十二条: the approved 计划书 is the baseline of execution', () => {
  it('the decision puts the project in execution with the plan, its 进度安排 as milestones, and the call’s closing date', async () => {
    const { id } = await newProject();
    const [p] = await t.database.db.select().from(projects).where(eq(projects.id, id));
    expect(p).toMatchObject({ status: 'in-execution', periodStart: '2026-07-01', periodEnd: '2026-10-31', closeBy: CLOSE_BY });
    const ms = await t.database.db.select().from(projectMilestones).where(eq(projectMilestones.projectId, id));
    expect(ms.map((m) => [m.position, m.title, m.dueOn, m.status]).sort()).toEqual([
      [1, '启动与调研', '2026-07-31', 'pending'],
      [2, '实施', '2026-09-30', 'pending'],
      [3, '总结结项', '2026-10-31', 'pending'],
    ]);
    const detail = (await inject('GET', `/api/projects/${id}`, 'unit-a')).json();
    expect(detail.plan.outcomeName).toContain('五轴数控加工典型工艺案例集');
    // 成果 then each 预期目标 of the plan, to be answered one by one at closure.
    expect(detail.planItems.map((i: { source: string }) => i.source)).toEqual(['outcome', 'goal', 'goal', 'goal']);
    expect(detail.citation.execution).toContain('京兴人社发〔2025〕21号 第十二条');
    // A call without a closing date: the project closes by the end of its plan.
    const other = await newProject(null);
    const [q] = await t.database.db.select().from(projects).where(eq(projects.id, other.id));
    expect(q.closeBy).toBe('2026-10-31');
  });

  it('the unit marks milestones done and reports progress with evidence it uploaded; another unit’s file or a date outside the period is refused', async () => {
    const { id } = await newProject();
    const pdf = multipartFile('签到表.pdf', tinyPdf(), 'application/pdf');
    const up = await t.app.inject({ method: 'POST', url: `/api/projects/${id}/files`, headers: { cookie: await t.login('unit-a'), ...pdf.headers }, payload: pdf.payload });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id as string;
    // Not a PDF by content: refused (415), nothing stored.
    const fake = multipartFile('fake.pdf', Buffer.from('not a pdf at all'));
    expect((await t.app.inject({ method: 'POST', url: `/api/projects/${id}/files`, headers: { cookie: await t.login('unit-a'), ...fake.headers }, payload: fake.payload })).statusCode).toBe(415);
    // unit-b cannot upload to unit-a's project (404).
    expect((await t.app.inject({ method: 'POST', url: `/api/projects/${id}/files`, headers: { cookie: await t.login('unit-b'), ...fake.headers }, payload: fake.payload })).statusCode).toBe(404);

    const detail = (await inject('GET', `/api/projects/${id}`, 'unit-a')).json();
    const first = detail.milestones[0].id;
    const outside = await inject('PUT', `/api/projects/${id}/milestones/${first}`, 'unit-a', { done: true, completedOn: '2026-06-30', note: '启动会', fileIds: [fileId] });
    expect(outside.statusCode, outside.body).toBe(400);
    expect(outside.json().error).toMatchObject({ code: 'OUTSIDE_PROJECT_PERIOD', fields: { completedOn: expect.any(String) } });
    const done = await inject('PUT', `/api/projects/${id}/milestones/${first}`, 'unit-a', { done: true, completedOn: '2026-07-28', note: '完成调研，确定带徒 12 人', fileIds: [fileId] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().milestones[0]).toMatchObject({ status: 'done', completedOn: '2026-07-28' });
    expect(done.json().updates[0].files).toEqual([expect.objectContaining({ id: fileId, name: '签到表.pdf' })]);
    expect((await inject('PUT', `/api/projects/${id}/milestones/${first}`, 'unit-a', { done: true, completedOn: '2026-07-28', note: '再次', fileIds: [] })).statusCode).toBe(409);

    const before = await count(projectUpdates);
    const progress = await inject('POST', `/api/projects/${id}/updates`, 'unit-a', { reportedOn: '2026-09-10', body: '完成案例 12 个', fileIds: [fileId] });
    expect(progress.statusCode, progress.body).toBe(201);
    // A file id that is not the unit's own upload: 400, nothing written.
    const bad = await inject('POST', `/api/projects/${id}/updates`, 'unit-a', { reportedOn: '2026-09-10', body: '进展', fileIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(bad.statusCode).toBe(400);
    expect(await count(projectUpdates)).toBe(before + 1);
    // The officer downloads the cited evidence; another jurisdiction's officer gets 404.
    expect((await inject('GET', `/api/projects/${id}/files/${fileId}`, 'daxing-officer')).statusCode).toBe(200);
    expect((await inject('GET', `/api/projects/${id}/files/${fileId}`, 'etdz-officer')).statusCode).toBe(404);
    expect((await inject('GET', `/api/projects/${id}`, 'unit-b')).statusCode).toBe(404);
  });

  it('第十二条 因特殊原因无法按时完成的，需提交情况说明: a new end date, answered by the officer; none once the project is closed', async () => {
    const { id } = await newProject();
    const early = await inject('POST', `/api/projects/${id}/situation-reports`, 'unit-a', { body: '设备到货延迟', proposedEndOn: '2026-10-15' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toHaveProperty('proposedEndOn');
    const ok = await inject('POST', `/api/projects/${id}/situation-reports`, 'unit-a', { body: '刀具预调仪到货延迟两个月', proposedEndOn: '2026-12-15' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await inject('POST', `/api/projects/${id}/situation-reports`, 'unit-a', { body: '再次', proposedEndOn: '2026-12-20' })).statusCode).toBe(409);
    // The inspector reads but never answers (403); another jurisdiction's officer does not see it (404).
    expect((await inject('POST', `/api/projects/${id}/situation-reports/${ok.json().id}/answer`, 'daxing-inspector', { response: 'accepted', comment: '同意' })).statusCode).toBe(403);
    expect((await inject('POST', `/api/projects/${id}/situation-reports/${ok.json().id}/answer`, 'etdz-officer', { response: 'accepted', comment: '同意' })).statusCode).toBe(404);
    const answer = await inject('POST', `/api/projects/${id}/situation-reports/${ok.json().id}/answer`, 'daxing-officer', { response: 'accepted', comment: '同意延期至 12 月中旬' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ periodEnd: '2026-12-15', closeBy: '2026-12-15' });
    expect((await inject('POST', `/api/projects/${id}/situation-reports/${ok.json().id}/answer`, 'daxing-officer', { response: 'rejected', comment: '不同意' })).statusCode).toBe(409);

    clock.set('2026-10-20T02:00:00Z');
    expect((await inject('POST', `/api/projects/${id}/closures`, 'unit-a', await closureBody(id, '2026-10-19'))).statusCode).toBe(201);
    const closed = await inject('POST', `/api/projects/${id}/situation-reports`, 'unit-a', { body: '还想延期', proposedEndOn: '2027-01-31' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('PROJECT_CLOSED');
  });
});

describe('[PROJECTS] 结项报告 (2026 通知 二（二）3–4): matched to the plan, inside the period, by the closing date', () => {
  it('every 成果 and 预期目标 must be answered; a result dated outside the project period is refused naming the field', async () => {
    const { id } = await newProject();
    clock.set('2026-10-20T02:00:00Z');
    const body = await closureBody(id);
    const missing = await inject('POST', `/api/projects/${id}/closures`, 'unit-a', { ...body, deliverables: body.deliverables.slice(1) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('DELIVERABLES_INCOMPLETE');
    const before = { ...body, deliverables: body.deliverables.map((d, i) => (i === 1 ? { ...d, achievedOn: '2026-06-15' } : d)) };
    const res = await inject('POST', `/api/projects/${id}/closures`, 'unit-a', before);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'OUTSIDE_PROJECT_PERIOD', fields: { 'deliverables[1].achievedOn': expect.any(String) } });
    expect(await t.database.db.select().from(projectClosures).where(eq(projectClosures.projectId, id))).toHaveLength(0);
  });

  it('on the closing day (23:30 Beijing time) it is on time; the officer returns it and the unit resubmits version 2', async () => {
    const { id } = await newProject();
    clock.set('2026-10-31T15:30:00Z'); // 2026-10-31 23:30 Beijing
    const res = await inject('POST', `/api/projects/${id}/closures`, 'unit-a', await closureBody(id));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'closure-submitted', flags: [] });
    expect(res.json().closures[0]).toMatchObject({ version: 1, late: false, status: 'submitted' });
    expect((await inject('POST', `/api/projects/${id}/closures`, 'unit-a', await closureBody(id))).statusCode).toBe(409);
    const closureId = res.json().closures[0].id;
    const back = await inject('POST', `/api/projects/${id}/closures/${closureId}/return`, 'daxing-officer', { reason: '成果佐证不足，请补充案例集电子版' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'in-execution' });
    expect(back.json().closures[0]).toMatchObject({ status: 'returned', returnReason: '成果佐证不足，请补充案例集电子版' });
    // Resubmitted after the closing date: version 2, flagged late.
    clock.set('2026-11-02T02:00:00Z');
    const again = await inject('POST', `/api/projects/${id}/closures`, 'unit-a', await closureBody(id));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().closures[0]).toMatchObject({ version: 2, late: true });
    expect(again.json().flags).toEqual(['late']);
  });

  it('past the closing date with no report the project is flagged overdue in the lists (officer and unit)', async () => {
    const { id } = await newProject();
    clock.set('2026-10-31T15:59:00Z'); // 23:59 on the closing day: not yet overdue
    expect((await inject('GET', '/api/projects', 'daxing-officer')).json().find((p: { id: string }) => p.id === id).flags).toEqual([]);
    clock.set('2026-10-31T16:00:00Z'); // 2026-11-01 00:00 Beijing
    const list = (await inject('GET', '/api/projects?flag=overdue', 'daxing-officer')).json();
    expect(list.find((p: { id: string }) => p.id === id).flags).toEqual(['overdue']);
    expect((await inject('GET', '/api/projects', 'unit-a')).json().find((p: { id: string }) => p.id === id).flags).toEqual(['overdue']);
    expect((await inject('GET', '/api/projects', 'unit-b')).json().some((p: { id: string }) => p.id === id)).toBe(false);
    expect((await inject('GET', '/api/projects', 'etdz-officer')).json().some((p: { id: string }) => p.id === id)).toBe(false);
    expect((await inject('GET', '/api/projects', 'daxing-inspector')).json().some((p: { id: string }) => p.id === id)).toBe(true);
  });
});

describe('[PROJECTS] 京兴人社发〔2025〕21号 第十四条: 项目结束后评审考核通过的拨付', () => {
  it('no assessment without a submitted closure (409); no payment before the pass (409); a pass makes the line due; paid once; no closure after payment', async () => {
    const { id, lineId } = await newProject();
    clock.set('2026-10-20T02:00:00Z');
    const assess = { outcome: 'passed', reasons: '成果与计划书一致，佐证充分', expertOpinions: [{ expert: '李专家', opinion: '同意通过' }] };
    const none = await inject('POST', `/api/projects/${id}/assessment`, 'daxing-officer', assess);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('CLOSURE_NOT_SUBMITTED');
    expect((await inject('POST', `/api/projects/${id}/closures`, 'unit-a', await closureBody(id))).statusCode).toBe(201);

    const early = await inject('POST', `/api/disbursements/${lineId}/payments`, 'daxing-finance', { paidOn: '2026-10-20', amount: 45_000, voucherNumber: 'PZ-PRJ-0001' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CONDITION_NOT_MET');

    const above = await inject('POST', `/api/projects/${id}/assessment`, 'daxing-officer', { ...assess, payableAmount: 60_000 });
    expect(above.statusCode).toBe(400);
    expect(above.json().error.fields).toHaveProperty('payableAmount');
    expect(await t.database.db.select().from(projectAssessments).where(eq(projectAssessments.projectId, id))).toHaveLength(0);

    clock.set('2026-11-05T02:00:00Z');
    const passed = await inject('POST', `/api/projects/${id}/assessment`, 'daxing-officer', assess);
    expect(passed.statusCode, passed.body).toBe(201);
    expect(passed.json()).toMatchObject({ status: 'passed', assessment: { outcome: 'passed', payableAmount: 45_000, assessedOn: '2026-11-05' } });
    const [line] = await t.database.db.select().from(disbursements).where(eq(disbursements.id, lineId));
    expect(line).toMatchObject({ status: 'due', amount: 45_000, dueOn: '2026-11-05' });
    expect((await inject('POST', `/api/projects/${id}/assessment`, 'daxing-officer', assess)).json().error.code).toBe('ASSESSMENT_EXISTS');

    const pay = await inject('POST', `/api/disbursements/${lineId}/payments`, 'daxing-finance', { paidOn: '2026-11-05', amount: 45_000, voucherNumber: 'PZ-PRJ-0002' });
    expect(pay.statusCode, pay.body).toBe(200);
    const detail = (await inject('GET', `/api/projects/${id}`, 'unit-a')).json();
    expect(detail.paidAmount).toBe(45_000);
    expect(detail.disbursements[0]).toMatchObject({ status: 'paid', payments: [expect.objectContaining({ voucherNumber: 'PZ-PRJ-0002' })] });
    const after = await inject('POST', `/api/projects/${id}/closures`, 'unit-a', await closureBody(id));
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('CLOSURE_AFTER_PAYMENT');
  });

  it('a partly passed project gets the amount set (≤ approved); a failed one is not payable at all and flagged', async () => {
    const partly = await newProject();
    const failed = await newProject();
    clock.set('2026-10-20T02:00:00Z');
    for (const p of [partly, failed]) expect((await inject('POST', `/api/projects/${p.id}/closures`, 'unit-a', await closureBody(p.id))).statusCode).toBe(201);
    const needs = await inject('POST', `/api/projects/${partly.id}/assessment`, 'daxing-officer', { outcome: 'partly', reasons: '部分目标未达成' });
    expect(needs.statusCode).toBe(400);
    const items = (await planItems(partly.id)).map((p, i) => ({ planItem: p.planItem, accepted: i !== 3, comment: i === 3 ? '合格率未达 98%' : undefined }));
    const ok = await inject('POST', `/api/projects/${partly.id}/assessment`, 'daxing-officer', { outcome: 'partly', reasons: '合格率目标未达成', items, payableAmount: 30_000 });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'partly-passed', statusName: '部分通过' });
    expect((await t.database.db.select().from(disbursements).where(eq(disbursements.id, partly.lineId)))[0]).toMatchObject({ status: 'due', amount: 30_000 });

    const bad = await inject('POST', `/api/projects/${failed.id}/assessment`, 'daxing-officer', { outcome: 'failed', reasons: '未完成', payableAmount: 10_000 });
    expect(bad.statusCode).toBe(400);
    const no = await inject('POST', `/api/projects/${failed.id}/assessment`, 'daxing-officer', { outcome: 'failed', reasons: '主要成果未完成，佐证不足' });
    expect(no.statusCode, no.body).toBe(201);
    expect(no.json().flags).toEqual(['failed']);
    const [line] = await t.database.db.select().from(disbursements).where(eq(disbursements.id, failed.lineId));
    expect(line).toMatchObject({ status: 'awaiting-condition', amount: 0 });
    expect(line.condition).toContain('结项评估未通过');
    const pay = await inject('POST', `/api/disbursements/${failed.lineId}/payments`, 'daxing-finance', { paidOn: '2026-10-20', amount: 1, voucherNumber: 'PZ-PRJ-0009' });
    expect(pay.statusCode).toBe(409);
    expect((await inject('GET', '/api/projects?status=failed', 'daxing-officer')).json().some((p: { id: string }) => p.id === failed.id)).toBe(true);
  });
});
