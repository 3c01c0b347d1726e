import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { tableCounts } from '../../../../test/helpers/api-surface';

const clock = testClock('2026-11-23T02:00:00Z'); // Monday 10:00 Beijing time
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  admin = await t.login('admin');
});
afterAll(() => t?.close());

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: unknown): Promise<Res> =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const me = (cookie: string) => call('GET', '/api/auth/me', cookie);
const loginAs = (username: string, password: string) => call('POST', '/api/auth/login', undefined, { username, password });
const auditCount = async (action: string) => {
  const r = (await t.database.db.execute(sql`select count(*)::int as n from audit_events where action = ${action}`)) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0].n);
};
const idOf = async (username: string) => {
  const users = (await call('GET', `/api/admin/users?search=${username}`, admin)).json() as { id: string; username: string }[];
  return users.find((u) => u.username === username)!.id;
};

const NEW_OFFICER = {
  username: 'shunyi-intake2',
  displayName: '顺义区受理窗口 王敏',
  password: 'Shunyi2026pass',
  roles: [{ role: 'intake', jurisdiction: 'shunyi' }],
};

describe('[ADMIN] only the platform admin manages users and jurisdictions (DESIGN.md “Who uses it”)', () => {
  const routes: [method: 'GET' | 'POST' | 'PATCH', path: string | (() => Promise<string>), body?: unknown][] = [
    ['GET', '/api/admin/users'],
    ['POST', '/api/admin/users', NEW_OFFICER],
    ['PATCH', async () => `/api/admin/users/${await idOf('expert5')}`, { disabled: true }],
    ['POST', async () => `/api/admin/users/${await idOf('expert5')}/password`, { password: 'Another2026pass' }],
    ['GET', '/api/admin/jurisdictions'],
    ['POST', '/api/admin/jurisdictions', { id: 'changping', nameZh: '昌平区' }],
    ['PATCH', '/api/admin/jurisdictions/shunyi', { nameZh: '顺义' }],
    ['GET', '/api/admin/calendar/2026/packaged'],
  ];
  it('officers, inspectors, experts and units get 403 on every admin route, anonymous 401, and nothing is written', async () => {
    const before = await tableCounts(t.database.db);
    for (const who of ['daxing-officer', 'shunyi-officer', 'daxing-inspector', 'expert1', 'unit-a', null]) {
      const cookie = who ? await t.login(who) : undefined;
      for (const [method, path, body] of routes) {
        const url = typeof path === 'function' ? await path() : path;
        const res = await call(method, url, cookie, body);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(who ? 403 : 401);
        expect(res.json().error.code).toBe(who ? 'FORBIDDEN' : 'AUTH_REQUIRED');
      }
    }
    const after = await tableCounts(t.database.db);
    expect({ ...after, sessions: 0, login_attempts: 0, audit_events: 0 }).toEqual({ ...before, sessions: 0, login_attempts: 0, audit_events: 0 });
    expect((await call('GET', `/api/admin/users?search=shunyi-intake2`, admin)).json()).toEqual([]);
  });
});

