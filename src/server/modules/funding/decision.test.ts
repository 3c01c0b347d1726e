import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daxingProjectForms } from '../../../../test/helpers/fixtures';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { applicationEvents, applications, noticeItems, notices, outbox, studios, studioTitles, units } from '../../db/schema';
import { disbursements, projects } from '../../db/schema/funding';
import { objections } from '../../db/schema/objections';
import { randomUUID } from 'node:crypto';
import { openCall, seedDaxingProjectApplication } from '../applications/applications.test-helpers';
import { fileObjection, seedNotice, unitOf } from './funding.test-helpers';

// The notice runs Mon 2026-09-07 … Fri 2026-09-11 (5 working days); it ends at 17:00 of 09-11, Beijing time.
const PERIOD = { startsOn: '2026-09-07', endsOn: '2026-09-11' };
const LAST_AFTERNOON = '2026-09-11T08:00:00Z'; // 16:00 Beijing time on the last day
const AFTER_END = '2026-09-14T01:30:00Z'; // Monday 09:30 after the period
const clock = testClock(LAST_AFTERNOON);
let t: TestApp;
let officer: string;

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  officer = await t.login('daxing-officer');
});
afterAll(() => t.close());

const decide = (id: string, cookie: string, document = '京兴人社发〔2026〕30号') =>
  t.app.inject({ method: 'POST', url: `/api/notices/${id}/decision`, headers: { cookie }, payload: { document } });

