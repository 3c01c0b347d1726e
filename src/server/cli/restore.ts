/**
 * `npm run restore -- <archive.tar.gz> [--force]` — restores a backup made by `npm run backup` into the
 * configured DATA_DIR (embedded PGlite) or DATABASE_URL (PostgreSQL). The target must be EMPTY (no database,
 * no attachments) unless --force. Every entry is checked against the manifest's SHA-256, and the restored
 * row counts and audit chain head against the manifest. Stop the app while restoring.
 * Exit 0 = restored, 2 = refused or failed.
 */
import path from 'node:path';
import { BackupError, restoreBackup } from '../backup/backup';
import { ConfigError, loadConfig } from '../config';

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  if (rest.length !== 1 || rest[0].startsWith('--')) {
    console.error('用法 / usage: npm run restore -- <archive.tar.gz> [--force]');
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const archive = path.resolve(rest[0]);
  const result = await restoreBackup(archive, { dataDir: config.dataDir, databaseUrl: config.databaseUrl }, { force });
  console.log(`恢复完成 / restored: ${archive} → ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}`);
  console.log(
    `  备份时间 ${result.manifest.createdAt}；申报 ${result.counts.applications ?? 0} 件；附件 ${result.manifest.files.count} 个；` +
      `审计事件 ${result.audit.events} 条，链完整，链头 ${result.audit.headHash ?? '—'}`,
  );
}

main().catch((err) => {
  const known = err instanceof BackupError || err instanceof ConfigError;
  console.error(`恢复失败 / restore failed: ${known ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 2;
});
