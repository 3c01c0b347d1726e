import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { applications, auditEvents, outbox, paperDossierRequests, units, users } from '../../db/schema';
import { advanceTo } from '../review/desk.test-helpers';

/**
 * 经开区 paper dossier notice (京技管发〔2024〕1号 2026 办事指南 五（二）: 收到打印纸质材料短信通知后，在3个工作日内…递交至受理窗口).
 * The clock stands on Wednesday 2026-06-17, 10:00 Beijing time: 端午节 falls on Friday 2026-06-19 (国办发明电 2026 schedule),
 * so three working days later is Tuesday 2026-06-23 — past the holiday and the weekend.
 */
const clock = testClock('2026-06-17T02:00:00Z');
let t: TestApp;
let etdzOfficer: string;

const inject = (method: 'GET' | 'POST', url: string, cookie: string | undefined, payload?: unknown) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const request = (id: string, cookie: string) => inject('POST', `/api/applications/${id}/request-paper-dossier`, cookie, {});

async function written() {
  const db = t.database.db;
  const n = async (table: typeof outbox | typeof auditEvents | typeof paperDossierRequests) => Number((await db.select({ n: count() }).from(table))[0].n);
  return { outbox: await n(outbox), audit: await n(auditEvents), requests: await n(paperDossierRequests) };
}

async function applicationOf(officer: string, unitName: RegExp, status?: string) {
  const list = (await inject('GET', `/api/applications?pageSize=100${status ? `&status=${status}` : ''}`, officer)).json() as { id: string; number: string; unitName: string; status: string }[];
  const found = list.find((a) => unitName.test(a.unitName));
  if (!found) throw new Error(`no application of ${unitName} in ${JSON.stringify(list.map((a) => [a.unitName, a.status]))}`);
  return found;
}

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  etdzOfficer = await t.login('etdz-officer');
});
afterAll(async () => t?.close());

