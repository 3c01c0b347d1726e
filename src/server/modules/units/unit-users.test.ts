import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { auditEvents, userRoles, users } from '../../db/schema';
import { openCall, seedDaxingProjectApplication } from '../applications/applications.test-helpers';

/** Issue 4 "unit users" (DESIGN.md: a unit has several users) and the 申报承诺 declarations of a 大兴 project. */

const clock = testClock('2026-06-10T02:00:00Z'); // 10:00 Beijing time, inside the 大兴 2026 project round
let t: TestApp;
let unitA: string;
let unitB: string;

const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string | undefined, payload?: unknown) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const auditCount = async () => Number((await t.database.db.select({ n: count() }).from(auditEvents))[0].n);
const userCount = async () => Number((await t.database.db.select({ n: count() }).from(users))[0].n);

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  unitA = await t.login('unit-a');
  unitB = await t.login('unit-b');
});
afterAll(async () => t?.close());

describe('unit users (several users per unit)', () => {
  let colleagueId: string;

  it('lists the unit’s accounts with the caller marked and the last sign-in', async () => {
    const res = await inject('GET', '/api/unit/users', unitA);
    expect(res.statusCode).toBe(200);
    const me = res.json().find((u: { username: string }) => u.username === 'unit-a');
    expect(me).toMatchObject({ isSelf: true, displayName: expect.stringContaining('张伟') });
    expect(me.lastLoginAt).toMatch(/^2026-06-10T10:00/);
  });

  it('lets any applicant of the unit add a colleague, who signs in with the applicant role of the unit’s jurisdiction', async () => {
    const before = await auditCount();
    const res = await inject('POST', '/api/unit/users', unitA, { username: 'unit-a-li', displayName: '李静', password: 'Colleague2026x' });
    expect(res.statusCode).toBe(201);
    colleagueId = res.json().id;
    expect(res.json()).toMatchObject({ username: 'unit-a-li', displayName: '李静', lastLoginAt: null, isSelf: false });
    expect(await auditCount()).toBe(before + 1);
    const [audit] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, colleagueId));
    expect(audit.action).toBe('unit.user_added');

    const cookie = await t.login('unit-a-li', 'Colleague2026x');
    const me = (await inject('GET', '/api/auth/me', cookie)).json().user;
    expect(me.roles).toEqual([{ role: 'applicant', jurisdiction: 'daxing', jurisdictionName: '大兴区' }]);
    expect(me.unit.name).toBe('北京兴业精密机械有限公司');
    // the colleague works on the same unit's record
    expect((await inject('GET', '/api/unit', cookie)).json().creditCode).toBe((await inject('GET', '/api/unit', unitA)).json().creditCode);
    const list = (await inject('GET', '/api/unit/users', unitA)).json();
    expect(list.map((u: { username: string }) => u.username)).toContain('unit-a-li');
  });

  it('refuses a taken username (409) and a weak password (400), writing nothing', async () => {
    const [users0, audit0] = [await userCount(), await auditCount()];
    const taken = await inject('POST', '/api/unit/users', unitA, { username: 'Unit-B', displayName: '重名', password: 'Colleague2026x' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields.username).toBe('该用户名已被使用，请换一个');
    const weak = await inject('POST', '/api/unit/users', unitA, { username: 'unit-a-weak', displayName: '弱密码', password: 'short1' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.password).toBe('新密码至少 10 位');
    expect([await userCount(), await auditCount()]).toEqual([users0, audit0]);
  });

  it('lets no officer manage unit accounts (403)', async () => {
    const officer = await t.login('daxing-officer');
    expect((await inject('GET', '/api/unit/users', officer)).statusCode).toBe(403);
    expect((await inject('POST', '/api/unit/users', officer, { username: 'sneaky1', displayName: 'x', password: 'Colleague2026x' })).statusCode).toBe(403);
  });

  it('refuses removing yourself, and another unit’s account (404), changing nothing', async () => {
    const meId = (await inject('GET', '/api/unit/users', unitA)).json().find((u: { isSelf: boolean }) => u.isSelf).id;
    const self = await inject('DELETE', `/api/unit/users/${meId}`, unitA);
    expect(self.statusCode).toBe(409);
    expect(self.json().error.message).toBe('不能删除当前登录的账号，请由本单位其他账号操作');
    // unit-b cannot remove unit-a's colleague
    const other = await inject('DELETE', `/api/unit/users/${colleagueId}`, unitB);
    expect(other.statusCode).toBe(404);
    const [row] = await t.database.db.select({ active: users.active }).from(users).where(eq(users.id, colleagueId));
    expect(row.active).toBe(true);
  });

  it('removes a colleague: their sessions end at once and they can no longer sign in; the unit keeps its last account', async () => {
    const colleague = await t.login('unit-a-li', 'Colleague2026x');
    expect((await inject('GET', '/api/auth/me', colleague)).statusCode).toBe(200);
    // After the removal the unit has one account left, which cannot remove itself.
    const meId = (await inject('GET', '/api/unit/users', unitA)).json().find((u: { isSelf: boolean }) => u.isSelf).id;
    const before = await auditCount();
    const res = await inject('DELETE', `/api/unit/users/${colleagueId}`, unitA);
    expect(res.statusCode).toBe(204);
    expect(await auditCount()).toBe(before + 1);
    expect((await inject('GET', '/api/auth/me', colleague)).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'unit-a-li', password: 'Colleague2026x' } });
    expect(login.statusCode).toBe(401);
    const list = (await inject('GET', '/api/unit/users', unitA)).json();
    expect(list.map((u: { id: string }) => u.id)).toEqual([meId]);
    expect((await inject('DELETE', `/api/unit/users/${meId}`, unitA)).statusCode).toBe(409);
    // The removed account keeps its row (its name stays on what it signed), without its role being usable.
    const roles = await t.database.db.select().from(userRoles).where(eq(userRoles.userId, colleagueId));
    expect(roles.length).toBe(1);
  });
});

