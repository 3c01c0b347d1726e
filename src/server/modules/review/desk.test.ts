import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatShanghai, toShanghaiIso } from '../../../shared/time';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { accessLog, applicationEvents, applications, auditEvents, outbox, paperDossierRequests, paperReceipts, reviewVerdicts } from '../../db/schema';
import { openCall, seedDaxingProjectApplication } from '../applications/applications.test-helpers';
import { advanceTo, getDesk, judgeAllOk, printDossier, type DeskItem } from './desk.test-helpers';

/**
 * The desk stages of the review (issue 5) through HTTP on a real database: 初审 item by item (大兴 2026 通知 三（二）;
 * 经开区 京技管发〔2024〕1号 办事指南 六（二）), 实质审核 (经开区 六（三）) and 线下受理 (经开区 六（四）、五（二）).
 * The clock stands on Wednesday 2026-06-17, 10:00 Beijing time, while the demo's 经开区 round and a 大兴 project call are open.
 */
const clock = testClock('2026-06-17T02:00:00Z');
let t: TestApp;
let daxingOfficer: string;
let etdzOfficer: string;
let unitA: string;
let callId: string;

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;
const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown): Promise<Res> =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
const desk = (id: string, cookie: string) => inject('GET', `/api/review/applications/${id}/desk`, cookie);
const verdicts = (id: string, cookie: string, stage: string, items: unknown[]) => inject('PUT', `/api/review/applications/${id}/verdicts`, cookie, { stage, items });
const act = (id: string, action: 'accept' | 'pass' | 'reject' | 'paper-receipt', cookie: string, body: unknown) => inject('POST', `/api/review/applications/${id}/${action}`, cookie, body);

async function written() {
  const db = t.database.db;
  const n = async (table: typeof outbox | typeof auditEvents | typeof reviewVerdicts | typeof applicationEvents | typeof paperReceipts) =>
    Number((await db.select({ n: count() }).from(table))[0].n);
  return { outbox: await n(outbox), audit: await n(auditEvents), verdicts: await n(reviewVerdicts), events: await n(applicationEvents), receipts: await n(paperReceipts) };
}

async function statusOf(id: string) {
  const [row] = await t.database.db.select({ status: applications.status, version: applications.version }).from(applications).where(eq(applications.id, id));
  return row;
}

/** A 经开区 demo application of the named unit (the demo round has two submitted ones). */
async function etdzApplication(unitName: RegExp) {
  const list = (await inject('GET', '/api/applications?pageSize=100', etdzOfficer)).json() as { id: string; number: string; unitName: string; status: string }[];
  const found = list.find((a) => unitName.test(a.unitName));
  if (!found) throw new Error(`no 经开区 application of ${unitName}`);
  return found;
}

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  daxingOfficer = await t.login('daxing-officer');
  etdzOfficer = await t.login('etdz-officer');
  unitA = await t.login('unit-a');
  callId = await openCall(t.app, daxingOfficer);
});
afterAll(async () => t?.close());