describe('[ADMIN] users', () => {
  it('lists users with their roles per jurisdiction and unit; search and role filter narrow it', async () => {
    const all = (await call('GET', '/api/admin/users', admin)).json() as { username: string; roles: { role: string; jurisdiction: string | null }[]; unit: unknown }[];
    const officer = all.find((u) => u.username === 'daxing-officer')!;
    expect(officer.roles).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'intake', jurisdiction: 'daxing', jurisdictionName: '大兴区' })]));
    expect(all.find((u) => u.username === 'unit-a')!.unit).toEqual(expect.objectContaining({ name: expect.any(String) }));
    const experts = (await call('GET', '/api/admin/users?role=expert', admin)).json() as { roles: { role: string }[] }[];
    expect(experts.length).toBeGreaterThan(0);
    expect(experts.every((u) => u.roles.some((r) => r.role === 'expert'))).toBe(true);
    const found = (await call('GET', '/api/admin/users?search=SHUNYI-off', admin)).json() as { username: string }[];
    expect(found.map((u) => u.username)).toEqual(['shunyi-officer']);
  });

  it('a new 顺义区 intake officer can sign in at once and holds exactly the granted role; the creation is audited', async () => {
    const audits = await auditCount('user.created');
    const res = await call('POST', '/api/admin/users', admin, NEW_OFFICER);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual(expect.objectContaining({ username: 'shunyi-intake2', disabled: false, roles: [{ role: 'intake', jurisdiction: 'shunyi', jurisdictionName: '顺义区' }] }));
    expect(await auditCount('user.created')).toBe(audits + 1);
    const login = await loginAs('shunyi-intake2', NEW_OFFICER.password);
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().user.roles).toEqual([{ role: 'intake', jurisdiction: 'shunyi', jurisdictionName: '顺义区' }]);
  });

  it('a username already taken (in any case) is refused with 409 and nothing is written', async () => {
    const before = await tableCounts(t.database.db);
    const res = await call('POST', '/api/admin/users', admin, { ...NEW_OFFICER, username: 'Daxing-Officer' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual(expect.objectContaining({ code: 'USERNAME_TAKEN', fields: { username: '用户名已被使用' } }));
    expect(await tableCounts(t.database.db)).toEqual(before);
  });

  it('bad input is refused with 400 in the error shape and nothing is written (weak password, applicant role, unknown jurisdiction, missing jurisdiction)', async () => {
    const before = await tableCounts(t.database.db);
    const bad = [
      { ...NEW_OFFICER, username: 'weak-pw', password: 'short' },
      { ...NEW_OFFICER, username: 'unit-role', roles: [{ role: 'applicant', jurisdiction: 'daxing' }] },
      { ...NEW_OFFICER, username: 'nowhere', roles: [{ role: 'program', jurisdiction: 'haidian' }] },
      { ...NEW_OFFICER, username: 'no-juris', roles: [{ role: 'finance', jurisdiction: null }] },
      { ...NEW_OFFICER, username: 'no-roles', roles: [] },
      { ...NEW_OFFICER, username: '坏 名字' },
    ];
    for (const body of bad) {
      const res = await call('POST', '/api/admin/users', admin, body);
      expect(res.statusCode, `${body.username}: ${res.body}`).toBe(400);
      expect(res.json().error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    }
    expect(await tableCounts(t.database.db)).toEqual(before);
  });

  it('disabling a user ends their session at once (401) and their sign-in fails; enabling lets them back in', async () => {
    const cookie = await t.login('expert4');
    expect((await me(cookie)).statusCode).toBe(200);
    const id = await idOf('expert4');
    const res = await call('PATCH', `/api/admin/users/${id}`, admin, { disabled: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await loginAs('expert4', 'demo12345')).statusCode).toBe(401);
    expect(await auditCount('user.disabled')).toBe(1);
    expect((await call('PATCH', `/api/admin/users/${id}`, admin, { disabled: false })).statusCode).toBe(200);
    expect((await loginAs('expert4', 'demo12345')).statusCode).toBe(200);
  });

  it('changing roles ends the user’s sessions; the next sign-in carries the new roles', async () => {
    const cookie = await t.login('shunyi-intake2', NEW_OFFICER.password);
    const id = await idOf('shunyi-intake2');
    const res = await call('PATCH', `/api/admin/users/${id}`, admin, { roles: [{ role: 'intake', jurisdiction: 'shunyi' }, { role: 'program', jurisdiction: 'shunyi' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    const again = await loginAs('shunyi-intake2', NEW_OFFICER.password);
    expect(again.json().user.roles.map((r: { role: string }) => r.role).sort()).toEqual(['intake', 'program']);
  });

  it('a renamed user keeps their session (only disabling and role changes end it)', async () => {
    const cookie = await t.login('expert3');
    const res = await call('PATCH', `/api/admin/users/${await idOf('expert3')}`, admin, { displayName: '李专家（高级工程师）' });
    expect(res.statusCode).toBe(200);
    expect((await me(cookie)).json().user.displayName).toBe('李专家（高级工程师）');
  });

  it('resetting a password ends the user’s sessions; the old password no longer works, the new one does; audited', async () => {
    const cookie = await t.login('expert5');
    const res = await call('POST', `/api/admin/users/${await idOf('expert5')}/password`, admin, { password: 'Reset2026pass' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await loginAs('expert5', 'demo12345')).statusCode).toBe(401);
    expect((await loginAs('expert5', 'Reset2026pass')).statusCode).toBe(200);
    expect(await auditCount('user.password_reset')).toBe(1);
    const weak = await call('POST', `/api/admin/users/${await idOf('expert5')}/password`, admin, { password: 'abc' });
    expect(weak.statusCode).toBe(400);
  });

  it('the admin cannot disable themself nor remove their own admin role (409), and stays signed in', async () => {
    const id = await idOf('admin');
    const before = await tableCounts(t.database.db);
    const disable = await call('PATCH', `/api/admin/users/${id}`, admin, { disabled: true });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().error.code).toBe('SELF_DISABLE');
    const demote = await call('PATCH', `/api/admin/users/${id}`, admin, { roles: [{ role: 'inspector', jurisdiction: 'daxing' }] });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('SELF_ADMIN_REMOVAL');
    expect(await tableCounts(t.database.db)).toEqual(before);
    expect((await me(admin)).statusCode).toBe(200);
  });

  it('an unknown user is 404; a unit account’s roles cannot be changed here (409)', async () => {
    expect((await call('PATCH', '/api/admin/users/no-such-user', admin, { disabled: true })).statusCode).toBe(404);
    const unitA = await idOf('unit-a');
    expect((await call('PATCH', `/api/admin/users/${unitA}`, admin, { roles: [{ role: 'program', jurisdiction: 'daxing' }] })).statusCode).toBe(409);
  });
});

describe('[ADMIN] jurisdictions', () => {
  it('lists the three jurisdictions with their accounts and units', async () => {
    const list = (await call('GET', '/api/admin/jurisdictions', admin)).json() as { id: string; nameZh: string; unitCount: number; userCount: number }[];
    expect(list.map((j) => j.id)).toEqual(expect.arrayContaining(['daxing', 'etdz', 'shunyi']));
    expect(list.find((j) => j.id === 'daxing')!.unitCount).toBeGreaterThan(0);
  });

  it('creates 昌平区 (audited), then renames it; a duplicate id is 409, a bad id 400, nothing written', async () => {
    const res = await call('POST', '/api/admin/jurisdictions', admin, { id: 'changping', nameZh: '昌平区', nameEn: 'Changping District' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await auditCount('jurisdiction.created')).toBeGreaterThan(0);
    const before = await tableCounts(t.database.db);
    expect((await call('POST', '/api/admin/jurisdictions', admin, { id: 'changping', nameZh: '昌平' })).statusCode).toBe(409);
    expect((await call('POST', '/api/admin/jurisdictions', admin, { id: 'Chang-Ping', nameZh: '昌平' })).statusCode).toBe(400);
    expect((await call('PATCH', '/api/admin/jurisdictions/changping', admin, {})).statusCode).toBe(400);
    expect(await tableCounts(t.database.db)).toEqual(before);
    const renamed = await call('PATCH', '/api/admin/jurisdictions/changping', admin, { nameZh: '昌平区人社局辖区' });
    expect(renamed.json().nameZh).toBe('昌平区人社局辖区');
    expect(await auditCount('jurisdiction.updated')).toBe(1);
    expect((await call('PATCH', '/api/admin/jurisdictions/nowhere', admin, { nameZh: '某区' })).statusCode).toBe(404);
    // The new jurisdiction can be granted at once.
    const officer = await call('POST', '/api/admin/users', admin, { ...NEW_OFFICER, username: 'changping-program', roles: [{ role: 'program', jurisdiction: 'changping' }] });
    expect(officer.statusCode, officer.body).toBe(201);
  });

  it('the packaged State Council schedule of 2026 lists 国庆节 holidays and 调休 workdays', async () => {
    const res = await call('GET', '/api/admin/calendar/2026/packaged', admin);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { holidays: { date: string; festival: string }[]; workdays: { date: string }[] };
    expect(body.holidays).toEqual(expect.arrayContaining([{ date: '2026-10-01', festival: '国庆节' }]));
    expect(body.workdays.length).toBeGreaterThan(0);
  });
});