describe('申报承诺 declarations feed the eligibility check (大兴 2026年通知 申报要求2、第七条（三）、第十二条)', () => {
  let appId: string;
  const finding = (body: { findings: { ruleId: string; outcome: string }[] }, id: string) => body.findings.find((f) => f.ruleId === id);

  beforeAll(async () => {
    const officer = await t.login('daxing-officer');
    const callId = await openCall(t.app, officer, { title: '2026年大兴区技能大师工作室建设项目评选（承诺测试）' });
    appId = (await seedDaxingProjectApplication(t.app, unitA, callId, { submit: false })).id;
  });

  it('before the unit declares anything, stage, catalogue and outsourcing are unknown and listed as missing', async () => {
    const body = (await inject('GET', `/api/applications/${appId}/eligibility`, unitA)).json();
    expect(finding(body, 'daxing-2025.project.not-prohibited')?.outcome).toBe('unknown');
    expect(finding(body, 'daxing-2025.project.not-outsourced')?.outcome).toBe('unknown');
    expect(body.missing.map((m: { fact: string }) => m.fact)).toEqual(expect.arrayContaining(['project.stage', 'project.onProhibitedCatalog', 'project.outsourced']));
    expect((await inject('GET', `/api/applications/${appId}/declarations`, unitA)).json()).toEqual({ projectStage: null, notOnProhibitedCatalog: null, notOutsourced: null, updatedAt: null });
  });

  it('the declarations make the three conditions pass, audited', async () => {
    const before = await auditCount();
    const res = await inject('PUT', `/api/applications/${appId}/declarations`, unitA, { projectStage: 'planned', notOnProhibitedCatalog: true, notOutsourced: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ projectStage: 'planned', notOnProhibitedCatalog: true, notOutsourced: true });
    expect(await auditCount()).toBe(before + 1);
    const body = (await inject('GET', `/api/applications/${appId}/eligibility`, unitA)).json();
    expect(body.facts.project).toMatchObject({ stage: 'planned', onProhibitedCatalog: false, outsourced: false });
    expect(finding(body, 'daxing-2025.project.not-prohibited')?.outcome).toBe('pass');
    expect(finding(body, 'daxing-2025.project.not-outsourced')?.outcome).toBe('pass');
    expect(finding(body, 'daxing-2025.project-2026.project.stage')?.outcome).toBe('pass');
    expect(body.missing.map((m: { fact: string }) => m.fact)).not.toContain('project.stage');
  });

  it('an unticked box stays unknown, never a "no"; a wrong value is refused', async () => {
    await inject('PUT', `/api/applications/${appId}/declarations`, unitA, { projectStage: 'ongoing', notOnProhibitedCatalog: null, notOutsourced: true });
    const body = (await inject('GET', `/api/applications/${appId}/eligibility`, unitA)).json();
    expect(finding(body, 'daxing-2025.project.not-prohibited')?.outcome).toBe('unknown');
    const bad = await inject('PUT', `/api/applications/${appId}/declarations`, unitA, { projectStage: 'completed', notOnProhibitedCatalog: true, notOutsourced: true });
    expect(bad.statusCode).toBe(400);
  });

  it('another unit cannot declare for the application (404); after submitting nothing changes (409)', async () => {
    expect((await inject('PUT', `/api/applications/${appId}/declarations`, unitB, { projectStage: 'planned', notOnProhibitedCatalog: true, notOutsourced: true })).statusCode).toBe(404);
    expect((await inject('POST', `/api/applications/${appId}/submit`, unitA, {})).statusCode).toBe(200);
    const before = await auditCount();
    const res = await inject('PUT', `/api/applications/${appId}/declarations`, unitA, { projectStage: 'planned', notOnProhibitedCatalog: true, notOutsourced: true });
    expect(res.statusCode).toBe(409);
    expect(await auditCount()).toBe(before);
    expect((await inject('GET', `/api/applications/${appId}/declarations`, unitA)).json().projectStage).toBe('ongoing');
  });
});
