import { describe, expect, it } from 'vitest';
import type { Facts, Parameter } from '../types';
import {
  formatStudioName,
  isSkillLevel,
  minimumRule,
  missing,
  param,
  readBoolean,
  readDate,
  readNumber,
  readString,
  readStrings,
  retirementMarginCheck,
  retirementMarginRule,
  reviewRule,
  SKILL_LEVEL_NAMES,
  SKILL_LEVELS,
  skillLevelAtLeast,
} from './conditions';

const cite = { document: '测试', article: '第一条' };
const meta = { citation: cite, text: '条文', subject: 'leader' as const, programs: ['studio-recognition' as const] };
const ctx = (asOf: string) => ({ asOf, program: 'studio-recognition' as const });

describe('skill levels: 初级工/五级 … 高级技师/一级, 特级技师, 首席技师', () => {
  it('are ordered lowest to highest with Chinese names', () => {
    expect(SKILL_LEVELS.map((l) => SKILL_LEVEL_NAMES[l].zh)).toEqual([
      '初级工（五级）',
      '中级工（四级）',
      '高级工（三级）',
      '技师（二级）',
      '高级技师（一级）',
      '特级技师',
      '首席技师',
    ]);
  });

  it.each([
    ['technician', 'technician', true],
    ['senior-technician', 'technician', true],
    ['chief-technician', 'special-technician', true],
    ['senior', 'technician', false],
    ['junior', 'intermediate', false],
  ] as const)('%s at least %s: %s', (level, min, expected) => {
    expect(skillLevelAtLeast(level, min)).toBe(expected);
  });

  it('anything else is not a skill level and never at least one', () => {
    expect(isSkillLevel('master')).toBe(false);
    expect(isSkillLevel('toString')).toBe(false);
    expect(skillLevelAtLeast('master' as never, 'junior')).toBe(false);
  });
});

describe('retirement margin 距法定退休年龄N年以上（含N年）', () => {
  // Man born 1970-06-15: 60 + 17 months' delay (附件1) = 61y5m → retires 2031-11-15.
  const birthDate = '1970-06-15';

  it('exactly two years before retirement passes (含2年), saying how many whole years remain', () => {
    const r = retirementMarginCheck(birthDate, 'male', undefined, '2029-11-15', 2);
    expect(r.outcome).toBe('pass');
    expect(r.message.zh).toContain('尚有2年以上');
    expect(retirementMarginCheck(birthDate, 'male', undefined, '2020-11-16', 2).message.zh).toContain('尚有10年以上');
  });

  it('one day less than two years fails, naming the retirement date', () => {
    const r = retirementMarginCheck(birthDate, 'male', undefined, '2029-11-16', 2);
    expect(r.outcome).toBe('fail');
    expect(r.message.zh).toContain('2031-11-15');
  });

  it('a man’s category is not needed; a woman’s is', () => {
    expect(retirementMarginCheck(birthDate, 'male', undefined, '2026-01-01', 2).outcome).toBe('pass');
    const woman = retirementMarginCheck(birthDate, 'female', undefined, '2026-01-01', 2);
    expect(woman.outcome).toBe('unknown');
    expect(woman.message.zh).toContain('leader.category');
    // Woman worker born 1970-06: original age 50 → retired long before 2026.
    expect(retirementMarginCheck(birthDate, 'female', 'worker', '2026-01-01', 2).outcome).toBe('fail');
    // Woman cadre born 1970-06: 55 + 2 months (附件2) → 2025-08-15.
    expect(retirementMarginCheck(birthDate, 'female', 'cadre', '2023-08-15', 2).outcome).toBe('pass');
    expect(retirementMarginCheck(birthDate, 'female', 'cadre', '2023-08-16', 2).outcome).toBe('fail');
  });

  it('missing birth date or sex → unknown naming the fact', () => {
    expect(retirementMarginCheck(undefined, 'male', 'worker', '2026-01-01', 2).message.zh).toContain('leader.birthDate');
    expect(retirementMarginCheck(birthDate, undefined, 'worker', '2026-01-01', 2).message.zh).toContain('leader.sex');
  });


  it('retirementMarginRule reads the leader facts and asOf', () => {
    const rule = retirementMarginRule({ ...meta, id: 'r', minYears: 2 });
    const facts: Facts = { leader: { birthDate, sex: 'male' } };
    expect(rule.check(facts, ctx('2029-11-15')).outcome).toBe('pass');
    expect(rule.check(facts, ctx('2030-01-01')).outcome).toBe('fail');
    expect(rule.check({ leader: { birthDate: '1970-02-30', sex: 'male' } }, ctx('2026-01-01')).outcome).toBe('unknown');
  });
});

