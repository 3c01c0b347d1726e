import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { verifyAuditChain } from '../modules/audit/audit.service';
import { createTarWriter, readTar, type EntryInfo } from './archive';

/**
 * Backups (issue 9): one `.tar.gz` holding the database, the attachments under DATA_DIR/files and a
 * manifest (what is inside, with counts and SHA-256 checksums). Restore only goes into an EMPTY target.
 *
 * - Embedded PGlite: a copy of its data directory (`dumpDataDir`). PGlite has one owner at a time, so the
 *   app must be stopped — the same rule as `npm run audit:verify`.
 * - PostgreSQL: `pg_dump --format=custom` inside an exported REPEATABLE READ snapshot, so the counts and the
 *   audit head in the manifest describe exactly the dumped state, while the app keeps running.
 */
export const MANIFEST = 'manifest.json';
const FORMAT = 'jiangxin-backup';

export interface BackupManifest {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  database: { kind: 'pglite' | 'postgres'; entry: string; size: number; sha256: string; tool: string };
  files: { count: number; bytes: number; entries: EntryInfo[] };
  /** Rows per table at the moment of the dump. */
  counts: Record<string, number>;
  audit: { events: number; headHash: string | null; ok: boolean };
}

export interface Target {
  /** DATA_DIR: PGlite lives in DATA_DIR/pgdata, attachments in DATA_DIR/files. */
  dataDir: string;
  /** A PostgreSQL server database instead of the embedded one. */
  databaseUrl?: string;
}

export class BackupError extends Error {}

const sha256File = (file: string) =>
  new Promise<string>((resolve, reject) => {
    const h = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });

/** Every stored attachment, as paths relative to DATA_DIR/files (the `tmp/` staging area excluded). */
export function listStoredFiles(filesDir: string): string[] {
  if (!fs.existsSync(filesDir)) return [];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(filesDir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (r !== 'tmp') walk(r);
      } else if (d.isFile()) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** Rows per table in the public schema — generic, so new modules' tables are covered without a change here. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const r = rowsOf<{ n: string | number }>(await db.execute(sql`select count(*) as n from ${sql.identifier(table_name)}`));
    counts[table_name] = Number(r[0].n);
  }
  return counts;
}

async function describeDatabase(db: Db) {
  const counts = await countRows(db);
  // No sealing here: the dump runs in a read-only snapshot, and a restore must compare the chain as it was dumped.
  const chain = await verifyAuditChain(db, { seal: false });
  return { counts, audit: { events: chain.checked, headHash: chain.lastHash, ok: chain.ok } };
}

