/**
 * The same applicant before the three districts: each district's conditions are its own text's (seeds/README.md),
 * so the same facts give different answers where the texts differ — and only there.
 */
import { describe, expect, it } from 'vitest';
import { describeEdition, evaluateEligibility } from '../engine';
import { computeRetirement } from '../rules/retirement';
import type { Edition, Facts, JurisdictionId } from '../types';
import { getEdition } from './index';

function edition(id: string): Edition {
  const e = getEdition(id);
  if (!e) throw new Error(`edition ${id} is not registered`);
  return e;
}
const DAXING = edition('daxing-2025');
const ETDZ = edition('etdz-2024');
const SHUNYI = edition('shunyi-draft');
const ALL = [DAXING, ETDZ, SHUNYI];

/** Inside all three validities (大兴 2025-03-05…2029-12-31, 经开区 from 2024, 顺义 draft 2026–2027) and 大兴's 2026 round. */
const AS_OF = '2026-06-20';

/** One master and one unit, complete for every district's facts; only the district the unit sits in changes. */
const MASTER: NonNullable<Facts['leader']> = {
  birthDate: '1980-05-01',
  sex: 'male',
  category: 'worker',
  occupationListed: true,
  hasNationalStandard: true,
  skillLevel: 'technician',
  frontlineYears: 20,
  employed: true,
  honours: [],
  leadsAnotherStudio: false,
};

function applicant(district: JurisdictionId, leader: Partial<NonNullable<Facts['leader']>> = {}, industry: 'high-tech' | 'other' = 'other'): Facts {
  return {
    leader: { ...MASTER, ...leader },
    unit: {
      locatedIn: district,
      teamFormalEmployees: 3,
      hasTalentSystem: true,
      providesFundingAndVenue: true,
      hasStudioRules: true,
      sameOccupationStudioExists: false,
      industry,
    },
    studio: { recognized: false, applyingTogether: true },
    // 大兴 第十条: a new studio files its first project with the studio.
    project: {
      stage: 'planned',
      category: '技艺传承推广',
      onProhibitedCatalog: false,
      outsourced: false,
      startDate: '2026-07-01',
      endDate: '2026-10-31',
    },
  };
}

function evaluate(e: Edition, leader: Partial<NonNullable<Facts['leader']>> = {}, industry: 'high-tech' | 'other' = 'other') {
  return evaluateEligibility(e, 'studio-recognition', applicant(e.jurisdiction, leader, industry), AS_OF);
}
function outcomeOf(e: Edition, ruleSuffix: string, leader: Partial<NonNullable<Facts['leader']>> = {}, industry: 'high-tech' | 'other' = 'other') {
  return evaluate(e, leader, industry).findings.find((f) => f.ruleId === `${e.id}.${ruleSuffix}`)?.outcome;
}