describe('[DECISION] 京兴人社发〔2025〕21号 第十一条: 公示期满无异议的，授予称号和铭牌', () => {
  it('is refused before the end of the period and while an objection is open (409 naming the item), then confirms', async () => {
    clock.set(LAST_AFTERNOON);
    officer = await t.login('daxing-officer');
    const seeded = await seedNotice(t.database.db, {
      jurisdiction: 'daxing',
      editionId: 'daxing-2025',
      program: 'studio-recognition',
      ...PERIOD,
      items: [{ unit: 'unit-a', leader: '张建华', occupation: '数控车工', name: '大兴区张建华数控车工技能大师工作室' }],
    });
    const early = await decide(seeded.noticeId, officer);
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().error.code).toBe('NOTICE_PERIOD_RUNNING');
    expect(early.json().error.message).toContain('2026-09-11 17:00');
    expect(early.json().error.message).toContain('京兴人社发〔2025〕21号');

    clock.set(AFTER_END);
    officer = await t.login('daxing-officer');
    const objection = await fileObjection(t.database.db, seeded.noticeId, seeded.itemIds[0]);
    const blocked = await decide(seeded.noticeId, officer);
    expect(blocked.statusCode, blocked.body).toBe(409);
    expect(blocked.json().error.code).toBe('OPEN_OBJECTIONS');
    expect(blocked.json().error.message).toContain('大兴区张建华数控车工技能大师工作室');
    expect(blocked.json().error.message).toContain(objection.trackingNumber);
    // Nothing changed.
    const [still] = await t.database.db.select().from(applications).where(eq(applications.id, seeded.appIds[0]));
    expect(still.status).toBe('in-notice');
    const [n0] = await t.database.db.select().from(notices).where(eq(notices.id, seeded.noticeId));
    expect(n0.status).toBe('published');

    await t.database.db.update(objections).set({ status: 'dismissed' }).where(eq(objections.id, objection.id));
    const ok = await decide(seeded.noticeId, officer);
    expect(ok.statusCode, ok.body).toBe(200);
    const [app] = await t.database.db.select().from(applications).where(eq(applications.id, seeded.appIds[0]));
    expect(app.status).toBe('approved');
    expect(app.version).toBe(4);
    const events = await t.database.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id));
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toContainEqual(['in-notice', 'approved']);
    const [n] = await t.database.db.select().from(notices).where(eq(notices.id, seeded.noticeId));
    expect([n.status, n.decisionDocument]).toEqual(['concluded', '京兴人社发〔2026〕30号']);

    // The studio: name in the edition's format, district level, a plaque, a title row.
    const [studio] = await t.database.db.select().from(studios).where(eq(studios.sourceApplicationId, app.id));
    expect(studio.name).toBe('大兴区张建华数控车工技能大师工作室');
    expect([studio.level, studio.status, studio.recognizedOn]).toEqual(['district', 'active', '2026-09-14']);
    expect(studio.plaqueNumber).toMatch(/-JNDS-2026-\d{3}$/);
    const titles = await t.database.db.select().from(studioTitles).where(eq(studioTitles.studioId, studio.id));
    expect(titles).toEqual([expect.objectContaining({ level: 'district', awardedOn: '2026-09-14', document: '京兴人社发〔2026〕30号' })]);
    // The unit was told.
    const unit = await unitOf(t.database.db, 'unit-a');
    const sent = await t.database.db.select().from(outbox).where(eq(outbox.template, 'decision.approved'));
    expect(sent.some((m) => m.title.includes('大兴区张建华数控车工技能大师工作室'))).toBe(true);
    expect(unit).toBeTruthy();
    // 大兴's studio program grants no money on recognition (第十三条 awards come with a higher title only).
    expect(await t.database.db.select().from(disbursements).where(eq(disbursements.studioId, studio.id))).toEqual([]);

    // A second decision is refused with the first one's document.
    const again = await decide(seeded.noticeId, officer);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('京兴人社发〔2026〕30号');

    // The studio is in the public registry.
    const pub = await t.app.inject({ method: 'GET', url: `/api/studios/${studio.id}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().name).toBe('大兴区张建华数控车工技能大师工作室');
  });

  it('another district’s officer gets 404, a unit or finance 403, no document 400; a withdrawn item (upheld objection) is not confirmed', async () => {
    clock.set(AFTER_END);
    officer = await t.login('daxing-officer');
    const seeded = await seedNotice(t.database.db, {
      jurisdiction: 'daxing',
      editionId: 'daxing-2025',
      program: 'studio-recognition',
      ...PERIOD,
      items: [{ unit: 'unit-a', leader: '李卫东', occupation: '焊工', name: '大兴区李卫东焊工技能大师工作室' }],
    });
    expect((await decide(seeded.noticeId, await t.login('etdz-officer'))).statusCode).toBe(404);
    expect((await decide(seeded.noticeId, await t.login('unit-a'))).statusCode).toBe(403);
    expect((await decide(seeded.noticeId, await t.login('daxing-finance'))).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: `/api/notices/${seeded.noticeId}/decision`, headers: { cookie: officer }, payload: {} });
    expect(bad.statusCode).toBe(400);
    // The objection was upheld: S6 withdrew the item and its application.
    await t.database.db.update(noticeItems).set({ withdrawn: true, withdrawnReason: '异议成立' }).where(eq(noticeItems.id, seeded.itemIds[0]));
    await t.database.db.update(applications).set({ status: 'withdrawn' }).where(eq(applications.id, seeded.appIds[0]));
    const res = await decide(seeded.noticeId, officer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().approved).toEqual([]);
    const [app] = await t.database.db.select().from(applications).where(eq(applications.id, seeded.appIds[0]));
    expect(app.status).toBe('withdrawn');
    expect(await t.database.db.select().from(studios).where(eq(studios.sourceApplicationId, app.id))).toEqual([]);
  });

  it('the certificate PDF carries the studio’s Chinese name, unit and document; only its unit and the officers get it', async () => {
    clock.set(AFTER_END);
    officer = await t.login('daxing-officer');
    const seeded = await seedNotice(t.database.db, {
      jurisdiction: 'daxing',
      editionId: 'daxing-2025',
      program: 'studio-recognition',
      ...PERIOD,
      items: [{ unit: 'unit-a', leader: '王秀兰', occupation: '电工', name: '大兴区王秀兰电工技能大师工作室' }],
    });
    expect((await decide(seeded.noticeId, officer, '京兴人社发〔2026〕31号')).statusCode).toBe(200);
    const [studio] = await t.database.db.select().from(studios).where(eq(studios.sourceApplicationId, seeded.appIds[0]));
    const res = await t.app.inject({ method: 'GET', url: `/api/studios/${studio.id}/certificate.pdf`, headers: { cookie: await t.login('unit-a') } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = await extractText(new Uint8Array(res.rawPayload), { mergePages: true });
    const flat = (text as string).replace(/\s+/g, '');
    expect(flat).toContain('大兴区王秀兰电工技能大师工作室');
    expect(flat).toContain('北京兴业精密机械有限公司');
    expect(flat).toContain('京兴人社发〔2026〕31号');
    expect(flat).toContain('大兴区人力资源和社会保障局');
    expect(flat).toContain(`/studios/${studio.id}`);
    expect(res.rawPayload.toString('latin1')).toMatch(/FontFile2/);
    expect((await t.app.inject({ method: 'GET', url: `/api/studios/${studio.id}/certificate.pdf`, headers: { cookie: officer } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/studios/${studio.id}/certificate.pdf`, headers: { cookie: await t.login('unit-b') } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/studios/${studio.id}/certificate.pdf`, headers: { cookie: await t.login('etdz-officer') } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/studios/${studio.id}/certificate.pdf` })).statusCode).toBe(401);
  });

  it('经开区 (no name format in its 办事指南): the closest practice names the studio 经开区+姓名+职业+技能大师工作室, and 200,000 is due on decision', async () => {
    clock.set(AFTER_END);
    officer = await t.login('daxing-officer');
    const seeded = await seedNotice(t.database.db, {
      jurisdiction: 'etdz',
      editionId: 'etdz-2024',
      program: 'studio-recognition',
      ...PERIOD,
      items: [{ unit: 'unit-b', leader: '陈立', occupation: '工业机器人系统运维员', name: '陈立工业机器人系统运维员技能大师工作室', amount: 200_000 }],
    });
    const res = await decide(seeded.noticeId, await t.login('etdz-officer'), '京技管发〔2026〕8号');
    expect(res.statusCode, res.body).toBe(200);
    const [studio] = await t.database.db.select().from(studios).where(eq(studios.sourceApplicationId, seeded.appIds[0]));
    expect(studio.name).toBe('经开区陈立工业机器人系统运维员技能大师工作室');
    const lines = await t.database.db.select().from(disbursements).where(eq(disbursements.studioId, studio.id));
    expect(lines).toEqual([expect.objectContaining({ kind: 'fixed', amount: 200_000, status: 'due', dueOn: '2026-09-14', citation: expect.stringContaining('京技管发〔2024〕1号') })]);
    // 大兴 finance does not see 经开区's schedule.
    const seen = (await t.app.inject({ method: 'GET', url: '/api/disbursements', headers: { cookie: await t.login('daxing-finance') } })).json();
    expect(seen.some((d: { id: string }) => d.id === lines[0].id)).toBe(false);
    const etdz = (await t.app.inject({ method: 'GET', url: '/api/disbursements', headers: { cookie: await t.login('etdz-officer') } })).json();
    expect(etdz.find((d: { id: string }) => d.id === lines[0].id)).toMatchObject({ amount: 200_000, status: 'due', statusName: '待拨付' });
  });

  it('顺义: 100,000 is due on decision (顺义区技能大师工作室管理办法（征求意见稿）)', async () => {
    clock.set(AFTER_END);
    officer = await t.login('daxing-officer');
    const seeded = await seedNotice(t.database.db, {
      jurisdiction: 'shunyi',
      editionId: 'shunyi-draft',
      program: 'studio-recognition',
      ...PERIOD,
      items: [{ unit: 'unit-c', leader: '刘强', occupation: '航空器维修', name: '顺义区刘强航空器维修技能大师工作室' }],
    });
    expect((await decide(seeded.noticeId, await t.login('shunyi-officer'), '顺人社发〔2026〕12号')).statusCode).toBe(200);
    const [studio] = await t.database.db.select().from(studios).where(eq(studios.sourceApplicationId, seeded.appIds[0]));
    expect(studio.name).toBe('顺义区刘强航空器维修技能大师工作室');
    const lines = await t.database.db.select().from(disbursements).where(eq(disbursements.studioId, studio.id));
    expect(lines.map((l) => [l.kind, l.amount, l.status])).toEqual([['fixed', 100_000, 'due']]);
  });
});

