/**
 * Eligibility evaluations per second, in-process, for each edition and program on realistic facts.
 * Run alone with `npx tsx bench/policy.ts`; the main bench calls `runPolicyBench()`.
 */
import { pathToFileURL } from 'node:url';
import { evaluateEligibility } from '../src/policy/engine';
import { EDITIONS } from '../src/policy/editions';
import type { Edition, Facts, ProgramId } from '../src/policy/types';

/**
 * A complete, typical application: a senior technician with a team of five and a planned project — a new studio for
 * recognition, an already recognised one for a project.
 */
function realisticFacts(edition: Edition, program: ProgramId): Facts {
  return {
    leader: {
      birthDate: '1978-04-12',
      sex: 'male',
      category: 'worker',
      occupationListed: true,
      hasNationalStandard: true,
      skillLevel: 'senior-technician',
      frontlineYears: 22,
      employed: true,
      honours: ['北京市技术能手', '首都劳动奖章'],
      leadsAnotherStudio: false,
    },
    unit: {
      locatedIn: edition.jurisdiction,
      teamFormalEmployees: 5,
      hasTalentSystem: true,
      providesFundingAndVenue: true,
      hasStudioRules: true,
      sameOccupationStudioExists: false,
      industry: 'high-tech',
    },
    studio: program === 'studio-recognition' ? { recognized: false, applyingTogether: true } : { recognized: true },
    project: {
      stage: 'planned',
      category: '技术革新',
      onProhibitedCatalog: false,
      outsourced: false,
      startDate: '2026-07-01',
      endDate: '2026-10-31',
    },
  };
}

/** A date the program is evaluated on in practice: inside its call window if the edition has one. */
function typicalAsOf(edition: Edition, program: ProgramId): string {
  const call = edition.calls.find((c) => c.program === program);
  return call ? call.opensAt.slice(0, 10) : edition.validFrom;
}

export interface PolicyBenchResult {
  name: string;
  evalsPerSec: number;
}

function measure(run: () => number, ms: number): number {
  let sink = 0;
  const warmUntil = performance.now() + Math.min(200, ms / 5);
  while (performance.now() < warmUntil) for (let i = 0; i < 100; i++) sink += run();
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 1000; i++) sink += run();
    n += 1000;
    now = performance.now();
  }
  if (sink < 0) throw new Error('unreachable'); // keeps the work observable
  return Math.round(n / ((now - start) / 1000));
}

/** Measures every edition × program, sharing about `totalMs` (default 3 s) between them. */
export async function runPolicyBench({ totalMs = 3000 }: { totalMs?: number } = {}): Promise<PolicyBenchResult[]> {
  const cases = EDITIONS.flatMap((edition) => edition.programs.map((p) => ({ edition, program: p.id })));
  const perCase = Math.max(300, totalMs / cases.length);
  const results: PolicyBenchResult[] = [];
  for (const { edition, program } of cases) {
    const facts = realisticFacts(edition, program);
    const asOf = typicalAsOf(edition, program);
    const evalsPerSec = measure(() => evaluateEligibility(edition, program, facts, asOf).findings.length, perCase);
    results.push({ name: `policy ${edition.id} ${program}`, evalsPerSec });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await runPolicyBench()) {
    console.log(`${r.name.padEnd(48)} ${r.evalsPerSec.toLocaleString('en-US').padStart(12)} evals/s`);
  }
}
