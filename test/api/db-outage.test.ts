import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { openDatabase, type Database } from '../../src/server/db/client';
import { DEMO_PASSWORD, loadDemoData } from '../../src/server/demo/seed';
import { localStorage } from '../../src/server/storage/storage';
import { openTestDatabase, startTestApp, testConfig, type TestApp } from '../helpers/app';

/**
 * Issue 9 "Database restart": while the database does not answer, requests fail with 503 and a clear
 * message — never a 500 — and the app recovers by itself when the database is back, without a restart.
 */
const UNAVAILABLE = { error: { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' } };

describe('[issue 9 database restart] connection failures map to 503, never 500 (any database)', () => {
  let t: TestApp;
  const failures: Record<string, () => Error> = {
    'PostgreSQL terminating the connection (57P01 admin_shutdown)': () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    'the database starting up (57P03 cannot_connect_now)': () => Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    'a connection exception (08006)': () => Object.assign(new Error('connection failure'), { code: '08006' }),
    'connection refused (ECONNREFUSED)': () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    'the connection dropped mid-query': () => new Error('Connection terminated unexpectedly'),
    'the database host name does not resolve (ENOTFOUND)': () => Object.assign(new Error('getaddrinfo ENOTFOUND db.internal'), { code: 'ENOTFOUND' }),
    'a driver error wrapped by Drizzle': () =>
      Object.assign(new Error('Failed query: select 1'), { cause: Object.assign(new Error('terminating connection'), { code: '57P01' }) }),
  };
  beforeAll(async () => {
    t = await startTestApp({
      demo: false,
      beforeReady: (app) =>
        app.get('/api/test/fail/:which', { config: { access: 'public' } }, async (req) => {
          throw failures[(req.params as { which: string }).which]();
        }),
    });
  });
  afterAll(() => t.close());

  for (const which of Object.keys(failures)) {
    it(`${which} → 503 DATABASE_UNAVAILABLE with Retry-After`, async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/test/fail/${encodeURIComponent(which)}` });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual(UNAVAILABLE);
      expect(res.headers['retry-after']).toBe('5');
    });
  }

  it('GET /api/health keeps its 200 shape while the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind });
  });
});

/** A TCP proxy in front of the PostgreSQL server that the test can cut and restore (a database restart). */
function tcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let frozen = false;
  let sentWhileFrozen = 0;
  let server: net.Server | undefined;
  let port = 0;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        sockets.add(client).add(upstream);
        client.on('data', (d) => {
          if (frozen) sentWhileFrozen++;
          upstream.write(d);
        });
        upstream.on('data', (d) => {
          if (!frozen) client.write(d);
        });
        const end = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', end).on('close', end);
        upstream.on('error', end).on('close', end);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  return {
    start,
    get port() {
      return port;
    },
    /** Answers stop coming back: a query is in flight when the connection is cut. */
    freeze() {
      frozen = true;
      sentWhileFrozen = 0;
    },
    get sentWhileFrozen() {
      return sentWhileFrozen;
    },
    /** The database goes away: established connections are cut and new ones refused. */
    async cut() {
      frozen = false;
      await new Promise<void>((resolve) => {
        server!.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) console.log('[issue 9 database restart] DATABASE_URL not set: the PostgreSQL outage test is skipped (CI runs it).');

describe.skipIf(!serverUrl)('[issue 9 database restart] PostgreSQL goes away and comes back; the app recovers without a restart', () => {
  let direct: Database & { url?: string };
  let proxied: Database;
  let app: FastifyInstance;
  let proxy: ReturnType<typeof tcpProxy>;
  let config: ReturnType<typeof testConfig>;

  beforeAll(async () => {
    config = testConfig();
    direct = await openTestDatabase();
    await loadDemoData(direct.db, new Date(), localStorage(path.join(config.dataDir, 'files')));
    const url = new URL(direct.url!);
    proxy = tcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    await proxy.start();
    url.host = `127.0.0.1:${proxy.port}`;
    proxied = await openDatabase({ url: url.toString(), poolSize: 4 });
    app = await buildApp({ config, database: proxied, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await proxied?.close().catch(() => {});
    await direct?.close();
    if (config) fs.rmSync(config.dataDir, { recursive: true, force: true });
  });

  const login = () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'unit-a', password: DEMO_PASSWORD } });

  it('503 with a clear message during the outage (health, login, signed-in reads), 200 again once it is back', { timeout: 60_000 }, async () => {
    const signedIn = await login();
    expect(signedIn.statusCode).toBe(200);
    const cookie = `jx_session=${signedIn.cookies.find((c) => c.name === 'jx_session')!.value}`;
    const applications = () => app.inject({ method: 'GET', url: '/api/applications', headers: { cookie } });
    expect((await applications()).statusCode).toBe(200);

    // A request is in flight when the database goes away.
    proxy.freeze();
    const inFlight = applications();
    await expect.poll(() => proxy.sentWhileFrozen, { interval: 10, timeout: 10_000 }).toBeGreaterThan(0);
    await proxy.cut();
    const cutOff = await inFlight;
    expect(cutOff.statusCode).toBe(503);
    expect(cutOff.json()).toEqual(UNAVAILABLE);

    // While it is away: every kind of request gets 503 and the message, never a 500.
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ status: 'unavailable', database: 'postgres' });
    for (const res of [await login(), await applications(), await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })]) {
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual(UNAVAILABLE);
      expect(res.headers['retry-after']).toBe('5');
    }

    // The database is back: the very next requests succeed, same app, same session — no restart.
    await proxy.start();
    const back = await app.inject({ method: 'GET', url: '/api/health' });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toEqual({ status: 'ok', database: 'postgres' });
    expect((await applications()).statusCode).toBe(200);
    expect((await login()).statusCode).toBe(200);
  });
});
