import { describe, expect, it } from 'vitest';
import { describeEdition, evaluateEligibility, validateForm } from '../../engine';
import { addDays } from '../../rules/dates';
import { creditCodeCheckChar, residentIdCheckChar } from '../../rules/id-numbers';
import { computeRetirement } from '../../rules/retirement';
import type { Facts, FormSchema, Outcome } from '../../types';
import { DIRECT_RECOGNITION_HONOURS, etdz2024 } from './etdz-2024';

/** A complete first application in the 2026 window, by the route of 三（二）1 (occupation listed in the 大典). */
const APPLICANT: Facts = {
  leader: {
    birthDate: '1980-05-01',
    sex: 'male',
    category: 'worker',
    occupationListed: true,
    skillLevel: 'technician',
    frontlineYears: 20,
    employed: true,
    honours: [],
  },
  unit: {
    locatedIn: 'etdz',
    teamFormalEmployees: 3,
    hasTalentSystem: true,
    providesFundingAndVenue: true,
    hasStudioRules: true,
  },
  studio: { recognized: false },
};

type Patch = { [G in keyof Facts]?: Partial<Record<keyof NonNullable<Facts[G]>, unknown>> };

function withFacts(base: Facts, patch: Patch): Facts {
  const out: Record<string, unknown> = { ...base };
  for (const [group, values] of Object.entries(patch)) {
    out[group] = { ...(base[group as keyof Facts] ?? {}), ...values };
  }
  return out as Facts;
}

const IN_CALL = '2026-01-20';
const R = (suffix: string) => `etdz-2024.${suffix}`;

function evaluate(facts: Facts, asOf = IN_CALL) {
  return evaluateEligibility(etdz2024, 'studio-recognition', facts, asOf);
}
function finding(facts: Facts, ruleId: string, asOf = IN_CALL) {
  return evaluate(facts, asOf).findings.find((f) => f.ruleId === ruleId);
}

interface Case {
  name: string;
  patch: Patch;
  rule: string;
  outcome: Outcome;
  /** A fragment the message must contain. */
  says?: string;
}

function runCases(cases: Case[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const f = finding(withFacts(APPLICANT, c.patch), c.rule);
    expect(f, `finding ${c.rule}`).toBeDefined();
    expect(f!.outcome).toBe(c.outcome);
    if (c.says) expect(f!.message).toContain(c.says);
    expect(f!.messageEn.length).toBeGreaterThan(0);
  });
}