describe('[FUNDING] 京兴人社发〔2025〕21号 第十二条、第十四条: a project enters execution; its subsidy waits for the closure assessment', () => {
  let lineId: string;
  let finance: string;

  it('the decision creates the project in execution with the approved 计划书 as its baseline and a capped line awaiting its condition', async () => {
    clock.set(AFTER_END);
    officer = await t.login('daxing-officer');
    const forms = daxingProjectForms();
    const seeded = await seedNotice(t.database.db, {
      jurisdiction: 'daxing',
      editionId: 'daxing-2025',
      program: 'construction-project',
      ...PERIOD,
      items: [{ unit: 'unit-a', leader: '张建华', occupation: '数控车工', name: '精密数控加工技艺传承与青年技工培养项目', projectName: '精密数控加工技艺传承与青年技工培养项目', amount: 45_000, unitName: '=HYPERLINK("http://x")', forms }],
    });
    expect((await decide(seeded.noticeId, officer, '京兴人社发〔2026〕32号')).statusCode).toBe(200);
    const [project] = await t.database.db.select().from(projects).where(eq(projects.applicationId, seeded.appIds[0]));
    expect(project).toMatchObject({ status: 'in-execution', name: '精密数控加工技艺传承与青年技工培养项目', approvedAmount: 45_000, periodStart: '2026-07-01', periodEnd: '2026-10-31' });
    expect((project.baseline as Record<string, { requestedAmount?: number }>)['work-plan'].requestedAmount).toBe(45_000);
    const [line] = await t.database.db.select().from(disbursements).where(eq(disbursements.projectId, project.id));
    expect(line).toMatchObject({ kind: 'capped', amount: 45_000, cap: 50_000, status: 'awaiting-condition', dueOn: null });
    expect(line.condition).toContain('评审考核通过');
    lineId = line.id;
    // The project belongs to 张建华's studio recognised above; the registry's studio page lists it.
    const [owner] = await t.database.db.select().from(studios).where(eq(studios.name, '大兴区张建华数控车工技能大师工作室'));
    expect(project.studioId).toBe(owner.id);
    const page = (await t.app.inject({ method: 'GET', url: `/api/studios/${owner.id}` })).json();
    expect(page.projects).toEqual([expect.objectContaining({ name: '精密数控加工技艺传承与青年技工培养项目', status: 'in-execution', approvedAmount: 45_000 })]);
  });

  it('a payment before the closure assessment is refused with the condition; nothing is recorded', async () => {
    finance = await t.login('daxing-finance');
    const res = await t.app.inject({ method: 'POST', url: `/api/disbursements/${lineId}/payments`, headers: { cookie: finance }, payload: { paidOn: '2026-09-14', amount: 45_000, voucherNumber: 'PZ-2026-0901' } });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('CONDITION_NOT_MET');
    expect(res.json().error.message).toContain('项目结束后，评审考核通过的拨付相应经费');
    const [line] = await t.database.db.select().from(disbursements).where(eq(disbursements.id, lineId));
    expect([line.paidAmount, line.status]).toEqual([0, 'awaiting-condition']);
  });

  it('once the condition holds, a payment above the cap is refused (409 naming the cap) and one within it is recorded', async () => {
    // Issue 7's closure assessment will set this; here the line is made due as it would be.
    await t.database.db.update(disbursements).set({ status: 'due', dueOn: '2026-09-14' }).where(eq(disbursements.id, lineId));
    const above = await t.app.inject({ method: 'POST', url: `/api/disbursements/${lineId}/payments`, headers: { cookie: finance }, payload: { paidOn: '2026-09-14', amount: 60_000, voucherNumber: 'PZ-2026-0902' } });
    expect(above.statusCode, above.body).toBe(409);
    expect(above.json().error.code).toBe('PAYMENT_ABOVE_SCHEDULE');
    expect(above.json().error.message).toContain('上限 50,000 元');
    expect(above.json().error.message).toContain('第十四条');
    const officerTry = await t.app.inject({ method: 'POST', url: `/api/disbursements/${lineId}/payments`, headers: { cookie: officer }, payload: { paidOn: '2026-09-14', amount: 45_000, voucherNumber: 'PZ-2026-0903' } });
    expect(officerTry.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: `/api/disbursements/${lineId}/payments`, headers: { cookie: finance }, payload: { paidOn: '2026-09-14', amount: 45_000, voucherNumber: 'PZ-2026-0904' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'paid', paidAmount: 45_000, payments: [expect.objectContaining({ voucherNumber: 'PZ-2026-0904', amount: 45_000 })] });
    const more = await t.app.inject({ method: 'POST', url: `/api/disbursements/${lineId}/payments`, headers: { cookie: finance }, payload: { paidOn: '2026-09-14', amount: 1, voucherNumber: 'PZ-2026-0905' } });
    expect(more.statusCode).toBe(409);
  });

  it('the export has Chinese headers and neutralises a cell that would run as a formula', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/disbursements.xlsx', headers: { cookie: finance } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('拨付清单')!;
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['序号', '单位', '拨付事项', '计划金额（元）', '已拨付（元）', '状态']));
    const cells = ws.getColumn(2).values as unknown[];
    expect(ws.rowCount).toBeGreaterThan(1);
    expect(cells).toContain(`'=HYPERLINK("http://x")`);
    expect(cells).not.toContain('=HYPERLINK("http://x")');
  });
});