describe('district differences — the same applicant in 大兴, 经开区 and 顺义', () => {
  it('a qualified master and unit are eligible in each district when the unit sits there', () => {
    expect(ALL.map((e) => [e.id, evaluate(e).eligible])).toEqual([
      ['daxing-2025', true],
      ['etdz-2024', true],
      ['shunyi-draft', true],
    ]);
  });

  it('the unit must be in the district itself: a 大兴 unit fails 经开区 三（一）1 and 顺义 第四条', () => {
    for (const e of [ETDZ, SHUNYI]) {
      const r = evaluateEligibility(e, 'studio-recognition', applicant('daxing'), AS_OF);
      expect(r.findings.find((f) => f.ruleId === `${e.id}.unit.located-in`)?.outcome, e.id).toBe('fail');
    }
  });

  describe('retirement: 大兴 asks only 在职在聘; 经开区 and 顺义 ask 距法定退休年龄2年以上（含2年）', () => {
    // A man born 1966-08-15 retires at 60 years 5 months (2025 reform), seven months after AS_OF.
    const nearRetirement = { birthDate: '1966-08-15' };

    it('the master retires on 2027-01-15', () => {
      expect(computeRetirement({ birthDate: '1966-08-15', sex: 'male', category: 'worker' }).retirementDate).toBe('2027-01-15');
    });

    it('大兴 第七条（一）1: no margin — still eligible, and no rule speaks of retirement', () => {
      const r = evaluate(DAXING, nearRetirement);
      expect(r.eligible).toBe(true);
      expect(r.findings.some((f) => f.ruleId.includes('retirement'))).toBe(false);
    });

    it('经开区 三（二）1（3） and 顺义 第四条（一）: less than 2 years → fail', () => {
      expect(outcomeOf(ETDZ, 'leader.retirement-margin', nearRetirement)).toBe('fail');
      expect(outcomeOf(SHUNYI, 'leader.retirement-margin', nearRetirement)).toBe('fail');
      expect(evaluate(ETDZ, nearRetirement).eligible).toBe(false);
      expect(evaluate(SHUNYI, nearRetirement).eligible).toBe(false);
    });
  });

  describe('skill level: only 顺义 relaxes 技师 to 高级工, and only in 高精尖/新兴 industries', () => {
    const senior = { skillLevel: 'senior' as const };

    it('高级工 in a high-tech unit: 大兴 第七条（一）2 fail, 经开区 三（二）1（2） fail, 顺义 第四条（一） review (may be relaxed)', () => {
      expect(outcomeOf(DAXING, 'leader.skill-level', senior, 'high-tech')).toBe('fail');
      expect(outcomeOf(ETDZ, 'leader.skill', senior, 'high-tech')).toBe('fail');
      expect(outcomeOf(SHUNYI, 'leader.skill-level', senior, 'high-tech')).toBe('review');
      expect(evaluate(SHUNYI, senior, 'high-tech').eligible).toBe(true);
    });

    it('高级工 in any other industry fails everywhere', () => {
      expect(outcomeOf(DAXING, 'leader.skill-level', senior)).toBe('fail');
      expect(outcomeOf(ETDZ, 'leader.skill', senior)).toBe('fail');
      expect(outcomeOf(SHUNYI, 'leader.skill-level', senior)).toBe('fail');
    });
  });

  describe('honours: only 经开区 recognises a leader directly by title (三（二）3)', () => {
    const honouredSenior = { skillLevel: 'senior' as const, honours: ['全国技术能手'] };

    it('全国技术能手 who is 高级工: 经开区 eligible by direct recognition; 大兴 and 顺义 still need 技师', () => {
      expect(evaluate(ETDZ, honouredSenior).eligible).toBe(true);
      expect(outcomeOf(ETDZ, 'leader.direct-recognition', honouredSenior)).toBe('pass');
      expect(evaluate(DAXING, honouredSenior).eligible).toBe(false);
      expect(evaluate(SHUNYI, honouredSenior).eligible).toBe(false);
    });

    it('顺义 第四条（一） lists honours as where masters are mainly drawn from: informational review, never a pass', () => {
      expect(outcomeOf(SHUNYI, 'leader.honours', honouredSenior)).toBe('review');
      expect(outcomeOf(SHUNYI, 'leader.honours', { honours: [] })).toBe('review');
    });

    it('大兴 has no honours rule at all', () => {
      expect(evaluate(DAXING, honouredSenior).findings.some((f) => f.ruleId.includes('honour'))).toBe(false);
    });
  });

  describe('money, quota and cadence of studio recognition', () => {
    const studio = (e: Edition) => describeEdition(e, AS_OF).programs.find((p) => p.id === 'studio-recognition')!;
    const money = (e: Edition) =>
      studio(e).funding.map((f) =>
        f.kind === 'capped' ? [f.kind, f.cap.current] : [f.kind === 'award' ? `award-${f.title}` : f.kind, f.amount.current],
      );

    it('大兴 第十三条: no grant for recognition itself, 50,000 / 100,000 for a municipal / national title', () => {
      expect(money(DAXING)).toEqual([
        ['award-municipal', 50_000],
        ['award-national', 100_000],
      ]);
    });

    it('经开区 四（一）（二）: 200,000 on first recognition; 200,000 / 100,000 for a national / municipal title', () => {
      expect(money(ETDZ)).toEqual([
        ['fixed', 200_000],
        ['award-national', 200_000],
        ['award-municipal', 100_000],
      ]);
    });

    it('顺义 第八条: 100,000 to the unit on recognition', () => {
      expect(money(SHUNYI)).toEqual([['fixed', 100_000]]);
    });

    it('quota and cadence: 大兴 ≤3 every 2 years; 经开区 none stated, yearly guide; 顺义 ≤5 a year', () => {
      expect(ALL.map((e) => [e.id, studio(e).quota.current, studio(e).cadence.everyYears])).toEqual([
        ['daxing-2025', 3, 2],
        ['etdz-2024', null, 1],
        ['shunyi-draft', 5, 1],
      ]);
    });

    it('notice: 5 working days in all three — stated by 大兴 and 顺义 (不少于), inferred for 经开区', () => {
      expect(ALL.map((e) => studio(e).noticeWorkingDays.current)).toEqual([5, 5, 5]);
      const etdzNotice = ETDZ.programs[0].noticeWorkingDays[0].citation;
      expect(etdzNotice.inferred).toBeTruthy();
      expect(SHUNYI.programs[0].noticeWorkingDays[0].citation.inferred).toBeUndefined();
    });
  });

  describe('after recognition', () => {
    it('a new leader: 大兴 第十七条 a new application; 顺义 第十四条 approval and filing; 经开区 states nothing', () => {
      const replaced = (e: Edition) => e.changeRules.find((c) => c.kind === 'leader-replaced');
      expect(replaced(DAXING)?.requiresNewApplication).toBe(true);
      expect(replaced(SHUNYI)?.requiresNewApplication).toBe(false);
      expect(replaced(ETDZ)).toBeUndefined();
    });

    it('revocation: only 大兴 第十八条 lists grounds; 顺义 and 经开区 list none', () => {
      expect(DAXING.revocationTriggers.length).toBeGreaterThan(0);
      expect(ETDZ.revocationTriggers).toEqual([]);
      expect(SHUNYI.revocationTriggers).toEqual([]);
    });

    it('yearly duties: 顺义 第十三条 ≥100 person-times; 大兴 a report by 12-31; 经开区 none stated', () => {
      expect(SHUNYI.obligations.find((o) => o.minimum)?.minimum?.quantity).toBe(100);
      expect(DAXING.obligations.some((o) => o.minimum)).toBe(false);
      expect(DAXING.obligations.find((o) => o.id === 'annual-report')?.due).toEqual({ yearly: '12-31' });
      expect(ETDZ.obligations).toEqual([]);
    });
  });
});
