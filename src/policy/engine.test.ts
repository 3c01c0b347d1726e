import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactsSchema } from '../shared/eligibility';
import { describeEdition, evaluateEligibility, overallEligibility, validateForm } from './engine';
import { EDITIONS, editionInForce, getEdition, listEditions } from './editions';
import { booleanRule, pass, SKILL_LEVELS } from './rules/conditions';
import { addDays, PolicyInputError } from './rules/dates';
import { creditCodeCheckChar, residentIdCheckChar } from './rules/id-numbers';
import type { Edition, Facts, Finding, FormSchema, ProgramId, Rule } from './types';

const DOC = '测试〔2025〕1号';
const cite = (article: string) => ({ document: DOC, article });

const employed = booleanRule({
  id: 'test.employed',
  citation: cite('第一条'),
  text: '在职在聘',
  subject: 'leader',
  programs: ['studio-recognition', 'construction-project'],
  fact: 'leader.employed',
  expected: true,
  pass: { zh: '在职', en: 'employed' },
  fail: { zh: '不在职', en: 'not employed' },
});

const onlyForNewStudios: Rule = {
  ...booleanRule({
    id: 'test.team',
    citation: cite('第二条'),
    text: '团队',
    subject: 'unit',
    programs: ['construction-project'],
    fact: 'unit.hasStudioRules',
    expected: true,
    pass: { zh: '有', en: 'yes' },
    fail: { zh: '无', en: 'no' },
  }),
  applicability: {
    when: { zh: '新工作室', en: 'new studio' },
    test: (facts) => facts.studio?.recognized === false,
  },
};

const throwsPolicyError: Rule = {
  id: 'test.throws',
  citation: cite('第三条'),
  text: '出生日期',
  subject: 'leader',
  programs: ['studio-recognition'],
  needs: ['leader.birthDate'],
  check(facts) {
    if (facts.leader?.birthDate === 'boom') {
      throw new PolicyInputError('INVALID_DATE', '日期无效', 'invalid date', 'birthDate');
    }
    return pass('好', 'fine');
  },
};

const callOnly: Rule = {
  ...booleanRule({
    id: 'test.call.outsourced',
    citation: { document: '通知', article: '二' },
    text: '不得委托第三方',
    subject: 'project',
    programs: ['construction-project'],
    fact: 'project.outsourced',
    expected: false,
    pass: { zh: '自行实施', en: 'in-house' },
    fail: { zh: '委托第三方', en: 'outsourced' },
  }),
};

function testEdition(overrides: Partial<Edition> = {}): Edition {
  const program = (id: ProgramId) => ({
    id,
    title: { zh: id === 'studio-recognition' ? '认定' : '项目', en: id },
    citation: cite('第四条'),
    cadence: { everyYears: 1, citation: cite('第四条'), description: { zh: '每年', en: 'yearly' } },
    quota: [
      { from: '2025-01-01', to: '2025-12-31', value: 3, citation: cite('第四条') },
      { from: '2026-01-01', value: 5, citation: cite('第四条') },
    ],
    funding: [],
    noticeWorkingDays: [{ from: '2025-01-01', value: 5, citation: cite('第五条') }],
    stages: [],
    rules: [employed, onlyForNewStudios, throwsPolicyError],
    materials: [],
    forms: [],
    review: { expertsPerApplication: 3, panelSize: 5, formerEmployerAvoidanceYears: 3, aggregation: 'mean' as const, extremeScore: { below: 0.6, atLeast: 0.95 }, outlierPoints: 15, citation: cite('第九条') },
  });
  return {
    id: 'test-2025',
    jurisdiction: 'test',
    jurisdictionName: { zh: '测试区', en: 'Test' },
    title: { zh: '测试办法', en: 'Test rules' },
    documentNumber: DOC,
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    validityCitation: cite('第九条'),
    status: 'in-force',
    sourceFile: 'none',
    authorities: { intake: { zh: '窗口', en: 'desk' }, program: { zh: '局', en: 'bureau' } },
    programs: [program('studio-recognition'), program('construction-project')],
    obligations: [],
    revocationTriggers: [],
    changeRules: [],
    calls: [
      {
        id: 'test-call',
        program: 'construction-project',
        title: { zh: '批次', en: 'call' },
        year: 2026,
        opensAt: '2026-03-01T09:00',
        closesAt: '2026-03-31T18:00',
        citation: cite('通知'),
        contacts: [{ phone: '12345678' }],
        rules: [callOnly],
      },
    ],
    ...overrides,
  };
}

