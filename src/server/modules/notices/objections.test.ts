import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { multipartFile, tinyPdf } from '../../../../test/helpers/fixtures';
import { applications, auditEvents, noticeItems, objections, outbox } from '../../db/schema';
import { OBJECTION_LIMITS } from './notices.routes';
import { PUBLISH_BODY, seedReviewedCall } from './notices.test-helpers';

// Tuesday 2026-09-29, 10:00 Beijing time; notices published now run to 2026-10-10 17:00 (国庆, 调休).
const clock = testClock('2026-09-29T02:00:00Z');
let t: TestApp;
let officer: string;
let addr = 0;
/** Each test files from its own address, so the per-address limit is only met where a test means to. */
const nextAddress = () => `198.51.100.${++addr}`;

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  officer = await t.login('daxing-officer');
});
afterAll(() => t.close());

async function runningNotice(opts: { allowAnonymousObjections?: boolean } = {}) {
  clock.set('2026-09-29T02:00:00Z');
  const { callId, apps } = await seedReviewedCall(t.database.db, {
    now: clock.now(),
    entries: [
      { unit: 'unit-a', leader: '王建军', occupation: '数控车工', title: '王建军工作室', proposed: true, amount: 50_000 },
      { leader: '李秀英', occupation: '中式烹调师', title: '李秀英工作室', proposed: true, amount: 45_000 },
    ],
  });
  const res = await t.app.inject({ method: 'POST', url: `/api/calls/${callId}/notice`, headers: { cookie: officer }, payload: { ...PUBLISH_BODY, allowAnonymousObjections: !!opts.allowAnonymousObjections } });
  expect(res.statusCode, res.body).toBe(201);
  const notice = res.json() as { id: string; items: { id: string; name: string; applicationId: string }[] };
  return { notice, apps };
}

const file = (noticeId: string, payload: object, remoteAddress = nextAddress()) =>
  t.app.inject({ method: 'POST', url: `/api/notices/${noticeId}/objections`, payload, remoteAddress });

const OBJECTION = { name: '张三', contact: '13912345678', body: '该工作室领办人实际已于今年退休离岗，不符合第七条（一）的条件。' };