describe('[FUNDING] 京兴人社发〔2025〕21号 第十三条: a district studio selected municipal earns 50,000', () => {
  it('the officer records the municipal title; the award enters the schedule and finance pays it', async () => {
    clock.set(AFTER_END);
    officer = await t.login('daxing-officer');
    const seeded = await seedNotice(t.database.db, {
      jurisdiction: 'daxing',
      editionId: 'daxing-2025',
      program: 'studio-recognition',
      ...PERIOD,
      items: [{ unit: 'unit-a', leader: '赵红', occupation: '钳工', name: '大兴区赵红钳工技能大师工作室' }],
    });
    expect((await decide(seeded.noticeId, officer, '京兴人社发〔2026〕33号')).statusCode).toBe(200);
    const [studio] = await t.database.db.select().from(studios).where(eq(studios.sourceApplicationId, seeded.appIds[0]));
    const title = await t.app.inject({
      method: 'POST',
      url: `/api/studios/${studio.id}/titles`,
      headers: { cookie: officer },
      payload: { level: 'municipal', awardedOn: '2026-09-14', document: '京人社能发〔2026〕20号' },
    });
    expect(title.statusCode, title.body).toBe(201);
    expect(title.json()).toMatchObject({ level: 'municipal', award: 50_000, awardCitation: '京兴人社发〔2025〕21号 第十三条' });
    const [fresh] = await t.database.db.select().from(studios).where(eq(studios.id, studio.id));
    expect(fresh.level).toBe('municipal');
    const twice = await t.app.inject({ method: 'POST', url: `/api/studios/${studio.id}/titles`, headers: { cookie: officer }, payload: { level: 'municipal', awardedOn: '2026-09-14', document: '京人社能发〔2026〕20号' } });
    expect(twice.statusCode).toBe(409);
    const other = await t.app.inject({ method: 'POST', url: `/api/studios/${studio.id}/titles`, headers: { cookie: await t.login('shunyi-officer') }, payload: { level: 'national', awardedOn: '2026-09-14', document: '人社部函〔2026〕1号' } });
    expect(other.statusCode).toBe(404);

    const finance = await t.login('daxing-finance');
    const list = (await t.app.inject({ method: 'GET', url: '/api/disbursements', headers: { cookie: finance } })).json();
    const award = list.find((d: { studioId: string; kind: string }) => d.studioId === studio.id && d.kind === 'award');
    expect(award).toMatchObject({ amount: 50_000, status: 'due', purpose: expect.stringContaining('入选市级技能大师工作室奖励') });
    const early = await t.app.inject({ method: 'POST', url: `/api/disbursements/${award.id}/payments`, headers: { cookie: finance }, payload: { paidOn: '2026-09-13', amount: 50_000, voucherNumber: 'PZ-2026-1001' } });
    expect(early.statusCode).toBe(400);
    const paid = await t.app.inject({ method: 'POST', url: `/api/disbursements/${award.id}/payments`, headers: { cookie: finance }, payload: { paidOn: '2026-09-14', amount: 50_000, voucherNumber: 'PZ-2026-1001' } });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().status).toBe('paid');
    const [u] = await t.database.db.select().from(units).where(eq(units.id, studio.unitId!));
    expect(u).toBeTruthy();
  });
});

