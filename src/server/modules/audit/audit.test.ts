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
import { recordAudit, sealAuditChain, SYSTEM_ACTOR, verifyAuditChain } from './audit.service';

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
    await sealAuditChain(t.database.db, { wait: true });
    const rows = await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.chainSeq));
    expect(rows.every((r) => r.chainSeq !== null)).toBe(true); // every committed event is sealed
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

/** Events not linked into the chain yet (the earlier tests leave the chain itself broken on purpose). */
const unsealed = async () => (await t.database.db.select().from(auditEvents).where(sql`chain_seq is null`)).length;

describe('[AUDIT] sealing after commit (issue 8: writers do not queue behind one lock)', () => {
  it.runIf(!!process.env.DATABASE_URL)('an event of a transaction still running is not sealed; once it commits it is linked after the events sealed before it', async () => {
    const db = t.database.db;
    await sealAuditChain(db, { wait: true });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const written = new Promise<void>((r) => (inside = r));
    const open = db.transaction(async (tx) => {
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.loaded', entityType: 'platform', after: { probe: 'open' } });
      inside();
      await held;
    });
    await written;
    // A later event commits while the first transaction is still open.
    await recordAudit(db, SYSTEM_ACTOR, { action: 'demo.loaded', entityType: 'platform', after: { probe: 'later' } });
    await sealAuditChain(db, { wait: true });
    const probe = async (tag: string) => (await db.select().from(auditEvents).where(sql`${auditEvents.after}->>'probe' = ${tag}`))[0];
    expect((await probe('later')).chainSeq, 'the later event waits for the older transaction (horizon)').toBeNull();
    expect(await unsealed()).toBeGreaterThanOrEqual(1);
    release();
    await open;
    await sealAuditChain(db, { wait: true });
    const [first, later] = [await probe('open'), await probe('later')];
    expect(first.chainSeq).not.toBeNull();
    expect(later.chainSeq).toBe(first.chainSeq! + 1);
    expect(later.prevHash).toBe(first.hash);
    expect(await unsealed()).toBe(0);
  });

  it('a rolled-back write leaves no event in the chain', async () => {
    const db = t.database.db;
    await db
      .transaction(async (tx) => {
        await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.loaded', entityType: 'platform', after: { probe: 'rolled-back' } });
        throw new Error('abort');
      })
      .catch(() => undefined);
    await sealAuditChain(db, { wait: true });
    expect(await unsealed()).toBe(0);
    expect(await db.select().from(auditEvents).where(sql`${auditEvents.after}->>'probe' = 'rolled-back'`)).toEqual([]);
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
