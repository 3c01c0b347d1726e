/**
 * `npm run backup [-- --out <file.tar.gz>]` — one archive with the database, the attachments under
 * DATA_DIR/files and a manifest (counts, SHA-256 checksums, audit head). Default file:
 * backups/jiangxin-<UTC time>.tar.gz. Embedded PGlite: stop the app first (one owner at a time).
 * PostgreSQL (DATABASE_URL): runs while the app serves, via pg_dump in one consistent snapshot.
 * Exit 0 = written, 2 = could not run.
 */
import path from 'node:path';
import { BackupError, createBackup, defaultArchivePath } from '../backup/backup';
import { ConfigError, loadConfig } from '../config';

async function main() {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  if (args.some((a, i) => a !== '--out' && i !== outAt + 1) || (outAt >= 0 && !args[outAt + 1])) {
    console.error('用法 / usage: npm run backup [-- --out <file.tar.gz>]');
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const out = path.resolve(outAt >= 0 ? args[outAt + 1] : defaultArchivePath());
  const manifest = await createBackup({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }, out);
  console.log(`备份完成 / backup written: ${out}`);
  console.log(
    `  数据库 ${manifest.database.kind}；申报 ${manifest.counts.applications ?? 0} 件；附件 ${manifest.files.count} 个（${manifest.files.bytes} 字节）；` +
      `审计事件 ${manifest.audit.events} 条，链${manifest.audit.ok ? '完整' : '已断裂！'}，链头 ${manifest.audit.headHash ?? '—'}`,
  );
}

main().catch((err) => {
  const known = err instanceof BackupError || err instanceof ConfigError;
  console.error(`备份失败 / backup failed: ${known ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 2;
});