const ids = (findings: Finding[]) => findings.map((f) => f.ruleId);

describe('evaluateEligibility', () => {
  const edition = testEdition();

  it('eligible true when every rule passes or is review; findings carry article, text and both languages', () => {
    const r = evaluateEligibility(edition, 'studio-recognition', { leader: { employed: true } }, '2026-01-10');
    expect(r).toMatchObject({ eligible: true, editionId: 'test-2025', asOf: '2026-01-10' });
    expect(r.findings[0]).toEqual({
      ruleId: 'test.employed',
      article: '第一条',
      outcome: 'pass',
      message: '在职',
      messageEn: 'employed',
      text: '在职在聘',
      citation: cite('第一条'),
    });
  });

  it('false if any rule fails, else null if any is unknown, else true (review does not block)', () => {
    const f = (outcome: Finding['outcome']) => ({ outcome }) as Finding;
    expect(overallEligibility([f('pass'), f('review')])).toBe(true);
    expect(overallEligibility([f('pass'), f('unknown'), f('review')])).toBeNull();
    expect(overallEligibility([f('unknown'), f('fail')])).toBe(false);
    expect(overallEligibility([])).toBe(true);
  });

  it('a missing fact gives unknown naming it', () => {
    const r = evaluateEligibility(edition, 'studio-recognition', {}, '2026-01-10');
    expect(r.eligible).toBeNull();
    expect(r.findings[0]).toMatchObject({ outcome: 'unknown' });
    expect(r.findings[0].message).toContain('leader.employed');
    expect(r.findings[0].message).toContain('技能大师是否在职在聘');
  });

  it('rules of another program are left out; applicability decides situational rules', () => {
    expect(ids(evaluateEligibility(edition, 'studio-recognition', {}, '2026-01-10').findings)).toEqual([
      'test.employed',
      'test.throws',
    ]);
    const recognized = evaluateEligibility(edition, 'construction-project', { studio: { recognized: true } }, '2026-01-10');
    expect(ids(recognized.findings)).toEqual(['test.employed']);
    const newStudio = evaluateEligibility(edition, 'construction-project', { studio: { recognized: false } }, '2026-01-10');
    expect(ids(newStudio.findings)).toEqual(['test.employed', 'test.team']);
  });

  it('the call whose window contains asOf adds its rules (window by Asia/Shanghai dates, both ends inclusive)', () => {
    const at = (asOf: string) => ids(evaluateEligibility(edition, 'construction-project', {}, asOf).findings);
    expect(at('2026-02-28')).not.toContain('test.call.outsourced');
    expect(at('2026-03-01')).toContain('test.call.outsourced');
    expect(at('2026-03-31')).toContain('test.call.outsourced');
    expect(at('2026-04-01')).not.toContain('test.call.outsourced');
  });

  it('a call passed in options is used whatever asOf (the server’s call with its own dates)', () => {
    const call = { ...edition.calls[0], opensAt: '2026-09-01T09:00', closesAt: '2026-09-30T18:00' };
    const r = evaluateEligibility(edition, 'construction-project', { project: { outsourced: true } }, '2026-03-15', { call });
    expect(r.findings.find((f) => f.ruleId === 'test.call.outsourced')?.outcome).toBe('fail');
  });

  it('asOf outside the validity: a failing finding citing the validity article and dates comes first', () => {
    for (const asOf of ['2024-12-31', '2028-01-01']) {
      const r = evaluateEligibility(edition, 'studio-recognition', { leader: { employed: true } }, asOf);
      expect(r.eligible).toBe(false);
      expect(r.findings[0]).toMatchObject({ ruleId: 'test-2025.in-force', article: '第九条', outcome: 'fail' });
      expect(r.findings[0].message).toContain('2025-01-01至2027-12-31');
      expect(ids(r.findings)).toContain('test.employed');
    }
  });

  it('an open-ended edition is in force from its first day on', () => {
    const open = testEdition({ validTo: undefined });
    expect(evaluateEligibility(open, 'studio-recognition', { leader: { employed: true } }, '2099-01-01').eligible).toBe(true);
    expect(evaluateEligibility(open, 'studio-recognition', { leader: { employed: true } }, '2024-01-01').findings[0].message).toContain(
      '2025-01-01起',
    );
  });

  it('a draft edition adds a non-blocking review note', () => {
    const draft = testEdition({ status: 'draft' });
    const r = evaluateEligibility(draft, 'studio-recognition', { leader: { employed: true } }, '2026-01-10');
    expect(r.eligible).toBe(true);
    expect(r.findings[0]).toMatchObject({ ruleId: 'test-2025.draft', outcome: 'review' });
    expect(r.findings[0].message).toContain('征求意见稿');
  });

  it('a program the edition does not offer gives one failing finding', () => {
    const single = testEdition();
    single.programs = [single.programs[0]];
    const r = evaluateEligibility(single, 'construction-project', {}, '2026-01-10');
    expect(r.eligible).toBe(false);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'test-2025.program', outcome: 'fail' });
  });

  it('a PolicyInputError inside a rule becomes unknown with its message', () => {
    const r = evaluateEligibility(edition, 'studio-recognition', { leader: { employed: true, birthDate: 'boom' } }, '2026-01-10');
    expect(r.findings.find((f) => f.ruleId === 'test.throws')).toMatchObject({ outcome: 'unknown', message: '日期无效' });
  });

  it('an invalid asOf throws PolicyInputError (the API validates it first)', () => {
    expect(() => evaluateEligibility(edition, 'studio-recognition', {}, '2026-02-30')).toThrow(PolicyInputError);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property: never throws, on schema-shaped facts and on junk
// ---------------------------------------------------------------------------------------------------------

const isoDate = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1940-01-01', n));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const bool = opt(fc.boolean());

const schemaFacts: fc.Arbitrary<Facts> = fc.record(
  {
    leader: fc.record(
      {
        birthDate: opt(isoDate),
        sex: opt(fc.constantFrom('male' as const, 'female' as const)),
        category: opt(fc.constantFrom('worker' as const, 'cadre' as const)),
        occupationListed: bool,
        hasNationalStandard: bool,
        skillLevel: opt(fc.constantFrom(...SKILL_LEVELS)),
        frontlineYears: opt(fc.double({ min: 0, max: 80, noNaN: true })),
        employed: bool,
        honours: opt(fc.array(fc.string({ maxLength: 100 }), { maxLength: 50 })),
        leadsAnotherStudio: bool,
      },
      { requiredKeys: [] },
    ),
    unit: fc.record(
      {
        locatedIn: opt(fc.constantFrom('daxing', 'etdz', 'shunyi', 'haidian')),
        teamFormalEmployees: opt(fc.integer({ min: 0, max: 100_000 })),
        hasTalentSystem: bool,
        providesFundingAndVenue: bool,
        hasStudioRules: bool,
        sameOccupationStudioExists: bool,
        industry: opt(fc.constantFrom('high-tech' as const, 'emerging' as const, 'other' as const)),
      },
      { requiredKeys: [] },
    ),
    studio: fc.record({ recognized: bool, applyingTogether: bool }, { requiredKeys: [] }),
    project: fc.record(
      {
        stage: opt(fc.constantFrom('planned' as const, 'ongoing' as const, 'completed' as const)),
        category: opt(fc.string({ minLength: 1, maxLength: 100 })),
        onProhibitedCatalog: bool,
        outsourced: bool,
        startDate: opt(isoDate),
        endDate: opt(isoDate),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** Junk: anything at all, and the four groups filled with anything. */
const junkFacts = fc.oneof(
  fc.anything(),
  fc.record(
    { leader: fc.anything(), unit: fc.anything(), studio: fc.anything(), project: fc.anything() },
    { requiredKeys: [] },
  ),
  fc.record({
    leader: fc.dictionary(fc.constantFrom('birthDate', 'sex', 'category', 'skillLevel', 'frontlineYears', 'honours', 'employed'), fc.anything()),
    project: fc.dictionary(fc.constantFrom('startDate', 'endDate', 'stage', 'category'), fc.anything()),
  }),
);

const cases = EDITIONS.flatMap((e) => e.programs.map((p) => [e, p.id] as const));
const asOfs = fc.constantFrom('2024-06-01', '2025-03-05', '2026-03-15', '2026-06-20', '2027-08-31', '2030-01-01');

function consistent(facts: Facts, edition: Edition, program: ProgramId, asOf: string): void {
  const r = evaluateEligibility(edition, program, facts, asOf);
  expect(r.eligible).toBe(overallEligibility(r.findings));
  for (const f of r.findings) {
    expect(['pass', 'fail', 'unknown', 'review']).toContain(f.outcome);
    expect(f.message.length).toBeGreaterThan(0);
  }
}

describe('evaluateEligibility never throws', () => {
  it('schema-shaped facts are accepted by FactsSchema (the generator is honest)', () => {
    fc.assert(fc.property(schemaFacts, (facts) => FactsSchema.safeParse(facts).success));
  });

  it.each(cases.map(([e, p]) => [e.id, p, e] as const))('%s %s on arbitrary schema-shaped facts', (_id, program, edition) => {
    fc.assert(fc.property(schemaFacts, asOfs, (facts, asOf) => consistent(facts, edition, program, asOf)), { numRuns: 500 });
  });

  it.each(cases.map(([e, p]) => [e.id, p, e] as const))('%s %s on junk cast to Facts', (_id, program, edition) => {
    fc.assert(fc.property(junkFacts, asOfs, (junk, asOf) => consistent(junk as Facts, edition, program, asOf)), { numRuns: 500 });
  });
});

// ---------------------------------------------------------------------------------------------------------
// validateForm: every field type
// ---------------------------------------------------------------------------------------------------------

const FORM: FormSchema = {
  id: 'all-types',
  title: { zh: '全类型表', en: 'All types' },
  citation: cite('附件'),
  programs: ['studio-recognition'],
  required: true,
  sections: [
    {
      key: 'a',
      title: { zh: '甲', en: 'A' },
      fields: [
        { key: 'name', label: { zh: '名称', en: 'Name' }, type: 'text', required: true, minLength: 2, maxLength: 5 },
        { key: 'notes', label: { zh: '说明', en: 'Notes' }, type: 'textarea', maxLength: 3 },
        { key: 'years', label: { zh: '年限', en: 'Years' }, type: 'number', min: 0, max: 80 },
        { key: 'amount', label: { zh: '金额', en: 'Amount' }, type: 'money', min: 1, max: 100 },
        { key: 'day', label: { zh: '日期', en: 'Date' }, type: 'date' },
        { key: 'month', label: { zh: '月份', en: 'Month' }, type: 'month' },
        {
          key: 'pick',
          label: { zh: '单选', en: 'Pick' },
          type: 'select',
          required: true,
          options: [{ value: 'a', label: { zh: '甲', en: 'A' } }],
        },
        {
          key: 'pickOther',
          label: { zh: '可填其他', en: 'Pick or other' },
          type: 'select',
          allowOther: true,
          maxLength: 4,
          options: [{ value: 'a', label: { zh: '甲', en: 'A' } }],
        },
        {
          key: 'many',
          label: { zh: '多选', en: 'Many' },
          type: 'multiselect',
          options: [
            { value: 'a', label: { zh: '甲', en: 'A' } },
            { value: 'b', label: { zh: '乙', en: 'B' } },
          ],
        },
        { key: 'flag', label: { zh: '是否', en: 'Flag' }, type: 'boolean', required: true },
        { key: 'id', label: { zh: '身份证号', en: 'ID' }, type: 'idNumber' },
        { key: 'code', label: { zh: '信用代码', en: 'Credit code' }, type: 'creditCode' },
        { key: 'phone', label: { zh: '电话', en: 'Phone' }, type: 'phone' },
        {
          key: 'rows',
          label: { zh: '明细', en: 'Rows' },
          type: 'table',
          minRows: 2,
          maxRows: 3,
          columns: [{ key: 'x', label: { zh: '数', en: 'X' }, type: 'number', required: true }],
        },
      ],
    },
  ],
  checks: [
    {
      id: 'asof-echo',
      check: (data, ctx) => (data.name === 'echo' ? [{ path: 'name', message: { zh: `日期${ctx?.asOf ?? '无'}`, en: 'echo' } }] : []),
    },
  ],
};

const ID17 = '11010519491231002';
const VALID = {
  name: '甲乙',
  notes: '短',
  years: 10.5,
  amount: 50,
  day: '2024-02-29',
  month: '2026-12',
  pick: 'a',
  pickOther: '其他',
  many: ['a', 'b'],
  flag: false,
  id: ID17 + residentIdCheckChar(ID17),
  code: `91110115MA01PQR12${creditCodeCheckChar('91110115MA01PQR12')}`,
  phone: '13800138000',
  rows: [{ x: 1 }, { x: 2 }],
};

describe('validateForm', () => {
  it('valid data for every field type → no issues; optional fields may be empty', () => {
    expect(validateForm(FORM, VALID)).toEqual([]);
    expect(validateForm(FORM, { name: '甲乙', pick: 'a', flag: true })).toEqual([]);
    for (const phone of ['010-81298272', '81298272', '0755-12345678-123']) expect(validateForm(FORM, { ...VALID, phone })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['required text empty', { name: '  ' }, 'name', '请填写“名称”'],
    ['required select missing', { pick: undefined }, 'pick', '请选择“单选”'],
    ['required boolean missing', { flag: null }, 'flag', '请选择“是否”'],
    ['text too short', { name: '甲' }, 'name', '至少2个字'],
    ['text too long (counted in characters)', { name: '一二三四五六' }, 'name', '不超过5个字'],
    ['text of the wrong type', { notes: 12 }, 'notes', '应为文字'],
    ['number not finite', { years: Number.NaN }, 'years', '应为数字'],
    ['number as a string', { years: '10' }, 'years', '应为数字'],
    ['number above max', { years: 81 }, 'years', '不能大于80'],
    ['number below min', { years: -1 }, 'years', '不能小于0'],
    ['money with fen', { amount: 1.5 }, 'amount', '整数金额'],
    ['money negative', { amount: -5 }, 'amount', '整数金额'],
    ['money above max', { amount: 101 }, 'amount', '不能大于100'],
    ['date not real', { day: '2025-02-29' }, 'day', '有效日期'],
    ['month 13', { month: '2026-13' }, 'month', 'YYYY-MM'],
    ['select outside options', { pick: 'z' }, 'pick', '选项“z”无效'],
    ['select allowOther still bounded by maxLength', { pickOther: '一二三四五' }, 'pickOther', '不超过4个字'],
    ['multiselect outside options', { many: ['a', 'c'] }, 'many[1]', '无效'],
    ['multiselect duplicate', { many: ['a', 'a'] }, 'many[1]', '重复'],
    ['boolean as a string', { flag: 'yes' }, 'flag', '是或否'],
    ['ID number check digit', { id: `${ID17}${residentIdCheckChar(ID17) === '1' ? '2' : '1'}` }, 'id', '校验码'],
    ['credit code format', { code: 'ABC' }, 'code', '18位'],
    ['phone', { phone: '1380013800' }, 'phone', '手机号'],
    ['table too few rows', { rows: [{ x: 1 }] }, 'rows', '至少填写2行'],
    ['table too many rows', { rows: [{ x: 1 }, { x: 2 }, { x: 3 }, { x: 4 }] }, 'rows', '最多3行'],
    ['table row not an object', { rows: [5, { x: 1 }] }, 'rows[0]', '第1行'],
    ['table column required', { rows: [{}, { x: 1 }] }, 'rows[0].x', '请填写“数”'],
    ['table row unknown column', { rows: [{ x: 1, y: 2 }, { x: 1 }] }, 'rows[0].y', '没有“y”'],
    ['table not a list', { rows: 'x' }, 'rows', '表格行列表'],
    ['unknown field', { extra: 1 }, 'extra', '没有“extra”'],
  ])('%s', (_name, patch, path, says) => {
    const issues = validateForm(FORM, { ...VALID, ...patch });
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.message).toContain(says);
    expect(issue!.messageEn).not.toBe('');
  });

  it('an ID number born after asOf is refused when asOf is given', () => {
    expect(validateForm(FORM, VALID, '1949-12-30').map((i) => i.path)).toEqual(['id']);
  });

  it('the form checks run after the fields and receive asOf', () => {
    expect(validateForm(FORM, { ...VALID, name: 'echo' }, '2026-01-01')).toEqual([
      { path: 'name', message: '日期2026-01-01', messageEn: 'echo' },
    ]);
  });

  it('data that is not an object is one issue at the root', () => {
    for (const data of [null, 'x', [1], 3]) expect(validateForm(FORM, data).map((i) => i.path)).toEqual(['']);
  });

  it('never throws on junk data', () => {
    const forms = [FORM, ...EDITIONS.flatMap((e) => e.programs.flatMap((p) => p.forms))];
    fc.assert(
      fc.property(fc.constantFrom(...forms), fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom('budget', 'schedule', 'team', 'requestedAmount', 'name', 'rows'), fc.anything())), (form, data) => {
        expect(Array.isArray(validateForm(form, data))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// describeEdition and the registry
// ---------------------------------------------------------------------------------------------------------

describe('describeEdition', () => {
  it.each(EDITIONS.map((e) => [e.id, e] as const))('%s survives JSON.stringify/parse unchanged', (_id, edition) => {
    for (const d of [describeEdition(edition), describeEdition(edition, '2026-06-20')]) {
      expect(JSON.parse(JSON.stringify(d))).toStrictEqual(d);
    }
  });

  it('lists programs with dated quota (current + values), rules with article and text, and when a rule applies', () => {
    const d = describeEdition(testEdition(), '2025-06-01');
    expect(d).toMatchObject({ id: 'test-2025', documentNumber: DOC, validFrom: '2025-01-01', validTo: '2027-12-31', repeals: [] });
    expect(d.programs[0].quota.current).toBe(3);
    expect(d.programs[0].quota.values).toHaveLength(2);
    expect(describeEdition(testEdition()).programs[0].quota.current).toBe(5); // the latest without a date
    expect(describeEdition(testEdition(), '2024-01-01').programs[0].quota.current).toBeNull();
    expect(d.programs[1].rules.find((r) => r.id === 'test.team')).toEqual({
      id: 'test.team',
      article: '第二条',
      text: '团队',
      subject: 'unit',
      citation: cite('第二条'),
      programs: ['construction-project'],
      needs: ['unit.hasStudioRules'],
      appliesWhen: { zh: '新工作室', en: 'new studio' },
    });
    expect(d.calls[0].rules.map((r) => r.id)).toEqual(['test.call.outsourced']);
  });

  it('daxing-2025: programs, rules, materials, stages and forms (checks by id) are all described', () => {
    const d = describeEdition(getEdition('daxing-2025')!);
    expect(d.programs.map((p) => p.id)).toEqual(['studio-recognition', 'construction-project']);
    expect(d.repeals).toEqual(['京兴人社文〔2021〕48号']);
    const project = d.programs[1];
    expect(project.funding[0]).toMatchObject({ kind: 'capped', cap: { current: 50_000 } });
    expect(project.forms.find((f) => f.id === 'work-plan')?.checks.map((c) => c.id)).toEqual([
      'budget-total',
      'subsidy-cap',
      'schedule-months',
    ]);
    expect(project.rules.every((r) => r.article && r.text)).toBe(true);
  });
});

describe('editions registry', () => {
  it('lists each edition once, found by id', () => {
    expect(new Set(listEditions().map((e) => e.id)).size).toBe(listEditions().length);
    for (const e of listEditions()) expect(getEdition(e.id)).toBe(e);
    expect(getEdition('nope')).toBeUndefined();
  });

  it('editionInForce picks by jurisdiction and date', () => {
    expect(editionInForce('daxing', '2026-06-20')?.id).toBe('daxing-2025');
    expect(editionInForce('daxing', '2025-03-04')).toBeUndefined();
    expect(editionInForce('daxing', '2030-01-01')).toBeUndefined();
    expect(editionInForce('haidian', '2026-06-20')).toBeUndefined();
  });
});