describe('京技管发〔2024〕1号（2026年办事指南） — eligibility', () => {
  it('三 a complete first application is eligible (review items do not block)', () => {
    const r = evaluate(APPLICANT);
    expect(r.eligible).toBe(true);
    expect(r.findings.filter((f) => f.outcome === 'fail' || f.outcome === 'unknown')).toEqual([]);
    expect(r.findings.some((f) => f.outcome === 'review')).toBe(true);
  });

  describe('三（一）单位条件', () => {
    runCases([
      {
        name: '三（一）1 遵守法律法规 → review from the licence and the commitment',
        patch: {},
        rule: R('unit.lawful'),
        outcome: 'review',
        says: '营业执照',
      },
      { name: '三（一）1 在经开区范围内经营 → pass', patch: {}, rule: R('unit.located-in'), outcome: 'pass' },
      {
        name: '三（一）1 unit in 大兴 → fail',
        patch: { unit: { locatedIn: 'daxing' } },
        rule: R('unit.located-in'),
        outcome: 'fail',
      },
      {
        name: '三（一）1 district missing → unknown naming the fact',
        patch: { unit: { locatedIn: undefined } },
        rule: R('unit.located-in'),
        outcome: 'unknown',
        says: 'unit.locatedIn',
      },
      {
        name: '三（一）2 技能人才梯队 → review',
        patch: {},
        rule: R('unit.talent-pipeline'),
        outcome: 'review',
        says: '人才梯队',
      },
      { name: '三（一）3 人才制度 → pass', patch: {}, rule: R('unit.talent-system'), outcome: 'pass' },
      {
        name: '三（一）3 no talent system → fail',
        patch: { unit: { hasTalentSystem: false } },
        rule: R('unit.talent-system'),
        outcome: 'fail',
      },
      {
        name: '三（一）3 talent system unknown → unknown',
        patch: { unit: { hasTalentSystem: undefined } },
        rule: R('unit.talent-system'),
        outcome: 'unknown',
      },
      { name: '三（一）4 资金、场所、设备 → pass', patch: {}, rule: R('unit.funding-and-venue'), outcome: 'pass' },
      {
        name: '三（一）4 no stable funding or venue → fail',
        patch: { unit: { providesFundingAndVenue: false } },
        rule: R('unit.funding-and-venue'),
        outcome: 'fail',
      },
      {
        name: '三（一）4 funding unknown → unknown',
        patch: { unit: { providesFundingAndVenue: undefined } },
        rule: R('unit.funding-and-venue'),
        outcome: 'unknown',
      },
      { name: '三（一）4 管理制度、工作职责、目标任务 → pass', patch: {}, rule: R('unit.studio-rules'), outcome: 'pass' },
      {
        name: '三（一）4 no studio rules → fail',
        patch: { unit: { hasStudioRules: false } },
        rule: R('unit.studio-rules'),
        outcome: 'fail',
      },
      {
        name: '三（一）4 studio rules unknown → unknown',
        patch: { unit: { hasStudioRules: undefined } },
        rule: R('unit.studio-rules'),
        outcome: 'unknown',
      },
      { name: '三（一）5 3名以上正式员工: exactly 3 → pass', patch: {}, rule: R('unit.team'), outcome: 'pass' },
      {
        name: '三（一）5 2 formal employees → fail',
        patch: { unit: { teamFormalEmployees: 2 } },
        rule: R('unit.team'),
        outcome: 'fail',
        says: '3名以上',
      },
      {
        name: '三（一）5 team size unknown → unknown',
        patch: { unit: { teamFormalEmployees: undefined } },
        rule: R('unit.team'),
        outcome: 'unknown',
      },
    ]);
  });

  describe('四（一）首次认定', () => {
    runCases([
      { name: '四（一） not yet recognised → pass', patch: {}, rule: R('studio.first-recognition'), outcome: 'pass' },
      {
        name: '四（一） already a 经开区 studio → fail, pointing to the awards of 四（二）',
        patch: { studio: { recognized: true } },
        rule: R('studio.first-recognition'),
        outcome: 'fail',
        says: '四（二）',
      },
      {
        name: '四（一） recognition unknown → unknown',
        patch: { studio: { recognized: undefined } },
        rule: R('studio.first-recognition'),
        outcome: 'unknown',
      },
    ]);
  });

  describe('三（二）1 职业列入《职业分类大典》', () => {
    runCases([
      {
        name: '三（二）1（1） 长期在一线 with years given → review (no minimum in the text)',
        patch: {},
        rule: R('leader.frontline'),
        outcome: 'review',
        says: '20年',
      },
      {
        name: '三（二）1（1） no years given → review',
        patch: { leader: { frontlineYears: undefined } },
        rule: R('leader.frontline'),
        outcome: 'review',
      },
      {
        name: '三（二）1（1） zero front-line years → fail',
        patch: { leader: { frontlineYears: 0 } },
        rule: R('leader.frontline'),
        outcome: 'fail',
      },
      { name: '三（二）1（2） 技师 → pass', patch: {}, rule: R('leader.skill'), outcome: 'pass' },
      {
        name: '三（二）1（2） 高级技师 → pass',
        patch: { leader: { skillLevel: 'senior-technician' } },
        rule: R('leader.skill'),
        outcome: 'pass',
      },
      {
        name: '三（二）1（2） 高级工 → fail (no 原则上, no relaxation in 经开区)',
        patch: { leader: { skillLevel: 'senior' } },
        rule: R('leader.skill'),
        outcome: 'fail',
        says: '技师及以上',
      },
      {
        name: '三（二）1（2） 高级工 in a high-tech unit → still fail (顺义’s relaxation is not 经开区’s)',
        patch: { leader: { skillLevel: 'senior' }, unit: { industry: 'high-tech' } },
        rule: R('leader.skill'),
        outcome: 'fail',
      },
      {
        name: '三（二）1（2） level missing → unknown',
        patch: { leader: { skillLevel: undefined } },
        rule: R('leader.skill'),
        outcome: 'unknown',
        says: 'leader.skillLevel',
      },
      {
        name: '三（二）1/2 listing unknown → unknown',
        patch: { leader: { occupationListed: undefined } },
        rule: R('leader.skill'),
        outcome: 'unknown',
        says: 'leader.occupationListed',
      },
      {
        name: '三（二）1（1）/2（1） listing unknown → unknown',
        patch: { leader: { occupationListed: undefined } },
        rule: R('leader.frontline'),
        outcome: 'unknown',
        says: 'leader.occupationListed',
      },
      { name: '三（二）1（3） 在职在聘 → pass', patch: {}, rule: R('leader.employed'), outcome: 'pass' },
      {
        name: '三（二）1（3） not employed → fail',
        patch: { leader: { employed: false } },
        rule: R('leader.employed'),
        outcome: 'fail',
      },
      {
        name: '三（二）1（3） employment unknown → unknown',
        patch: { leader: { employed: undefined } },
        rule: R('leader.employed'),
        outcome: 'unknown',
      },
    ]);
  });

  describe('三（二）2 职业未列入《职业分类大典》', () => {
    const unlisted = (leader: Patch['leader'] = {}): Patch => ({
      leader: { occupationListed: false, skillLevel: undefined, ...leader },
    });
    runCases([
      {
        name: '三（二）2（1） 一线三年以上: exactly 3 years → pass',
        patch: unlisted({ frontlineYears: 3 }),
        rule: R('leader.frontline'),
        outcome: 'pass',
      },
      {
        name: '三（二）2（1） 2 years → fail',
        patch: unlisted({ frontlineYears: 2 }),
        rule: R('leader.frontline'),
        outcome: 'fail',
        says: '三年以上',
      },
      {
        name: '三（二）2（1） years missing → unknown',
        patch: unlisted({ frontlineYears: undefined }),
        rule: R('leader.frontline'),
        outcome: 'unknown',
        says: 'leader.frontlineYears',
      },
      {
        name: '三（二）2（2） 丰富的实操经验 → review, whatever the certificate',
        patch: unlisted({ skillLevel: 'junior' }),
        rule: R('leader.skill'),
        outcome: 'review',
        says: '实操经验',
      },
      {
        name: '三（二）2（3） 在职在岗 → pass',
        patch: unlisted(),
        rule: R('leader.employed'),
        outcome: 'pass',
      },
    ]);
  });

  describe('三（二）3 直接认定: honours stand in for 1（1）（2）/2（1）（2）, not for 在职 and the 2-year margin', () => {
    const honoured = (leader: Patch['leader']): Patch => ({ leader: { honours: ['全国技术能手'], ...leader } });
    runCases([
      {
        name: '三（二）3（1） 全国技术能手 → direct recognition pass',
        patch: honoured({}),
        rule: R('leader.direct-recognition'),
        outcome: 'pass',
        says: '全国技术能手',
      },
      {
        name: '三（二）3 waives 1（2）: 高级工 with 全国技术能手 → pass',
        patch: honoured({ skillLevel: 'senior' }),
        rule: R('leader.skill'),
        outcome: 'pass',
        says: '三（二）3',
      },
      {
        name: '三（二）3 waives 1（1）: zero front-line years with 全国技术能手 → pass',
        patch: honoured({ frontlineYears: 0 }),
        rule: R('leader.frontline'),
        outcome: 'pass',
      },
      {
        name: '三（二）3 waives 2（1）: unlisted, 1 year at the front line, 中华技能大奖 → pass',
        patch: { leader: { occupationListed: false, frontlineYears: 1, honours: ['中华技能大奖'] } },
        rule: R('leader.frontline'),
        outcome: 'pass',
      },
      {
        name: '三（二）3 waives the listing question: listing unknown with an honour → pass',
        patch: honoured({ occupationListed: undefined }),
        rule: R('leader.skill'),
        outcome: 'pass',
      },
      {
        name: '三（二）3 does not waive 在职: honour, not employed → fail',
        patch: honoured({ employed: false }),
        rule: R('leader.employed'),
        outcome: 'fail',
      },
      {
        name: '三（二） honours unknown and 高级工 → unknown (an honour could still qualify)',
        patch: { leader: { honours: undefined, skillLevel: 'senior' } },
        rule: R('leader.skill'),
        outcome: 'unknown',
        says: 'leader.honours',
      },
      {
        name: '三（二） honours unknown and 技师 → pass (route 1 is met anyway)',
        patch: { leader: { honours: undefined } },
        rule: R('leader.skill'),
        outcome: 'pass',
      },
      {
        name: '三（二） an honour not in 三（二）3 does not waive: 全国五一劳动奖章 and 高级工 → fail',
        patch: { leader: { honours: ['全国五一劳动奖章'], skillLevel: 'senior' } },
        rule: R('leader.skill'),
        outcome: 'fail',
      },
    ]);

    it('三（二）3 the direct-recognition finding appears only when a listed title is held', () => {
      expect(finding(APPLICANT, R('leader.direct-recognition'))).toBeUndefined();
      expect(finding(withFacts(APPLICANT, { leader: { honours: undefined } }), R('leader.direct-recognition'))).toBeUndefined();
    });

    it('三（二）3 an honour-holder who is 高级工 with no front-line years is eligible', () => {
      const r = evaluate(withFacts(APPLICANT, honoured({ skillLevel: 'senior', frontlineYears: 0 })));
      expect(r.eligible).toBe(true);
    });

    it('三（二）3 does not waive the margin: an honour-holder one year from retirement is not eligible', () => {
      const r = evaluate(withFacts(APPLICANT, honoured({ birthDate: '1964-06-01' })), '2026-01-20');
      expect(r.findings.find((f) => f.ruleId === R('leader.retirement-margin'))?.outcome).toBe('fail');
      expect(r.eligible).toBe(false);
    });

    const directTitles: [string, string][] = [
      ['三（二）3（1） 中华技能大奖', '中华技能大奖'],
      ['三（二）3（1） “全国技术能手” with quotes', '“全国技术能手”'],
      ['三（二）3（1） 享受国务院政府特殊津贴', '享受国务院政府特殊津贴'],
      ['三（二）3（1） 国务院政府特殊津贴 without 享受', '国务院政府特殊津贴'],
      ['三（二）3（1） 北京市有突出贡献的高技能人才', '北京市有突出贡献的高技能人才'],
      ['三（二）3（1） 享受北京市政府技师特殊津贴', '享受北京市政府技师特殊津贴'],
      ['三（二）3（2） 世界技能大赛专家组长', '世界技能大赛专家组长'],
      ['三（二）3（2） a project’s 教练组长 at the 世界技能大赛', '第46届世界技能大赛焊接项目教练组长'],
      ['三（二）3（2） 世界技能大赛主教练', '世界技能大赛主教练'],
      ['三（二）3（3） 非物质遗产传承人 as the guide writes it', '非物质遗产传承人'],
      ['三（二）3（3） 国家级非物质文化遗产代表性项目代表性传承人', '国家级非物质文化遗产代表性项目代表性传承人'],
      ['三（二）3（3） 老字号工匠', '北京老字号工匠'],
    ];
    it.each(directTitles)('%s → direct recognition', (_name, honour) => {
      const f = finding(withFacts(APPLICANT, { leader: { honours: [honour] } }), R('leader.direct-recognition'));
      expect(f?.outcome).toBe('pass');
    });

    const notDirect: [string, string][] = [
      ['三（二）3（2） 主教练 without 世界技能大赛', '全国职业技能大赛主教练'],
      ['三（二）3 全国五一劳动奖章 is not listed', '全国五一劳动奖章'],
      ['三（二）3 顺义区优秀高技能人才 is 顺义’s, not 经开区’s', '顺义区优秀高技能人才'],
    ];
    it.each(notDirect)('%s → no direct recognition', (_name, honour) => {
      expect(finding(withFacts(APPLICANT, { leader: { honours: [honour] } }), R('leader.direct-recognition'))).toBeUndefined();
    });

    it('三（二）3 every option the 申报表 offers allows direct recognition', () => {
      for (const honour of DIRECT_RECOGNITION_HONOURS) {
        expect(finding(withFacts(APPLICANT, { leader: { honours: [honour] } }), R('leader.direct-recognition'))?.outcome).toBe('pass');
      }
    });
  });

  describe('三（二）1（3）、2（3） 距法定退休年龄2年以上（含2年）', () => {
    // A woman worker born 1975-09-15: under the 2025 reform her age is delayed from 50 by 5 months (附件3).
    const woman: Patch = { leader: { birthDate: '1975-09-15', sex: 'female', category: 'worker' } };
    const { retirementDate, retirementAge } = computeRetirement({ birthDate: '1975-09-15', sex: 'female', category: 'worker' });
    const twoYearsBefore = '2024-02-15';

    it('the reform delays her retirement to 50 years 5 months: 2026-02-15 (not 2025-09-15)', () => {
      expect(retirementAge).toEqual({ years: 50, months: 5 });
      expect(retirementDate).toBe('2026-02-15');
    });

    it('三（二）1（3） 距法定退休年龄2年以上（含2年）: exactly 2 years → pass', () => {
      expect(finding(withFacts(APPLICANT, woman), R('leader.retirement-margin'), twoYearsBefore)?.outcome).toBe('pass');
    });

    it('三（二）1（3） 距法定退休年龄2年以上（含2年）: one day less than 2 years → fail', () => {
      const f = finding(withFacts(APPLICANT, woman), R('leader.retirement-margin'), addDays(twoYearsBefore, 1));
      expect(f?.outcome).toBe('fail');
      expect(f?.message).toContain('2026-02-15');
    });

    it('三（二）2（3） the same margin applies to an unlisted occupation', () => {
      const facts = withFacts(APPLICANT, { leader: { ...woman.leader, occupationListed: false, frontlineYears: 5 } });
      expect(finding(facts, R('leader.retirement-margin'), addDays(twoYearsBefore, 1))?.outcome).toBe('fail');
    });

    runCases([
      {
        name: '三（二）1（3） a woman without her category (worker/cadre) → unknown',
        patch: { leader: { sex: 'female', category: undefined } },
        rule: R('leader.retirement-margin'),
        outcome: 'unknown',
        says: 'leader.category',
      },
      {
        name: '三（二）1（3） birth date missing → unknown',
        patch: { leader: { birthDate: undefined } },
        rule: R('leader.retirement-margin'),
        outcome: 'unknown',
        says: 'leader.birthDate',
      },
    ]);
  });

  it('一 京技管发〔2024〕1号 is applied from 2024-01-01 (inferred); before that → the in-force finding fails', () => {
    const r = evaluate(APPLICANT, '2023-12-31');
    expect(r.findings[0]).toMatchObject({ ruleId: 'etdz-2024.in-force', outcome: 'fail' });
    expect(r.eligible).toBe(false);
    expect(etdz2024.validityCitation?.inferred).toBeTruthy();
  });
});

