import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/helpers/app';
import { buildApp } from './app';
import { loadConfig, ConfigError } from './config';
import { auditEvents } from './db/schema';

let t: TestApp;
let writes = 0;
beforeAll(async () => {
  t = await startTestApp({
    beforeReady(app) {
      // A role-restricted write, to show authorisation runs before the body is validated.
      app.post(
        '/api/test/program-only',
        { config: { access: ['program'] }, schema: { body: z.object({ amount: z.number().int().max(50_000) }).strict() } },
        async () => {
          writes++;
          return { ok: true };
        },
      );
    },
  });
});
afterAll(() => t.close());

const auditCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0].n;

describe('[PLATFORM] health and API document', () => {
  it('GET /api/health says which database runs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('GET /api/openapi.json documents the routes with their schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.properties.username.description).toContain('用户名');
    expect(doc.paths['/api/health'].get).toBeDefined();
    expect(doc.paths['/api/audit/verify'].get).toBeDefined();
  });

  it('sends the security headers: CSP without inline script, nosniff, frame-ancestors, referrer policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('[PLATFORM] bad input gets a clear 4xx in the contract shape and changes nothing', () => {
  const post = (payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers });

  it('malformed JSON → 400 INVALID_JSON', async () => {
    const before = await auditCount();
    const res = await post('{"username": "a",');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'INVALID_JSON', message: '请求体不是有效的 JSON' } });
    expect(await auditCount()).toBe(before);
  });

  it('unknown fields → 400 naming the field', async () => {
    const res = await post(JSON.stringify({ username: 'unit-a', password: 'demo12345', isAdmin: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { isAdmin: '不允许的字段' } });
  });

  it('wrong types → 400 with a Chinese field message', async () => {
    const res = await post(JSON.stringify({ username: 42, password: ['x'] }));
    expect(res.statusCode).toBe(400);
    const { fields } = res.json().error;
    expect(Object.keys(fields).sort()).toEqual(['password', 'username']);
    expect(fields.username).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('oversize body → 413', async () => {
    const res = await post(JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('wrong content type → 415', async () => {
    const res = await post('username=a&password=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('unknown API route → 404 in the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('[PLATFORM] authorisation is declared per route and checked before the body', () => {
  it('anonymous → 401, a unit → 403 whatever it sends, nothing runs', async () => {
    const garbage = { payload: '{not json', headers: { 'content-type': 'application/json' } };
    expect((await t.app.inject({ method: 'POST', url: '/api/test/program-only', ...garbage })).statusCode).toBe(401);
    const unit = await t.login('unit-a');
    const res = await t.app.inject({ method: 'POST', url: '/api/test/program-only', ...garbage, headers: { ...garbage.headers, cookie: unit } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(writes).toBe(0);
  });

  it('the role that may call it gets the body validated (400), then runs', async () => {
    const officer = await t.login('daxing-officer');
    const bad = await t.app.inject({ method: 'POST', url: '/api/test/program-only', headers: { cookie: officer }, payload: { amount: 60_000 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('amount');
    const ok = await t.app.inject({ method: 'POST', url: '/api/test/program-only', headers: { cookie: officer }, payload: { amount: 50_000 } });
    expect(ok.statusCode).toBe(200);
    expect(writes).toBe(1);
  });

  it('an /api route without an access declaration cannot be registered', async () => {
    const app = await buildApp({ config: (await import('../../test/helpers/app')).testConfig(), database: t.database, logger: false });
    expect(() => app.get('/api/forgotten', async () => ({}))).toThrow(/declares no access rule/);
    await app.close();
  });
});

describe('[PLATFORM] configuration and the web app', () => {
  it('invalid configuration stops with a clear message', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(loadConfig({})).toMatchObject({ port: 3000, dataDir: path.resolve('./data'), databaseUrl: undefined });
  });

  it('serves the built web app and falls back to index.html for client routes', async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-web-'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>匠心</title><div id="root"></div>');
    const app = await buildApp({ config: (await import('../../test/helpers/app')).testConfig({ webRoot }), database: t.database, logger: false });
    try {
      const page = await app.inject({ method: 'GET', url: '/login?next=/home' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>匠心</title>');
      expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/api/missing' })).json().error.code).toBe('NOT_FOUND');
    } finally {
      await app.close();
      fs.rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