describe('[DECISION] two officers confirming at once; the decision page and the decided list', () => {
  it('one wins, the other gets a clear 409; one studio is created; the decided list exports with Chinese headers', async () => {
    clock.set(AFTER_END);
    const seeded = await seedNotice(t.database.db, {
      jurisdiction: 'daxing',
      editionId: 'daxing-2025',
      program: 'studio-recognition',
      ...PERIOD,
      items: [{ unit: 'unit-a', leader: '孙志刚', occupation: '电焊工', name: '大兴区孙志刚电焊工技能大师工作室' }],
    });
    const [a, b] = [await t.login('daxing-officer'), await t.login('daxing-officer')];
    const page = (await t.app.inject({ method: 'GET', url: `/api/funding/calls/${seeded.callId}`, headers: { cookie: a } })).json();
    expect(page).toMatchObject({ ended: true, openObjections: 0, noticeStatus: 'published', studioNameFormat: expect.stringContaining('大兴区+技能大师姓名+职业名称+技能大师工作室（京兴人社发〔2025〕21号 第九条（一）2）') });
    const results = await Promise.all([decide(seeded.noticeId, a, '京兴人社发〔2026〕40号'), decide(seeded.noticeId, b, '京兴人社发〔2026〕41号')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('NOTICE_ALREADY_DECIDED');
    expect(await t.database.db.select().from(studios).where(eq(studios.sourceApplicationId, seeded.appIds[0]))).toHaveLength(1);

    const list = (await t.app.inject({ method: 'GET', url: '/api/funding/calls', headers: { cookie: a } })).json();
    expect(list.find((c: { callId: string }) => c.callId === seeded.callId)).toMatchObject({ noticeStatus: 'concluded' });
    expect((await t.app.inject({ method: 'GET', url: `/api/funding/calls/${seeded.callId}`, headers: { cookie: await t.login('shunyi-officer') } })).statusCode).toBe(404);
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/funding/calls/${seeded.callId}/decided.xlsx`, headers: { cookie: a } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('认定名单')!;
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['名称', '单位', '铭牌编号', '认定文号']));
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['大兴区孙志刚电焊工技能大师工作室']));
  });
});

describe('[FUNDING] 京兴人社发〔2025〕21号 第九条（二）4: the unit’s bank account comes from its application', () => {
  it('finance sees the unit profile’s account and opens the 开户许可证 the unit uploaded; another district gets 404', async () => {
    clock.set('2026-06-15T02:00:00Z'); // inside the 2026 round's window
    const callId = await openCall(t.app, await t.login('daxing-officer'), { title: '2026年大兴区技能大师工作室建设项目评选（拨付测试）' });
    const { id: appId } = await seedDaxingProjectApplication(t.app, await t.login('unit-a'), callId);
    // The review and the notice (issues 5 and 6) ran: the application is in notice on a notice that has ended.
    await t.database.db.update(applications).set({ status: 'in-notice' }).where(eq(applications.id, appId));
    const unit = await unitOf(t.database.db, 'unit-a');
    const noticeId = randomUUID();
    const at = new Date('2026-09-01T02:00:00Z');
    await t.database.db.insert(notices).values({ id: noticeId, callId, jurisdictionId: 'daxing', editionId: 'daxing-2025', program: 'construction-project', title: '拨付测试公示', body: '公示', contacts: [{ phone: '81298272' }], ...PERIOD, workingDays: 5, status: 'published', publishedAt: at, createdAt: at, updatedAt: at });
    await t.database.db.insert(noticeItems).values({ id: randomUUID(), noticeId, position: 1, applicationId: appId, name: '精密数控加工技艺传承与青年技工培养项目', projectName: '精密数控加工技艺传承与青年技工培养项目', unitId: unit.id, unitName: unit.name, leaderName: '张建华', occupation: '数控车工', amount: 45_000 });
    clock.set(AFTER_END);
    expect((await decide(noticeId, await t.login('daxing-officer'), '京兴人社发〔2026〕50号')).statusCode).toBe(200);

    const finance = await t.login('daxing-finance');
    const list = (await t.app.inject({ method: 'GET', url: '/api/disbursements', headers: { cookie: finance } })).json();
    const line = list.find((d: { applicationId: string }) => d.applicationId === appId);
    expect(line).toMatchObject({ kind: 'capped', amount: 45_000, status: 'awaiting-condition', statusName: '待条件满足' });
    expect(line.bank.materials).toHaveLength(1);
    const file = await t.app.inject({ method: 'GET', url: line.bank.materials[0].url, headers: { cookie: finance } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await t.app.inject({ method: 'GET', url: line.bank.materials[0].url, headers: { cookie: await t.login('etdz-officer') } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: line.bank.materials[0].url, headers: { cookie: await t.login('unit-a') } })).statusCode).toBe(403);
  });
});

describe('[DECISION] 京兴人社发〔2025〕21号 第十条: a new studio and the project filed with it are decided together', () => {
  it('the studio is recognised and its project enters execution under it, the subsidy awaiting the closure assessment', async () => {
    clock.set(AFTER_END);
    const seeded = await seedNotice(t.database.db, {
      jurisdiction: 'daxing',
      editionId: 'daxing-2025',
      program: 'studio-recognition',
      ...PERIOD,
      items: [{ unit: 'unit-a', leader: '周海', occupation: '装配钳工', name: '大兴区周海装配钳工技能大师工作室', projectName: '航空部件精密装配技艺传承项目', amount: 50_000, forms: daxingProjectForms() }],
    });
    expect((await decide(seeded.noticeId, await t.login('daxing-officer'), '京兴人社发〔2026〕60号')).statusCode).toBe(200);
    const [studio] = await t.database.db.select().from(studios).where(eq(studios.sourceApplicationId, seeded.appIds[0]));
    const [project] = await t.database.db.select().from(projects).where(eq(projects.applicationId, seeded.appIds[0]));
    expect(project).toMatchObject({ studioId: studio.id, name: '航空部件精密装配技艺传承项目', status: 'in-execution', approvedAmount: 50_000 });
    const lines = await t.database.db.select().from(disbursements).where(eq(disbursements.applicationId, seeded.appIds[0]));
    expect(lines.map((l) => [l.kind, l.amount, l.cap, l.status, l.projectId])).toEqual([['capped', 50_000, 50_000, 'awaiting-condition', project.id]]);
  });
});
