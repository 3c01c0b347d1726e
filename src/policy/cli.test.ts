import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CheckEligibilityResponse } from '../shared/eligibility';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/jiangxin.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'jiangxin-cli-'));

function factsFile(name: string, facts: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof facts === 'string' ? facts : JSON.stringify(facts));
  return file;
}

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ELIGIBLE = {
  leader: {
    birthDate: '1978-04-12',
    sex: 'male',
    occupationListed: true,
    hasNationalStandard: true,
    skillLevel: 'technician',
    frontlineYears: 22,
    employed: true,
    leadsAnotherStudio: false,
  },
  unit: {
    locatedIn: 'daxing',
    teamFormalEmployees: 4,
    hasTalentSystem: true,
    providesFundingAndVenue: true,
    hasStudioRules: true,
    sameOccupationStudioExists: false,
  },
  studio: { recognized: false, applyingTogether: true },
  project: {
    stage: 'planned',
    category: '技术革新',
    onProhibitedCatalog: false,
    outsourced: false,
    startDate: '2026-07-01',
    endDate: '2026-10-31',
  },
};

const ARGS = ['eligibility', '--policy', 'daxing-2025', '--program', 'studio-recognition', '--as-of', '2026-06-20'];

describe('jiangxin eligibility (bin/jiangxin.mjs)', () => {
  it('eligible → exit 0 with a Chinese table and the conclusion', () => {
    const r = run([...ARGS, factsFile('ok.json', ELIGIBLE)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('京兴人社发〔2025〕21号');
    expect(r.stdout).toMatch(/结论\s+条款\s+说明/);
    expect(r.stdout).toMatch(/符合\s+第七条（二）5/);
    expect(r.stdout).toContain('待评审');
    expect(r.stdout).toContain('总体结论：符合申报条件');
  });

  it('a failing condition → exit 1', () => {
    const facts = { ...ELIGIBLE, unit: { ...ELIGIBLE.unit, teamFormalEmployees: 2 } };
    const r = run([...ARGS, factsFile('fail.json', facts)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/不符合\s+第七条（二）5/);
  });

  it('a missing fact → exit 2', () => {
    const { employed: _omit, ...leader } = ELIGIBLE.leader;
    const r = run([...ARGS, factsFile('unknown.json', { ...ELIGIBLE, leader })]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('缺少信息');
  });

  it('--json prints the API contract', () => {
    const r = run([...ARGS, '--json', factsFile('json.json', ELIGIBLE)]);
    expect(r.code).toBe(0);
    const body = CheckEligibilityResponse.parse(JSON.parse(r.stdout));
    expect(body.eligible).toBe(true);
    expect(body.findings.find((f) => f.ruleId === 'daxing-2025.unit.team')).toMatchObject({ article: '第七条（二）5', outcome: 'pass' });
  });

  it('reads facts from standard input with -', () => {
    const r = run([...ARGS, '--json', '-'], JSON.stringify(ELIGIBLE));
    expect(r.code).toBe(0);
  });

  it.each([
    ['an unknown policy', ['eligibility', '--policy', 'nope', '--program', 'studio-recognition', '--as-of', '2026-06-20'], '没有政策版本 nope'],
    ['an unknown program', ['eligibility', '--policy', 'daxing-2025', '--program', 'x', '--as-of', '2026-06-20'], '--program'],
    ['an invalid date', ['eligibility', '--policy', 'daxing-2025', '--program', 'studio-recognition', '--as-of', '2026-02-30'], '--as-of'],
    ['an unknown command', ['frobnicate'], '未知命令'],
  ])('%s → exit 2 with a message', (_name, args, says) => {
    const r = run([...args, factsFile('any.json', ELIGIBLE)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
  });

  it('facts that do not follow the schema → exit 2 naming the field', () => {
    const r = run([...ARGS, factsFile('bad.json', { leader: { frontlineYears: 200, extra: 1 } })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('leader.frontlineYears');
  });

  it('a file that is not JSON → exit 2', () => {
    const r = run([...ARGS, factsFile('broken.json', '{nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法读取');
  });
});
