import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/helpers/app';
import { openDatabase } from '../../db/client';
import { auditEvents } from '../../db/schema';
import { loadDemoData } from '../../demo/seed';
import { localStorage } from '../../storage/storage';
import { verifyAuditChain } from './audit.service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.login('unit-a');
  await t.login('daxing-officer');
});
afterAll(() => t.close());

const verify = (cookie?: string) =>
  t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: cookie ? { cookie } : {} });

describe('[AUDIT] the SM3 chain', () => {
  it('records each write with actor, action, request id, and links each event to the previous hash', async () => {
    const rows = await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    // Demo data is written first (its own events), then the two sign-ins of beforeAll.
    expect(rows[0].action).toBe('demo.loaded');
    expect(rows.slice(-2).map((r) => r.action)).toEqual(['auth.login', 'auth.login']);
    expect(rows[0].prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    const login = rows[rows.length - 2];
    expect(login.actorUsername).toBe('unit-a');
    expect(login.requestId).toBeTruthy();
    expect(login.hash).toMatch(/^[0-9a-f]{64}$/); // SM3 digests are 256 bits
  });

  it('the inspector verifies the chain; a unit may not', async () => {
    const inspector = await t.login('daxing-inspector');
    const res = await verify(inspector);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().message).toContain('审计链完整');
    expect((await verify(await t.login('unit-a'))).statusCode).toBe(403);
    expect((await verify()).statusCode).toBe(401);
  });

  it('a tampered event is caught and named', async () => {
    const db = t.database.db;
    const [victim] = await db.select().from(auditEvents).where(sql`action = 'auth.login'`).orderBy(asc(auditEvents.id)).limit(1);
    await db.execute(sql`update audit_events set actor_username = 'someone-else' where id = ${victim.id}`);
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ id: victim.id, reason: 'hash-mismatch' });
    const res = await verify(await t.login('daxing-inspector'));
    expect(res.json().ok).toBe(false);
    expect(res.json().message).toContain(`#${victim.id}`);
    await db.execute(sql`update audit_events set actor_username = ${victim.actorUsername} where id = ${victim.id}`);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('a deleted event breaks the link of the next one', async () => {
    const db = t.database.db;
    const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    await db.execute(sql`delete from audit_events where id = ${rows[1].id}`);
    const result = await verifyAuditChain(db);
    expect(result.firstBroken).toMatchObject({ id: rows[2].id, reason: 'link-mismatch' });
  });
});

describe('[AUDIT] npm run audit:verify', () => {
  it.skipIf(!!process.env.DATABASE_URL)('reports an intact chain with exit 0 and a tampered one with exit 1 (PGlite data dir)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-audit-'));
    try {
      const database = await openDatabase({ dataDir: path.join(dir, 'pgdata') });
      await database.migrate();
      await loadDemoData(database.db, new Date(), localStorage(path.join(dir, 'files')));
      await database.close();
      const run = () =>
        spawnSync('npx', ['tsx', 'src/server/cli/audit-verify.ts'], { env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });
      const ok = run();
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain('审计链完整');
      const again = await openDatabase({ dataDir: path.join(dir, 'pgdata') });
      await again.db.execute(sql`update audit_events set after = '{"forged":true}'::jsonb`);
      await again.close();
      const broken = run();
      expect(broken.status).toBe(1);
      expect(broken.stdout).toContain('审计链断裂');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.runIf(!!process.env.DATABASE_URL)('reports on the PostgreSQL database given by DATABASE_URL', async () => {
    const url = (t.database as { url?: string }).url!;
    const run = () => spawnSync('npx', ['tsx', 'src/server/cli/audit-verify.ts'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
    // the previous test deleted an event in this database
    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('审计链断裂');
  });
});
