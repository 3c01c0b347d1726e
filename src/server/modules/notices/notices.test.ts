import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { applications, auditEvents, noticeItems, notices, outbox, users } from '../../db/schema';
import { computeNoticePeriod } from './notices.service';
import { PUBLISH_BODY, seedReviewedCall } from './notices.test-helpers';

// Tuesday 2026-09-29, 10:00 Beijing time: two working days before 国庆 2026.
const clock = testClock('2026-09-29T02:00:00Z');
let t: TestApp;
let officer: string;

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  officer = await t.login('daxing-officer');
});
afterAll(() => t.close());

const publish = (callId: string, cookie = officer, payload: object = PUBLISH_BODY) =>
  t.app.inject({ method: 'POST', url: `/api/calls/${callId}/notice`, headers: { cookie }, payload });

const statusOf = async (id: string) => (await t.database.db.select({ s: applications.status }).from(applications).where(eq(applications.id, id)))[0].s;

describe('[NOTICE] the period: 5 statutory working days from the policy calendar (京兴人社发〔2025〕21号 第十一条)', () => {
  it('published Tue 2026-09-29 (before 国庆): 09-29, 09-30, 10-08, 10-09 and the 调休 Saturday 10-10 — ends 2026-10-10 17:00', async () => {
    clock.set('2026-09-29T02:00:00Z');
    const { callId, apps } = await seedReviewedCall(t.database.db, {
      now: clock.now(),
      entries: [
        { unit: 'unit-a', leader: '王建军', occupation: '数控车工', title: '王建军技能大师工作室', projectName: '航空发动机精密轴类零件数控车削工艺攻关', proposed: true, amount: 50_000 },
        { leader: '李秀英', occupation: '中式烹调师', title: '李秀英技能大师工作室', proposed: false },
      ],
    });
    const res = await publish(callId);
    expect(res.statusCode, res.body).toBe(201);
    const n = res.json();
    expect([n.startsOn, n.endsOn, n.endsAt]).toEqual(['2026-09-29', '2026-10-10', '2026-10-10T17:00:00+08:00']);
    expect(n.workingDays).toBe(5);
    expect(n.calendarBasis.join()).toContain('2026年部分节假日安排');
    // 第九条（一）2: 大兴区+技能大师姓名+职业名称+技能大师工作室; the amount is published (2026 notice 三（六）: ≤ 50,000).
    expect(n.items).toEqual([expect.objectContaining({ name: '大兴区王建军数控车工技能大师工作室', projectName: '航空发动机精密轴类零件数控车削工艺攻关', amount: 50_000, withdrawn: false })]);
    // Same transaction: the proposed application is in notice, the other one not selected.
    expect(await statusOf(apps[0].id)).toBe('in-notice');
    expect(await statusOf(apps[1].id)).toBe('not-selected');

    // The public page shows start, end and time.
    const pub = (await t.app.inject({ method: 'GET', url: `/api/notices/${n.id}` })).json();
    expect([pub.startsOn, pub.endsOn, pub.endsAt, pub.status, pub.acceptingObjections]).toEqual(['2026-09-29', '2026-10-10', '2026-10-10T17:00:00+08:00', 'running', true]);
    expect(pub.items.map((i: { name: string }) => i.name)).toEqual(['大兴区王建军数控车工技能大师工作室']);
    const audit = await t.database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, n.id));
    expect(audit.map((a) => a.action)).toContain('notice.published');
  });

  it('published Fri 2026-02-13 (before 春节): 02-13, the 调休 Saturday 02-14, then 02-24, 02-25, 02-26 — ends 2026-02-26 17:00', async () => {
    clock.set('2026-02-13T03:00:00Z');
    const { callId } = await seedReviewedCall(t.database.db, {
      now: clock.now(),
      entries: [{ leader: '陈志刚', occupation: '电工', title: '陈志刚技能大师工作室', proposed: true, amount: 48_000 }],
    });
    const res = await publish(callId);
    expect(res.statusCode, res.body).toBe(201);
    expect([res.json().startsOn, res.json().endsOn, res.json().endsAt]).toEqual(['2026-02-13', '2026-02-26', '2026-02-26T17:00:00+08:00']);
    clock.set('2026-09-29T02:00:00Z');
  });

  it('published on a rest day the period starts the next working day: 国庆 2026-10-01 → 10-08 … 10-13; the end is never counted from weekends alone', () => {
    expect(computeNoticePeriod('2026-10-01', 5)).toEqual(expect.objectContaining({ startsOn: '2026-10-08', endsOn: '2026-10-13', endsAt: '2026-10-13T17:00:00+08:00', provisional: false }));
    // Weekends alone would give 2026-10-05; the State Council schedule gives 10-10 (调休上班).
    expect(computeNoticePeriod('2026-09-29', 5).endsOn).toBe('2026-10-10');
  });
});

