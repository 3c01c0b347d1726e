import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/helpers/app';
import { creditCodeCheckChar } from '../../../policy/rules/id-numbers';
import { auditEvents, sessions, units, userRoles, users } from '../../db/schema';
import { REGISTRATION_LIMITS } from './registration.service';

/** Issue 4: "Unit registration with 统一社会信用代码 (validated), unit users" — POST /api/auth/register-unit. */

let t: TestApp;
const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17);
const GOOD_CODE = creditCode('91110115MA05REG10');

const form = (over: Record<string, unknown> = {}) => ({
  unitName: '北京新注册精工科技有限公司',
  creditCode: GOOD_CODE,
  jurisdictionId: 'daxing',
  address: '北京市大兴区金苑路 26 号',
  contactName: '刘洋',
  contactPhone: '13700001111',
  username: 'xinzhuce',
  displayName: '刘洋',
  password: 'Jiangxin2026a',
  ...over,
});

let ip = 1;
/** Each request from its own address unless told, so the per-address limit is tested only where meant. */
const register = (payload: unknown, options: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/register-unit', payload: payload as object, remoteAddress: options.remoteAddress ?? `10.1.0.${ip++}`, headers: options.headers });

async function counts() {
  const db = t.database.db;
  const n = async (table: typeof units | typeof users | typeof sessions | typeof auditEvents | typeof userRoles) => Number((await db.select({ n: count() }).from(table))[0].n);
  return { units: await n(units), users: await n(users), roles: await n(userRoles), sessions: await n(sessions), audit: await n(auditEvents) };
}

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('unit self-registration (issue 4)', () => {
  it('lists the jurisdictions a unit may register in, without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/register-unit/options' });
    expect(res.statusCode).toBe(200);
    expect(res.json().jurisdictions.map((j: { id: string }) => j.id)).toEqual(expect.arrayContaining(['daxing', 'etdz', 'shunyi']));
  });

  it('registers a unit with a valid 统一社会信用代码 (GB 32100), creates its applicant user and signs them in', async () => {
    const before = await counts();
    const res = await register(form());
    expect(res.statusCode).toBe(201);
    const { user } = res.json();
    expect(user).toMatchObject({ username: 'xinzhuce', displayName: '刘洋', unit: { name: '北京新注册精工科技有限公司' } });
    expect(user.roles).toEqual([{ role: 'applicant', jurisdiction: 'daxing', jurisdictionName: '大兴区' }]);
    const cookie = res.cookies.find((c) => c.name === 'jx_session');
    expect(cookie?.httpOnly).toBe(true);

    // The session works: the new user reads its own unit, registered in the chosen jurisdiction.
    const unit = await t.app.inject({ method: 'GET', url: '/api/unit', headers: { cookie: `jx_session=${cookie!.value}` } });
    expect(unit.statusCode).toBe(200);
    expect(unit.json()).toMatchObject({ creditCode: GOOD_CODE, jurisdictionId: 'daxing', address: '北京市大兴区金苑路 26 号', contactName: '刘洋', contactPhone: '13700001111' });
    expect(await counts()).toEqual({ units: before.units + 1, users: before.users + 1, roles: before.roles + 1, sessions: before.sessions + 1, audit: before.audit + 1 });

    // The password works for a later sign-in.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xinzhuce', password: 'Jiangxin2026a' } });
    expect(login.statusCode).toBe(200);
  });

  const refusals: [string, Record<string, unknown>, number, string, string | RegExp][] = [
    ['a credit code with a wrong check character (GB 32100)', { creditCode: GOOD_CODE.slice(0, 17) + (GOOD_CODE[17] === '0' ? '1' : '0'), username: 'refused-1' }, 400, 'creditCode', /校验/],
    ['a credit code of the wrong length', { creditCode: '9111011512345', username: 'refused-2' }, 400, 'creditCode', /18/],
    ['an unknown jurisdiction', { jurisdictionId: 'chaoyang', creditCode: creditCode('91110115MA05REG20'), username: 'refused-3' }, 400, 'jurisdictionId', '请选择所属辖区'],
    ['a landline as contact mobile', { contactPhone: '010-67881204', creditCode: creditCode('91110115MA05REG30'), username: 'refused-4' }, 400, 'contactPhone', '联系人手机号应为11位手机号码'],
    ['a password without digits (same rule as changing a password)', { password: 'onlyletterspassword', creditCode: creditCode('91110115MA05REG40'), username: 'refused-5' }, 400, 'password', '新密码须包含数字'],
    ['a short password', { password: 'abc123', creditCode: creditCode('91110115MA05REG50'), username: 'refused-6' }, 400, 'password', '新密码至少 10 位'],
    ['a username with spaces', { username: 'a b', creditCode: creditCode('91110115MA05REG60') }, 400, 'username', /用户名为3–32位/],
    ['a missing unit name', { unitName: '', creditCode: creditCode('91110115MA05REG70'), username: 'refused-8' }, 400, 'unitName', '请填写单位名称'],
    ['a credit code already registered', { username: 'refused-9' }, 409, 'creditCode', '该统一社会信用代码已注册'],
    ['a username already taken (any case)', { username: 'UNIT-A', creditCode: creditCode('91110115MA05REG80') }, 409, 'username', '该用户名已被使用，请换一个'],
    ['an unknown field', { role: 'admin', creditCode: creditCode('91110115MA05REG90'), username: 'refused-10' }, 400, '', /.*/],
  ];
  for (const [what, over, status, field, message] of refusals) {
    it(`refuses ${what} with a field message, writing nothing`, async () => {
      const before = await counts();
      const res = await register(form(over));
      const body = res.json();
      expect(res.statusCode, res.body).toBe(status);
      if (field) expect(body.error.fields?.[field]).toMatch(message);
      expect(res.cookies.find((c) => c.name === 'jx_session')).toBeUndefined();
      expect(await counts()).toEqual(before);
    });
  }

  it('says the credit code is registered and whom to ask (409)', async () => {
    const res = await register(form({ username: 'dup2' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CREDIT_CODE_REGISTERED', message: '该统一社会信用代码已注册，请联系本单位管理员添加账号' });
  });

  it('accepts a lower-case credit code and stores it upper-case', async () => {
    const code = creditCode('91110302MA05REGA1');
    const res = await register(form({ creditCode: code.toLowerCase(), username: 'lower-case-unit', jurisdictionId: 'etdz' }));
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'jx_session')!;
    const unit = await t.app.inject({ method: 'GET', url: '/api/unit', headers: { cookie: `jx_session=${cookie.value}` } });
    expect(unit.json()).toMatchObject({ creditCode: code, jurisdictionId: 'etdz' });
  });

  it('refuses a cross-site registration (CSRF origin check on a cookie write), writing nothing', async () => {
    const before = await counts();
    const res = await register(form({ creditCode: creditCode('91110115MA05REGB1'), username: 'csrf-unit' }), { headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
    const site = await register(form({ creditCode: creditCode('91110115MA05REGB1'), username: 'csrf-unit' }), { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(site.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it(`limits registrations per address to ${REGISTRATION_LIMITS.perAddress} per ${REGISTRATION_LIMITS.windowMinutes} minutes (429, Retry-After)`, async () => {
    const remoteAddress = '10.9.9.9';
    for (let i = 0; i < REGISTRATION_LIMITS.perAddress; i++) {
      // Refused attempts count too: flooding with bad forms is as costly as with good ones.
      const res = await register(form({ creditCode: '123', username: `flood${i}` }), { remoteAddress });
      expect(res.statusCode).toBe(400);
    }
    const before = await counts();
    const res = await register(form({ creditCode: creditCode('91110115MA05REGC1'), username: 'flood-ok' }), { remoteAddress });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.json().error.message).toMatch(/注册请求过于频繁/);
    expect(await counts()).toEqual(before);
    // Another address is not affected.
    expect((await register(form({ creditCode: creditCode('91110115MA05REGC1'), username: 'flood-ok' }))).statusCode).toBe(201);
  });
});
