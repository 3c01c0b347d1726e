/**
 * The deadline-rush HTTP benchmark (issue 8). From this process, on loopback, with autocannon:
 *   1. prepares a database — embedded PGlite in a temporary DATA_DIR, or, with DATABASE_URL, a fresh PostgreSQL
 *      database created for the run and dropped after — and seeds the volume (bench/seed-volume.ts);
 *   2. measures the raw-database ceiling: the draft save's own transaction (SELECT … FOR UPDATE the form, UPDATE
 *      it, UPDATE the application, INSERT the audit event — linked into the SM3 chain after commit by the sealer)
 *      looped from Node without HTTP — `pg` with a pool of 10 and the same concurrency as the
 *      draft-save scenario on PostgreSQL, the in-process loop on PGlite;
 *   3. starts a bare Fastify (constant JSON) and the app (`src/server/main.ts`) as child processes and drives
 *      each scenario for a bounded time, sampling the app's peak RSS (VmHWM, reset per scenario);
 *   4. writes bench/results.json and bench/RESULTS.md (with EXPLAIN ANALYZE of the officer list query).
 * `npx tsx bench/http.ts [--quick] [--profile]`; `npm run bench` runs it after the in-process benches.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/client';
import { DEMO_PASSWORD } from '../src/server/demo/seed';
import { daxingProjectForms, tinyPdf } from '../test/helpers/fixtures';
import { seedVolume, type SeededVolume, type SeedPlan } from './seed-volume';
import { measureWebFirstPage, type WebSizeReport } from './web-size';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ScenarioResult {
  scenario: string;
  database: 'pglite' | 'postgres';
  mode: 'quick' | 'full';
  method: string;
  path: string;
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  peakRssMb: number | null;
  /** The app's RSS when the scenario began: peak − start is what the scenario itself added. */
  rssAtStartMb: number | null;
  /**
   * CPU used during the scenario, in % of one core: the app process, this process (autocannon), all PostgreSQL
   * processes, and the whole machine's busy share (100 % = every core busy). Says which side the time went to.
   */
  cpuPct?: { app: number | null; loadTool: number; postgres: number; machineBusy: number };
  /** PostgreSQL: share of sampled app connections per state (see activitySampler). */
  dbActivityPct?: Record<string, number>;
  ratioToRawDb?: number;
  ratioToBareFramework?: number;
  target?: string;
  /** The first non-2xx answer (status and body), when there was one. */
  firstRefusal?: string;
  loadAvg1m: number;
  measuredAt: string;
  commit: string;
}

interface Settings {
  quick: boolean;
  plan: SeedPlan;
  seconds: number;
  writeConnections: number;
  readConnections: number;
}

const log = (s: string) => console.log(`[bench:http] ${s}`);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function startChild(args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, 'a');
  // node --import tsx (not npx tsx): one process, so its pid is the server whose memory we sample.
  return spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
}