describe('[NOTICE] publishing is refused until the review is complete (issue 6 bad input), nothing changed', () => {
  it('a draft proposal or none: 409 with the reason; statuses and notices unchanged', async () => {
    for (const proposal of ['draft', 'none'] as const) {
      const { callId, apps } = await seedReviewedCall(t.database.db, { now: clock.now(), proposal, entries: [{ leader: '郑海涛', occupation: '焊工', title: '郑海涛工作室', proposed: true }] });
      const res = await publish(callId);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe('REVIEW_NOT_COMPLETE');
      expect(res.json().error.message).toContain('评审尚未完成');
      expect(await statusOf(apps[0].id)).toBe('proposed');
      expect(await t.database.db.select().from(notices).where(eq(notices.callId, callId))).toEqual([]);
    }
  });

  it('an application of the list no longer proposed (e.g. back to 评审完成): 409 naming it, nothing half-written', async () => {
    const { callId, apps } = await seedReviewedCall(t.database.db, {
      now: clock.now(),
      entries: [
        { leader: '高晓东', occupation: '汽车维修工', title: '高晓东工作室', proposed: true },
        { leader: '吴静', occupation: '药物制剂工', title: '吴静工作室', proposed: true },
      ],
    });
    await t.database.db.update(applications).set({ status: 'scored' }).where(eq(applications.id, apps[1].id));
    const res = await publish(callId);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.message).toContain(apps[1].number);
    expect(await statusOf(apps[0].id)).toBe('proposed');
    expect(await t.database.db.select().from(notices).where(eq(notices.callId, callId))).toEqual([]);
  });

  it('publishing twice: the second is 409 and the list is not duplicated', async () => {
    const { callId } = await seedReviewedCall(t.database.db, { now: clock.now(), entries: [{ leader: '孙桂兰', occupation: '景泰蓝制作工', title: '孙桂兰工作室', proposed: true }] });
    expect((await publish(callId)).statusCode).toBe(201);
    const again = await publish(callId);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('不能重复发布');
    expect(await t.database.db.select().from(notices).where(eq(notices.callId, callId))).toHaveLength(1);
  });

  it('who may publish: another jurisdiction’s officer 404, the inspector and units 403; bad input 400', async () => {
    const { callId } = await seedReviewedCall(t.database.db, { now: clock.now(), entries: [{ leader: '周永强', occupation: '电工', title: '周永强工作室', proposed: true }] });
    expect((await publish(callId, await t.login('etdz-officer'))).statusCode).toBe(404);
    expect((await publish(callId, await t.login('daxing-inspector'))).statusCode).toBe(403);
    expect((await publish(callId, await t.login('unit-a'))).statusCode).toBe(403);
    const bad = await publish(callId, officer, { body: '短', contacts: [] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(['body', 'contacts']));
    expect(await t.database.db.select().from(notices).where(eq(notices.callId, callId))).toEqual([]);
  });
});

