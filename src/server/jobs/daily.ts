import { and, eq, sql } from 'drizzle-orm';
import { shanghaiDate } from '../../shared/time';
import type { Db, Tx } from '../db/client';
import { jobRuns } from '../db/schema';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/audit.service';
import { annualReportCheck } from './annual-report-check';
import { revocationCheck } from './revocation-check';

/**
 * A check that runs once a day (DESIGN.md: deadlines, annual-report reminders, revocation triggers run daily and
 * are idempotent). `run` does its whole work inside the given transaction: if it fails, nothing of it is kept and
 * the next attempt runs it again. Running it twice on one day must change nothing the second time.
 */
export interface DailyJob {
  name: string;
  run(tx: Tx, today: string, now: Date): Promise<Record<string, unknown>>;
}

export const DAILY_JOBS: readonly DailyJob[] = [annualReportCheck, revocationCheck];

/** Keys the advisory lock of a job (one instance at a time runs it). */
const lockKey = (name: string) => 7_310_100 + [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9_973, 0);

export interface DailyRun {
  job: string;
  runOn: string;
  /** skipped: already ran today (or another instance is running it). */
  status: 'ran' | 'skipped';
  result?: Record<string, unknown>;
}

/**
 * Runs each daily job for today's date in Beijing, once per day across every app instance: the job's row in
 * `job_runs` and its work commit together, under an advisory lock. `force` runs again a job that already ran today
 * (tests and the operator; the jobs are idempotent).
 */
export async function runDailyChecks(db: Db, now: Date, options: { jobs?: readonly DailyJob[]; force?: boolean } = {}): Promise<DailyRun[]> {
  const today = shanghaiDate(now);
  const runs: DailyRun[] = [];
  for (const job of options.jobs ?? DAILY_JOBS) {
    const run = await db.transaction(async (tx) => {
      const locked = (await tx.execute(sql`select pg_try_advisory_xact_lock(${lockKey(job.name)}) as ok`)) as unknown as { rows: { ok: boolean }[] };
      if (!locked.rows[0]?.ok) return { job: job.name, runOn: today, status: 'skipped' as const };
      const [done] = await tx.select({ job: jobRuns.job }).from(jobRuns).where(and(eq(jobRuns.job, job.name), eq(jobRuns.runOn, today)));
      if (done && !options.force) return { job: job.name, runOn: today, status: 'skipped' as const };
      const result = await job.run(tx, today, now);
      await tx
        .insert(jobRuns)
        .values({ job: job.name, runOn: today, startedAt: now, finishedAt: now, result })
        .onConflictDoUpdate({ target: [jobRuns.job, jobRuns.runOn], set: { finishedAt: now, result } });
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'job.daily_run', entityType: 'job', entityId: `${job.name}:${today}`, after: result }, now);
      return { job: job.name, runOn: today, status: 'ran' as const, result };
    });
    runs.push(run);
  }
  return runs;
}