describe('通知报送纸质材料 (经开区 办事指南 五（二）)', () => {
  it('is refused until the application waits at 线下受理: after 初审 (六（二）) and 审核 (六（三）), in the edition’s order (409, nothing written)', async () => {
    for (const unit of [/亦庄智造/, /经开精工/]) {
      const app = await applicationOf(etdzOfficer, unit, 'submitted');
      const before = await written();
      const early = await request(app.id, etdzOfficer);
      expect(early.statusCode).toBe(409);
      expect(early.json().error).toMatchObject({ code: 'PAPER_DOSSIER_NOT_READY', message: expect.stringContaining('待线下受理') });
      await advanceTo(t.app, t.database.db, etdzOfficer, app.id, 'substantive-review');
      expect((await request(app.id, etdzOfficer)).statusCode).toBe(409);
      expect((await written()).requests).toBe(before.requests);
      await advanceTo(t.app, t.database.db, etdzOfficer, app.id, 'paper-intake');
    }
  });

  it('sets the deadline three statutory working days ahead (skipping 端午节 and the weekend) and notifies by SMS and in-app, in one go', async () => {
    const app = await applicationOf(etdzOfficer, /亦庄智造/, 'paper-intake');
    const before = await written();
    const res = await request(app.id, etdzOfficer);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const detail0 = (await inject('GET', `/api/applications/${app.id}`, etdzOfficer)).json();
    const [unit] = await t.database.db.select({ phone: units.contactPhone }).from(units).where(eq(units.id, detail0.unitId));
    expect(unit.phone).toMatch(/^1[3-9]\d{9}$/);
    expect(body).toMatchObject({ deadline: '2026-06-23', workingDays: 3, sms: { sentTo: `${unit.phone!.slice(0, 3)}****${unit.phone!.slice(7)}` } });
    expect(body.message).toBe(
      `【经开区人社服务中心】您单位的技能大师工作室认定申报（编号 ${app.number}）已通过审核，请于 2026-06-23 前从平台下载带水印的全套申报材料打印，一式一份有序胶装，递交政务服务大厅“政策申报”窗口。`.replace('技能大师工作室认定', body.message.match(/您单位的(.+)申报（/)[1]),
    );

    // SMS to the contact's mobile and an in-app message to every user of the unit, from the outbox.
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.template, 'application.paper_dossier_requested'));
    const sms = rows.filter((r) => r.channel === 'sms');
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ recipient: unit.phone, status: 'pending' });
    expect(sms[0].body).toContain('请于 2026-06-23 前');
    expect(rows.filter((r) => r.channel === 'in-app').length).toBeGreaterThanOrEqual(1);
    const after = await written();
    expect(after.requests).toBe(before.requests + 1);
    expect(after.audit).toBe(before.audit + 1);
    const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, app.id), eq(auditEvents.action, 'application.paper_dossier_requested')));
    expect(audit).toBeDefined();

    // The unit sees it in its inbox, on the timeline and as the pending deadline of the application.
    const unitB = await t.login('unit-b');
    const detail = (await inject('GET', `/api/applications/${app.id}`, unitB)).json();
    expect(detail.paperIntake).toBe(true);
    // The unit must act here, so it is told where the application waits (not the 评审中 of the review stages).
    expect(detail).toMatchObject({ status: 'paper-intake', statusName: '待线下受理' });
    expect(detail.paperDossier).toMatchObject({ deadline: '2026-06-23' });
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'paper_dossier_requested', note: '通知报送纸质材料，截止 2026-06-23' });
    const inbox = await inject('GET', '/api/notifications', unitB);
    if (inbox.statusCode === 200) expect(JSON.stringify(inbox.json())).toContain('2026-06-23');
  });

  it('refuses a second notice in the same round (409), writing nothing', async () => {
    const app = await applicationOf(etdzOfficer, /亦庄智造/);
    const before = await written();
    const res = await request(app.id, etdzOfficer);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'PAPER_DOSSIER_PENDING', message: expect.stringContaining('2026-06-23') });
    expect(await written()).toEqual(before);
  });

  it('without a mobile number on the unit profile (a landline), says so and still notifies in-app', async () => {
    const app = await applicationOf(etdzOfficer, /经开精工/, 'paper-intake');
    const res = await request(app.id, etdzOfficer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sms).toBeNull();
    expect(res.json().notice).toMatch(/未登记联系人手机号，未发送短信；已发送站内消息/);
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.template, 'application.paper_dossier_requested'));
    expect(rows.filter((r) => r.recipient === '010-67881204')).toHaveLength(0);
    // In-app to each active user of the unit (the demo's 经开精工 may have no accounts yet).
    const detail = (await inject('GET', `/api/applications/${app.id}`, etdzOfficer)).json();
    const members = await t.database.db.select({ id: users.id }).from(users).where(and(eq(users.unitId, detail.unitId), eq(users.active, true)));
    expect(rows.filter((r) => r.channel === 'in-app' && (r.payload as { applicationId?: string }).applicationId === app.id)).toHaveLength(members.length);
    expect(detail.paperDossier).toMatchObject({ deadline: '2026-06-23' });
  });

  it('refuses a 大兴 application: its edition has no paper-intake stage (409), writing nothing', async () => {
    const daxingOfficer = await t.login('daxing-officer');
    const app = await applicationOf(daxingOfficer, /.*/, 'submitted');
    const before = await written();
    const res = await request(app.id, daxingOfficer);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PAPER_DOSSIER_NOT_APPLICABLE');
    expect((await inject('GET', `/api/applications/${app.id}`, daxingOfficer)).json()).toMatchObject({ paperIntake: false, paperDossier: null });
    expect(await written()).toEqual(before);
  });

  it('refuses a draft (409), a unit (403) and an officer of another jurisdiction (404), writing nothing', async () => {
    // Officers do not list drafts: take the demo's 经开区 draft from the table.
    const [draft] = await t.database.db.select({ id: applications.id }).from(applications).where(and(eq(applications.jurisdictionId, 'etdz'), eq(applications.status, 'draft'))).limit(1);
    expect(draft).toBeDefined();
    const [unitB, daxingOfficer, inspector] = [await t.login('unit-b'), await t.login('daxing-officer'), await t.login('daxing-inspector')];
    const before = await written();
    const res = await request(draft.id, etdzOfficer);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PAPER_DOSSIER_NOT_READY');
    const app = await applicationOf(etdzOfficer, /经开精工/);
    expect((await request(app.id, unitB)).statusCode).toBe(403);
    expect((await request(app.id, daxingOfficer)).statusCode).toBe(404);
    expect((await request(app.id, inspector)).statusCode).toBe(403);
    expect(await written()).toEqual(before);
  });
});