// ---------------------------------------------------------------------------------------------------------
// Program data
// ---------------------------------------------------------------------------------------------------------

describe('京技管发〔2024〕1号（2026年办事指南） — program', () => {
  const program = etdz2024.programs[0];
  const described = describeEdition(etdz2024, IN_CALL).programs[0];

  it('一、四（一） 第十四条: 200,000 CNY one-time on first recognition', () => {
    expect(described.funding[0]).toMatchObject({ kind: 'fixed', amount: { current: 200_000 } });
    expect(program.funding[0].kind === 'fixed' && program.funding[0].amount[0].citation.article).toContain('第十四条');
  });

  it('四（二） awards: 200,000 national, 100,000 municipal', () => {
    const awards = described.funding.filter((f) => f.kind === 'award');
    expect(awards.map((a) => [a.kind === 'award' && a.title, a.kind === 'award' && a.amount.current])).toEqual([
      ['national', 200_000],
      ['municipal', 100_000],
    ]);
  });

  it('the guide sets no quota: no number is invented', () => {
    expect(program.quota).toEqual([]);
    expect(described.quota.current).toBeNull();
  });

  it('六（七） notice: 5 working days, marked inferred from 大兴 第十一条', () => {
    expect(described.noticeWorkingDays.current).toBe(5);
    expect(program.noticeWorkingDays[0].citation.inferred).toContain('第十一条');
  });

  it('五（一） the ten materials, in the guide’s order', () => {
    expect(program.materials.map((m) => [m.order, m.title.zh, m.supply])).toEqual([
      [1, '北京经济技术开发区技能大师工作室申报表', 'online-form'],
      [2, '企业营业执照', 'e-licence'],
      [3, '承诺书', 'upload'],
      [4, '银行账户信息', 'upload'],
      [5, '国家职业资格/职业技能等级认定证书', 'upload'],
      [6, '获奖证书', 'upload'],
      [7, '工作室管理制度及工作职责文件', 'upload'],
      [8, '国家专利或主要创新发明', 'upload'],
      [9, '场所照片', 'upload'],
      [10, '领办人及工作室成员劳动合同', 'upload'],
    ]);
  });

  it('五（一） how each item is supplied: templates signed/stamped, originals and colour scans', () => {
    const byId = new Map(program.materials.map((m) => [m.id, m]));
    expect(byId.get('commitment')).toMatchObject({ template: expect.anything(), signed: true, stamped: true, colourScan: true });
    expect(byId.get('bank-account')).toMatchObject({ template: expect.anything(), stamped: true, colourScan: true });
    for (const id of ['skill-certificate', 'award-certificates', 'patents-inventions', 'labour-contracts']) {
      expect(byId.get(id), id).toMatchObject({ original: true, colourScan: true });
    }
    for (const id of ['studio-rules', 'venue-photos']) expect(byId.get(id), id).toMatchObject({ stamped: true, colourScan: true });
    for (const m of program.materials) expect(m.formId === undefined || program.forms.some((f) => f.id === m.formId)).toBe(true);
  });

  it('六 the eight steps in order, with their desks', () => {
    expect(program.stages.map((s) => [s.citation.article, s.title.zh, s.actor])).toEqual([
      ['六（一）', '网上申报', 'applicant'],
      ['六（二）', '初审', 'intake'],
      ['六（三）', '审核', 'program'],
      ['六（四）、五（二）', '线下受理', 'intake'],
      ['六（五）', '专家评审', 'expert'],
      ['六（六）', '确定扶持结果', 'program'],
      ['六（七）', '公示', 'public'],
      ['六（八）', '资金拨付', 'finance'],
    ]);
  });

  it('五（二） the paper dossier within 3 working days of the SMS: watermarked, bound, 骑缝章, bank details unbound', () => {
    const paper = program.stages.find((s) => s.id === 'paper-intake');
    expect(paper?.limit).toMatchObject({ days: 3, unit: 'working-days' });
    for (const words of ['水印', '胶装', '骑缝', '签字', '银行账户信息不装订']) expect(paper?.description?.zh).toContain(words);
  });

  it('九、十 the 2026 call: 2026-01-12 00:00 to 2026-02-11 23:59 (times inferred), with the window and phones', () => {
    const [call] = etdz2024.calls;
    expect(call).toMatchObject({ program: 'studio-recognition', opensAt: '2026-01-12T00:00', closesAt: '2026-02-11T23:59' });
    expect(call.citation.inferred).toBeTruthy();
    expect(call.contacts.map((c) => c.phone)).toEqual(['010-67857687', '010-67857878转4', '010-86355977', '010-83509638']);
    expect(call.contacts[0].address).toContain('万源街4号');
    expect(call.contacts[3].hours).toContain('下午2:00—6:00');
  });

  it('the guide states no obligations, revocation triggers or change rules', () => {
    expect(etdz2024.obligations).toEqual([]);
    expect(etdz2024.revocationTriggers).toEqual([]);
    expect(etdz2024.changeRules).toEqual([]);
  });

  it('every rule cites the guide or the 办法 and quotes its text; the rubric is marked inferred', () => {
    for (const rule of program.rules) {
      expect(rule.citation.document).toContain('京技管发〔2024〕1号');
      expect(rule.text.length).toBeGreaterThan(0);
    }
    for (const c of program.rubric ?? []) expect(c.citation.inferred).toBeTruthy();
  });
});

