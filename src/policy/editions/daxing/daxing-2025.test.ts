import { describe, expect, it } from 'vitest';
import { evaluateEligibility, validateForm } from '../../engine';
import { creditCodeCheckChar, residentIdCheckChar } from '../../rules/id-numbers';
import { computeRetirement } from '../../rules/retirement';
import type { Facts, Outcome, ProgramId } from '../../types';
import { daxing2025 } from './daxing-2025';

/** A complete new studio applying for recognition (and, by 第十条, its first project) in the 2026 window. */
const NEW_STUDIO: Facts = {
  leader: {
    birthDate: '1978-04-12',
    sex: 'male',
    category: 'worker',
    occupationListed: true,
    hasNationalStandard: true,
    skillLevel: 'technician',
    frontlineYears: 22,
    employed: true,
    honours: ['北京市技术能手'],
    leadsAnotherStudio: false,
  },
  unit: {
    locatedIn: 'daxing',
    teamFormalEmployees: 3,
    hasTalentSystem: true,
    providesFundingAndVenue: true,
    hasStudioRules: true,
    sameOccupationStudioExists: false,
    industry: 'other',
  },
  studio: { recognized: false, applyingTogether: true },
  project: {
    stage: 'planned',
    category: '技艺传承推广',
    onProhibitedCatalog: false,
    outsourced: false,
    startDate: '2026-07-01',
    endDate: '2026-10-31',
  },
};

/** A recognised studio applying for a 2026 project: only project facts matter (第十条). */
const RECOGNIZED_STUDIO: Facts = {
  unit: { locatedIn: 'daxing' },
  studio: { recognized: true },
  project: NEW_STUDIO.project,
};

type Patch = { [G in keyof Facts]?: Partial<Record<keyof NonNullable<Facts[G]>, unknown>> };

function withFacts(base: Facts, patch: Patch): Facts {
  const out: Record<string, unknown> = { ...base };
  for (const [group, values] of Object.entries(patch)) {
    out[group] = { ...(base[group as keyof Facts] ?? {}), ...values };
  }
  return out as Facts;
}

const IN_CALL = '2026-06-20';
const R = (suffix: string) => `daxing-2025.${suffix}`;
const CALL = (suffix: string) => `daxing-2025.project-2026.${suffix}`;

function evaluate(program: ProgramId, facts: Facts, asOf = IN_CALL) {
  return evaluateEligibility(daxing2025, program, facts, asOf);
}

function finding(program: ProgramId, facts: Facts, ruleId: string, asOf = IN_CALL) {
  return evaluate(program, facts, asOf).findings.find((f) => f.ruleId === ruleId);
}

interface Case {
  name: string;
  program?: ProgramId;
  base?: Facts;
  patch: Patch;
  rule: string;
  outcome: Outcome;
  /** A fragment the message must contain. */
  says?: string;
}

function runCases(cases: Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const f = finding(c.program ?? 'studio-recognition', withFacts(c.base ?? NEW_STUDIO, c.patch), c.rule);
    expect(f, `finding ${c.rule}`).toBeDefined();
    expect(f!.outcome).toBe(c.outcome);
    if (c.says) expect(f!.message).toContain(c.says);
    expect(f!.messageEn.length).toBeGreaterThan(0);
  });
}

