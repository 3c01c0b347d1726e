import { describe, expect, it } from 'vitest';
import { describeEdition, evaluateEligibility, validateForm } from '../../engine';
import { addDays } from '../../rules/dates';
import { residentIdCheckChar } from '../../rules/id-numbers';
import { computeRetirement } from '../../rules/retirement';
import type { Facts, Outcome } from '../../types';
import { shunyiDraft } from './shunyi-draft';

/** A complete application under 第四条, before the August deadline of the draft's (placeholder) first year. */
const APPLICANT: Facts = {
  leader: {
    birthDate: '1980-05-01',
    sex: 'male',
    category: 'worker',
    skillLevel: 'technician',
    frontlineYears: 20,
    employed: true,
    honours: ['全国技术能手'],
  },
  unit: {
    locatedIn: 'shunyi',
    industry: 'other',
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

const AS_OF = '2026-08-20';
const R = (suffix: string) => `shunyi-draft.${suffix}`;

function evaluate(facts: Facts, asOf = AS_OF) {
  return evaluateEligibility(shunyiDraft, 'studio-recognition', facts, asOf);
}
function finding(facts: Facts, ruleId: string, asOf = AS_OF) {
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

describe('顺义区技能大师工作室管理办法（试行）（征求意见稿） — eligibility', () => {
  it('第四条 a complete application is eligible (review items, the draft note included, do not block)', () => {
    const r = evaluate(APPLICANT);
    expect(r.eligible).toBe(true);
    expect(r.findings.filter((f) => f.outcome === 'fail' || f.outcome === 'unknown')).toEqual([]);
  });

  it('征求意见稿 every result carries the draft note', () => {
    expect(evaluate(APPLICANT).findings[0]).toMatchObject({ ruleId: 'shunyi-draft.draft', outcome: 'review' });
  });

  describe('第四条、第十条 the unit and the studio', () => {
    runCases([
      { name: '第四条 在顺义区注册或经营 → pass', patch: {}, rule: R('unit.located-in'), outcome: 'pass' },
      {
        name: '第四条 unit in 经开区 → fail',
        patch: { unit: { locatedIn: 'etdz' } },
        rule: R('unit.located-in'),
        outcome: 'fail',
      },
      {
        name: '第四条 district missing → unknown naming the fact',
        patch: { unit: { locatedIn: undefined } },
        rule: R('unit.located-in'),
        outcome: 'unknown',
        says: 'unit.locatedIn',
      },
      { name: '第十条 no studio title yet → pass', patch: {}, rule: R('studio.not-recognized'), outcome: 'pass' },
      {
        name: '第十条 already a municipal/national (or district) studio → fail, not recognised again',
        patch: { studio: { recognized: true } },
        rule: R('studio.not-recognized'),
        outcome: 'fail',
        says: '不再重复参加区级认定',
      },
      {
        name: '第十条 recognition unknown → unknown',
        patch: { studio: { recognized: undefined } },
        rule: R('studio.not-recognized'),
        outcome: 'unknown',
      },
    ]);

    it('第十条 the mapping of studio.recognized to municipal/national titles is marked inferred', () => {
      const rule = shunyiDraft.programs[0].rules.find((r) => r.id === R('studio.not-recognized'));
      expect(rule?.citation.inferred).toContain('studio.recognized');
    });
  });

  describe('第四条（一）技能大师的条件', () => {
    runCases([
      {
        name: '第四条（一） 长期在一线 with years given → review (no minimum in the text)',
        patch: {},
        rule: R('leader.frontline'),
        outcome: 'review',
        says: '20年',
      },
      {
        name: '第四条（一） 长期在一线 with no years given → review',
        patch: { leader: { frontlineYears: undefined } },
        rule: R('leader.frontline'),
        outcome: 'review',
      },
      {
        name: '第四条（一） zero front-line years → fail',
        patch: { leader: { frontlineYears: 0 } },
        rule: R('leader.frontline'),
        outcome: 'fail',
      },
      { name: '第四条（一） 技师 → pass', patch: {}, rule: R('leader.skill-level'), outcome: 'pass' },
      {
        name: '第四条（一） 首席技师 → pass',
        patch: { leader: { skillLevel: 'chief-technician' } },
        rule: R('leader.skill-level'),
        outcome: 'pass',
      },
      {
        name: '第四条（一） 可适度放宽到高级工: 高级工 in a high-tech (高精尖) unit → review, not fail',
        patch: { leader: { skillLevel: 'senior' }, unit: { industry: 'high-tech' } },
        rule: R('leader.skill-level'),
        outcome: 'review',
        says: '适度放宽到高级工',
      },
      {
        name: '第四条（一） 可适度放宽到高级工: 高级工 in an emerging (新兴) industry → review',
        patch: { leader: { skillLevel: 'senior' }, unit: { industry: 'emerging' } },
        rule: R('leader.skill-level'),
        outcome: 'review',
      },
      {
        name: '第四条（一） no relaxation for other industries: 高级工 in "other" → fail',
        patch: { leader: { skillLevel: 'senior' }, unit: { industry: 'other' } },
        rule: R('leader.skill-level'),
        outcome: 'fail',
        says: '原则上',
      },
      {
        name: '第四条（一） 高级工 with the industry unknown → unknown (it decides)',
        patch: { leader: { skillLevel: 'senior' }, unit: { industry: undefined } },
        rule: R('leader.skill-level'),
        outcome: 'unknown',
        says: 'unit.industry',
      },
      {
        name: '第四条（一） the relaxation stops at 高级工: 中级工 in a high-tech unit → fail',
        patch: { leader: { skillLevel: 'intermediate' }, unit: { industry: 'high-tech' } },
        rule: R('leader.skill-level'),
        outcome: 'fail',
      },
      {
        name: '第四条（一） level missing → unknown',
        patch: { leader: { skillLevel: undefined } },
        rule: R('leader.skill-level'),
        outcome: 'unknown',
        says: 'leader.skillLevel',
      },
      { name: '第四条（一） 在职在聘 → pass', patch: {}, rule: R('leader.employed'), outcome: 'pass' },
      {
        name: '第四条（一） not employed → fail',
        patch: { leader: { employed: false } },
        rule: R('leader.employed'),
        outcome: 'fail',
      },
      {
        name: '第四条（一） employment unknown → unknown',
        patch: { leader: { employed: undefined } },
        rule: R('leader.employed'),
        outcome: 'unknown',
      },
    ]);

    it('第四条（一） a 高级工 in a high-tech unit is eligible (the relaxation is for review, not a failure)', () => {
      const r = evaluate(withFacts(APPLICANT, { leader: { skillLevel: 'senior' }, unit: { industry: 'high-tech' } }));
      expect(r.eligible).toBe(true);
    });
  });

  describe('第四条（一） 重点从荣誉称号获得者中产生 — informational, never a condition', () => {
    runCases([
      {
        name: '第四条（一） 全国技术能手 is in the pool → review saying so',
        patch: {},
        rule: R('leader.honours'),
        outcome: 'review',
        says: '重点产生范围',
      },
      {
        name: '第四条（一） 顺义区优秀高技能人才 (顺义’s own title) → review saying so',
        patch: { leader: { honours: ['“顺义区优秀高技能人才”'] } },
        rule: R('leader.honours'),
        outcome: 'review',
        says: '顺义区优秀高技能人才',
      },
      {
        name: '第四条（一） 在各级技能大赛项目中获奖 → in the pool',
        patch: { leader: { honours: ['北京市职业技能大赛数控车项目一等奖'] } },
        rule: R('leader.honours'),
        outcome: 'review',
        says: '重点产生范围',
      },
      {
        name: '第四条（一） 非物质文化遗产传承人 → in the pool',
        patch: { leader: { honours: ['区级非物质文化遗产代表性传承人'] } },
        rule: R('leader.honours'),
        outcome: 'review',
        says: '重点产生范围',
      },
      {
        name: '第四条（一） no listed honour → review, not a failure',
        patch: { leader: { honours: [] } },
        rule: R('leader.honours'),
        outcome: 'review',
        says: '不是申报条件',
      },
      {
        name: '第四条（一） honours not given → review, not unknown',
        patch: { leader: { honours: undefined } },
        rule: R('leader.honours'),
        outcome: 'review',
      },
    ]);

    it('第四条（一） without honours the applicant is still eligible', () => {
      expect(evaluate(withFacts(APPLICANT, { leader: { honours: undefined } })).eligible).toBe(true);
    });
  });

  describe('第四条（一） 距法定退休年龄2年以上（含2年）', () => {
    // A woman worker born 1975-09-15: the 2025 reform delays her age from 50 by 5 months (附件3), to 2026-02-15.
    // Two years before is 2024-02-15, before the draft's placeholder dates: the in-force finding then fails on its
    // own, and these cases look at the margin finding alone.
    const woman: Patch = { leader: { birthDate: '1975-09-15', sex: 'female', category: 'worker' } };
    const twoYearsBefore = '2024-02-15';

    it('the reform delays her retirement to 2026-02-15', () => {
      expect(computeRetirement({ birthDate: '1975-09-15', sex: 'female', category: 'worker' }).retirementDate).toBe('2026-02-15');
    });

    it('第四条（一） 距法定退休年龄2年以上（含2年）: exactly 2 years → pass', () => {
      expect(finding(withFacts(APPLICANT, woman), R('leader.retirement-margin'), twoYearsBefore)?.outcome).toBe('pass');
    });

    it('第四条（一） 距法定退休年龄2年以上（含2年）: one day less than 2 years → fail', () => {
      const f = finding(withFacts(APPLICANT, woman), R('leader.retirement-margin'), addDays(twoYearsBefore, 1));
      expect(f?.outcome).toBe('fail');
    });

    it('第四条（一） inside the draft’s dates: a man born 1967-09 retires at 60 years 9 months, 2028-06-01: on 2026-06-01 → pass; a day later → fail', () => {
      const man: Patch = { leader: { birthDate: '1967-09-01', sex: 'male' } };
      expect(computeRetirement({ birthDate: '1967-09-01', sex: 'male', category: 'worker' }).retirementDate).toBe('2028-06-01');
      expect(finding(withFacts(APPLICANT, man), R('leader.retirement-margin'), '2026-06-01')?.outcome).toBe('pass');
      const r = evaluate(withFacts(APPLICANT, man), '2026-06-02');
      expect(r.findings.find((f) => f.ruleId === R('leader.retirement-margin'))?.outcome).toBe('fail');
      expect(r.eligible).toBe(false);
    });

    runCases([
      {
        name: '第四条（一） a woman without her category (worker/cadre) → unknown',
        patch: { leader: { sex: 'female', category: undefined } },
        rule: R('leader.retirement-margin'),
        outcome: 'unknown',
        says: 'leader.category',
      },
      {
        name: '第四条（一） sex missing → unknown',
        patch: { leader: { sex: undefined } },
        rule: R('leader.retirement-margin'),
        outcome: 'unknown',
        says: 'leader.sex',
      },
    ]);
  });

  describe('第四条（二）所在单位的条件', () => {
    runCases([
      {
        name: '第四条（二） 技能人才梯队 → review',
        patch: {},
        rule: R('unit.talent-pipeline'),
        outcome: 'review',
        says: '人才梯队',
      },
      { name: '第四条（二） 人才政策制度 → pass', patch: {}, rule: R('unit.talent-system'), outcome: 'pass' },
      {
        name: '第四条（二） no talent policies → fail',
        patch: { unit: { hasTalentSystem: false } },
        rule: R('unit.talent-system'),
        outcome: 'fail',
      },
      {
        name: '第四条（二） talent policies unknown → unknown',
        patch: { unit: { hasTalentSystem: undefined } },
        rule: R('unit.talent-system'),
        outcome: 'unknown',
      },
      { name: '第四条（二） 资金、场所、设备 → pass', patch: {}, rule: R('unit.funding-and-venue'), outcome: 'pass' },
      {
        name: '第四条（二） no funding or venue → fail',
        patch: { unit: { providesFundingAndVenue: false } },
        rule: R('unit.funding-and-venue'),
        outcome: 'fail',
      },
      {
        name: '第四条（二） funding unknown → unknown',
        patch: { unit: { providesFundingAndVenue: undefined } },
        rule: R('unit.funding-and-venue'),
        outcome: 'unknown',
      },
      { name: '第四条（二） 管理制度、工作职责、目标任务 → pass', patch: {}, rule: R('unit.studio-rules'), outcome: 'pass' },
      {
        name: '第四条（二） no studio rules → fail',
        patch: { unit: { hasStudioRules: false } },
        rule: R('unit.studio-rules'),
        outcome: 'fail',
      },
      {
        name: '第四条（二） studio rules unknown → unknown',
        patch: { unit: { hasStudioRules: undefined } },
        rule: R('unit.studio-rules'),
        outcome: 'unknown',
      },
      {
        name: '第四条（二） 愿意承担校企合作人才培养项目或提供项目服务 → review',
        patch: {},
        rule: R('unit.project-services'),
        outcome: 'review',
        says: '校企合作',
      },
      { name: '第四条（二） 3名以上正式员工: exactly 3 → pass', patch: {}, rule: R('unit.team'), outcome: 'pass' },
      {
        name: '第四条（二） 2 formal employees → fail',
        patch: { unit: { teamFormalEmployees: 2 } },
        rule: R('unit.team'),
        outcome: 'fail',
      },
      {
        name: '第四条（二） team size unknown → unknown',
        patch: { unit: { teamFormalEmployees: undefined } },
        rule: R('unit.team'),
        outcome: 'unknown',
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Edition and program data
// ---------------------------------------------------------------------------------------------------------

describe('顺义区技能大师工作室管理办法（试行）（征求意见稿） — edition and program', () => {
  const program = shunyiDraft.programs[0];
  const described = describeEdition(shunyiDraft, AS_OF).programs[0];

  it('第十六条 执行期2年: validTo is validFrom + 2 years − 1 day; the placeholder issue date is marked inferred', () => {
    expect(shunyiDraft.status).toBe('draft');
    expect(shunyiDraft.validFrom).toBe('2026-01-01');
    expect(shunyiDraft.validTo).toBe('2027-12-31');
    expect(shunyiDraft.validityCitation).toMatchObject({ article: '第十六条', inferred: expect.stringContaining('占位') });
  });

  it('第十六条 outside the two years the in-force finding fails', () => {
    expect(evaluate(APPLICANT, '2028-01-01').findings.find((f) => f.ruleId === 'shunyi-draft.in-force')?.outcome).toBe('fail');
    expect(evaluate(APPLICANT, '2027-12-31').findings.find((f) => f.ruleId === 'shunyi-draft.in-force')).toBeUndefined();
  });

  it('第六条 每年认定不超过5家; 第八条 10万元 to the unit; 公示不少于5个工作日', () => {
    expect(described.quota.current).toBe(5);
    expect(described.funding).toEqual([expect.objectContaining({ kind: 'fixed', amount: expect.objectContaining({ current: 100_000 }) })]);
    expect(described.noticeWorkingDays.current).toBe(5);
    expect(program.stages.find((s) => s.id === 'notice')?.limit?.description.zh).toContain('不少于5个工作日');
    expect(program.cadence.everyYears).toBe(1);
  });

  it('第五条 materials by the end of August every year', () => {
    expect(program.recurringDeadlines).toEqual([expect.objectContaining({ monthDay: '08-31' })]);
  });

  it('第五条 申报表（附件1） then the other materials; two black-and-white A4 copies plus electronic files', () => {
    expect(program.materials.map((m) => [m.order, m.citation.article])).toEqual([
      [1, '第五条（一）'],
      [2, '第五条（二）'],
      [3, '第五条（二）'],
      [4, '第五条（二）'],
    ]);
    expect(program.materials[0]).toMatchObject({ supply: 'online-form', formId: 'studio-application', stamped: true });
    for (const m of program.materials) {
      expect(m.notes?.zh).toContain('一式2份');
      expect(m.notes?.zh).toContain('黑白');
      expect(m.notes?.zh).toContain('电子文档');
    }
  });

  it('第五—七条 审核 → 评审 → 公示 → 认定, then the 第八条 support', () => {
    expect(program.stages.map((s) => [s.id, s.title.zh])).toEqual([
      ['submit', '单位审核报送'],
      ['completeness-check', '审核'],
      ['expert-review', '评审'],
      ['notice', '公示'],
      ['decision', '认定'],
      ['disbursement', '资金支持'],
    ]);
    expect(program.stages[1].citation.inferred).toMatch(/大兴区2026年建设项目评选通知/); // the 审核 desk borrows 大兴's 初审
    expect(program.stages[5].citation.inferred).toBeTruthy();
  });

  it('第十三条 ≥100 person-times a year and a yearly report (date inferred from 大兴)', () => {
    const byId = new Map(shunyiDraft.obligations.map((o) => [o.id, o]));
    expect(byId.get('skill-improvement')?.minimum).toEqual({ quantity: 100, unit: { zh: '人次', en: 'person-times' } });
    expect(byId.get('annual-report')?.due).toEqual({ yearly: '12-31' });
    expect(byId.get('annual-report')?.citation.inferred).toContain('大兴');
  });

  it('第十四条 a new leader is approved and filed, not a new application (unlike 大兴 第十七条)', () => {
    const byKind = new Map(shunyiDraft.changeRules.map((c) => [c.kind, c]));
    expect([...byKind.keys()]).toEqual(['leader-replaced', 'leader-retirement-extension', 'unit-renamed', 'unit-moved']);
    expect(byKind.get('leader-replaced')?.requiresNewApplication).toBe(false);
    expect(byKind.get('leader-replaced')?.requires.zh).toContain('第五条');
    for (const c of shunyiDraft.changeRules) expect(c.text.zh).toContain('审核同意并备案后生效');
  });

  it('the draft lists no revocation triggers and announces no call', () => {
    expect(shunyiDraft.revocationTriggers).toEqual([]);
    expect(shunyiDraft.calls).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Form: 附件1
// ---------------------------------------------------------------------------------------------------------

function idNumber(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}
const FORM = shunyiDraft.programs[0].forms[0];
const MASTER_ID = idNumber('11011319800501002'); // born 1980-05-01; 顺序码 0 (even): a woman

const DATA = {
  unitName: '北京某航空部件有限公司',
  studioName: '李娜航空钳工技能大师工作室',
  filledOn: '2026-08-10',
  name: '李娜',
  sex: '女',
  ethnicity: '汉族',
  birthMonth: '1980-05',
  politicalStatus: '中共党员',
  education: '大专',
  occupation: '航空装配钳工',
  skillLevel: 'senior-technician',
  position: '班组长',
  workStart: '1999-07',
  idNumber: MASTER_ID,
  officePhone: '010-69440000',
  mobile: '13900139000',
  unitSupport: '每年经费30万元，专用场地150平方米，设备齐全',
  direction: '航空部件装配工艺攻关、带徒传技',
  unitOpinion: '经审核，材料真实，同意申报。',
};

describe('顺义区技能大师工作室管理办法（试行）（征求意见稿） — 附件1 申报表', () => {
  it('附件1 the fields exactly as the form prints them, in order', () => {
    const labels = FORM.sections.flatMap((s) => s.fields.map((f) => f.label.zh));
    expect(labels).toEqual([
      '申报单位（盖章）',
      '工作室名称',
      '填报时间',
      '姓名',
      '性别',
      '民族',
      '出生年月',
      '政治面貌',
      '学历',
      '职业（工种）',
      '职业资格/技能等级',
      '职务',
      '参加工作时间',
      '身份证号码',
      '办公室电话',
      '手机号码',
      '所在单位对工作室支持',
      '工作室主要工作方向',
      '申报单位意见',
    ]);
    expect(FORM.signatureBlock?.zh).toContain('盖章');
  });

  it('附件1 专家评估意见 and 区人社局意见 are the reviewers’ boxes: no applicant fields', () => {
    const reviewers = FORM.sections.filter((s) => s.key === 'expert-opinion' || s.key === 'bureau-opinion');
    expect(reviewers.map((s) => s.fields.length)).toEqual([0, 0]);
    expect(reviewers.every((s) => s.title.zh.includes('申报单位不填'))).toBe(true);
  });

  it('附件1 a complete 申报表 has no issues', () => {
    expect(validateForm(FORM, DATA, AS_OF)).toEqual([]);
  });

  it('附件1 the applicant cannot fill the experts’ box', () => {
    const issues = validateForm(FORM, { ...DATA, expertOpinion: '同意' }, AS_OF);
    expect(issues.map((i) => i.path)).toEqual(['expertOpinion']);
  });

  it('第五条 the unit signs its review opinion: 申报单位意见 is required', () => {
    const { unitOpinion: _o, ...rest } = DATA;
    expect(validateForm(FORM, rest, AS_OF).map((i) => i.path)).toEqual(['unitOpinion']);
  });

  it('附件1 出生年月 and 性别 must agree with the 身份证号码', () => {
    const issues = validateForm(FORM, { ...DATA, birthMonth: '1980-06', sex: '男' }, AS_OF);
    expect(issues.map((i) => i.path)).toEqual(['birthMonth', 'sex']);
  });

  it('附件1 a wrong check digit in the 身份证号码 → issue', () => {
    const wrong = MASTER_ID.slice(0, 17) + (MASTER_ID[17] === '0' ? '1' : '0');
    expect(validateForm(FORM, { ...DATA, idNumber: wrong }, AS_OF).map((i) => i.path)).toEqual(['idNumber']);
  });
});