// ---------------------------------------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------------------------------------

function idNumber(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}
function creditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}
function form(id: string): FormSchema {
  const f = etdz2024.programs[0].forms.find((x) => x.id === id);
  if (!f) throw new Error(`no form ${id}`);
  return f;
}

const LEADER_ID = idNumber('11011519800501001');
const member = (n: number, formalEmployee = true) => ({
  name: `成员${n}`,
  idNumber: idNumber(`1101151990010${n}002`),
  occupation: '车工',
  qualification: '高级工',
  formalEmployee,
});

const APPLICATION_DATA = {
  unitName: '北京某精密制造有限公司',
  creditCode: creditCode('91110302MA01ABCD1'),
  unitType: '企业',
  unitAddress: '北京经济技术开发区科创十三街1号',
  contactName: '王芳',
  contactPhone: '010-67850000',
  leaderName: '张伟',
  idNumber: LEADER_ID,
  mobile: '13800138000',
  occupation: '车工',
  occupationListed: true,
  skillLevel: 'technician',
  certificateNumber: 'S000011000000000001',
  post: '数控车间',
  frontlineYears: 20,
  honours: ['“全国技术能手”'],
  studioName: '张伟车工技能大师工作室',
  direction: '精密零件加工工艺攻关与带徒传技',
  targets: '三年培养技师10名',
  support: '年度经费50万元，专用场地200平方米',
  talentPipeline: '高级技师2名、技师8名、高级工20名',
  team: [member(1), member(2), member(3)],
};