/** Splits a PostgreSQL URL so the password goes to the child's environment, never its command line. */
function pgConnection(url: string) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbUrl: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT'
          ? new BackupError(`找不到 ${cmd}：请安装 PostgreSQL 客户端工具（Debian: apt-get install postgresql-client），版本不低于服务器 / ${cmd} is not on PATH`)
          : e,
      ),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${cmd} 失败（退出码 ${code}）：${err.trim()}`))));
  });
}

export function defaultArchivePath(cwd = process.cwd(), now = new Date()) {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return path.join(cwd, 'backups', `jiangxin-${stamp}.tar.gz`);
}

/** Writes one backup archive of `source` to `out`; returns its manifest. */
export async function createBackup(source: Target, out: string, now = new Date()): Promise<BackupManifest> {
  if (fs.existsSync(out)) throw new BackupError(`目标文件已存在，不覆盖：${out}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-backup-'));
  try {
    let database: BackupManifest['database'];
    let described: Awaited<ReturnType<typeof describeDatabase>>;
    const dumpFile = path.join(work, 'db');
    if (source.databaseUrl) {
      const client = new pg.Client({ connectionString: source.databaseUrl });
      await client.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const { rows } = await client.query<{ s: string }>('select pg_export_snapshot() as s');
        described = await describeDatabase(drizzlePg(client, { schema }) as unknown as Db);
        const { dbUrl, env } = pgConnection(source.databaseUrl);
        await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${rows[0].s}`, `--file=${dumpFile}`, `--dbname=${dbUrl}`], env);
        await client.query('COMMIT');
      } finally {
        await client.end().catch(() => {});
      }
      database = { kind: 'postgres', entry: 'database/postgres.dump', size: 0, sha256: '', tool: 'pg_dump --format=custom' };
    } else {
      const pgdata = path.join(source.dataDir, 'pgdata');
      if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) throw new BackupError(`${pgdata} 中没有数据库 / no embedded database there`);
      // PGlite writes postmaster.pid while a process has the database open: a copy taken then would not be consistent.
      if (fs.existsSync(path.join(pgdata, 'postmaster.pid')))
        throw new BackupError(
          `内置数据库正在被使用（${pgdata}/postmaster.pid）：请先停止应用再备份；若应用上次异常退出，请启动并正常停止一次后再备份 / stop the app first`,
        );
      const client = new PGlite(pgdata);
      await client.waitReady;
      try {
        described = await describeDatabase(drizzlePglite(client, { schema }) as unknown as Db);
        const blob = await client.dumpDataDir('gzip');
        fs.writeFileSync(dumpFile, Buffer.from(await blob.arrayBuffer()));
      } finally {
        await client.close();
      }
      database = { kind: 'pglite', entry: 'database/pgdata.tar.gz', size: 0, sha256: '', tool: 'PGlite dumpDataDir' };
    }

    const tar = createTarWriter(out);
    try {
      const db = await tar.add(database.entry, fs.createReadStream(dumpFile), fs.statSync(dumpFile).size, now);
      database = { ...database, size: db.size, sha256: db.sha256 };
      const filesDir = path.join(source.dataDir, 'files');
      const entries: EntryInfo[] = [];
      for (const rel of listStoredFiles(filesDir)) {
        const full = path.join(filesDir, rel);
        const stat = fs.statSync(full);
        entries.push(await tar.add(`files/${rel}`, fs.createReadStream(full), stat.size, stat.mtime));
      }
      const manifest: BackupManifest = {
        format: FORMAT,
        version: 1,
        createdAt: now.toISOString(),
        database,
        files: { count: entries.length, bytes: entries.reduce((s, e) => s + e.size, 0), entries },
        ...described,
      };
      const json = Buffer.from(JSON.stringify(manifest, null, 2));
      await tar.add(MANIFEST, json, json.length, now);
      await tar.finish();
      return manifest;
    } catch (err) {
      await tar.finish().catch(() => {});
      fs.rmSync(out, { force: true });
      throw err;
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Unpacks the archive into `dir`, checking every entry against the manifest's SHA-256. */
async function unpack(archive: string, dir: string): Promise<BackupManifest> {
  const seen = new Map<string, { size: number; sha256: string }>();
  let manifest: BackupManifest | undefined;
  await readTar(archive, async (name, size, body) => {
    if (name.split('/').some((p) => p === '..' || p === '') || path.isAbsolute(name)) throw new BackupError(`备份中有非法路径：${name}`);
    const hash = createHash('sha256');
    if (name === MANIFEST) {
      const chunks: Buffer[] = [];
      for await (const c of body) chunks.push(c as Buffer);
      manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BackupManifest;
      return;
    }
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const ws = fs.createWriteStream(file, { flags: 'wx' });
    for await (const c of body) {
      hash.update(c as Buffer);
      if (!ws.write(c)) await new Promise<void>((r) => ws.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => ws.end((e?: Error | null) => (e ? reject(e) : resolve())));
    seen.set(name, { size, sha256: hash.digest('hex') });
  });
  if (!manifest || manifest.format !== FORMAT) throw new BackupError('不是匠心备份文件（缺少 manifest.json） / not a Jiangxin backup');
  const expected = [{ name: manifest.database.entry, size: manifest.database.size, sha256: manifest.database.sha256 }, ...manifest.files.entries];
  for (const e of expected) {
    const got = seen.get(e.name);
    if (!got) throw new BackupError(`备份不完整，缺少 ${e.name}`);
    if (got.sha256 !== e.sha256 || got.size !== e.size) throw new BackupError(`校验和不符，备份已损坏：${e.name}`);
  }
  if (seen.size !== expected.length) throw new BackupError('备份中有清单之外的文件 / unexpected entries');
  return manifest;
}

export interface RestoreResult {
  manifest: BackupManifest;
  counts: Record<string, number>;
  audit: BackupManifest['audit'];
}

/** Is the target empty? Returns a reason when not. */
export async function targetContents(target: Target): Promise<string | null> {
  const files = listStoredFiles(path.join(target.dataDir, 'files'));
  if (files.length) return `${path.join(target.dataDir, 'files')} 中已有 ${files.length} 个文件`;
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        `select count(*) as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`,
      );
      if (Number(rows[0].n) > 0) return `数据库中已有 ${rows[0].n} 张表`;
    } finally {
      await client.end();
    }
  } else {
    const pgdata = path.join(target.dataDir, 'pgdata');
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length) return `${pgdata} 中已有数据库`;
  }
  return null;
}

/**
 * Restores `archive` into `target`. Refuses a target that holds data unless `force` (then the old data
 * directory parts are kept aside as `*.before-restore-<time>`, and a PostgreSQL target is cleaned by
 * pg_restore --clean). Checks the restored counts and audit chain against the manifest.
 */
export async function restoreBackup(archive: string, target: Target, options: { force?: boolean } = {}): Promise<RestoreResult> {
  if (!fs.existsSync(archive)) throw new BackupError(`找不到备份文件：${archive}`);
  const occupied = await targetContents(target);
  if (occupied && !options.force) throw new BackupError(`目标不是空的（${occupied}），拒绝恢复；确认要覆盖请加 --force`);
  fs.mkdirSync(target.dataDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(target.dataDir, '.restore-'));
  try {
    const manifest = await unpack(archive, work);
    const wantKind = target.databaseUrl ? 'postgres' : 'pglite';
    if (manifest.database.kind !== wantKind)
      throw new BackupError(`备份来自 ${manifest.database.kind} 数据库，目标是 ${wantKind}：不能跨数据库类型恢复`);
    const dump = path.join(work, manifest.database.entry);
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    const setAside = (p: string) => {
      if (fs.existsSync(p)) fs.renameSync(p, `${p}.before-restore-${stamp}`);
    };

    let described: Awaited<ReturnType<typeof describeDatabase>>;
    if (target.databaseUrl) {
      const { dbUrl, env } = pgConnection(target.databaseUrl);
      const args = ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${dbUrl}`];
      await run('pg_restore', occupied ? [...args, '--clean', '--if-exists', dump] : [...args, '--single-transaction', dump], env);
      const client = new pg.Client({ connectionString: target.databaseUrl });
      await client.connect();
      try {
        described = await describeDatabase(drizzlePg(client, { schema }) as unknown as Db);
      } finally {
        await client.end();
      }
    } else {
      const pgdata = path.join(target.dataDir, 'pgdata');
      setAside(pgdata);
      fs.mkdirSync(pgdata, { recursive: true });
      const client = new PGlite(pgdata, { loadDataDir: new Blob([fs.readFileSync(dump)]) });
      await client.waitReady;
      try {
        described = await describeDatabase(drizzlePglite(client, { schema }) as unknown as Db);
      } finally {
        await client.close();
      }
    }
    const filesDir = path.join(target.dataDir, 'files');
    setAside(filesDir);
    const unpacked = path.join(work, 'files');
    if (fs.existsSync(unpacked)) fs.renameSync(unpacked, filesDir);
    else fs.mkdirSync(filesDir, { recursive: true });

    for (const [table, n] of Object.entries(manifest.counts)) {
      if (described.counts[table] !== n) throw new BackupError(`恢复后 ${table} 有 ${described.counts[table]} 行，备份清单记载 ${n} 行`);
    }
    if (!described.audit.ok || described.audit.headHash !== manifest.audit.headHash)
      throw new BackupError('恢复后审计链与备份清单不符 / audit chain differs from the manifest');
    return { manifest, ...described };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
