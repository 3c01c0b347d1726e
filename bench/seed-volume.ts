/**
 * Seeds the deadline-rush volume for the HTTP bench (issue 8): the demo data, then ONE complete 大兴
 * construction-project application made through the real API (every form saved, a real file uploaded for every
 * checklist item), then bulk SQL that clones it into `calls × units` applications with the same rows the
 * services write — application, its forms, its materials (pointing at the template's stored files), its
 * timeline events, and audit events sealed into the SM3 chain by the app's own sealer (so the chain verifies).
 *
 * Why clone instead of calling the services 20,000 times: through the API one complete application is ≈ 15
 * requests (≈ 0.3 s on PGlite), i.e. ≈ 2 hours for 20,000; the clone writes the same rows in ≈ a minute.
 *
 * Layout: `units` bench units in 大兴 (each with an applicant account and a pre-made session), `calls` calls
 * cloned from the template call. The first `hotCalls` calls are open and every application in them is a DRAFT:
 * call 0 for draft saves, calls 1..uploadCalls without materials (one upload each), the next ones complete (for
 * submit), the last one for the raw-database loop; the other calls are history in mixed statuses (submitted,
 * resubmitted, returned, draft) for the officer's list.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import type { Database } from '../src/server/db/client';
import { applications, auditEvents, users } from '../src/server/db/schema';
import { DEMO_PASSWORD, loadDemoData } from '../src/server/demo/seed';
import { sealAuditChain } from '../src/server/modules/audit/audit.service';
import { DAXING_PROJECT_CALL, seedDaxingProjectApplication } from '../src/server/modules/applications/applications.test-helpers';
import { localStorage } from '../src/server/storage/storage';
import { shanghaiDate } from '../src/shared/time';

export interface SeedPlan {
  units: number;
  calls: number;
  hotCalls: number;
  /** Hot calls 1..uploadCalls are cloned without materials: each of their applications takes one upload. */
  uploadCalls: number;
}

export interface HotApplication {
  id: string;
  unit: number;
  cookie: string;
}

export interface SeededVolume {
  applications: number;
  auditEvents: number;
  seconds: number;
  templateId: string;
  /** Complete drafts in open calls, grouped by call so one unit appears once per group. */
  hot: HotApplication[][];
  /** A history call for the officer's list. */
  listCallId: string;
  uploadItemId: string;
  /** Files each application of the upload calls can take on that item. */
  uploadRoom: number;
  formIds: string[];
}

const STATUS_MIX = ['submitted', 'submitted', 'submitted', 'resubmitted', 'returned', 'draft'] as const;