describe('reading facts never guesses', () => {
  const junk = { leader: { employed: 'yes', frontlineYears: Infinity, birthDate: '2025-02-29', honours: ['a', 3] }, unit: 'x' } as unknown as Facts;

  it('a value of the wrong type is missing', () => {
    expect(readBoolean(junk, 'leader', 'employed')).toBeUndefined();
    expect(readNumber(junk, 'leader', 'frontlineYears')).toBeUndefined();
    expect(readDate(junk, 'leader', 'birthDate')).toBeUndefined();
    expect(readString(junk, 'unit', 'locatedIn')).toBeUndefined();
    expect(readStrings(junk, 'leader', 'honours')).toEqual(['a']);
    expect(readBoolean(null as unknown as Facts, 'leader', 'employed')).toBeUndefined();
  });

  it('missing() names each fact in Chinese and English and is cached', () => {
    const r = missing('leader.birthDate', 'leader.sex');
    expect(r.outcome).toBe('unknown');
    expect(r.message.zh).toContain('技能大师出生日期（leader.birthDate）、技能大师性别（leader.sex）');
    expect(r.message.en).toContain("master's date of birth (leader.birthDate)");
    expect(missing('leader.birthDate', 'leader.sex')).toBe(r);
  });

  it('minimumRule and reviewRule ask for their facts first', () => {
    const min = minimumRule({
      ...meta,
      id: 'm',
      fact: 'unit.teamFormalEmployees',
      min: 3,
      pass: (n) => ({ zh: `${n}人`, en: `${n}` }),
      fail: (n) => ({ zh: `仅${n}人`, en: `${n}` }),
    });
    expect(min.check({ unit: { teamFormalEmployees: 3 } }, ctx('2026-01-01'))).toMatchObject({ outcome: 'pass' });
    expect(min.check({ unit: { teamFormalEmployees: 2 } }, ctx('2026-01-01'))).toMatchObject({ outcome: 'fail', message: { zh: '仅2人' } });
    expect(min.check({}, ctx('2026-01-01')).outcome).toBe('unknown');
    const rev = reviewRule({ ...meta, id: 'v', needs: ['project.category'], evidence: { zh: '专家看', en: 'experts' } });
    expect(rev.check({ project: { category: '' } }, ctx('2026-01-01')).outcome).toBe('unknown');
    expect(rev.check({ project: { category: '技术革新' } }, ctx('2026-01-01'))).toMatchObject({ outcome: 'review', message: { zh: '专家看' } });
  });
});

describe('param and studio names', () => {
  const p: Parameter<number> = [
    { from: '2025-01-01', to: '2025-12-31', value: 1, citation: cite },
    { from: '2026-01-01', value: 2, citation: cite },
  ];

  it('param picks the value in force (inclusive), or the latest without a date', () => {
    expect(param(p, '2025-12-31')?.value).toBe(1);
    expect(param(p, '2026-01-01')?.value).toBe(2);
    expect(param(p, '2024-12-31')).toBeUndefined();
    expect(param(p)?.value).toBe(2);
  });

  it('formatStudioName fills the template; unknown placeholders stay visible', () => {
    expect(formatStudioName('大兴区{leaderName}{occupation}技能大师工作室', { leaderName: '张三', occupation: '数控车工' })).toBe(
      '大兴区张三数控车工技能大师工作室',
    );
    expect(formatStudioName('{a}{b}', { a: 'x' })).toBe('x{b}');
  });

});