async function waitFor(url: string, child: ChildProcess, logFile: string, timeoutMs = 120_000) {
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`child exited (${child.exitCode}); see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not yet */
    }
    if (Date.now() - t0 > timeoutMs) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await done;
  clearTimeout(timer);
}

/** Peak resident memory of a process during a scenario: VmHWM after resetting it (clear_refs 5), else polling VmRSS. */
function rssProbe(pid: number | undefined) {
  if (!pid) return { startMb: null as number | null, stop: () => null as number | null };
  const read = (field: string) => {
    try {
      const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : null;
    } catch {
      return null;
    }
  };
  let reset = false;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    reset = true;
  } catch {
    /* not allowed: fall back to polling */
  }
  const startMb = read('VmRSS');
  let peak = startMb ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, read('VmRSS') ?? 0)), 50);
  return {
    startMb: startMb === null ? null : Math.round(startMb),
    stop: () => {
      clearInterval(timer);
      const hwm = reset ? read('VmHWM') : null;
      return Math.round(Math.max(peak, hwm ?? 0));
    },
  };
}

/**
 * Where the database connections of the app spend a scenario (PostgreSQL only): pg_stat_activity sampled every
 * 50 ms — `active` (running a statement), waiting on a lock (`Lock:advisory` = the audit chain), or `idle in
 * transaction` (the database waits for Node: the event loop has not sent the next statement yet).
 */
function activitySampler(url: string | undefined, dbName: string | undefined) {
  if (!url || !dbName) return { stop: async () => undefined as Record<string, number> | undefined };
  const client = new pg.Client({ connectionString: url });
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query(
        `select state, coalesce(wait_event_type || ':' || wait_event, 'cpu') as w, count(*)::int as n from pg_stat_activity
         where datname = $1 and application_name = 'jiangxin' and backend_type = 'client backend' group by 1, 2`,
        [dbName],
      );
      for (const r of rows as { state: string; w: string; n: number }[]) {
        const key = r.state === 'active' ? `active ${r.w}` : r.state;
        counts.set(key, (counts.get(key) ?? 0) + r.n);
      }
      samples++;
      await new Promise((res) => setTimeout(res, 50));
    }
    await client.end();
  })();
  return {
    stop: async () => {
      running = false;
      await loop.catch(() => {});
      const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
      return Object.fromEntries(
        [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, Math.round((n / total) * 1000) / 10]),
      ) as Record<string, number>;
    },
  };
}

type Request = autocannon.Request;

async function drive(
  name: string,
  opts: { url: string; connections: number; seconds: number; amount?: number; requests: Request[]; pid?: number; method: string; path: string; target?: string; sampleDb?: boolean },
  ctx: { database: 'pglite' | 'postgres'; mode: 'quick' | 'full'; commit: string; url?: string; dbName?: string },
): Promise<ScenarioResult> {
  const probe = rssProbe(opts.pid);
  const cpu = cpuProbe(opts.pid);
  const activity = activitySampler(opts.sampleDb ? ctx.url : undefined, ctx.dbName);
  const load = os.loadavg()[0];
  // Keep the first refusal's body: a bench that measures 4xx answers must say so.
  let firstRefusal: string | undefined;
  const requests = opts.requests.map((r) => ({
    ...r,
    onResponse: (status: number, body: string, c: Record<string, unknown>, h: Record<string, string>) => {
      if (status >= 300 && !firstRefusal) firstRefusal = `${status} ${String(body).slice(0, 300)}`;
      r.onResponse?.(status, body, c, h);
    },
  }));
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    amount: opts.amount,
    requests,
    timeout: 60,
  });
  const peak = probe.stop();
  const cpuPct = cpu.stop();
  const dbActivity = await activity.stop();
  const total = result.requests.total;
  const r: ScenarioResult = {
    scenario: name,
    database: ctx.database,
    mode: ctx.mode,
    method: opts.method,
    path: opts.path,
    connections: opts.connections,
    durationS: Math.round(result.duration * 10) / 10,
    requests: total,
    rps: Math.round((total / result.duration) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    peakRssMb: peak,
    rssAtStartMb: probe.startMb,
    dbActivityPct: dbActivity,
    cpuPct,
    target: opts.target,
    loadAvg1m: Math.round(load * 100) / 100,
    measuredAt: new Date().toISOString(),
    commit: ctx.commit,
  };
  if (dbActivity && Object.keys(dbActivity).length) log(`  app's database connections: ${Object.entries(dbActivity).map(([k, v]) => `${k} ${v}%`).join(', ')}`);
  if (firstRefusal) {
    r.firstRefusal = firstRefusal;
    log(`  first refusal: ${firstRefusal}`);
  }
  log(`${name.padEnd(34)} ${String(r.rps).padStart(9)} req/s (${r.requests} in ${r.durationS} s)  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  non2xx ${r.non2xx}  errors ${r.errors}  RSS ${peak ?? '?'} MB  CPU app ${cpuPct.app ?? '?'}% load tool ${cpuPct.loadTool}% postgres ${cpuPct.postgres}% machine ${cpuPct.machineBusy}%`);
  return r;
}

/** Waits (≤ 2 min) until the app's sealer has linked every audit event into the chain. */
async function waitForSealed(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const t0 = Date.now();
    for (;;) {
      const { rows } = await c.query('select count(*)::int as n from audit_events where chain_seq is null');
      if (rows[0].n === 0 || Date.now() - t0 > 120_000) {
        log(`audit backlog sealed by the app in ${((Date.now() - t0) / 1000).toFixed(1)} s (${rows[0].n} left)`);
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await c.end();
  }
}

/** CPU ticks (user + system) of a process from /proc, or null. */
function procTicks(pid: number | string): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
  } catch {
    return null;
  }
}

/** Ticks of every running PostgreSQL process (server and backends), by pid. */
function postgresTicks(): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    ticks.set(pid, procTicks(pid) ?? 0);
  }
  return ticks;
}

/** CPU ticks PostgreSQL used since `before` (backends that ended in between are not counted). */
function postgresTicksSince(before: Map<string, number>): number {
  let sum = 0;
  for (const [pid, t] of postgresTicks()) sum += Math.max(0, t - (before.get(pid) ?? 0));
  return sum;
}

/** Busy and total jiffies of the whole machine (/proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - f[3] - (f[4] ?? 0), total };
}

/** CPU used between start and stop, in % of one core (see ScenarioResult.cpuPct). */
function cpuProbe(pid: number | undefined) {
  const hz = 100; // USER_HZ on Linux
  const t0 = performance.now();
  const app0 = pid ? procTicks(pid) : null;
  const own0 = process.cpuUsage();
  const pg0 = postgresTicks();
  const m0 = machineTicks();
  return {
    stop() {
      const secs = (performance.now() - t0) / 1000;
      const app1 = pid ? procTicks(pid) : null;
      const own = process.cpuUsage(own0);
      const m1 = machineTicks();
      const pct = (ticks: number) => Math.round((ticks / hz / secs) * 100);
      return {
        app: app0 !== null && app1 !== null ? pct(app1 - app0) : null,
        loadTool: Math.round(((own.user + own.system) / 1e6 / secs) * 100),
        postgres: pct(postgresTicksSince(pg0)),
        machineBusy: Math.round(((m1.busy - m0.busy) / Math.max(1, m1.total - m0.total)) * 100),
      };
    },
  };
}