describe('京技管发〔2024〕1号（2026年办事指南） — forms', () => {
  it('五（一）1 a complete 申报表 has no issues', () => {
    expect(validateForm(form('studio-application'), APPLICATION_DATA, IN_CALL)).toEqual([]);
  });

  it('五（一）1 the leader’s 身份证号 is checked (GB 11643)', () => {
    const issues = validateForm(form('studio-application'), { ...APPLICATION_DATA, idNumber: '110115198005010010' }, IN_CALL);
    expect(issues.map((i) => i.path)).toContain('idNumber');
  });

  it('三（一）5 fewer than 3 formal employees besides the leader → issue', () => {
    const data = { ...APPLICATION_DATA, team: [member(1), member(2), member(3, false)] };
    const issues = validateForm(form('studio-application'), data, IN_CALL);
    expect(issues).toContainEqual(expect.objectContaining({ path: 'team', message: expect.stringContaining('3名以上') }));
  });

  it('三（一）5 the leader is not a member of the team, and no member twice', () => {
    const data = { ...APPLICATION_DATA, team: [member(1), member(1), { ...member(2), idNumber: LEADER_ID }, member(3)] };
    const paths = validateForm(form('studio-application'), data, IN_CALL).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['team[1].idNumber', 'team[2].idNumber', 'team']));
  });

  it('五（一）1 required fields: the studio direction and the unit’s credit code', () => {
    const { direction: _d, creditCode: _c, ...rest } = APPLICATION_DATA;
    const paths = validateForm(form('studio-application'), rest, IN_CALL).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['direction', 'creditCode']));
  });

  it('五（一）1 an honour outside the list may be written in (荣誉称号 allow others)', () => {
    const data = { ...APPLICATION_DATA, honours: ['北京市劳动模范'] };
    expect(validateForm(form('studio-application'), data, IN_CALL)).toEqual([]);
  });

  it('五（一）3 a complete 承诺书 has no issues; the legal representative is required', () => {
    const data = {
      unitName: APPLICATION_DATA.unitName,
      creditCode: APPLICATION_DATA.creditCode,
      legalRepresentative: '李强',
      signedOn: '2026-01-20',
    };
    expect(validateForm(form('commitment'), data, IN_CALL)).toEqual([]);
    const { legalRepresentative: _l, ...missingSigner } = data;
    expect(validateForm(form('commitment'), missingSigner, IN_CALL).map((i) => i.path)).toEqual(['legalRepresentative']);
    expect(form('commitment').signatureBlock?.zh).toContain('公章');
  });

  it('五（一）4 银行账户信息: a complete one has no issues; an account number with letters → issue', () => {
    const data = { accountName: APPLICATION_DATA.unitName, bankName: '中国工商银行北京亦庄支行', accountNumber: '0200 0012 3456 7890 123' };
    expect(validateForm(form('bank-account'), data, IN_CALL)).toEqual([]);
    const issues = validateForm(form('bank-account'), { ...data, accountNumber: '0200-ABC' }, IN_CALL);
    expect(issues.map((i) => i.path)).toEqual(['accountNumber']);
  });
});