export async function seedVolume(database: Database, dataDir: string, plan: SeedPlan, log: (s: string) => void = () => {}): Promise<SeededVolume> {
  const t0 = performance.now();
  const { db } = database;
  const now = new Date();
  const storage = localStorage(path.join(dataDir, 'files'));
  await loadDemoData(db, now, storage);

  // 1. One complete application through the API (in-process, the real routes and services).
  const app = await buildApp({
    config: { port: 0, host: '127.0.0.1', dataDir, demoData: 'off', logLevel: 'silent', trustProxy: false, sessionIdleMinutes: 120, sessionMaxHours: 12 },
    database,
    logger: false,
  });
  await app.ready();
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    return `jx_session=${res.cookies.find((c) => c.name === 'jx_session')!.value}`;
  };
  const officer = await login('daxing-officer');
  const unitA = await login('unit-a');
  const year = Number(shanghaiDate(now).slice(0, 4));
  const day = (offset: number) => shanghaiDate(new Date(now.getTime() + offset * 86_400_000));
  const res = await app.inject({
    method: 'POST',
    url: '/api/calls',
    headers: { cookie: officer },
    payload: { ...DAXING_PROJECT_CALL, title: `${year}年大兴区技能大师工作室建设项目评选（压力测试）`, year, opensAt: `${day(-1)}T09:00`, closesAt: `${day(10)}T18:00`, projectsCloseBy: undefined },
  });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`open call: ${res.statusCode} ${res.body}`);
  const templateCallId = res.json().id as string;
  const template = await seedDaxingProjectApplication(app, unitA, templateCallId, { submit: false });
  const detail = (await app.inject({ method: 'GET', url: `/api/applications/${template.id}`, headers: { cookie: unitA } })).json();
  // The upload scenarios need room: the PDF item that takes the most files (大兴 2026 project round: one item, 1 file).
  const uploadItem = (detail.checklist as { id: string; supply: string; formats: string[]; maxFiles?: number }[])
    .filter((i) => i.supply !== 'online-form' && i.formats.includes('pdf'))
    .sort((a, b) => (b.maxFiles ?? 10) - (a.maxFiles ?? 10))[0];
  const formIds = (detail.forms as { id: string }[]).map((f) => f.id);
  await app.close();
  log(`template application ${template.number} made through the API (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  // 2. Units, accounts, sessions.
  const [unitAUser] = await db.select().from(users).where(eq(users.username, 'unit-a'));
  const unitIds: string[] = [];
  const cookies: string[] = [];
  for (let start = 0; start < plan.units; start += 500) {
    const n = Math.min(500, plan.units - start);
    const unitRows: string[] = [];
    const userRows: string[] = [];
    const roleRows: string[] = [];
    const sessionRows: string[] = [];
    for (let i = start; i < start + n; i++) {
      const unitId = randomUUID();
      const userId = randomUUID();
      const token = randomBytes(32).toString('base64url');
      unitIds.push(unitId);
      cookies.push(`jx_session=${token}`);
      const num = String(i + 1).padStart(5, '0');
      unitRows.push(`('${unitId}', '北京基准测试第${num}号制造有限公司', 'BENCH${num}', 'daxing', '北京市大兴区测试路 ${i + 1} 号')`);
      userRows.push(`('${userId}', 'bench-unit-${num}', '基准单位${num}经办人', '${unitAUser.passwordHash}', '${unitId}')`);
      roleRows.push(`('${userId}', 'applicant', 'daxing')`);
      const exp = new Date(now.getTime() + 11 * 3_600_000).toISOString();
      sessionRows.push(`('${createHash('sha256').update(token).digest('hex')}', '${userId}', '${now.toISOString()}', '${now.toISOString()}', '${exp}')`);
    }
    await db.execute(sql.raw(`INSERT INTO units (id, name, credit_code, jurisdiction_id, address) VALUES ${unitRows.join(',')}`));
    await db.execute(sql.raw(`INSERT INTO users (id, username, display_name, password_hash, unit_id) VALUES ${userRows.join(',')}`));
    await db.execute(sql.raw(`INSERT INTO user_roles (user_id, role, jurisdiction_id) VALUES ${roleRows.join(',')}`));
    await db.execute(sql.raw(`INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES ${sessionRows.join(',')}`));
  }

  // 3. Calls cloned from the template call; the first hotCalls stay open, the others are past years' rounds.
  const callIds: string[] = [];
  for (let k = 0; k < plan.calls; k++) {
    const id = randomUUID();
    callIds.push(id);
    const hot = k < plan.hotCalls;
    await db.execute(sql`INSERT INTO calls (id, jurisdiction_id, edition_id, program, title, year, opens_at, closes_at, quota, projects_close_by, contacts, notice_text, created_by, created_at)
      SELECT ${id}, jurisdiction_id, edition_id, program, ${hot ? `基准测试申报批次 ${k + 1}（开放）` : `基准测试历史批次 ${k + 1}`}, ${hot ? year : year - 1 - (k % 5)},
        opens_at, ${hot ? sql`closes_at` : sql`opens_at + interval '1 day'`}, quota, projects_close_by, contacts, notice_text, created_by, created_at
      FROM calls WHERE id = ${templateCallId}`);
  }

  // 4. Applications, forms, materials, timeline — per call, server-side copies of the template's rows.
  const [tpl] = await db.select().from(applications).where(eq(applications.id, template.id));
  let auditCount = 0;
  let appCount = 0;
  const hot: HotApplication[][] = [];
  for (let k = 0; k < plan.calls; k++) {
    const callId = callIds[k];
    const isHot = k < plan.hotCalls;
    const ids = unitIds.map(() => randomUUID());
    const statuses = ids.map((_, i) => (isHot ? 'draft' : STATUS_MIX[(i + k) % STATUS_MIX.length]));
    const at = (i: number) => new Date(now.getTime() - (isHot ? 3_600_000 : (k + 1) * 86_400_000) + i * 1000);
    const rows = ids.map((id, i) => {
      const st = statuses[i];
      const submitted = st === 'draft' ? 'NULL' : `'${at(i).toISOString()}'`;
      const round = st === 'resubmitted' || st === 'returned' ? 1 : 0;
      return `('${id}', 'DX-${year}-B${String(k).padStart(3, '0')}-${String(i + 1).padStart(5, '0')}', '${callId}', '${unitIds[i]}', 'daxing', '${tpl.program}', '${st}', 3, ${sqlText(tpl.title)}, ${sqlText(tpl.leaderName)}, ${round}, true, ${submitted}, '${at(i).toISOString()}', '${at(i).toISOString()}')`;
    });
    for (let s = 0; s < rows.length; s += 1000) {
      await db.execute(sql.raw(`INSERT INTO applications (id, number, call_id, unit_id, jurisdiction_id, program, status, version, title, leader_name, round, studio_recognized, submitted_at, created_at, updated_at) VALUES ${rows.slice(s, s + 1000).join(',')}`));
    }
    await db.execute(sql`INSERT INTO application_forms (application_id, form_id, data, version, updated_by, updated_at)
      SELECT a.id, f.form_id, f.data, f.version, NULL, a.updated_at FROM applications a CROSS JOIN application_forms f
      WHERE a.call_id = ${callId} AND f.application_id = ${template.id}`);
    const forUploads = k >= 1 && k <= plan.uploadCalls;
    if (!forUploads) {
      await db.execute(sql`INSERT INTO application_materials (id, application_id, item_id, file_id, created_at)
        SELECT gen_random_uuid()::text, a.id, m.item_id, m.file_id, a.updated_at FROM applications a CROSS JOIN application_materials m
        WHERE a.call_id = ${callId} AND m.application_id = ${template.id}`);
    }
    await db.execute(sql`INSERT INTO application_events (id, application_id, at, actor_user_id, actor_name, action, from_status, to_status, round)
      SELECT gen_random_uuid()::text, a.id, a.created_at, NULL, '基准单位', 'created', NULL, 'draft', 0 FROM applications a WHERE a.call_id = ${callId}`);
    await db.execute(sql`INSERT INTO application_events (id, application_id, at, actor_user_id, actor_name, action, from_status, to_status, round)
      SELECT gen_random_uuid()::text, a.id, a.updated_at, NULL, '基准单位', 'submitted', 'draft', 'submitted', 0 FROM applications a WHERE a.call_id = ${callId} AND a.status <> 'draft'`);
    // Audit: created + one form save per application, + the submission; sealed into the chain below, as the app does.
    const events: (typeof auditEvents.$inferInsert)[] = [];
    ids.forEach((id, i) => {
      const base = { actorUserId: null, actorUsername: `bench-unit-${String(i + 1).padStart(5, '0')}`, actorRole: 'applicant', jurisdictionId: 'daxing', entityType: 'application', entityId: id, requestId: null, ip: '127.0.0.1' };
      const list: { action: string; before: unknown; after: unknown }[] = [
        { action: 'application.created', before: null, after: { callId, status: 'draft' } },
        { action: 'application.form_saved', before: null, after: { formId: formIds[0], version: 1 } },
      ];
      if (statuses[i] !== 'draft') list.push({ action: 'application.submitted', before: { status: 'draft' }, after: { status: 'submitted' } });
      for (const e of list) {
        events.push({ ...base, occurredAt: new Date(at(i).getTime()), action: e.action, before: e.before as never, after: e.after as never });
      }
    });
    for (let s = 0; s < events.length; s += 1000) await db.insert(auditEvents).values(events.slice(s, s + 1000));
    auditCount += events.length;
    appCount += ids.length;
    if (isHot) hot.push(ids.map((id, i) => ({ id, unit: i, cookie: cookies[i] })));
    if ((k + 1) % 10 === 0) log(`  ${appCount} applications, ${auditCount} audit events (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await sealAuditChain(db, { wait: true });
  await db.execute(sql.raw('ANALYZE'));
  return {
    applications: appCount + 1,
    auditEvents: auditCount,
    seconds: (performance.now() - t0) / 1000,
    templateId: template.id,
    hot,
    listCallId: callIds[plan.hotCalls] ?? callIds[0],
    uploadItemId: uploadItem.id,
    uploadRoom: uploadItem.maxFiles ?? 10,
    formIds,
  };
}

function sqlText(s: string | null): string {
  return s === null ? 'NULL' : `'${s.replace(/'/g, "''")}'`;
}
