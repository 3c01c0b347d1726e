import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { loginAttempts, sessions, users } from '../../db/schema';
import { LOGIN_LIMITS } from './accounts.service';

const clock = testClock('2026-06-20T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('[AUTH] sign in, session, sign out', () => {
  it('a demo unit user signs in and gets an HttpOnly, SameSite=Lax session cookie and their unit and roles', async () => {
    const res = await login('unit-a', 'demo12345');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'jx_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy(); // plain HTTP here; Secure is set behind TLS (next test)
    const { user } = res.json();
    expect(user.username).toBe('unit-a');
    expect(user.unit.name).toBe('北京兴业精密机械有限公司');
    expect(user.roles).toEqual([{ role: 'applicant', jurisdiction: 'daxing', jurisdictionName: '大兴区' }]);
    expect(user).not.toHaveProperty('sessionId');
  });

  it('behind TLS the cookie is Secure', async () => {
    const res = await login('unit-b', 'demo12345', { 'x-forwarded-proto': 'https' });
    // trustProxy is off in this app, so the header is ignored and the cookie stays non-Secure…
    expect(res.cookies.find((c) => c.name === 'jx_session')!.secure).toBeFalsy();
    const proxied = await startTestApp({ demo: true, config: { trustProxy: true } });
    try {
      const r2 = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'unit-b', password: 'demo12345' },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(r2.cookies.find((c) => c.name === 'jx_session')!.secure).toBe(true);
      expect(r2.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await proxied.close();
    }
  });

  it('passwords are stored as argon2id hashes, never in clear', async () => {
    const [row] = await t.database.db.select({ h: users.passwordHash }).from(users).where(sql`username = 'admin'`);
    expect(row.h).toMatch(/^\$argon2id\$/);
    expect(row.h).not.toContain('demo12345');
  });

  it('a wrong password and an unknown user get the same answer (no user enumeration)', async () => {
    const wrong = await login('daxing-officer', 'not-the-password');
    const unknown = await login('nobody-here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toEqual({ code: 'AUTH_INVALID', message: '用户名或密码错误' });
  });

  it('GET /api/auth/me without a session is 401 in the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'AUTH_REQUIRED', message: '请先登录' } });
  });

  it('logout ends the session on the server: the old cookie no longer works', async () => {
    const cookie = await t.login('expert1');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('a session expires after the idle time', async () => {
    const cookie = await t.login('expert2');
    clock.advance(121 * 60_000);
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('a cross-site write with the session cookie is refused (CSRF)', async () => {
    const cookie = await t.login('expert3');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
    // the session survived
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'http://localhost:3000', host: 'localhost:3000' },
    });
    expect(same.statusCode).toBe(204);
  });
});

describe('[AUTH] password change', () => {
  it('enforces the password rule with field messages in Chinese and changes nothing', async () => {
    const cookie = await t.login('expert4');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'demo12345', newPassword: 'short' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.newPassword).toBe('新密码至少 10 位');
    expect((await login('expert4', 'demo12345')).statusCode).toBe(200);
  });

  it('refuses a wrong current password', async () => {
    const cookie = await t.login('expert4');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'wrong-one', newPassword: 'NewPassw0rd2026' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'PASSWORD_CURRENT_WRONG', fields: { currentPassword: '当前密码不正确' } });
  });

  it('changes the password, ends the other sessions, keeps this one', async () => {
    const other = await t.login('expert5');
    const cookie = await t.login('expert5');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'demo12345', newPassword: 'NewPassw0rd2026' },
    });
    expect(res.statusCode).toBe(204);
    expect((await login('expert5', 'demo12345')).statusCode).toBe(401);
    expect((await login('expert5', 'NewPassw0rd2026')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401);
  });
});

describe('[AUTH] login rate limit', () => {
  it(`after ${LOGIN_LIMITS.perAccount} failures an account is locked for the window with 429 and Retry-After, even with the right password`, async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) expect((await login('shunyi-officer', `bad-${i}`)).statusCode).toBe(401);
    const locked = await login('shunyi-officer', 'demo12345');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().error.code).toBe('RATE_LIMITED');
    clock.advance((LOGIN_LIMITS.windowMinutes + 1) * 60_000);
    expect((await login('shunyi-officer', 'demo12345')).statusCode).toBe(200);
  });

  it(`limits one address across accounts after ${LOGIN_LIMITS.perAddress} failures`, async () => {
    clock.advance((LOGIN_LIMITS.windowMinutes + 1) * 60_000);
    const ip = { 'x-forwarded-for': '203.0.113.9' };
    // trustProxy is off: request.ip is the socket address, the same for every inject; use distinct users.
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) await login(`ghost-${i}`, 'x', ip);
    const res = await login('daxing-inspector', 'demo12345', ip);
    expect(res.statusCode).toBe(429);
  });

  it('records every attempt', async () => {
    const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(loginAttempts);
    expect(row.n).toBeGreaterThan(LOGIN_LIMITS.perAddress);
  });
});

describe('[AUTH] atomic writes', () => {
  it('when the audit write fails, the login leaves no session and no attempt behind', async () => {
    clock.advance((LOGIN_LIMITS.windowMinutes + 1) * 60_000);
    const db = t.database.db;
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(sessions);
    const attemptsBefore = await db.select({ n: sql<number>`count(*)::int` }).from(loginAttempts);
    await db.execute(sql`create function jx_fail() returns trigger language plpgsql as $$ begin raise exception 'audit store down'; end $$`);
    await db.execute(sql`create trigger jx_fail before insert on audit_events for each row execute function jx_fail()`);
    try {
      const res = await login('admin', 'demo12345');
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL');
    } finally {
      await db.execute(sql`drop trigger jx_fail on audit_events`);
      await db.execute(sql`drop function jx_fail()`);
    }
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(sessions)).toEqual(before);
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(loginAttempts)).toEqual(attemptsBefore);
  });
});