describe('[NOTICE] objections during the period (京兴人社发〔2025〕21号 第十一条 公示无异议的方予认定)', () => {
  it('name and contact are required when the notice does not allow anonymous objections; filed → tracking number, the filer follows it', async () => {
    const { notice } = await runningNotice();
    const missing = await file(notice.id, { body: OBJECTION.body, itemId: notice.items[0].id });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual({ name: '请填写姓名或单位名称', contact: '请填写联系电话或电子邮箱' });
    const anon = await file(notice.id, { body: OBJECTION.body, anonymous: true });
    expect(anon.statusCode).toBe(400);
    expect(anon.json().error.code).toBe('ANONYMOUS_NOT_ALLOWED');
    expect(await t.database.db.select().from(objections).where(eq(objections.noticeId, notice.id))).toEqual([]);

    const ok = await file(notice.id, { ...OBJECTION, itemId: notice.items[0].id });
    expect(ok.statusCode, ok.body).toBe(201);
    const { trackingNumber, queryCode } = ok.json();
    expect(trackingNumber).toMatch(/^YY-DX-2026-\d{4}$/);
    const status = await t.app.inject({ method: 'GET', url: `/api/objections/${trackingNumber}?contact=139-1234-5678` });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toEqual(expect.objectContaining({ status: 'open', statusName: '待处理', itemName: notice.items[0].name, reply: null }));
    expect((await t.app.inject({ method: 'GET', url: `/api/objections/${trackingNumber}?code=${queryCode}` })).statusCode).toBe(200);
    // A wrong contact reads like an unknown number.
    expect((await t.app.inject({ method: 'GET', url: `/api/objections/${trackingNumber}?contact=13900000000` })).statusCode).toBe(404);
    // The public notice counts it; the unit is not told who objected.
    expect((await t.app.inject({ method: 'GET', url: `/api/notices/${notice.id}` })).json().openObjections).toBe(1);
  });

  it('anonymous objections are accepted where the officer allowed them', async () => {
    const { notice } = await runningNotice({ allowAnonymousObjections: true });
    const res = await file(notice.id, { body: OBJECTION.body, anonymous: true });
    expect(res.statusCode, res.body).toBe(201);
    const status = await t.app.inject({ method: 'GET', url: `/api/objections/${res.json().trackingNumber}?code=${res.json().queryCode}` });
    expect(status.json().status).toBe('open');
  });

  it('after 17:00 of the last day objections are refused with the end date; at 16:59 still accepted', async () => {
    const { notice } = await runningNotice();
    clock.set('2026-10-10T08:59:00Z'); // 16:59 Beijing time, last day (调休 Saturday)
    expect((await file(notice.id, OBJECTION)).statusCode).toBe(201);
    clock.set('2026-10-10T09:00:00Z'); // 17:00
    const late = await file(notice.id, OBJECTION);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toEqual({ code: 'NOTICE_PERIOD_ENDED', message: '公示期已于 2026-10-10 17:00（北京时间）结束，不再受理异议' });
    const pub = (await t.app.inject({ method: 'GET', url: `/api/notices/${notice.id}` })).json();
    expect([pub.status, pub.acceptingObjections]).toEqual(['ended', false]);
    clock.set('2026-09-29T02:00:00Z');
  });

  it(`flooding is rate-limited per address: the ${OBJECTION_LIMITS.perAddress + 1}th objection in ${OBJECTION_LIMITS.windowMinutes} minutes gets 429 with Retry-After`, async () => {
    const { notice } = await runningNotice();
    const from = nextAddress();
    for (let i = 0; i < OBJECTION_LIMITS.perAddress; i++) expect((await file(notice.id, OBJECTION, from)).statusCode).toBe(201);
    const before = (await t.database.db.select().from(objections).where(eq(objections.noticeId, notice.id))).length;
    const flood = await file(notice.id, OBJECTION, from);
    expect(flood.statusCode).toBe(429);
    expect(Number(flood.headers['retry-after'])).toBeGreaterThan(0);
    expect(flood.json().error.code).toBe('RATE_LIMITED');
    expect(flood.json().error.message).toContain('提交异议过于频繁');
    expect((await t.database.db.select().from(objections).where(eq(objections.noticeId, notice.id))).length).toBe(before);
    // Another address is not affected.
    expect((await file(notice.id, OBJECTION)).statusCode).toBe(201);
  });

  it('evidence: a PDF is attached with the tracking number and contact; a file that is not PDF/JPG/PNG by content is refused', async () => {
    const { notice } = await runningNotice();
    const { trackingNumber } = (await file(notice.id, OBJECTION)).json();
    const pdf = multipartFile('证明.pdf', tinyPdf('evidence'));
    const ok = await t.app.inject({ method: 'POST', url: `/api/objections/${trackingNumber}/attachments?contact=${OBJECTION.contact}`, headers: pdf.headers, payload: pdf.payload });
    expect(ok.statusCode, ok.body).toBe(201);
    const fake = multipartFile('证明.pdf', Buffer.from('not a pdf at all'));
    const bad = await t.app.inject({ method: 'POST', url: `/api/objections/${trackingNumber}/attachments?contact=${OBJECTION.contact}`, headers: fake.headers, payload: fake.payload });
    expect(bad.statusCode).toBe(415);
    const wrong = multipartFile('证明.pdf', tinyPdf('x'));
    expect((await t.app.inject({ method: 'POST', url: `/api/objections/${trackingNumber}/attachments?contact=110`, headers: wrong.headers, payload: wrong.payload })).statusCode).toBe(404);
    const list = (await t.app.inject({ method: 'GET', url: `/api/notices/${notice.id}/objections`, headers: { cookie: officer } })).json();
    expect(list[0].attachments).toEqual([expect.objectContaining({ name: '证明.pdf', mimeType: 'application/pdf' })]);
    const got = await t.app.inject({ method: 'GET', url: `/api/objections/${list[0].id}/attachments/${list[0].attachments[0].id}`, headers: { cookie: officer } });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('[NOTICE] demo data (issue 6: a notice running today with one objection open)', () => {
  it('the running 大兴 notice has one open objection, and its filer can follow it with the demo query code', async () => {
    clock.set('2026-09-29T02:00:00Z');
    const list = (await t.app.inject({ method: 'GET', url: '/api/notices?jurisdiction=daxing&status=running' })).json() as { id: string; title: string }[];
    const demo = list.find((n) => n.title.includes('建设项目拟认定名单公示'))!;
    const detail = (await t.app.inject({ method: 'GET', url: `/api/notices/${demo.id}` })).json();
    expect([detail.openObjections, detail.acceptingObjections]).toEqual([1, true]);
    const status = await t.app.inject({ method: 'GET', url: '/api/objections/YY-DX-2026-0001?code=DEMO2026' });
    expect(status.json()).toEqual(expect.objectContaining({ status: 'open', itemName: '大兴区李秀英中式烹调师技能大师工作室' }));
  });
});

describe('[NOTICE] handling objections: investigate, uphold (the item is withdrawn), dismiss', () => {
  it('uphold withdraws the item from the public list, the application moves to withdrawn, the unit is told, the filer sees the reply', async () => {
    const { notice, apps } = await runningNotice();
    const item = notice.items[0];
    const { trackingNumber } = (await file(notice.id, { ...OBJECTION, itemId: item.id })).json();
    const [o] = (await t.app.inject({ method: 'GET', url: `/api/notices/${notice.id}/objections`, headers: { cookie: officer } })).json();
    expect(o).toEqual(expect.objectContaining({ trackingNumber, name: '张三', contact: '13912345678', status: 'open' }));

    const handle = (payload: object, cookie = officer) => t.app.inject({ method: 'POST', url: `/api/objections/${o.id}/handle`, headers: { cookie }, payload });
    // Another jurisdiction's officer: as if it did not exist; the inspector reads but does not decide.
    expect((await handle({ action: 'uphold', reply: '成立' }, await t.login('etdz-officer'))).statusCode).toBe(404);
    expect((await handle({ action: 'uphold', reply: '成立' }, await t.login('daxing-inspector'))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/notices/${notice.id}/objections`, headers: { cookie: await t.login('daxing-inspector') } })).statusCode).toBe(200);
    // Objectors' names and contacts: officers of the jurisdiction only.
    for (const url of [`/api/notices/${notice.id}/objections`, `/api/officer/notices/${notice.id}`]) {
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie: await t.login('etdz-officer') } })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie: await t.login('unit-a') } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }

    expect((await handle({ action: 'investigate', reply: '已受理，正在核查领办人在岗情况。' })).json().status).toBe('investigating');
    const upheld = await handle({ action: 'uphold', reply: '经核查，领办人已于2026年8月退休，不符合第七条（一）条件，撤销该项。' });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(upheld.json().status).toBe('upheld');

    const pub = (await t.app.inject({ method: 'GET', url: `/api/notices/${notice.id}` })).json();
    expect(pub.items.map((i: { id: string }) => i.id)).toEqual([notice.items[1].id]);
    const [row] = await t.database.db.select().from(noticeItems).where(eq(noticeItems.id, item.id));
    expect(row.withdrawn).toBe(true);
    expect(row.withdrawnReason).toContain(trackingNumber);
    const [app] = await t.database.db.select({ status: applications.status }).from(applications).where(eq(applications.id, apps[0].id));
    expect(app.status).toBe('withdrawn');
    const unitMsgs = await t.database.db.select({ title: outbox.title }).from(outbox).where(and(eq(outbox.template, 'objection.upheld'), eq(outbox.channel, 'in-app')));
    expect(unitMsgs.map((m) => m.title)).toContain(`公示异议成立：${item.name}`);
    const filer = (await t.app.inject({ method: 'GET', url: `/api/objections/${trackingNumber}?contact=${OBJECTION.contact}` })).json();
    expect(filer).toEqual(expect.objectContaining({ status: 'upheld', statusName: '异议成立', reply: expect.stringContaining('已于2026年8月退休') }));
    const audit = await t.database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, o.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['objection.filed', 'objection.investigating', 'objection.upheld']));

    // Decided: a second decision is refused.
    const again = await handle({ action: 'dismiss', reply: '不成立' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已办结');
  });

  it('dismiss keeps the item on the list; an objection to the whole list needs the item to withdraw when upheld', async () => {
    const { notice } = await runningNotice();
    await file(notice.id, { ...OBJECTION, itemId: notice.items[1].id });
    await file(notice.id, OBJECTION);
    const [toItem, toAll] = (await t.app.inject({ method: 'GET', url: `/api/notices/${notice.id}/objections`, headers: { cookie: officer } })).json();
    const dismissed = await t.app.inject({ method: 'POST', url: `/api/objections/${toItem.id}/handle`, headers: { cookie: officer }, payload: { action: 'dismiss', reply: '经核查，反映情况与事实不符，异议不成立。' } });
    expect(dismissed.json().status).toBe('dismissed');
    expect((await t.app.inject({ method: 'GET', url: `/api/notices/${notice.id}` })).json().items).toHaveLength(2);
    const noItem = await t.app.inject({ method: 'POST', url: `/api/objections/${toAll.id}/handle`, headers: { cookie: officer }, payload: { action: 'uphold', reply: '成立' } });
    expect(noItem.statusCode).toBe(400);
    expect(noItem.json().error.fields).toEqual({ itemId: '请选择要撤销的公示项' });
    const withItem = await t.app.inject({ method: 'POST', url: `/api/objections/${toAll.id}/handle`, headers: { cookie: officer }, payload: { action: 'uphold', reply: '成立，撤销第二项。', itemId: notice.items[1].id } });
    expect(withItem.statusCode, withItem.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/notices/${notice.id}` })).json().items).toHaveLength(1);
  });

  it('two officers deciding the same objection at once: one wins, the other gets 409, the item is withdrawn once', async () => {
    const { notice } = await runningNotice();
    await file(notice.id, { ...OBJECTION, itemId: notice.items[0].id });
    const [o] = (await t.app.inject({ method: 'GET', url: `/api/notices/${notice.id}/objections`, headers: { cookie: officer } })).json();
    const [a, b] = [await t.login('daxing-officer'), await t.login('daxing-officer')];
    const results = await Promise.all(
      [a, b].map((cookie, i) => t.app.inject({ method: 'POST', url: `/api/objections/${o.id}/handle`, headers: { cookie }, payload: { action: i === 0 ? 'uphold' : 'dismiss', reply: `第${i + 1}位的处理意见` } })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json().error.message).toMatch(/刚被其他人处理|已办结/);
    const withdrawals = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, notice.id), eq(auditEvents.action, 'notice.item_withdrawn')));
    expect(withdrawals.length).toBeLessThanOrEqual(1);
    const [after] = await t.database.db.select().from(objections).where(eq(objections.id, o.id));
    expect(after.handling).toHaveLength(1);
  });
});