describe('[NOTICE] no early leak: units learn the outcome only at publication', () => {
  it('before publication the unit sees 评审中 and has no message; after, 公示中 (proposed) or 未入选 (not proposed) and a message', async () => {
    const unit = await t.login('unit-a');
    const [{ id: unitUserId }] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'unit-a'));
    const a = await seedReviewedCall(t.database.db, { now: clock.now(), entries: [{ unit: 'unit-a', leader: '赵德明', occupation: '数控铣工', title: '赵德明工作室', proposed: true }] });
    const b = await seedReviewedCall(t.database.db, { now: clock.now(), entries: [{ unit: 'unit-a', leader: '刘建平', occupation: '汽车维修工', title: '刘建平工作室', proposed: false }, { leader: '马丽', occupation: '电工', title: '马丽工作室', proposed: true }] });
    const seen = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: { cookie: unit } })).json();
    const messages = async (appIds: string[]) =>
      (await t.database.db.select({ title: outbox.title, payload: outbox.payload }).from(outbox).where(and(eq(outbox.userId, unitUserId), inArray(outbox.template, ['notice.published', 'notice.not-selected'])))).filter((m) =>
        appIds.includes((m.payload as { applicationId?: string } | null)?.applicationId ?? ''),
      );

    for (const id of [a.apps[0].id, b.apps[0].id]) {
      const before = await seen(id);
      expect(before.statusName).toBe('评审中');
      expect(JSON.stringify(before)).not.toMatch(/拟入选|未拟入选|proposed/);
    }
    expect(await messages([a.apps[0].id, b.apps[0].id])).toEqual([]);
    const list = (await t.app.inject({ method: 'GET', url: '/api/notices' })).json() as { callId: string }[];
    expect(list.map((n) => n.callId)).not.toContain(a.callId);

    expect((await publish(a.callId)).statusCode).toBe(201);
    expect((await publish(b.callId)).statusCode).toBe(201);
    expect((await seen(a.apps[0].id)).statusName).toBe('公示中');
    expect((await seen(b.apps[0].id)).statusName).toBe('未入选');
    expect((await messages([a.apps[0].id, b.apps[0].id])).map((m) => m.title).sort()).toEqual([`已列入公示名单：${a.apps[0].number}`, `评审结果：${b.apps[0].number} 未入选`].sort());
  });
});

describe('[NOTICE] exports', () => {
  it('items.xlsx has Chinese headers and neutralises formulas; notice.pdf is public and printable', async () => {
    const { callId } = await seedReviewedCall(t.database.db, {
      now: clock.now(),
      program: 'construction-project',
      entries: [{ leader: '吴静', title: '=HYPERLINK("http://evil.example","点击")', proposed: true, amount: 30_000 }],
    });
    const n = (await publish(callId)).json();
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/notices/${n.id}/items.xlsx`, headers: { cookie: officer } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('公示名单')!;
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['序号', '名称', '所在单位', '领办人', '金额（元）']));
    expect(String(ws.getRow(2).getCell(3).value)).toBe('\'=HYPERLINK("http://evil.example","点击")');
    expect((await t.app.inject({ method: 'GET', url: `/api/notices/${n.id}/items.xlsx`, headers: { cookie: await t.login('etdz-officer') } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/notices/${n.id}/items.xlsx` })).statusCode).toBe(401);

    const pdf = await t.app.inject({ method: 'GET', url: `/api/notices/${n.id}/notice.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('[NOTICE] officer views', () => {
  it('the jurisdiction’s notices and the calls ready to publish with the period preview', async () => {
    const { callId } = await seedReviewedCall(t.database.db, { now: clock.now(), entries: [{ leader: '韩卫国', occupation: '电工', title: '韩卫国工作室', proposed: true }] });
    const list = (await t.app.inject({ method: 'GET', url: '/api/officer/notices', headers: { cookie: officer } })).json();
    expect(list.pending).toEqual(expect.arrayContaining([expect.objectContaining({ callId, proposedCount: 1, period: expect.objectContaining({ startsOn: '2026-09-29', endsOn: '2026-10-10' }) })]));
    expect(list.notices.length).toBeGreaterThan(0);
    const etdz = (await t.app.inject({ method: 'GET', url: '/api/officer/notices', headers: { cookie: await t.login('etdz-officer') } })).json();
    expect(etdz.pending.map((p: { callId: string }) => p.callId)).not.toContain(callId);
    const preview = (await t.app.inject({ method: 'GET', url: `/api/calls/${callId}/notice/preview`, headers: { cookie: officer } })).json();
    expect(preview).toEqual(expect.objectContaining({ ready: true, items: [expect.objectContaining({ name: '大兴区韩卫国电工技能大师工作室', proposed: true })] }));
    expect(preview.defaultBody).toContain('2026-10-10 17:00');
    const items = await t.database.db.select().from(noticeItems).innerJoin(notices, eq(notices.id, noticeItems.noticeId)).where(eq(notices.callId, callId));
    expect(items).toEqual([]);
  });
});
