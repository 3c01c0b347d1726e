import path from 'node:path';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/client';
import { loadDemoDataIfWanted } from './demo/seed';
import { runDailyChecks } from './jobs/daily';
import { sealAuditChain } from './modules/audit/audit.service';
import { deliverPending, logProviders } from './modules/notifications/notifications.service';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pgdata'), poolSize: config.databasePoolSize });
  await database.migrate();
  const app = await buildApp({ config, database });
  await loadDemoDataIfWanted(database.db, config, app.log);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`匠心 Jiangxin listening on http://localhost:${config.port} (database: ${database.kind})`);

  // Outbox delivery (e-mail, SMS): providers log only until real ones are configured.
  const providers = logProviders((msg) => app.log.info(msg));
  const outboxTimer = setInterval(() => {
    deliverPending(database.db, providers, new Date()).catch((err) => app.log.warn({ err }, 'outbox delivery failed; will retry'));
  }, 30_000);
  outboxTimer.unref();
  // Audit sealer: links committed audit events into the SM3 chain (one instance at a time; the others skip).
  const sealTimer = setInterval(() => {
    sealAuditChain(database.db).catch((err) => app.log.warn({ err }, 'audit sealing failed; will retry'));
  }, 1_000);
  sealTimer.unref();
  // Daily checks (annual reports, revocation triggers): tried every 10 minutes, each job runs once per Beijing day
  // across all instances (job_runs + advisory lock), so a restart or a second instance never runs one twice.
  const runDaily = () => runDailyChecks(database.db, new Date()).catch((err) => app.log.warn({ err }, 'daily checks failed; will retry'));
  void runDaily();
  const dailyTimer = setInterval(runDaily, 10 * 60_000);
  dailyTimer.unref();

  const stop = async (signal: string) => {
    clearInterval(outboxTimer);
    clearInterval(sealTimer);
    clearInterval(dailyTimer);
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
