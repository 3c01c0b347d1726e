import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app';
import type { AppConfig } from '../../src/server/config';
import { openDatabase, type Database } from '../../src/server/db/client';
import { DEMO_PASSWORD, loadDemoData } from '../../src/server/demo/seed';
import { localStorage } from '../../src/server/storage/storage';

/**
 * A real database for one test file: in-memory PGlite by default, or — when DATABASE_URL is set — a fresh
 * database created on that PostgreSQL server and dropped afterwards, so test files never collide.
 */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    await database.migrate();
    return database;
  }
  const name = `jx_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'jx-test-')),
    demoData: 'off',
    logLevel: 'silent',
    trustProxy: false,
    sessionIdleMinutes: 120,
    sessionMaxHours: 12,
    webRoot: undefined,
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Signs in a demo account and returns its cookie header value. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** A clock the test controls: starts at `start`, moves only when told. */
export function testClock(start: string | Date) {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (to: string | Date) => (t = new Date(to).getTime()),
    advance: (ms: number) => (t += ms),
  };
}

export async function startTestApp(
  options: { demo?: boolean; config?: Partial<AppConfig>; beforeReady?: (app: FastifyInstance) => void } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = testConfig(options.config);
  if (options.demo !== false) await loadDemoData(database.db, config.now?.() ?? new Date(), localStorage(path.join(config.dataDir, 'files')));
  const app = await buildApp({ config, database, logger: false });
  options.beforeReady?.(app);
  await app.ready();
  return {
    app,
    database,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'jx_session');
      return `jx_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
