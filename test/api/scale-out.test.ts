/**
 * Scale-out (issue 8): two app instances — two `buildApp`s, each with its OWN connection pool, as two processes
 * behind a load balancer would have — on ONE PostgreSQL database. Whatever one instance keeps only in memory
 * would show here as a session unknown to the other, a rate limit that doubles, a double submission, a lost
 * audit event or a message delivered twice.
 *
 * Runs only on PostgreSQL (DATABASE_URL): the embedded PGlite is one process by construction, there is no
 * second instance to start. Not covered yet: quota under concurrent proposals (no proposals exist yet, issue 5).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { openDatabase, type Database } from '../../src/server/db/client';
import { applicationEvents, auditEvents, corrections, outbox, users } from '../../src/server/db/schema';
import { DEMO_PASSWORD, loadDemoData } from '../../src/server/demo/seed';
import { verifyAuditChain } from '../../src/server/modules/audit/audit.service';
import { openCall, seedDaxingProjectApplication } from '../../src/server/modules/applications/applications.test-helpers';
import { deliverPending, type Provider } from '../../src/server/modules/notifications/notifications.service';
import { localStorage } from '../../src/server/storage/storage';
import { openTestDatabase, testClock, testConfig } from '../helpers/app';
import path from 'node:path';
import fs from 'node:fs';

const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) {
  console.info('[scale-out] skipped: needs DATABASE_URL (two app instances share one PostgreSQL; PGlite is single-process)');
}

const clock = testClock('2026-06-15T02:00:00Z'); // Monday 10:00 Beijing time; the 大兴 2026 round is open
let dbA: Database & { url?: string };
let dbB: Database;
let A: FastifyInstance;
let B: FastifyInstance;
let dataDir: string;

async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return `jx_session=${res.cookies.find((c) => c.name === 'jx_session')!.value}`;
}

describe.skipIf(!onPostgres)('[SCALE-OUT] two app instances on one PostgreSQL (issue 8)', () => {
  beforeAll(async () => {
    dbA = await openTestDatabase();
    dbB = await openDatabase({ url: dbA.url!, poolSize: 5 });
    const config = testConfig({ now: clock.now });
    dataDir = config.dataDir; // both instances on one file store, as they would on shared storage
    await loadDemoData(dbA.db, clock.now(), localStorage(path.join(dataDir, 'files')));
    A = await buildApp({ config, database: dbA, logger: false });
    B = await buildApp({ config, database: dbB, logger: false });
    await Promise.all([A.ready(), B.ready()]);
  }, 60_000);

  afterAll(async () => {
    await A?.close();
    await B?.close();
    await dbB?.close();
    await dbA?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a session signed in on instance A works on B, and signing out on B ends it on A', async () => {
    const cookie = await login(A, 'unit-a');
    const me = await B.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().user?.username ?? me.json().username).toBe('unit-a');
    const out = await B.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode, out.body).toBeLessThan(300);
    expect((await A.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('the login rate limit counts failures on both instances together: 5 wrong passwords split 3 + 2 lock the account on both', async () => {
    for (const app of [A, B, A, B, A]) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'unit-b', password: 'wrong-password' } });
      expect(res.statusCode).toBe(401);
    }
    for (const app of [A, B]) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'unit-b', password: DEMO_PASSWORD } });
      expect(res.statusCode, res.body).toBe(429);
      expect(res.json().error.code).toBe('RATE_LIMITED');
    }
  });

  it('the same application submitted through A and B at the same moment: one 200, one 409, one submission event, one audit event', async () => {
    const callId = await openCall(A, await login(A, 'daxing-officer'));
    const unitOnA = await login(A, 'unit-a');
    const unitOnB = await login(B, 'unit-a');
    const { id } = await seedDaxingProjectApplication(A, unitOnA, callId, { submit: false });
    const results = await Promise.all([
      A.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers: { cookie: unitOnA }, payload: {} }),
      B.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers: { cookie: unitOnB }, payload: {} }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await dbA.db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, id), eq(applicationEvents.action, 'submitted')));
    expect(events).toHaveLength(1);
    const audits = await dbA.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'application.submitted')));
    expect(audits).toHaveLength(1);
  });

  it('two officers returning the same application for correction through A and B at once: one wins, one 409, one correction round', async () => {
    const callId = await openCall(A, await login(A, 'daxing-officer'), { title: '2026年大兴区技能大师工作室建设项目评选（第二批）' });
    const { id } = await seedDaxingProjectApplication(A, await login(A, 'unit-a'), callId);
    const payload = { items: [{ kind: 'form', id: 'work-plan', comment: '经费计划合计与申请金额不一致，请核对' }], deadlineWorkingDays: 5 };
    const results = await Promise.all([
      A.inject({ method: 'POST', url: `/api/applications/${id}/return`, headers: { cookie: await login(A, 'daxing-officer') }, payload }),
      B.inject({ method: 'POST', url: `/api/applications/${id}/return`, headers: { cookie: await login(B, 'daxing-officer') }, payload }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await dbA.db.select().from(corrections).where(eq(corrections.applicationId, id))).toHaveLength(1);
    expect(await dbA.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'application.returned')))).toHaveLength(1);
  });

  it('writes racing through both instances lose no audit event and the SM3 chain still verifies (GB/T 32905)', async () => {
    const officer = await login(A, 'daxing-officer');
    const calls = [
      await openCall(A, officer, { title: '2026年大兴区技能大师工作室建设项目评选（第三批）' }),
      await openCall(A, officer, { title: '2026年大兴区技能大师工作室建设项目评选（第四批）' }),
    ];
    const unitOnA = await login(A, 'unit-a');
    const unitOnB = await login(B, 'unit-a');
    const apps = await Promise.all(calls.map((callId) => A.inject({ method: 'POST', url: '/api/applications', headers: { cookie: unitOnA }, payload: { callId, studioRecognized: true } }).then((r) => r.json().id as string)));
    const countBefore = Number(((await dbA.db.execute(sql`select count(*) as n from audit_events`)) as unknown as { rows: { n: string }[] }).rows[0].n);
    // 20 saves per application, alternating instances, all in flight at once; each carries no version knowledge,
    // so exactly one save per version wins and the others are refused (409) — only acknowledged saves count.
    const saves = await Promise.all(
      apps.flatMap((id) =>
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? B : A).inject({
            method: 'PUT',
            url: `/api/applications/${id}/forms/work-plan`,
            headers: { cookie: i % 2 ? unitOnB : unitOnA },
            payload: { data: { projectName: `并发保存第${i}稿` }, version: i % 4 },
          }),
        ),
      ),
    );
    expect(saves.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
    const acknowledged = saves.filter((r) => r.statusCode === 200).length;
    expect(acknowledged).toBeGreaterThan(0);
    const countAfter = Number(((await dbA.db.execute(sql`select count(*) as n from audit_events`)) as unknown as { rows: { n: string }[] }).rows[0].n);
    const saved = await dbA.db.select().from(auditEvents).where(and(inArray(auditEvents.entityId, apps), eq(auditEvents.action, 'application.form_saved')));
    expect(saved).toHaveLength(acknowledged);
    expect(countAfter - countBefore).toBe(acknowledged);
    const chain = await verifyAuditChain(dbA.db);
    expect(chain.firstBroken).toBeUndefined();
    expect(chain.ok).toBe(true);
  });

  it('the outbox delivered from both instances at once: every pending message goes out exactly once', async () => {
    const [unitUser] = await dbA.db.select().from(users).where(eq(users.username, 'unit-a'));
    const now = clock.now();
    const rows = Array.from({ length: 120 }, (_, i) => ({
      id: `scale-out-${i}`,
      channel: i % 2 ? 'sms' : 'email',
      userId: unitUser.id,
      recipient: i % 2 ? '13800000000' : 'unit-a@example.com',
      template: 'test.scale-out',
      title: `并发投递测试 ${i}`,
      body: '两个实例同时投递同一批待发消息，每条只能发出一次。',
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() - 1000),
      createdAt: now,
    }));
    await dbA.db.insert(outbox).values(rows);
    const sent: string[] = [];
    const providers = (instance: string): Provider[] =>
      (['email', 'sms'] as const).map((channel) => ({
        channel,
        async send(_recipient: string, title: string) {
          sent.push(title);
          await new Promise((r) => setTimeout(r, 2)); // a provider call takes time: the two deliveries overlap
          void instance;
        },
      }));
    // Both instances' timers fire together, round after round, each in batches smaller than the backlog (which
    // also holds the demo data's pending messages), until nothing is due any more.
    for (let round = 0; round < 100; round++) {
      const [a, b] = await Promise.all([deliverPending(dbA.db, providers('A'), now, 20), deliverPending(dbB.db, providers('B'), now, 20)]);
      if (a.sent + a.failed + b.sent + b.failed === 0) break;
    }
    const titles = rows.map((r) => r.title);
    expect(sent.filter((t) => titles.includes(t)).sort()).toEqual([...titles].sort());
    const left = await dbA.db.select().from(outbox).where(and(inArray(outbox.id, rows.map((r) => r.id)), eq(outbox.status, 'pending')));
    expect(left).toHaveLength(0);
  });
});
