/**
 * `npm run audit:verify` — walks the SM3 audit chain of the configured database (DATA_DIR's PGlite or
 * DATABASE_URL) and names the first broken link. Exit 0 = intact, 1 = broken, 2 = could not run.
 * With PGlite, stop the app first: the embedded database has one owner at a time.
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { describeVerification } from '../modules/audit/audit.routes';
import { verifyAuditChain } from '../modules/audit/audit.service';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pgdata') });
  try {
    await database.migrate();
    const result = await verifyAuditChain(database.db);
    console.log(describeVerification(result));
    if (result.firstBroken) console.log(JSON.stringify(result.firstBroken));
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(`审计链校验无法运行 / cannot verify: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
});
