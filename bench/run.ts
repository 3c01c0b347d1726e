/**
 * `npm run bench [-- --quick] [-- --profile]`: eligibility evaluations per second (issue 3, target ≥ 50,000/s),
 * the 20-page dossier PDF (issue 4, target ≤ 1 s), draft-save latency with one user on the embedded database
 * (issue 4, p99 ≤ 50 ms), then the HTTP load benchmark of issue 8 (bench/http.ts: the app and a bare Fastify as
 * child processes driven by autocannon, with the raw-database ceiling; PostgreSQL when DATABASE_URL is set),
 * which writes bench/results.json and bench/RESULTS.md. `--quick` finishes in under 2 minutes.
 */
import os from 'node:os';
import { runDossierBench } from './dossier';
import { runDraftSaveBench } from './draft-save';
import { runHttpBench, writeResults } from './http';
import { runPolicyBench } from './policy';

async function main() {
  console.log(`# 匠心 bench — ${new Date().toISOString()} — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load ${os.loadavg()[0].toFixed(1)}`);
  const quick = process.argv.includes('--quick');
  for (const r of await runPolicyBench(quick ? { totalMs: 1000 } : {})) {
    console.log(`${r.name.padEnd(48)} ${r.evalsPerSec.toLocaleString('en-US').padStart(12)} evals/s   (target ≥ 50,000)`);
  }
  const d = await runDossierBench(quick ? { runs: 3 } : {});
  console.log(
    `${'dossier PDF'.padEnd(48)} ${d.medianMs.toFixed(0).padStart(8)} ms median for ${d.pages} pages (CPU ${d.cpuMs.toFixed(0)} ms, min ${d.minMs.toFixed(0)} ms)   (target ≤ 1000 ms)`,
  );
  // --quick leaves out the one-user draft save: the HTTP bench below measures draft saves under load.
  const s = quick ? null : await runDraftSaveBench();
  if (s) console.log(`${'draft save, PGlite, one user'.padEnd(48)} p50 ${s.p50Ms.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(1)} ms over ${s.saves} saves   (target p99 ≤ 50 ms)`);
  writeResults(await runHttpBench({ quick, profile: process.argv.includes('--profile') }));
  console.log('wrote bench/results.json and bench/RESULTS.md');
}

void main();