describe('[REVIEW] 初审 item by item (大兴 2026 通知 三（二）)', () => {
  it('[REVIEW] 三（二） accept is refused while an item is not judged ok, listing it; with every item ok it moves to 专家评审 and tells the unit only that 初审 passed', async () => {
    const { id, number } = await seedDaxingProjectApplication(t.app, unitA, callId, { projectName: '精密刀具刃磨工艺改进' });
    const view = (await desk(id, daxingOfficer)).json();
    expect(view).toMatchObject({ stage: 'completeness-check', status: 'submitted', round: 0 });
    // 大兴: 初审 then 专家评审 — no 实质审核, no 线下受理 (the edition's stage list).
    expect(view.stages.map((s: { id: string }) => s.id)).toEqual(['completeness-check']);
    expect(view.stages[0].citation.article).toBe('三、（二）初审');
    expect(view.actions).toEqual(expect.arrayContaining(['accept', 'reject', 'return']));
    expect(view.actions).not.toContain('pass');
    const items = view.items as DeskItem[];
    expect(items.some((i) => i.kind === 'form')).toBe(true);
    expect(items.some((i) => i.kind === 'material')).toBe(true);

    // Every item ok but one: the bank account permit judged missing.
    const res = await verdicts(id, daxingOfficer, 'completeness-check', items.map((i) => (i.id === 'bank-account-permit' ? { kind: i.kind, id: i.id, verdict: 'missing', comment: '未上传开户许可证' } : { kind: i.kind, id: i.id, verdict: 'ok' })));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.find((i: DeskItem) => i.id === 'bank-account-permit').verdict).toMatchObject({ verdict: 'missing', comment: '未上传开户许可证', checkedBy: '周云汉（大兴区人社局）' });

    const before = await written();
    const refused = await act(id, 'accept', daxingOfficer, { version: view.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('VERDICTS_INCOMPLETE');
    expect(refused.json().error.message).toMatch(/还有 1 项未判定为合格.*银行开户许可证.*缺失（未上传开户许可证）/);
    expect(refused.json().error.fields).toHaveProperty('material.bank-account-permit');
    expect(await written()).toEqual(before);
    expect((await statusOf(id)).status).toBe('submitted');

    // The officer changes the verdict (upsert: still one row per item) and accepts.
    await verdicts(id, daxingOfficer, 'completeness-check', [{ kind: 'material', id: 'bank-account-permit', verdict: 'ok' }]);
    const rows = await t.database.db.select().from(reviewVerdicts).where(eq(reviewVerdicts.applicationId, id));
    expect(rows).toHaveLength(items.length);
    const fresh = (await desk(id, daxingOfficer)).json();
    const ok = await act(id, 'accept', daxingOfficer, { version: fresh.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'expert-review', message: '已初审通过，进入“专家评审”' });

    const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'review.accepted')));
    expect(audit.after).toMatchObject({ status: 'expert-review' });
    const notes = await t.database.db.select().from(outbox).where(and(eq(outbox.template, 'review.accepted'), eq(outbox.channel, 'in-app')));
    const mine = notes.filter((n) => (n.payload as { applicationId?: string }).applicationId === id);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine[0].body).toContain(`申报 ${number}`);
    expect(mine[0].body).toContain('通过初审');
    expect(mine[0].body).not.toMatch(/专家|得分|排名/);
    // The officers' timeline shows the transition; the applicant's shows it too, as 评审中 (no stage names leak).
    expect((await inject('GET', `/api/applications/${id}`, daxingOfficer)).json().timeline.at(-1)).toMatchObject({ action: 'accepted', toStatus: 'expert-review' });
    expect((await inject('GET', `/api/applications/${id}`, unitA)).json().timeline.at(-1)).toMatchObject({ action: 'accepted' });

    // Out of order: accepting again is refused with the reason, nothing written.
    const again = await act(id, 'accept', daxingOfficer, { version: ok.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('只有待初审的申报可以初审通过');
    const pass = await act(id, 'pass', daxingOfficer, { version: ok.json().version });
    expect(pass.statusCode).toBe(409);
    expect(pass.json().error.code).toBe('TRANSITION_NOT_IN_EDITION');
  });

  it('[REVIEW] 三（二） a verdict other than ok needs a comment; an item not in the application is refused per field', async () => {
    const callB = await openCall(t.app, daxingOfficer, { title: '2026年大兴区技能大师工作室建设项目评选（意见测试）' });
    const { id } = await seedDaxingProjectApplication(t.app, unitA, callB);
    const before = await written();
    const noComment = await verdicts(id, daxingOfficer, 'completeness-check', [{ kind: 'form', id: 'work-plan', verdict: 'incorrect' }]);
    expect(noComment.statusCode).toBe(400);
    expect(JSON.stringify(noComment.json().error.fields)).toContain('请写明审核意见');
    const unknown = await verdicts(id, daxingOfficer, 'completeness-check', [{ kind: 'material', id: 'no-such-item', verdict: 'ok' }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ 'material.no-such-item': '本申报没有此项' });
    const wrongStage = await verdicts(id, daxingOfficer, 'substantive-review', [{ kind: 'form', id: 'work-plan', verdict: 'ok' }]);
    expect(wrongStage.statusCode).toBe(409);
    expect(wrongStage.json().error.code).toBe('DESK_STAGE_MISMATCH');
    expect(await written()).toEqual(before);
  });

  it('[REVIEW] 三（二） return for correction, then the resubmission comes back with the previous verdicts and what changed', async () => {
    const callC = await openCall(t.app, daxingOfficer, { title: '2026年大兴区技能大师工作室建设项目评选（补正测试）' });
    const { id } = await seedDaxingProjectApplication(t.app, unitA, callC);
    const items = (await getDesk(t.app, daxingOfficer, id)).items as DeskItem[];
    await verdicts(id, daxingOfficer, 'completeness-check', items.map((i) => (i.id === 'work-plan' ? { kind: 'form', id: 'work-plan', verdict: 'incorrect', comment: '经费计划合计与申请金额不一致' } : { kind: i.kind, id: i.id, verdict: 'ok' })));
    // The desk builds the return from the non-ok verdicts.
    const returned = await inject('POST', `/api/applications/${id}/return`, daxingOfficer, { items: [{ kind: 'form', id: 'work-plan', comment: '经费计划合计与申请金额不一致' }], deadlineWorkingDays: 5 });
    expect(returned.statusCode, returned.body).toBe(200);
    const whileReturned = (await desk(id, daxingOfficer)).json();
    expect(whileReturned.stage).toBeNull();
    expect(whileReturned.actions).toEqual([]);

    clock.advance(3_600_000);
    const app = (await inject('GET', `/api/applications/${id}`, unitA)).json();
    const form = app.forms.find((f: { id: string }) => f.id === 'work-plan');
    const saved = await inject('PUT', `/api/applications/${id}/forms/work-plan`, unitA, { data: form.data, version: form.version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await inject('POST', `/api/applications/${id}/submit`, unitA, {})).statusCode).toBe(200);

    const back = (await desk(id, daxingOfficer)).json();
    expect(back).toMatchObject({ stage: 'completeness-check', status: 'resubmitted', round: 1 });
    expect(back.lastReturnAt).toMatch(/^2026-06-17T10:00/);
    const workPlan = back.items.find((i: DeskItem) => i.id === 'work-plan');
    expect(workPlan).toMatchObject({ changed: true, verdict: null, previous: { round: 0, stage: 'completeness-check', verdict: 'incorrect', comment: '经费计划合计与申请金额不一致' } });
    const other = back.items.find((i: DeskItem) => i.id === 'bank-account-permit');
    expect(other).toMatchObject({ changed: false, verdict: null, previous: { round: 0, verdict: 'ok' } });
    // This round's verdicts start empty: accept is refused until the desk has judged every item again.
    const refused = await act(id, 'accept', daxingOfficer, { version: back.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/尚未审核/);
    await judgeAllOk(t.app, daxingOfficer, id);
    const ok = await act(id, 'accept', daxingOfficer, { version: back.version });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('[REVIEW] two officers accept at once: one wins, the other gets a clear 409, one transition recorded', async () => {
    const callD = await openCall(t.app, daxingOfficer, { title: '2026年大兴区技能大师工作室建设项目评选（并发测试）' });
    const { id } = await seedDaxingProjectApplication(t.app, unitA, callD);
    await judgeAllOk(t.app, daxingOfficer, id);
    const { version } = await getDesk(t.app, daxingOfficer, id);
    const [a, b] = [await t.login('daxing-officer'), await t.login('daxing-officer')];
    const results = await Promise.all([a, b].map((cookie) => act(id, 'accept', cookie, { version })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!.json().error;
    // Whether it lost before or inside the transaction, it is told what the application is now.
    expect(loser.message).toMatch(/已在别处被处理|刚被其他人处理|当前状态：专家评审中/);
    const events = await t.database.db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, id), eq(applicationEvents.action, 'accepted')));
    expect(events).toHaveLength(1);
    expect((await statusOf(id)).status).toBe('expert-review');
  });

  it('[REVIEW] 不予通过 needs reasons (≥ 5 characters); with them the unit is told why', async () => {
    const callE = await openCall(t.app, daxingOfficer, { title: '2026年大兴区技能大师工作室建设项目评选（不予通过测试）' });
    const { id } = await seedDaxingProjectApplication(t.app, unitA, callE);
    const { version } = await getDesk(t.app, daxingOfficer, id);
    const before = await written();
    const short = await act(id, 'reject', daxingOfficer, { version, stage: 'completeness-check', reasons: '不行' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toHaveProperty('reasons');
    const none = await act(id, 'reject', daxingOfficer, { version, stage: 'completeness-check' });
    expect(none.statusCode).toBe(400);
    expect(await written()).toEqual(before);
    const reasons = '申报单位注册地不在大兴区，不符合京兴人社发〔2025〕21号第五条的申报条件';
    const res = await act(id, 'reject', daxingOfficer, { version, stage: 'completeness-check', reasons });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('rejected');
    const seen = (await inject('GET', `/api/applications/${id}`, unitA)).json();
    expect(seen.timeline.at(-1)).toMatchObject({ action: 'rejected', note: reasons });
    const [note] = await t.database.db.select().from(outbox).where(and(eq(outbox.template, 'review.rejected'), eq(outbox.channel, 'in-app')));
    expect(note.body).toContain(reasons);
  });

  it('[REVIEW] another jurisdiction’s officer gets 404; units, experts 403; the inspector reads (logged) but cannot act', async () => {
    const callF = await openCall(t.app, daxingOfficer, { title: '2026年大兴区技能大师工作室建设项目评选（权限测试）' });
    const { id } = await seedDaxingProjectApplication(t.app, unitA, callF);
    const { version } = await getDesk(t.app, daxingOfficer, id);
    const [expert, inspector, unitB, shunyiOfficer] = [await t.login('expert1'), await t.login('daxing-inspector'), await t.login('unit-b'), await t.login('shunyi-officer')];
    const before = await written();
    expect((await desk(id, etdzOfficer)).statusCode).toBe(404);
    expect((await verdicts(id, etdzOfficer, 'completeness-check', [{ kind: 'form', id: 'work-plan', verdict: 'ok' }])).statusCode).toBe(404);
    expect((await act(id, 'accept', etdzOfficer, { version })).statusCode).toBe(404);
    expect((await act(id, 'reject', shunyiOfficer, { version, stage: 'completeness-check', reasons: '不符合申报条件的理由' })).statusCode).toBe(404);
    for (const cookie of [unitA, unitB, expert]) {
      expect((await desk(id, cookie)).statusCode).toBe(403);
      expect((await act(id, 'accept', cookie, { version })).statusCode).toBe(403);
    }
    expect((await act(id, 'accept', inspector, { version })).statusCode).toBe(403);
    expect(await written()).toEqual(before);
    // The inspector's read is in the access log (who saw what when).
    expect((await desk(id, inspector)).statusCode).toBe(200);
    const log = await t.database.db.select().from(accessLog).where(eq(accessLog.applicationId, id));
    expect(log.map((l) => l.userName)).toContain('daxing-inspector');
    expect((await desk(id, inspector)).json().actions).toEqual([]);
    // The queue lists only the caller's jurisdictions.
    const queue = (await inject('GET', '/api/review/desk?stage=completeness-check', etdzOfficer)).json() as { id: string }[];
    expect(queue.map((q) => q.id)).not.toContain(id);
    expect(((await inject('GET', '/api/review/desk?stage=completeness-check', daxingOfficer)).json() as { id: string }[]).map((q) => q.id)).toContain(id);
  });
});

describe('[REVIEW] 经开区 初审 → 实质审核 → 线下受理 → 专家评审 (京技管发〔2024〕1号 办事指南 六（二）—（五）)', () => {
  it('[REVIEW] 六（二）—（五） the stages follow the edition’s order; the window checks the printout by its watermark code', async () => {
    const app = await etdzApplication(/亦庄智造/);
    const other = await etdzApplication(/经开精工/);
    let view = (await desk(app.id, etdzOfficer)).json();
    expect(view.stages.map((s: { id: string; citation: { article: string } }) => [s.id, s.citation.article])).toEqual([
      ['completeness-check', '六（二）'],
      ['substantive-review', '六（三）'],
      ['paper-intake', '六（四）、五（二）'],
    ]);
    // A printout made now, before the 补正 below: it will be older than the latest change of the online filing.
    const printedAt = clock.now();
    const oldCode = await printDossier(t.app, t.database.db, etdzOfficer, app.id);

    // 初审 with one item returned for correction, the unit answers, 初审 passes → 实质审核.
    const items = view.items as DeskItem[];
    const formId = items.find((i) => i.kind === 'form')!.id;
    await verdicts(app.id, etdzOfficer, 'completeness-check', items.map((i) => (i.id === formId ? { kind: 'form', id: formId, verdict: 'incorrect', comment: '团队成员信息不完整' } : { kind: i.kind, id: i.id, verdict: 'ok' })));
    expect((await inject('POST', `/api/applications/${app.id}/return`, etdzOfficer, { items: [{ kind: 'form', id: formId, comment: '团队成员信息不完整' }], deadlineWorkingDays: 5 })).statusCode).toBe(200);
    clock.advance(3_600_000);
    const changedAt = clock.now();
    const unitB = await t.login('unit-b');
    const detail = (await inject('GET', `/api/applications/${app.id}`, unitB)).json();
    const form = detail.forms.find((f: { id: string }) => f.id === formId);
    expect((await inject('PUT', `/api/applications/${app.id}/forms/${formId}`, unitB, { data: form.data, version: form.version })).statusCode).toBe(200);
    expect((await inject('POST', `/api/applications/${app.id}/submit`, unitB, {})).statusCode).toBe(200);
    view = (await desk(app.id, etdzOfficer)).json();
    expect(view.items.find((i: DeskItem) => i.id === formId)).toMatchObject({ changed: true, previous: { verdict: 'incorrect' } });
    view = await advanceTo(t.app, t.database.db, etdzOfficer, app.id, 'substantive-review');
    expect(view).toMatchObject({ stage: 'substantive-review', statusName: '待实质审核' });
    expect(view.actions).toEqual(expect.arrayContaining(['pass', 'reject']));
    // The queue of 待实质审核 lists it.
    const queue = (await inject('GET', '/api/review/desk?stage=substantive-review', etdzOfficer)).json() as { id: string; waitingSince: string }[];
    expect(queue.find((q) => q.id === app.id)?.waitingSince).toBe(toShanghaiIso(clock.now()));
    // Out of order: the window cannot receive paper before 实质审核 passes.
    const early = await act(app.id, 'paper-receipt', etdzOfficer, { version: view.version, outcome: 'received', watermarkCode: oldCode });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('只有待线下受理的申报可以登记收件');

    // 实质审核通过 → 线下受理; the desk asks for the paper dossier (SMS), the queue shows the deadline.
    const passed = await act(app.id, 'pass', etdzOfficer, { version: view.version, comment: '符合京技管发〔2024〕1号 认定条件' });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json()).toMatchObject({ status: 'paper-intake', message: '已审核通过，进入“线下受理”' });
    view = (await desk(app.id, etdzOfficer)).json();
    expect(view.actions).toEqual(expect.arrayContaining(['receive-paper', 'paper-to-correct', 'request-paper-dossier']));
    expect((await inject('POST', `/api/applications/${app.id}/request-paper-dossier`, etdzOfficer, {})).statusCode).toBe(200);
    const paperQueue = (await inject('GET', '/api/review/desk?stage=paper-intake', etdzOfficer)).json() as { id: string; paperDeadline: string | null }[];
    expect(paperQueue.find((q) => q.id === app.id)?.paperDeadline).toBe('2026-06-23');

    // Unknown code, another application's printout, an outdated printout: refused, nothing written.
    const otherCode = await printDossier(t.app, t.database.db, etdzOfficer, other.id);
    view = (await desk(app.id, etdzOfficer)).json();
    const before = await written();
    const unknown = await act(app.id, 'paper-receipt', etdzOfficer, { version: view.version, outcome: 'received', watermarkCode: 'ZZZZZZZZZZZZ' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'WATERMARK_UNKNOWN', fields: { watermarkCode: '核验码不存在' } });
    const foreign = await act(app.id, 'paper-receipt', etdzOfficer, { version: view.version, outcome: 'received', watermarkCode: otherCode });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('WATERMARK_OTHER_APPLICATION');
    const outdated = await act(app.id, 'paper-receipt', etdzOfficer, { version: view.version, outcome: 'received', watermarkCode: oldCode.toLowerCase() });
    expect(outdated.statusCode).toBe(409);
    expect(outdated.json().error.code).toBe('PRINTOUT_OUTDATED');
    expect(outdated.json().error.message).toMatch(new RegExp(`该打印件下载于 ${formatShanghai(printedAt)}，网上申报材料此后于 ${formatShanghai(changedAt)} 有修改`));
    expect(await written()).toEqual(before);

    // 当场告知补正: recorded with the items, status unchanged, the unit notified.
    const toCorrect = await act(app.id, 'paper-receipt', etdzOfficer, { version: view.version, outcome: 'to-correct', watermarkCode: oldCode, items: [{ id: 'commitment', comment: '承诺书未加盖骑缝章' }] });
    expect(toCorrect.statusCode, toCorrect.body).toBe(200);
    expect(toCorrect.json()).toMatchObject({ status: 'paper-intake', outdated: true });
    const [note] = await t.database.db.select().from(outbox).where(and(eq(outbox.template, 'review.paper_to_correct'), eq(outbox.channel, 'in-app')));
    expect(note.body).toContain('承诺书未加盖骑缝章');

    // A fresh printout matches: received → 专家评审, the paper notice closed.
    const code = await printDossier(t.app, t.database.db, await t.login('unit-b'), app.id);
    view = (await desk(app.id, etdzOfficer)).json();
    const received = await act(app.id, 'paper-receipt', etdzOfficer, { version: view.version, outcome: 'received', watermarkCode: `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}` });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({ status: 'expert-review', outdated: false });
    const [request] = await t.database.db.select().from(paperDossierRequests).where(eq(paperDossierRequests.applicationId, app.id));
    expect(request.receivedAt).not.toBeNull();
    view = (await desk(app.id, etdzOfficer)).json();
    expect(view.paperDossier).toBeNull();
    expect(view.paperReceipts.map((r: { outcome: string }) => r.outcome)).toEqual(['received', 'to-correct']);
    const timeline = (await inject('GET', `/api/applications/${app.id}`, etdzOfficer)).json().timeline.map((e: { action: string }) => e.action);
    expect(timeline.slice(-5)).toEqual(['accepted', 'passed', 'paper_dossier_requested', 'paper_to_correct', 'paper_received']);
    // The unit's timeline shows what it must act on: the notice and what the window told it.
    const unitTimeline = (await inject('GET', `/api/applications/${app.id}`, unitB)).json().timeline.map((e: { action: string }) => e.action);
    expect(unitTimeline).toEqual(expect.arrayContaining(['accepted', 'paper_dossier_requested', 'paper_to_correct']));
  });
});