/** A PDF of `bytes` bytes: a real one-page PDF, padded with a comment and closed again with %%EOF. */
function pdfOfSize(bytes: number): Buffer {
  const pdf = tinyPdf('扫描件');
  const end = Buffer.from('\n%%EOF\n');
  return Buffer.concat([pdf, Buffer.from('\n%'), Buffer.alloc(Math.max(0, bytes - pdf.length - 2 - end.length), 0x20), end]);
}

function multipart(content: Buffer, filename: string) {
  const boundary = `----jxbench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The draft save's transaction without HTTP (applications.service.ts saveForm + audit.service.ts recordAudit),
 * statement for statement, looped by `concurrency` workers for `seconds`.
 */
async function rawDraftSaveLoop(target: { url?: string; database?: Database }, apps: { id: string }[], concurrency: number, seconds: number) {
  const data = daxingProjectForms()['work-plan'];
  const pool = target.url ? new pg.Pool({ connectionString: target.url, max: 10 }) : null;
  type Q = (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  const runTx = async (fn: (q: Q) => Promise<void>) => {
    if (pool) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await fn((text, params) => client.query(text, params as unknown[]));
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      } finally {
        client.release();
      }
    } else {
      await target.database!.db.transaction(async (tx) => {
        await fn(async (text, params) => {
          // drizzle's sql`` with positional params, like the app's queries
          const chunks = text.split(/\$\d+/);
          const q = sql.join(
            chunks.map((c, i) => (i < params.length ? sql`${sql.raw(c)}${params[i]}` : sql.raw(c))),
            sql``,
          );
          const res = await tx.execute(q);
          return { rows: (res as unknown as { rows: Record<string, unknown>[] }).rows };
        });
      });
    }
  };
  const one = async (appId: string, n: number) => {
    await runTx(async (q) => {
      const { rows } = await q('select application_id, form_id, data, version from application_forms where application_id = $1 and form_id = $2 for update', [appId, 'work-plan']);
      const current = rows[0] as { data: unknown; version: number };
      const version = current.version + 1;
      const newData = { ...data, projectName: `${data.projectName}（第${n}稿）` };
      const now = new Date();
      await q('update application_forms set data = $1, version = $2, updated_by = $3, updated_at = $4 where application_id = $5 and form_id = $6', [JSON.stringify(newData), version, null, now.toISOString(), appId, 'work-plan']);
      await q('update applications set updated_at = $1, version = version + 1, title = $2 where id = $3', [now.toISOString(), newData.projectName, appId]);
      // The event row as recordAudit writes it (linked into the chain after commit by the sealer, not here).
      await q(
        'insert into audit_events (occurred_at, actor_user_id, actor_username, actor_role, jurisdiction_id, action, entity_type, entity_id, before, after, request_id, ip) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)',
        [now.toISOString(), null, 'bench-raw', 'applicant', 'daxing', 'application.form_saved', 'application', appId, JSON.stringify({ formId: 'work-plan', version: current.version, data: current.data }), JSON.stringify({ formId: 'work-plan', version, data: newData }), null, null],
      );
    });
  };
  // warm-up
  for (let i = 0; i < 20; i++) await one(apps[i % apps.length].id, i);
  const times: number[] = [];
  const cpu = cpuProbe(undefined);
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (performance.now() < deadline) {
        const s = performance.now();
        await one(apps[w % apps.length].id, n++);
        times.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const { loadTool: client, postgres, machineBusy } = cpu.stop();
  await pool?.end();
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 10) / 10;
  return { tx: times.length, rps: Math.round((times.length / elapsed) * 10) / 10, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1), seconds: elapsed, cpuPct: { client, postgres, machineBusy } };
}

const LIST_SQL = (callId: string) => `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.*, c.title AS call_title, u.name AS unit_name
FROM applications a JOIN calls c ON c.id = a.call_id JOIN units u ON u.id = a.unit_id
WHERE a.jurisdiction_id IN ('daxing') AND a.call_id = '${callId}' AND a.status IN ('submitted', 'resubmitted')
ORDER BY a.updated_at DESC LIMIT 50`;

async function explainList(target: { url?: string; database?: Database }, callId: string): Promise<string> {
  const text = LIST_SQL(callId);
  let rows: Record<string, unknown>[];
  if (target.url) {
    const c = new pg.Client({ connectionString: target.url });
    await c.connect();
    rows = (await c.query(text)).rows;
    const countRows = (await c.query(text.replace(/SELECT a\.\*[\s\S]*?FROM/, 'SELECT count(*) FROM').replace(/ORDER BY[\s\S]*$/, ''))).rows;
    await c.end();
    rows = [...rows, { 'QUERY PLAN': '' }, { 'QUERY PLAN': '-- and the page total (count) it runs alongside:' }, ...countRows];
  } else {
    rows = ((await target.database!.db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;
  }
  return rows.map((r) => String(Object.values(r)[0])).join('\n');
}

function gitCommit(): string {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
    const dirty = execSync('git status --porcelain', { cwd: ROOT }).toString().trim() ? ' (+ uncommitted work in the tree)' : '';
    return head + dirty;
  } catch {
    return 'unknown';
  }
}

export interface HttpBenchReport {
  database: 'pglite' | 'postgres';
  mode: 'quick' | 'full';
  seeded: Omit<SeededVolume, 'hot'> & { hotDrafts: number };
  raw: Awaited<ReturnType<typeof rawDraftSaveLoop>> & { concurrency: number; driver: string };
  scenarios: ScenarioResult[];
  explain: string;
  loadAvg: number[];
  commit: string;
  profile?: string;
  /** Load average (1, 5, 15 min) when the run began: says whether the machine was idle. */
  loadAtStart: number[];
  /** Share of the machine's CPU busy during the 3 s before the run began (what else was running). */
  busyBeforePct: number;
  web?: WebSizeReport;
}

export async function runHttpBench({ quick = false, databaseUrl = process.env.DATABASE_URL, profile = false } = {}): Promise<HttpBenchReport> {
  const settings: Settings = quick
    ? { quick, plan: { units: 100, calls: 6, hotCalls: 5, uploadCalls: 2 }, seconds: 3, writeConnections: 50, readConnections: 50 }
    : { quick, plan: { units: 250, calls: 80, hotCalls: 11, uploadCalls: 5 }, seconds: 15, writeConnections: 200, readConnections: 100 };
  if (process.env.BENCH_SECONDS) settings.seconds = Number(process.env.BENCH_SECONDS);
  const loadAtStart = os.loadavg();
  const m0 = machineTicks();
  await new Promise((r) => setTimeout(r, 3000));
  const m1 = machineTicks();
  const busyBeforePct = Math.round(((m1.busy - m0.busy) / Math.max(1, m1.total - m0.total)) * 100);
  const kind: 'pglite' | 'postgres' = databaseUrl ? 'postgres' : 'pglite';
  const mode = quick ? 'quick' : 'full';
  const commit = gitCommit();
  const ctx: { database: 'pglite' | 'postgres'; mode: 'quick' | 'full'; commit: string; url?: string; dbName?: string } = { database: kind, mode, commit };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-httpbench-'));
  const logFile = path.join(dataDir, 'app.log');
  let dbName: string | undefined;
  let url: string | undefined;
  if (databaseUrl) {
    dbName = `jx_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(databaseUrl);
    u.pathname = `/${dbName}`;
    url = u.toString();
    ctx.url = url;
    ctx.dbName = dbName;
  }
  const children: ChildProcess[] = [];
  try {
    // 1. Seed.
    log(`${kind}, ${mode}: seeding ${settings.plan.calls} calls × ${settings.plan.units} units …`);
    let database = await openDatabase(url ? { url, applicationName: 'jx-bench' } : { dataDir: path.join(dataDir, 'pgdata') });
    await database.migrate();
    const seeded = await seedVolume(database, dataDir, settings.plan, log);
    log(`seeded ${seeded.applications} applications, ${seeded.auditEvents} audit events in ${seeded.seconds.toFixed(0)} s`);

    // 2. Raw database ceiling (before the app starts: PGlite is single-process; on PostgreSQL nothing else runs).
    const rawApps = seeded.hot[seeded.hot.length - 1];
    const rawConcurrency = kind === 'postgres' ? settings.writeConnections : 1;
    const raw = { ...(await rawDraftSaveLoop(url ? { url } : { database }, rawApps, rawConcurrency, settings.seconds)), concurrency: rawConcurrency, driver: kind === 'postgres' ? 'pg, pool 10' : 'PGlite in-process' };
    log(`raw draft-save transaction (${raw.driver}, concurrency ${rawConcurrency}): ${raw.rps} tx/s  p50 ${raw.p50Ms} ms  p99 ${raw.p99Ms} ms  CPU client ${raw.cpuPct.client}% postgres ${raw.cpuPct.postgres}% machine ${raw.cpuPct.machineBusy}%`);
    if (!url) await database.close();

    // 3. Bare framework ceiling.
    const barePort = await freePort();
    const bare = startChild(['bench/bare-server.ts', String(barePort)], {}, logFile);
    children.push(bare);
    await waitFor(`http://127.0.0.1:${barePort}/`, bare, logFile);
    const scenarios: ScenarioResult[] = [];
    const bareR = await drive('bare Fastify, constant JSON', { url: `http://127.0.0.1:${barePort}`, connections: settings.readConnections, seconds: settings.seconds, requests: [{ method: 'GET', path: '/' }], pid: bare.pid, method: 'GET', path: '/' }, ctx);
    scenarios.push(bareR);
    await stopChild(bare);

    // 4. The app.
    const port = await freePort();
    const profDir = path.join(dataDir, 'prof');
    const app = startChild(
      [...(profile ? ['--cpu-prof', '--cpu-prof-dir', profDir] : []), 'src/server/main.ts'],
      { PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: 'on', LOG_LEVEL: 'warn', ...(url ? { DATABASE_URL: url } : { DATABASE_URL: '' }) },
      logFile,
    );
    children.push(app);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, app, logFile);
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      return res.headers.get('set-cookie')!.split(';')[0];
    };
    const officer = await login('daxing-officer');
    const unitA = await login('unit-a');
    // The web app's first page, before any load (the app serves dist/web when it is built).
    let web: WebSizeReport | undefined;
    if (fs.existsSync(path.join(ROOT, 'dist/web/index.html')) && !process.env.BENCH_ONLY) {
      web = await measureWebFirstPage(base, [
        { label: '/ (visitor: home page)', path: '/', cookie: null },
        { label: '/login (staff and units sign in here)', path: '/login', cookie: null },
        { label: '/app (program officer: desk)', path: '/app', cookie: officer },
        { label: '/app (unit: workspace)', path: '/app', cookie: unitA },
      ]);
      for (const p of web.pages) log(`web first page ${p.page}: ${p.scripts} scripts, ${p.gzipKb} KB gzip (${p.rawKb} KB raw)`);
    }
    const S = settings.seconds;
    const W = settings.writeConnections;
    const R = settings.readConnections;
    // BENCH_ONLY=<regex> drives only the matching scenarios (with --profile: a profile of one scenario); not for results.
    const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
    const go = (name: string, o: Omit<Parameters<typeof drive>[1], 'url' | 'pid'>) =>
      only && !only.test(name)
        ? Promise.resolve({ scenario: name, rps: 0 } as ScenarioResult)
        : drive(name, { ...o, url: base, pid: app.pid }, ctx).then((r) => (scenarios.push(r), r));

    // Draft save: each request takes an application no other request has in flight and sends the version the
    // previous save of it returned (autocannon's per-connection context is reset after every request).
    const form = daxingProjectForms()['work-plan'];
    const draftPool = seeded.hot[0];
    const free = draftPool.map((_, i) => i);
    const versions = new Map<number, number>();
    let saveNo = 0;
    // The raw loop's events (and the demo data's) are sealed into the chain by the app's sealer once it runs: wait
    // for that backlog, so the first scenario is not charged for it.
    if (url) await waitForSealed(url);
    // Uploads first, on a fresh process: its peak RSS is then what streaming 10 × 10 MB adds to a running app, not
    // the heap the load scenarios leave behind. Each application of the upload calls takes one file (the 大兴 item allows one).
    const uploadPool = seeded.hot.slice(1, 1 + settings.plan.uploadCalls).flat();
    const slots = uploadPool.length * seeded.uploadRoom;
    let nextUpload = 0;
    for (const [label, size, conns, amount] of [
      ['upload 1 MB PDF (multipart)', 1 << 20, Math.min(W, 50), Math.floor(slots * 0.75)],
      ['upload 10 MB PDF ×10 concurrent', 10 << 20, 10, Math.min(quick ? 40 : 200, Math.floor(slots * 0.2))],
    ] as const) {
      const mp = multipart(pdfOfSize(size), '营业执照扫描件.pdf');
      await go(label, {
        connections: conns,
        seconds: S,
        amount,
        method: 'POST',
        path: `/api/applications/:id/materials/${seeded.uploadItemId}`,
        target: size > 2 << 20 ? 'peak RSS ≤ 300 MB' : undefined,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const a = uploadPool[Math.floor(nextUpload++ / seeded.uploadRoom) % uploadPool.length];
              return { ...req, path: `/api/applications/${a.id}/materials/${seeded.uploadItemId}`, headers: { cookie: a.cookie, 'content-type': mp.contentType }, body: mp.body };
            },
          },
        ],
      });
    }

    // Probes (BENCH_ONLY=probe): the per-request floor of the app — a public GET and a signed-in GET (session only).
    await go('probe: health (no session)', { connections: W, seconds: S, method: 'GET', path: '/api/health', requests: [{ method: 'GET', path: '/api/health' }] });
    await go('probe: /api/auth/me (session lookup)', { connections: W, seconds: S, method: 'GET', path: '/api/auth/me', requests: [{ method: 'GET', path: '/api/auth/me', headers: { cookie: unitA } }] });
    const draftRequests: Request[] = [
        {
          method: 'PUT',
          setupRequest: (req, c) => {
            const i = free.shift() ?? Math.floor(Math.random() * draftPool.length);
            c.app = i;
            const a = draftPool[i];
            return { ...req, path: `/api/applications/${a.id}/forms/work-plan`, headers: { cookie: a.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ data: { ...form, projectName: `${form.projectName}（第${saveNo++}稿）` }, version: versions.get(i) ?? 1 }) };
          },
          onResponse: (status, body, c) => {
            const i = c.app as number;
            try {
              const j = JSON.parse(body);
              if (status === 200) versions.set(i, j.version);
              else if (status === 409 && j.error?.fields?.version) versions.set(i, Number(j.error.fields.version));
            } catch {
              /* ignore */
            }
            free.push(i);
          },
        },
      ];
    // Warm-up, not recorded: the JIT and the pools after start (the first seconds of a cold process run ≈ 30 % slower).
    if (!only || only.test('draft save')) {
      await drive('warm-up: draft saves (not recorded)', { url: base, pid: app.pid, connections: 20, seconds: Math.min(S, 5), method: 'PUT', path: '', requests: draftRequests }, ctx);
    }
    const draftR = await go('draft save (≈2 KB form)', {
      connections: Math.min(W, draftPool.length - 10),
      seconds: S,
      method: 'PUT',
      path: '/api/applications/:id/forms/work-plan',
      target: 'rps ≥ 0.85 × raw tx; p99 ≤ 50 ms at 200 connections',
      sampleDb: true,
      requests: draftRequests,
    });
    // The same saves with 20 in flight at once (autocannon's rate limit sends each second's budget in one burst, so
    // a fixed arrival rate cannot be driven; fewer connections give the latency at a load below saturation).
    await go('draft save, 20 in flight', {
      connections: 20,
      seconds: S,
      method: 'PUT',
      path: '/api/applications/:id/forms/work-plan',
      target: 'p99 ≤ 50 ms',
      requests: draftRequests,
    });
    draftR.ratioToRawDb = Math.round((draftR.rps / raw.rps) * 100) / 100;

    // Submit: each complete draft once.
    const submitPool = seeded.hot.slice(1 + settings.plan.uploadCalls, seeded.hot.length - 1).flat();
    let nextSubmit = 0;
    const submitR = await go('submit (validate all, transition, audit, outbox)', {
      connections: Number(process.env.BENCH_SUBMIT_CONNS) || Math.min(W, 50),
      seconds: S,
      amount: submitPool.length,
      method: 'POST',
      path: '/api/applications/:id/submit',
      target: 'rps ≥ 0.5 × raw tx',
      sampleDb: true,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const a = submitPool[nextSubmit++ % submitPool.length];
            return { ...req, path: `/api/applications/${a.id}/submit`, headers: { cookie: a.cookie, 'content-type': 'application/json' }, body: '{}' };
          },
        },
      ],
    });
    submitR.ratioToRawDb = Math.round((submitR.rps / raw.rps) * 100) / 100;

    const listPath = `/api/applications?callId=${seeded.listCallId}&status=submitted,resubmitted&pageSize=50`;
    await go('officer list of 50 with filters', { connections: R, seconds: S, method: 'GET', path: '/api/applications?callId=…&status=submitted,resubmitted&pageSize=50', target: 'p99 ≤ 50 ms', sampleDb: true, requests: [{ method: 'GET', path: listPath, headers: { cookie: officer } }] });
    // A district's whole desk at once (a handful of officers paging and filtering): the latency an officer sees.
    await go('officer list of 50, 10 officers at once', { connections: 10, seconds: S, method: 'GET', path: '/api/applications?callId=…&status=submitted,resubmitted&pageSize=50', target: 'p99 ≤ 50 ms', requests: [{ method: 'GET', path: listPath, headers: { cookie: officer } }] });
    for (const [label, p] of [
      ['public notices', '/api/notices'],
      ['public calls', '/api/calls'],
      ['public registry (studios)', '/api/studios'],
    ] as const) {
      await go(label, { connections: R, seconds: S, method: 'GET', path: p, target: '≥ 5,000 req/s', requests: [{ method: 'GET', path: p }] });
    }
    const facts = {
      leader: { birthDate: '1980-05-12', sex: 'male', category: 'worker', occupationListed: true, hasNationalStandard: true, skillLevel: 'technician', frontlineYears: 15, employed: true, honours: [], leadsAnotherStudio: false },
      unit: { locatedIn: 'daxing', teamFormalEmployees: 4, hasTalentSystem: true, providesFundingAndVenue: true, hasStudioRules: true, sameOccupationStudioExists: false, industry: 'other' },
      studio: { recognized: false, applyingTogether: true },
    };
    await go('eligibility check', {
      connections: R,
      seconds: S,
      method: 'POST',
      path: '/api/eligibility/check',
      requests: [{ method: 'POST', path: '/api/eligibility/check', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ policyId: 'daxing-2025', program: 'studio-recognition', asOf: '2026-06-20', facts }) }],
    });
    await go('dossier PDF (template application)', {
      connections: 4,
      seconds: S,
      method: 'GET',
      path: '/api/applications/:id/dossier.pdf',
      target: '≤ 1 s per 20-page dossier',
      requests: [{ method: 'GET', path: `/api/applications/${seeded.templateId}/dossier.pdf`, headers: { cookie: unitA } }],
    });
    for (const s of scenarios) if (s !== bareR) s.ratioToBareFramework = Number((s.rps / bareR.rps).toPrecision(2));

    await stopChild(app);
    let profileText: string | undefined;
    if (profile && fs.existsSync(profDir)) profileText = summariseProfile(profDir);
    if (profile && process.env.BENCH_KEEP_PROF && fs.existsSync(profDir)) fs.cpSync(profDir, process.env.BENCH_KEEP_PROF, { recursive: true });

    // 5. EXPLAIN of the officer list query, on the data the run left.
    if (!url) database = await openDatabase({ dataDir: path.join(dataDir, 'pgdata') });
    const explain = await explainList(url ? { url } : { database }, seeded.listCallId);
    await database.close();
    const { hot, ...rest } = seeded;
    return { database: kind, mode, seeded: { ...rest, hotDrafts: hot.flat().length }, raw, scenarios, explain, loadAvg: os.loadavg(), loadAtStart, busyBeforePct, commit, profile: profileText, web };
  } finally {
    for (const c of children) await stopChild(c).catch(() => {});
    if (dbName) {
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Self time by function from V8 .cpuprofile files: the top 25, as "where the time goes". */
function summariseProfile(dir: string): string {
  const self = new Map<string, number>();
  let total = 0;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.cpuprofile'))) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[]; samples: number[]; timeDeltas: number[] };
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const dt = p.timeDeltas[i] ?? 0;
      const file = n.callFrame.url.replace(/^file:\/\//, '').replace(ROOT + '/', '');
      const key = `${n.callFrame.functionName || '(anonymous)'} ${file}${file ? `:${n.callFrame.lineNumber + 1}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  return top.map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`).join('\n');
}

function renderActivity(r: HttpBenchReport): string {
  const sampled = r.scenarios.filter((s) => s.dbActivityPct && Object.keys(s.dbActivityPct).length);
  if (!sampled.length) return '';
  return `Where the app's database connections spent each scenario (pg_stat_activity sampled every 50 ms; % of connection-samples):

${sampled.map((s) => `- ${s.scenario}: ${Object.entries(s.dbActivityPct!).map(([k, v]) => `${k} ${v}%`).join(', ')}`).join('\n')}

`;
}

// ------------------------------------------------------------------------------------------------------------
// Results files
// ------------------------------------------------------------------------------------------------------------

export function writeResults(report: HttpBenchReport) {
  const jsonPath = path.join(ROOT, 'bench/results.json');
  let all: ScenarioResult[] = [];
  try {
    all = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  } catch {
    /* first run */
  }
  const first = report.scenarios[0];
  const raw: ScenarioResult = {
    scenario: `raw database: the draft save's transaction, no HTTP (${report.raw.driver})`,
    database: report.database,
    mode: report.mode,
    method: 'SQL',
    path: 'BEGIN; SELECT … FOR UPDATE; UPDATE application_forms; UPDATE applications; INSERT audit_events; COMMIT',
    connections: report.raw.concurrency,
    durationS: Math.round(report.raw.seconds * 10) / 10,
    requests: report.raw.tx,
    rps: report.raw.rps,
    p50Ms: report.raw.p50Ms,
    p99Ms: report.raw.p99Ms,
    maxMs: report.raw.maxMs,
    non2xx: 0,
    errors: 0,
    peakRssMb: null,
    rssAtStartMb: null,
    ratioToRawDb: 1,
    loadAvg1m: first?.loadAvg1m ?? 0,
    measuredAt: first?.measuredAt ?? new Date().toISOString(),
    commit: report.commit,
  };
  all = all.filter((s) => s.database !== report.database).concat([raw, ...report.scenarios]);
  fs.writeFileSync(jsonPath, JSON.stringify(all, null, 2) + '\n');

  const mdPath = path.join(ROOT, 'bench/RESULTS.md');
  let md = fs.existsSync(mdPath) ? fs.readFileSync(mdPath, 'utf8') : '# 匠心 benchmark results (issue 8)\n\nGenerated by `npm run bench`; the sections between markers are rewritten by each run.\n';
  const begin = `<!-- bench:${report.database}:begin -->`;
  const end = `<!-- bench:${report.database}:end -->`;
  const section = `${begin}\n${renderSection(report)}\n${end}`;
  const re = new RegExp(`${begin}[\\s\\S]*?${end}`);
  md = re.test(md) ? md.replace(re, section) : `${md}\n${section}\n`;
  if (report.web) {
    const wb = '<!-- bench:web:begin -->';
    const we = '<!-- bench:web:end -->';
    const wsection = `${wb}\n${renderWeb(report.web, report.commit)}\n${we}`;
    const wre = new RegExp(`${wb}[\\s\\S]*?${we}`);
    md = wre.test(md) ? md.replace(wre, wsection) : `${md}\n${wsection}\n`;
    fs.writeFileSync(path.join(ROOT, 'bench/web-size.json'), JSON.stringify({ commit: report.commit, measuredAt: new Date().toISOString(), ...report.web }, null, 2) + '\n');
  }
  fs.writeFileSync(mdPath, md);
}

function renderWeb(w: WebSizeReport, commit: string): string {
  const how =
    w.method === 'chromium'
      ? 'every JavaScript file Debian\'s Chromium loaded until the network was idle, each gzipped at level 9'
      : 'no Chromium here: the entry script and its modulepreload links from dist/web/index.html only, gzipped at level 9';
  return `## Web app: first page (target ≤ ${w.targetKb} KB JavaScript gzip)

Commit ${commit}; ${how} (\`bench/web-size.ts\`; also in bench/web-size.json).

| page | scripts | KB raw | KB gzip | heaviest (KB gzip) | verdict |
|---|---|---|---|---|---|
${w.pages.map((p) => `| ${p.page} | ${p.scripts} | ${p.rawKb} | **${p.gzipKb}** | ${p.heaviest.map((h) => `${h.file} ${h.gzipKb}`).join(', ')} | ${p.gzipKb <= w.targetKb ? 'met' : '**missed**'} |`).join('\n')}
`;
}

/** Says from the load average whether anything else ran on the box: on 2 cores the bench itself keeps it near 2. */
function machineLoadLine(r: HttpBenchReport): string {
  const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  // The load average lags by minutes; the CPU busy share just before the run says whether anything else ran.
  const idle = r.busyBeforePct < 10;
  return idle
    ? `Idle machine: ${r.busyBeforePct} % of the CPU busy in the 3 s before the run (load average ${fmt(r.loadAtStart)}, still decaying from earlier work; ${fmt(r.loadAvg)} at the end, the bench's own load); per-scenario CPU use in the table.`
    : `**Shared machine**: ${r.busyBeforePct} % of the CPU busy in the 3 s before the run (load average ${fmt(r.loadAtStart)}) — other work ran on the box, so absolute numbers are lower and noisier than on an idle machine; the ratios (measured in the same run) are the meaningful part.`;
}

function renderSection(r: HttpBenchReport): string {
  const cpu = os.cpus();
  const rows = r.scenarios.map((s) =>
    `| ${s.scenario} | ${s.connections} | ${s.requests} | ${s.rps.toLocaleString('en-US')} | ${s.p50Ms} | ${s.p99Ms} | ${s.non2xx}${s.errors ? ` / ${s.errors} err` : ''} | ${s.peakRssMb ?? '—'}${s.rssAtStartMb != null && s.peakRssMb != null ? ` (+${Math.max(0, s.peakRssMb - s.rssAtStartMb)})` : ''} | ${s.ratioToRawDb ?? '—'} | ${s.ratioToBareFramework ?? '—'} | ${s.cpuPct ? `${s.cpuPct.app ?? '?'} / ${s.cpuPct.loadTool} / ${s.cpuPct.postgres} / ${s.cpuPct.machineBusy}` : '—'} | ${s.target ?? ''} |`,
  );
  return `## ${r.database === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'} — ${r.mode} run

- Date: ${r.scenarios[0]?.measuredAt ?? new Date().toISOString()} · commit ${r.commit}
- Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}
- ${machineLoadLine(r)}
- Seeded: ${r.seeded.applications.toLocaleString('en-US')} applications with forms, materials, timeline and ${r.seeded.auditEvents.toLocaleString('en-US')} chained audit events in ${r.seeded.seconds.toFixed(0)} s (${r.seeded.hotDrafts} complete drafts in open calls for the write scenarios).
- Raw-database ceiling (the draft save's transaction, no HTTP; ${r.raw.driver}, concurrency ${r.raw.concurrency}): **${r.raw.rps.toLocaleString('en-US')} tx/s**, p50 ${r.raw.p50Ms} ms, p99 ${r.raw.p99Ms} ms (${r.raw.tx} transactions in ${r.raw.seconds.toFixed(1)} s); CPU: the Node client ${r.raw.cpuPct.client} %, PostgreSQL ${r.raw.cpuPct.postgres} % of one core, the machine ${r.raw.cpuPct.machineBusy} % busy.
- CPU column: % of one core used during the scenario by the app process, by this process (autocannon), by all PostgreSQL processes; and the whole machine's busy share (100 % = both cores).

| scenario | conns | requests | req/s | p50 ms | p99 ms | non-2xx | peak RSS MB (app; + over start) | ÷ raw DB | ÷ bare Fastify | CPU % app / load tool / PostgreSQL / machine | target |
|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

${renderActivity(r)}EXPLAIN (ANALYZE) of the officer list query (the query \`listApplications\` sends for \`GET ${r.scenarios.find((s) => s.scenario.startsWith('officer'))?.path ?? ''}\`):

\`\`\`
${r.explain}
\`\`\`
${r.profile ? `\nCPU profile of the app process over the whole run (self time, top 25):\n\n\`\`\`\n${r.profile}\n\`\`\`\n` : ''}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await runHttpBench({ quick: process.argv.includes('--quick'), profile: process.argv.includes('--profile') });
  if (process.env.BENCH_ONLY) {
    log(`BENCH_ONLY: results files left as they were; raw ${report.raw.rps} tx/s`);
    if (report.profile) console.log(report.profile);
  } else {
    writeResults(report);
    log('wrote bench/results.json and bench/RESULTS.md');
  }
}