describe('京兴人社发〔2025〕21号 — eligibility', () => {
  it('第七条 a complete new studio is eligible for recognition (review items do not block)', () => {
    const r = evaluate('studio-recognition', NEW_STUDIO);
    expect(r.eligible).toBe(true);
    expect(r.findings.filter((f) => f.outcome === 'fail' || f.outcome === 'unknown')).toEqual([]);
    expect(r.findings.some((f) => f.outcome === 'review')).toBe(true);
  });

  it('第十条 a recognised studio is eligible for a 2026 project on project facts alone', () => {
    const r = evaluate('construction-project', RECOGNIZED_STUDIO);
    expect(r.eligible).toBe(true);
  });

  describe('第七条 unit registered or operating in 大兴', () => {
    runCases([
      { name: '第七条 unit in 大兴 → pass', patch: {}, rule: R('unit.located-in'), outcome: 'pass' },
      { name: '第七条 unit in 经开区 → fail', patch: { unit: { locatedIn: 'etdz' } }, rule: R('unit.located-in'), outcome: 'fail' },
      {
        name: '第七条 unit district missing → unknown naming the fact',
        patch: { unit: { locatedIn: undefined } },
        rule: R('unit.located-in'),
        outcome: 'unknown',
        says: 'unit.locatedIn',
      },
    ]);
  });

  describe('第十条 new studios file studio and project together; recognised studios file the project only', () => {
    runCases([
      { name: '第十条 recognition, new studio filing together → pass', patch: {}, rule: R('studio.application-path'), outcome: 'pass' },
      {
        name: '第十条 recognition without the project materials → fail',
        patch: { studio: { applyingTogether: false } },
        rule: R('studio.application-path'),
        outcome: 'fail',
        says: '同时提交',
      },
      {
        name: '第十条 recognition of an already recognised studio → fail',
        patch: { studio: { recognized: true } },
        rule: R('studio.application-path'),
        outcome: 'fail',
        says: '只需提交项目申报材料',
      },
      {
        name: '第十条 recognition, filing together unknown → unknown',
        patch: { studio: { applyingTogether: undefined } },
        rule: R('studio.application-path'),
        outcome: 'unknown',
        says: 'studio.applyingTogether',
      },
      {
        name: '第十条 project of a recognised studio → review (正常运转 is checked by the bureau)',
        program: 'construction-project',
        base: RECOGNIZED_STUDIO,
        patch: {},
        rule: R('studio.application-path'),
        outcome: 'review',
        says: '正常运转',
      },
      {
        name: '第十条 project of a new studio filing together → pass',
        program: 'construction-project',
        patch: {},
        rule: R('studio.application-path'),
        outcome: 'pass',
      },
      {
        name: '第十条 project of a new studio not filing the studio materials → fail',
        program: 'construction-project',
        patch: { studio: { applyingTogether: false } },
        rule: R('studio.application-path'),
        outcome: 'fail',
      },
      {
        name: '第十条 project, recognition status unknown → unknown',
        program: 'construction-project',
        patch: { studio: { recognized: undefined } },
        rule: R('studio.application-path'),
        outcome: 'unknown',
        says: 'studio.recognized',
      },
    ]);

    it('第十条 a recognised studio applying for a project is not judged on the studio conditions', () => {
      const facts = withFacts(RECOGNIZED_STUDIO, { leader: { skillLevel: 'junior', employed: false } });
      const r = evaluate('construction-project', facts);
      expect(r.findings.some((f) => f.ruleId.startsWith(R('leader.')))).toBe(false);
      expect(r.findings.some((f) => f.ruleId === R('unit.team'))).toBe(false);
      expect(r.eligible).toBe(true);
    });

    it('第十条 a new studio applying for a project is judged on the studio conditions too', () => {
      const facts = withFacts(NEW_STUDIO, { leader: { employed: false } });
      const r = evaluate('construction-project', facts, '2026-08-01');
      expect(r.findings.find((f) => f.ruleId === R('leader.employed'))?.outcome).toBe('fail');
      expect(r.eligible).toBe(false);
    });

    it('第十条 with recognition unknown, the studio conditions are left out rather than failed', () => {
      const facts = withFacts(NEW_STUDIO, { studio: { recognized: undefined }, leader: { employed: false } });
      const r = evaluate('construction-project', facts, '2026-08-01');
      expect(r.findings.some((f) => f.ruleId === R('leader.employed'))).toBe(false);
      expect(r.eligible).toBeNull();
    });
  });

  describe('第七条（一）技能大师条件', () => {
    runCases([
      { name: '第七条（一）1 在职在聘 → pass', patch: {}, rule: R('leader.employed'), outcome: 'pass' },
      { name: '第七条（一）1 not employed → fail', patch: { leader: { employed: false } }, rule: R('leader.employed'), outcome: 'fail' },
      {
        name: '第七条（一）1 employment missing → unknown',
        patch: { leader: { employed: undefined } },
        rule: R('leader.employed'),
        outcome: 'unknown',
        says: 'leader.employed',
      },
      {
        name: '第七条（一）1 长期坚守一线 with years given → review (no minimum in the text)',
        patch: {},
        rule: R('leader.frontline'),
        outcome: 'review',
        says: '22年',
      },
      {
        name: '第七条（一）1 长期坚守一线 with no years given → review',
        patch: { leader: { frontlineYears: undefined } },
        rule: R('leader.frontline'),
        outcome: 'review',
      },
      {
        name: '第七条（一）1 zero front-line years → fail',
        patch: { leader: { frontlineYears: 0 } },
        rule: R('leader.frontline'),
        outcome: 'fail',
      },
      { name: '第七条（一）2 listed occupation, 技师 → pass', patch: {}, rule: R('leader.skill-level'), outcome: 'pass' },
      {
        name: '第七条（一）2 listed occupation, 高级技师 → pass',
        patch: { leader: { skillLevel: 'senior-technician' } },
        rule: R('leader.skill-level'),
        outcome: 'pass',
      },
      {
        name: '第七条（一）2 listed occupation, 首席技师 → pass',
        patch: { leader: { skillLevel: 'chief-technician' } },
        rule: R('leader.skill-level'),
        outcome: 'pass',
      },
      {
        name: '第七条（一）2 listed occupation needs 技师 or above: senior → fail, saying 原则上',
        patch: { leader: { skillLevel: 'senior' } },
        rule: R('leader.skill-level'),
        outcome: 'fail',
        says: '原则上',
      },
      {
        name: '第七条（一）2 listed occupation without a national standard → review (rich practical experience)',
        patch: { leader: { hasNationalStandard: false, skillLevel: undefined } },
        rule: R('leader.skill-level'),
        outcome: 'review',
        says: '丰富技能实操经验',
      },
      {
        name: '第七条（一）2 unlisted occupation → review (rich practical experience)',
        patch: { leader: { occupationListed: false, skillLevel: 'junior' } },
        rule: R('leader.skill-level'),
        outcome: 'review',
        says: '未纳入',
      },
      {
        name: '第七条（一）2 listing unknown → unknown',
        patch: { leader: { occupationListed: undefined } },
        rule: R('leader.skill-level'),
        outcome: 'unknown',
        says: 'leader.occupationListed',
      },
      {
        name: '第七条（一）2 listed, level missing → unknown',
        patch: { leader: { skillLevel: undefined } },
        rule: R('leader.skill-level'),
        outcome: 'unknown',
        says: 'leader.skillLevel',
      },
      {
        name: '第七条（一）2 listed, below 技师, standard unknown → unknown (it decides)',
        patch: { leader: { skillLevel: 'intermediate', hasNationalStandard: undefined } },
        rule: R('leader.skill-level'),
        outcome: 'unknown',
        says: 'leader.hasNationalStandard',
      },
      {
        name: '第七条（一）2 listed, 技师, standard unknown → pass (either branch is met)',
        patch: { leader: { hasNationalStandard: undefined } },
        rule: R('leader.skill-level'),
        outcome: 'pass',
      },
      {
        name: '第七条（一）3 advanced methods, team, apprentices → review with the evidence',
        patch: {},
        rule: R('leader.achievements'),
        outcome: 'review',
        says: '徒弟',
      },
      {
        name: '第七条（一）4 inventions, innovation, standards → review with the evidence',
        patch: {},
        rule: R('leader.innovation'),
        outcome: 'review',
        says: '工艺标准',
      },
      { name: '第八条 master leads no other studio → pass', patch: {}, rule: R('leader.one-studio'), outcome: 'pass' },
      {
        name: '第八条 one master one studio: leads another → fail',
        patch: { leader: { leadsAnotherStudio: true } },
        rule: R('leader.one-studio'),
        outcome: 'fail',
      },
      {
        name: '第八条 other studio unknown → unknown',
        patch: { leader: { leadsAnotherStudio: undefined } },
        rule: R('leader.one-studio'),
        outcome: 'unknown',
      },
    ]);

    it('大兴 sets no years-to-retirement margin: a master 6 months from retirement, employed, passes', () => {
      const asOf = '2026-01-15';
      const birthDate = '1966-03-15';
      const { retirementDate } = computeRetirement({ birthDate, sex: 'male', category: 'worker' });
      expect(retirementDate).toBe('2026-07-15'); // 60 years 4 months: six months after asOf
      const r = evaluate('studio-recognition', withFacts(NEW_STUDIO, { leader: { birthDate } }), asOf);
      expect(r.eligible).toBe(true);
      expect(r.findings.some((f) => /退休/.test(f.message) || /退休/.test(f.text))).toBe(false);
    });
  });

  describe('第七条（二）所在单位条件', () => {
    runCases([
      {
        name: '第七条（二）1 skills pipeline → review with the evidence',
        patch: {},
        rule: R('unit.talent-pipeline'),
        outcome: 'review',
        says: '人才梯队',
      },
      { name: '第七条（二）2 talent system → pass', patch: {}, rule: R('unit.talent-system'), outcome: 'pass' },
      { name: '第七条（二）2 no talent system → fail', patch: { unit: { hasTalentSystem: false } }, rule: R('unit.talent-system'), outcome: 'fail' },
      {
        name: '第七条（二）2 talent system unknown → unknown',
        patch: { unit: { hasTalentSystem: undefined } },
        rule: R('unit.talent-system'),
        outcome: 'unknown',
      },
      { name: '第七条（二）3 funding and venue → pass', patch: {}, rule: R('unit.funding-and-venue'), outcome: 'pass' },
      {
        name: '第七条（二）3 no funding or venue → fail',
        patch: { unit: { providesFundingAndVenue: false } },
        rule: R('unit.funding-and-venue'),
        outcome: 'fail',
        says: '专门账目',
      },
      {
        name: '第七条（二）3 funding unknown → unknown',
        patch: { unit: { providesFundingAndVenue: undefined } },
        rule: R('unit.funding-and-venue'),
        outcome: 'unknown',
      },
      { name: '第七条（二）4 studio rules → pass', patch: {}, rule: R('unit.studio-rules'), outcome: 'pass' },
      { name: '第七条（二）4 no studio rules → fail', patch: { unit: { hasStudioRules: false } }, rule: R('unit.studio-rules'), outcome: 'fail' },
      {
        name: '第七条（二）4 studio rules unknown → unknown',
        patch: { unit: { hasStudioRules: undefined } },
        rule: R('unit.studio-rules'),
        outcome: 'unknown',
      },
      { name: '第七条（二）5 3名以上 includes 3 → pass', patch: {}, rule: R('unit.team'), outcome: 'pass' },
      { name: '第七条（二）5 two team members → fail', patch: { unit: { teamFormalEmployees: 2 } }, rule: R('unit.team'), outcome: 'fail', says: '2名' },
      { name: '第七条（二）5 team size unknown → unknown', patch: { unit: { teamFormalEmployees: undefined } }, rule: R('unit.team'), outcome: 'unknown' },
      { name: '第八条 no same-occupation studio in the unit → pass', patch: {}, rule: R('unit.one-per-occupation'), outcome: 'pass' },
      {
        name: '第八条 one studio per unit (branch) and occupation: exists → fail',
        patch: { unit: { sameOccupationStudioExists: true } },
        rule: R('unit.one-per-occupation'),
        outcome: 'fail',
        says: '分公司',
      },
      {
        name: '第八条 same-occupation studio unknown → unknown',
        patch: { unit: { sameOccupationStudioExists: undefined } },
        rule: R('unit.one-per-occupation'),
        outcome: 'unknown',
      },
    ]);
  });

  describe('第七条（三）, 第四条, 第十二条 项目条件', () => {
    runCases([
      { name: '第七条（三）content and one of 1–5 → review by the experts', patch: {}, rule: R('project.content'), outcome: 'review', says: '三区一门户' },
      {
        name: '第七条（三）category missing → unknown',
        patch: { project: { category: undefined } },
        rule: R('project.content'),
        outcome: 'unknown',
        says: 'project.category',
      },
      { name: '第七条（三）not on the prohibited catalogue → pass', patch: {}, rule: R('project.not-prohibited'), outcome: 'pass' },
      {
        name: '第七条（三）on the 北京产业禁限目录 → fail',
        patch: { project: { onProhibitedCatalog: true } },
        rule: R('project.not-prohibited'),
        outcome: 'fail',
      },
      {
        name: '第七条（三）catalogue unknown → unknown',
        patch: { project: { onProhibitedCatalog: undefined } },
        rule: R('project.not-prohibited'),
        outcome: 'unknown',
      },
      { name: '第十二条 carried out by the studio → pass', patch: {}, rule: R('project.not-outsourced'), outcome: 'pass' },
      {
        name: '第十二条 outsourced to a third party → fail',
        patch: { project: { outsourced: true } },
        rule: R('project.not-outsourced'),
        outcome: 'fail',
      },
      {
        name: '第十二条 outsourcing unknown → unknown',
        patch: { project: { outsourced: undefined } },
        rule: R('project.not-outsourced'),
        outcome: 'unknown',
      },
      { name: '第四条 four months → pass', patch: {}, rule: R('project.period'), outcome: 'pass' },
      {
        name: '第四条 exactly one year (2026-01-01 … 2026-12-31) → pass',
        patch: { project: { startDate: '2026-01-01', endDate: '2026-12-31' } },
        rule: R('project.period'),
        outcome: 'pass',
      },
      {
        name: '第四条 one year and a day → fail, suggesting stages',
        patch: { project: { startDate: '2026-01-01', endDate: '2027-01-01' } },
        rule: R('project.period'),
        outcome: 'fail',
        says: '分阶段',
      },
      {
        name: '第四条 end before start → fail',
        patch: { project: { startDate: '2026-09-01', endDate: '2026-08-01' } },
        rule: R('project.period'),
        outcome: 'fail',
      },
      {
        name: '第四条 start date missing → unknown',
        patch: { project: { startDate: undefined } },
        rule: R('project.period'),
        outcome: 'unknown',
        says: 'project.startDate',
      },
      {
        name: '第四条 an impossible end date counts as missing → unknown',
        patch: { project: { endDate: '2026-02-30' } },
        rule: R('project.period'),
        outcome: 'unknown',
        says: 'project.endDate',
      },
    ]);
  });

  describe('2026年通知 — the 2026 project round (2026-06-08 … 2026-06-26 18:00)', () => {
    const P = 'construction-project' as const;
    runCases([
      { name: '2026年通知一（一）recognised studio → pass', program: P, base: RECOGNIZED_STUDIO, patch: {}, rule: CALL('studio.recognized'), outcome: 'pass' },
      {
        name: '2026年通知一（一）the round is for recognised studios: new studio → fail',
        program: P,
        patch: {},
        rule: CALL('studio.recognized'),
        outcome: 'fail',
      },
      { name: '2026年通知二（二）2 planned → pass', program: P, base: RECOGNIZED_STUDIO, patch: {}, rule: CALL('project.stage'), outcome: 'pass' },
      {
        name: '2026年通知二（二）2 ongoing → pass',
        program: P,
        base: RECOGNIZED_STUDIO,
        patch: { project: { stage: 'ongoing' } },
        rule: CALL('project.stage'),
        outcome: 'pass',
      },
      {
        name: '2026年通知二（二）2 completed projects are out → fail',
        program: P,
        base: RECOGNIZED_STUDIO,
        patch: { project: { stage: 'completed' } },
        rule: CALL('project.stage'),
        outcome: 'fail',
        says: '已完成',
      },
      {
        name: '2026年通知二（二）2 stage unknown → unknown',
        program: P,
        base: RECOGNIZED_STUDIO,
        patch: { project: { stage: undefined } },
        rule: CALL('project.stage'),
        outcome: 'unknown',
      },
      {
        name: '2026年通知二（二）4 ends 2026-10-31 → pass',
        program: P,
        base: RECOGNIZED_STUDIO,
        patch: {},
        rule: CALL('project.close-by'),
        outcome: 'pass',
      },
      {
        name: '2026年通知二（二）4 must close by end of October: ends 2026-11-01 → fail',
        program: P,
        base: RECOGNIZED_STUDIO,
        patch: { project: { endDate: '2026-11-01' } },
        rule: CALL('project.close-by'),
        outcome: 'fail',
        says: '2026-10-31',
      },
    ]);

    it('2026年通知 the round’s conditions apply only inside its window', () => {
      const completed = withFacts(RECOGNIZED_STUDIO, { project: { stage: 'completed' } });
      for (const asOf of ['2026-06-07', '2026-06-27']) {
        const r = evaluate('construction-project', completed, asOf);
        expect(r.findings.some((f) => f.ruleId.startsWith('daxing-2025.project-2026.'))).toBe(false);
      }
      for (const asOf of ['2026-06-08', '2026-06-26']) {
        expect(evaluate('construction-project', completed, asOf).eligible).toBe(false);
      }
    });

    it('2026年通知 the round is a project round: studio recognition is not affected by it', () => {
      const r = evaluate('studio-recognition', NEW_STUDIO, IN_CALL);
      expect(r.findings.some((f) => f.ruleId.startsWith('daxing-2025.project-2026.'))).toBe(false);
    });
  });

  describe('第二十一条 in force 2025-03-05 … 2029-12-31', () => {
    it.each([
      ['2025-03-04', false],
      ['2025-03-05', true],
      ['2029-12-31', true],
      ['2030-01-01', false],
    ] as const)('第二十一条 asOf %s in force: %s', (asOf, inForce) => {
      const r = evaluate('studio-recognition', NEW_STUDIO, asOf);
      const f = r.findings.find((x) => x.ruleId === 'daxing-2025.in-force');
      if (inForce) {
        expect(f).toBeUndefined();
        expect(r.eligible).toBe(true);
      } else {
        expect(f).toMatchObject({ outcome: 'fail', article: '第二十一条' });
        expect(f!.message).toContain('2025-03-05至2029-12-31');
        expect(r.eligible).toBe(false);
      }
    });
  });

  describe('eligible: false if any fails, else null if any unknown, else true', () => {
    it('a missing fact alone → null', () => {
      expect(evaluate('studio-recognition', withFacts(NEW_STUDIO, { leader: { employed: undefined } })).eligible).toBeNull();
    });
    it('a failure beats a missing fact → false', () => {
      const facts = withFacts(NEW_STUDIO, { leader: { employed: undefined }, unit: { teamFormalEmployees: 1 } });
      expect(evaluate('studio-recognition', facts).eligible).toBe(false);
    });
    it('no facts at all → null, with every rule asking for its fact', () => {
      const r = evaluate('studio-recognition', {});
      expect(r.eligible).toBeNull();
      expect(r.findings.every((f) => f.outcome === 'unknown' || f.outcome === 'review')).toBe(true);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------------------------------------

function form(id: string) {
  const f = daxing2025.programs[1].forms.find((x) => x.id === id);
  if (!f) throw new Error(`no form ${id}`);
  return f;
}

const id17 = '11011519780412001';
const MASTER_ID = id17 + residentIdCheckChar(id17);
const TEAM_IDS = ['11011519850101002', '11011519900202003', '11011519920303004', '11011519950404005'].map(
  (x) => x + residentIdCheckChar(x),
);
const cc17 = '91110115MA01PQR12';
const CREDIT_CODE = cc17 + creditCodeCheckChar(cc17);

const WORK_PLAN_DATA = {
  unitName: '北京某精密制造有限公司',
  submittedOn: '2026-06-15',
  projectName: '精密数控加工技艺传承培训',
  category: '技艺传承推广',
  workObjects: ['技术工人', '教材'],
  outcomeName: '数控加工培训教材一套',
  expectedGoals: '培养技能骨干10名，编写培训教材一套。',
  schedule: [
    { phase: '筹备', startMonth: '2026-07', endMonth: '2026-07', content: '制定培训方案' },
    { phase: '实施', startMonth: '2026-08', endMonth: '2026-10', content: '开展培训，编写教材' },
  ],
  supervision: '单位设立专门账目，项目负责人每月检查进度。',
  budget: [
    { purpose: '人才培训', detail: '培训课时费', amount: 20000 },
    { purpose: '设备设施更新完善', detail: '实训设备', amount: 30000 },
  ],
  requestedAmount: 50000,
};

const STUDIO_APPLICATION_DATA = {
  unitName: '北京某精密制造有限公司',
  creditCode: CREDIT_CODE,
  unitAddress: '北京市大兴区某路1号',
  contactName: '王五',
  contactPhone: '010-81298272',
  masterName: '张三',
  idNumber: MASTER_ID,
  occupation: '数控车工',
  occupationListed: true,
  skillLevel: 'technician',
  post: '数控车间',
  frontlineYears: 22,
  achievements: '创造先进操作法两项。',
  studioName: '大兴区张三数控车工技能大师工作室',
  direction: '数控加工技艺传承。',
  team: TEAM_IDS.slice(0, 3).map((idNumber, i) => ({
    name: `成员${i + 1}`,
    idNumber,
    occupation: '数控车工',
    formalEmployee: true,
  })),
};

describe('京兴人社发〔2025〕21号 — forms', () => {
  it('第九条（二）1 a complete 工作计划书 has no issues', () => {
    expect(validateForm(form('work-plan'), WORK_PLAN_DATA, IN_CALL)).toEqual([]);
  });

  it('第九条（一）1 a complete 工作室申报表 has no issues', () => {
    expect(validateForm(form('studio-application'), STUDIO_APPLICATION_DATA, IN_CALL)).toEqual([]);
  });

  it('附件2 a complete 承诺书 has no issues', () => {
    const data = { scope: '工作室建设项目', unitName: '北京某精密制造有限公司', legalRepresentative: '李四', signedOn: '2026-06-15' };
    expect(validateForm(form('commitment'), data)).toEqual([]);
  });

  it('第九条（二）2 a complete 申报书 has no issues; each of the six criteria is required', () => {
    const data = {
      projectName: '精密数控加工技艺传承培训',
      necessity: '急需紧缺。',
      feasibility: '条件具备。',
      budgetRationale: '依规使用。',
      benefits: '效益明显。',
      evaluation: '对照计划考核。',
      oversight: '专门账目。',
    };
    expect(validateForm(form('project-proposal'), data)).toEqual([]);
    const issues = validateForm(form('project-proposal'), { ...data, benefits: ' ' });
    expect(issues).toEqual([expect.objectContaining({ path: 'benefits', message: '请填写“成果的效益性”。' })]);
  });

  type FormCase = [name: string, formId: string, data: Record<string, unknown>, path: string, says: string];
  const base = WORK_PLAN_DATA;
  const app = STUDIO_APPLICATION_DATA;
  it.each<FormCase>([
    [
      '第九条（二）1 budget lines not adding up to 申请补助金额',
      'work-plan',
      { ...base, requestedAmount: 45000, budget: base.budget },
      'requestedAmount',
      '合计50000元',
    ],
    [
      '第十四条 subsidy over 50,000',
      'work-plan',
      { ...base, requestedAmount: 60000, budget: [...base.budget, { purpose: '人才培训', detail: '专家费', amount: 10000 }] },
      'requestedAmount',
      '最高不超过50000元',
    ],
    ['第九条（二）1 missing required 项目名称', 'work-plan', { ...base, projectName: '' }, 'projectName', '请填写“项目名称”'],
    ['第九条（二）1 money must be whole yuan', 'work-plan', { ...base, requestedAmount: 50000.5 }, 'requestedAmount', '整数金额'],
    [
      '第九条（二）1 a budget line with an empty amount',
      'work-plan',
      { ...base, budget: [{ purpose: '人才培训', detail: '课时费' }] },
      'budget[0].amount',
      '请填写“金额（元）”',
    ],
    ['第九条（二）1 schedule month must be YYYY-MM', 'work-plan', { ...base, schedule: [{ ...base.schedule[0], endMonth: '2026-13' }] }, 'schedule[0].endMonth', 'YYYY-MM'],
    [
      '第四条 a phase ending before it starts',
      'work-plan',
      { ...base, schedule: [{ ...base.schedule[0], startMonth: '2026-09', endMonth: '2026-08' }] },
      'schedule[0].endMonth',
      '早于',
    ],
    [
      '第四条 a schedule over 12 months',
      'work-plan',
      { ...base, schedule: [{ ...base.schedule[0], startMonth: '2026-07', endMonth: '2027-07' }] },
      'schedule',
      '13个月',
    ],
    ['第九条（二）1 submission date must be a real date', 'work-plan', { ...base, submittedOn: '2026-02-30' }, 'submittedOn', '有效日期'],
    ['第九条（二）1 an unknown field is refused', 'work-plan', { ...base, bonus: 1 }, 'bonus', '没有“bonus”'],
    ['第九条（二）1 工作对象 must be a list', 'work-plan', { ...base, workObjects: '技术工人' }, 'workObjects', '选项列表'],
    ['第九条（二）1 工作对象 listed twice', 'work-plan', { ...base, workObjects: ['产品', '产品'] }, 'workObjects[1]', '重复'],
    ['附件2 a choice that is not one of the two options', 'commitment', { scope: '建设项目', unitName: 'x', legalRepresentative: 'y', signedOn: '2026-06-15' }, 'scope', '无效'],
    ['第九条（一）1 a skill level that is not one of the seven', 'studio-application', { ...app, skillLevel: 'master' }, 'skillLevel', '无效'],
    ['第九条（一）4 a bad 身份证号 check digit', 'studio-application', { ...app, idNumber: `${id17}${residentIdCheckChar(id17) === '0' ? '1' : '0'}` }, 'idNumber', '校验码'],
    ['第九条（一）3 a bad 统一社会信用代码', 'studio-application', { ...app, creditCode: `${cc17}${creditCodeCheckChar(cc17) === '0' ? '1' : '0'}` }, 'creditCode', '校验码'],
    ['第九条（一）1 a phone number that is neither mobile nor landline', 'studio-application', { ...app, contactPhone: '12345' }, 'contactPhone', '手机号'],
    ['第九条（一）1 front-line years above 80', 'studio-application', { ...app, frontlineYears: 81 }, 'frontlineYears', '不能大于80'],
    ['第九条（一）2 studio name not in the 大兴区+姓名+职业+技能大师工作室 format', 'studio-application', { ...app, studioName: '张三工作室' }, 'studioName', '大兴区张三数控车工技能大师工作室'],
    ['第七条（二）5 a team of two', 'studio-application', { ...app, team: app.team.slice(0, 2) }, 'team', '至少填写3行'],
    [
      '第七条（二）5 three members but only two formal employees',
      'studio-application',
      { ...app, team: app.team.map((m, i) => ({ ...m, formalEmployee: i > 0 })) },
      'team',
      '现为2名',
    ],
    ['第七条（二）5 the master is not a team member', 'studio-application', { ...app, team: [...app.team, { ...app.team[0], idNumber: MASTER_ID }] }, 'team[3].idNumber', '不含技能大师本人'],
    ['第九条（一）4 a team member with a bad ID number', 'studio-application', { ...app, team: [{ ...app.team[0], idNumber: '123' }, ...app.team.slice(1)] }, 'team[0].idNumber', '18位'],
  ])('%s', (_name, formId, data, path, says) => {
    const issues = validateForm(form(formId), data, IN_CALL);
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.message).toContain(says);
    expect(issue!.messageEn.length).toBeGreaterThan(0);
  });

  it('第九条（二）1 工作计划书 categories accept another category (附件1 says 主要包括)', () => {
    expect(validateForm(form('work-plan'), { ...WORK_PLAN_DATA, category: '技能竞赛组织' })).toEqual([]);
  });

  it('第九条（一）4 a master born after the form date is refused', () => {
    const issues = validateForm(form('studio-application'), STUDIO_APPLICATION_DATA, '1970-01-01');
    expect(issues.some((i) => i.path === 'idNumber')).toBe(true);
  });
});

describe('京兴人社发〔2025〕21号 — programs, materials, stages, obligations', () => {
  const [studio, project] = daxing2025.programs;

  it('第四条 studios every 2 years, ≤3; projects yearly, ≤10, ≤12 months', () => {
    expect(studio.cadence.everyYears).toBe(2);
    expect(studio.quota[0].value).toBe(3);
    expect(project.cadence.everyYears).toBe(1);
    expect(project.quota[0].value).toBe(10);
    expect(project.maxDurationMonths).toBe(12);
  });

  it('第十三条 awards 50,000 municipal and 100,000 national; 第十四条 project subsidy ≤50,000 after closure', () => {
    expect(studio.funding).toEqual([
      expect.objectContaining({ kind: 'award', title: 'municipal', amount: [expect.objectContaining({ value: 50_000 })] }),
      expect.objectContaining({ kind: 'award', title: 'national', amount: [expect.objectContaining({ value: 100_000 })] }),
    ]);
    expect(project.funding).toEqual([expect.objectContaining({ kind: 'capped', cap: [expect.objectContaining({ value: 50_000 })] })]);
  });

  it('第九条 studio materials （一）1–5 plus the project’s （二）1–3; a project adds the studio’s only for a new studio', () => {
    expect(studio.materials.map((m) => m.id)).toEqual([
      'studio-application-form',
      'studio-report',
      'unit-licence',
      'supporting-evidence',
      'commitment',
      'work-plan',
      'project-proposal',
      'bank-account-permit',
    ]);
    expect(studio.materials.every((m) => m.required === true)).toBe(true);
    const newOnly = project.materials.filter((m) => m.required === 'new-studio-only').map((m) => m.id);
    expect(newOnly).toEqual(['studio-application-form', 'studio-report', 'unit-licence', 'supporting-evidence']);
    for (const m of [...studio.materials, ...project.materials]) {
      if (m.formId) expect(project.forms.some((f) => f.id === m.formId), m.id).toBe(true);
    }
  });

  it('2026年通知三 stages: 网上申报 → 初审 → 专家评审 → 公示 (5 working days, 第十一条) → 确定评选结果 → 资金拨付', () => {
    expect(project.stages.map((s) => s.title.zh)).toEqual(['网上申报', '初审', '专家评审', '公示', '确定评选结果', '资金拨付']);
    expect(project.stages[3].limit).toMatchObject({ days: 5, unit: 'working-days' });
    expect(project.noticeWorkingDays[0].value).toBe(5);
  });

  it('第十八条（一）is split into its four cases, （二）…（七）follow', () => {
    expect(daxing2025.revocationTriggers.map((t) => t.citation.article)).toEqual([
      '第十八条（一）',
      '第十八条（一）',
      '第十八条（一）',
      '第十八条（一）',
      '第十八条（二）',
      '第十八条（三）',
      '第十八条（四）',
      '第十八条（五）',
      '第十八条（六）',
      '第十八条（七）',
    ]);
    expect(daxing2025.revocationTriggers.filter((t) => t.detection === 'automatic').map((t) => t.id)).toEqual([
      'no-work-over-a-year',
      'no-project-two-years',
      'not-selected-five-years',
      'leader-stopped',
      'unit-ceased',
    ]);
    // What the records must show is stated; where the text is silent the citation says it is inferred.
    expect(daxing2025.revocationTriggers.filter((t) => t.detection === 'automatic').every((t) => t.definition?.zh)).toBe(true);
    expect(daxing2025.revocationTriggers.find((t) => t.id === 'no-work-over-a-year')?.citation.inferred).toContain('开展工作');
  });

  it('第十九条（三）annual summary and next-year plan by the end of December', () => {
    expect(daxing2025.obligations.find((o) => o.id === 'annual-report')).toMatchObject({
      due: { yearly: '12-31' },
      citation: { article: '第十九条（三）' },
    });
  });

  it('第十七条 a new leader means a new application', () => {
    expect(daxing2025.changeRules.find((c) => c.kind === 'leader-replaced')?.requiresNewApplication).toBe(true);
  });

  it('2026年通知四、五 the call: 2026-06-08 to 2026-06-26 18:00, projects close by 2026-10-31, contacts 81298272', () => {
    expect(daxing2025.calls).toEqual([
      expect.objectContaining({
        program: 'construction-project',
        opensAt: '2026-06-08T00:00',
        closesAt: '2026-06-26T18:00',
        projectsCloseBy: '2026-10-31',
        contacts: [expect.objectContaining({ name: '周云汉', phone: '81298272' }), expect.objectContaining({ name: '姜锦颐', phone: '81298272' })],
      }),
    ]);
  });

  it('rubric weights are equal and marked inferred (the text gives none)', () => {
    for (const p of daxing2025.programs) {
      const rubric = p.rubric ?? [];
      expect(rubric).toHaveLength(6);
      expect(rubric.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1);
      expect(rubric.every((c) => c.citation.inferred)).toBe(true);
    }
  });

  it('rule ids are unique and every rule cites 21号 or the 2026 notice', () => {
    const rules = [...studio.rules, ...(daxing2025.calls[0].rules ?? [])];
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) expect(r.citation.document).toMatch(/京兴人社发〔2025〕21号|2026年大兴区技能大师工作室建设项目评选/);
  });
});
