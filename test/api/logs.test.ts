import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber, residentIdCheckChar } from '../../src/policy/rules/id-numbers';
import { buildApp } from '../../src/server/app';
import { ConfigError, loadConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import { DEMO_PASSWORD, loadDemoData } from '../../src/server/demo/seed';
import { localStorage } from '../../src/server/storage/storage';
import { openTestDatabase, testConfig } from '../helpers/app';
import path from 'node:path';
import fs from 'node:fs';

/**
 * Issue 9 "Secrets and logs": the app's own log output (pino, at the most verbose level) never holds a
 * password, a session id or a full 身份证号 — not on sign-in, not on a failed sign-in, not when a person is
 * registered, not when a query carrying personal data fails. ID numbers appear only masked
 * (个人信息保护法第五十一条: 去标识化), as in the unit's list: 110************123.
 */
const ID_NUMBER = (() => {
  const first17 = '11011519760508201';
  return first17 + residentIdCheckChar(first17);
})();
const WRONG_PASSWORD = 'Not-the-Password-7731';

let database: Database;
let app: FastifyInstance;
let dataDir: string;
const lines: string[] = [];
let log = '';

beforeAll(async () => {
  database = await openTestDatabase();
  const config = testConfig({ logLevel: 'trace' });
  dataDir = config.dataDir;
  await loadDemoData(database.db, new Date(), localStorage(path.join(dataDir, 'files')));
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  app = await buildApp({ config, database, logger: { level: 'trace', stream } });
  // An unexpected database failure in a query that carries an ID number (the worst case for the error log).
  app.post('/api/test/failing-query', { config: { access: 'public' } }, async () => {
    await app.deps.db.execute(sql`select ${ID_NUMBER}::text as id_number from a_table_that_is_not_there`);
    return {};
  });
  await app.ready();

  const login = (password: string, username = 'unit-a') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers: { 'user-agent': 'logs-test' } });
  const ok = await login(DEMO_PASSWORD);
  expect(ok.statusCode).toBe(200);
  const sessionId = ok.cookies.find((c) => c.name === 'jx_session')!.value;
  const cookie = `jx_session=${sessionId}`;
  expect((await login(WRONG_PASSWORD)).statusCode).toBe(401);
  expect((await login(WRONG_PASSWORD, 'nobody-here')).statusCode).toBe(401);

  const created = await app.inject({
    method: 'POST',
    url: '/api/unit/persons',
    headers: { cookie },
    payload: { name: '孙秀梅', idNumber: ID_NUMBER, category: 'worker', occupation: '数控车工' },
  });
  expect(created.statusCode, created.body).toBe(201);
  expect((await app.inject({ method: 'GET', url: '/api/unit/persons', headers: { cookie } })).statusCode).toBe(200);
  const failed = await app.inject({ method: 'POST', url: '/api/test/failing-query', headers: { cookie }, payload: {} });
  expect(failed.statusCode, failed.body).toBe(500);
  expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBeLessThan(300);

  await app.close();
  log = lines.join('');
  (globalThis as { sessionId?: string }).sessionId = sessionId;
});

afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('[issue 9 secrets and logs] the log holds no secrets', () => {
  it('the log was captured (requests and the failed query are in it)', () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(log).toContain('/api/auth/login');
    expect(log).toContain('/api/unit/persons');
    expect(log).toContain('unhandled error');
    // The failing query is logged with its SQL for the operator, its parameters withheld.
    expect(log).toContain('params: [REDACTED]');
  });

  it('no password — neither the right one nor a wrong one — appears', () => {
    expect(log).not.toContain(DEMO_PASSWORD);
    expect(log).not.toContain(WRONG_PASSWORD);
    expect(log).not.toMatch(/\$argon2/);
  });

  it('no session id (cookie value) appears', () => {
    const sessionId = (globalThis as { sessionId?: string }).sessionId!;
    expect(sessionId.length).toBeGreaterThan(16);
    expect(log).not.toContain(sessionId);
    expect(log).not.toContain(encodeURIComponent(sessionId));
  });

  it('no full 身份证号 appears; only the masked form may (个人信息保护法第五十一条)', () => {
    expect(log).not.toContain(ID_NUMBER);
    expect(log).not.toContain(ID_NUMBER.slice(0, 14)); // not even the birth-date part with the area code
    expect(maskIdNumber(ID_NUMBER)).toMatch(/^110\*{12}\d{2}[\dX]$/);
  });
});

describe('[issue 9] configuration is validated at start with a clear message', () => {
  it('an invalid PORT is refused, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
  it('a DATABASE_URL that is not a PostgreSQL URL is refused with the expected form', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/jiangxin' })).toThrow(/DATABASE_URL[\s\S]*postgres:\/\//);
  });
  it('a sound configuration passes', () => {
    expect(loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@db:5432/jx' })).toMatchObject({ port: 8080, databaseUrl: 'postgres://u@db:5432/jx' });
  });
});
