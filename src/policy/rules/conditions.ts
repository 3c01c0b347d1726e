// CONDITIONS-READY
/**
 * Small builders and helpers that keep each edition's rules as data plus tiny functions:
 * - reading facts safely (an API caller may send anything; a rule never throws and never guesses),
 * - result constructors with Chinese and English messages, and `unknown` naming the missing fact,
 * - skill levels in order, with their Chinese names,
 * - the years-to-retirement margin (经开区, 顺义: 距法定退休年龄2年以上（含2年）),
 * - dated parameter lookup and studio name formatting.
 */
import type {
  Citation,
  DatedValue,
  Facts,
  Parameter,
  ProgramId,
  Rule,
  RuleContext,
  RuleResult,
  SkillLevel,
  Text,
} from '../types';
import { addMonths, isValidIsoDate } from './dates';
import { computeRetirement } from './retirement';

// ---------------------------------------------------------------------------------------------------------
// Fact paths and their names
// ---------------------------------------------------------------------------------------------------------

export type FactGroup = keyof Facts;
export type FactKey<G extends FactGroup> = keyof NonNullable<Facts[G]> & string;
/** `leader.birthDate`, `unit.teamFormalEmployees`, … — every fact the eligibility check reads. */
export type FactPath = { [G in FactGroup]: `${G}.${FactKey<G>}` }[FactGroup];

/** What each fact is called, for messages that name a missing fact. */
export const FACT_LABELS: Record<FactPath, Text> = {
  'leader.birthDate': { zh: '技能大师出生日期', en: "master's date of birth" },
  'leader.sex': { zh: '技能大师性别', en: "master's sex" },
  'leader.category': { zh: '技能大师人员类别（工人/干部）', en: "master's category (worker/cadre)" },
  'leader.occupationListed': {
    zh: '所从事职业（工种）是否列入《中华人民共和国职业分类大典》或人社部发布的新职业',
    en: "whether the master's occupation is in the National Occupational Classification or a published new occupation",
  },
  'leader.hasNationalStandard': {
    zh: '所从事职业（工种）是否有国家职业标准',
    en: "whether the master's occupation has a national occupational standard",
  },
  'leader.skillLevel': { zh: '技能大师职业资格或技能等级', en: "master's vocational qualification / skill level" },
  'leader.frontlineYears': { zh: '技能大师在生产服务一线工作年限', en: "master's years at the production/service front line" },
  'leader.employed': { zh: '技能大师是否在职在聘', en: 'whether the master is currently employed' },
  'leader.honours': { zh: '技能大师所获荣誉称号', en: "master's honours" },
  'leader.leadsAnotherStudio': {
    zh: '技能大师是否已领办其他工作室',
    en: 'whether the master already leads another studio',
  },
  'unit.locatedIn': { zh: '申报单位注册或经营所在区', en: 'district where the unit is registered or operates' },
  'unit.teamFormalEmployees': {
    zh: '除技能大师外工作室团队正式员工人数',
    en: 'number of formal employees in the studio team besides the master',
  },
  'unit.hasTalentSystem': {
    zh: '单位是否建立技能人才培养、选拔、使用、评价和激励制度',
    en: 'whether the unit has a system for training, selecting, using, evaluating and rewarding skilled workers',
  },
  'unit.providesFundingAndVenue': {
    zh: '单位能否为工作室提供经费、场地和设备设施',
    en: 'whether the unit provides the studio with funding, a venue and equipment',
  },
  'unit.hasStudioRules': {
    zh: '单位是否有明确的工作室管理制度、工作职责和目标任务',
    en: 'whether the unit has set studio rules, duties and targets',
  },
  'unit.sameOccupationStudioExists': {
    zh: '本单位（分厂、分公司）相同职业（工种）是否已建立工作室',
    en: 'whether the unit (or branch) already has a studio for the same occupation',
  },
  'unit.industry': { zh: '单位所属产业领域', en: "the unit's industry" },
  'studio.recognized': {
    zh: '工作室是否已被认定且正常运转',
    en: 'whether the studio is already recognised and operating',
  },
  'studio.applyingTogether': {
    zh: '是否同时提交工作室申报材料和项目申报材料',
    en: 'whether studio and project applications are filed together',
  },
  'project.stage': { zh: '建设项目实施状态（计划实施/正在实施/已完成）', en: 'project stage (planned/ongoing/completed)' },
  'project.category': { zh: '建设项目类别', en: 'project category' },
  'project.onProhibitedCatalog': {
    zh: '项目是否列入北京产业禁限目录',
    en: "whether the project is on Beijing's catalogue of prohibited and restricted industries",
  },
  'project.outsourced': { zh: '项目是否委托第三方实施', en: 'whether the project is outsourced to a third party' },
  'project.startDate': { zh: '项目开始日期', en: 'project start date' },
  'project.endDate': { zh: '项目结束日期', en: 'project end date' },
};

// ---------------------------------------------------------------------------------------------------------
// Reading facts. Facts come from outside: a value of the wrong type counts as missing, never as a guess.
// ---------------------------------------------------------------------------------------------------------

/** The raw value at `group.key`, or undefined when the facts (or the group) are not objects. */
function readAt(facts: Facts, group: string, key: string): unknown {
  if (facts === null || typeof facts !== 'object') return undefined;
  const g: unknown = (facts as Record<string, unknown>)[group];
  if (g === null || typeof g !== 'object') return undefined;
  return (g as Record<string, unknown>)[key];
}

export function readBoolean<G extends FactGroup>(facts: Facts, group: G, key: FactKey<G>): boolean | undefined {
  const v = readAt(facts, group, key);
  return typeof v === 'boolean' ? v : undefined;
}

/** A finite number, else undefined. */
export function readNumber<G extends FactGroup>(facts: Facts, group: G, key: FactKey<G>): number | undefined {
  const v = readAt(facts, group, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A non-blank string, trimmed; else undefined. */
export function readString<G extends FactGroup>(facts: Facts, group: G, key: FactKey<G>): string | undefined {
  const v = readAt(facts, group, key);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** A valid 'YYYY-MM-DD', else undefined. */
export function readDate<G extends FactGroup>(facts: Facts, group: G, key: FactKey<G>): string | undefined {
  const v = readAt(facts, group, key);
  return typeof v === 'string' && isValidIsoDate(v) ? v : undefined;
}

/** One of `allowed`, else undefined. */
export function readEnum<G extends FactGroup, T extends string>(
  facts: Facts,
  group: G,
  key: FactKey<G>,
  allowed: readonly T[],
): T | undefined {
  const v = readAt(facts, group, key);
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** The strings of an array (other items dropped), else undefined. */
export function readStrings<G extends FactGroup>(facts: Facts, group: G, key: FactKey<G>): string[] | undefined {
  const v = readAt(facts, group, key);
  if (!Array.isArray(v)) return undefined;
  return v.every((x) => typeof x === 'string') ? (v as string[]) : v.filter((x): x is string => typeof x === 'string');
}

// ---------------------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------------------

function result(outcome: RuleResult['outcome'], zh: string, en: string): RuleResult {
  return Object.freeze({ outcome, message: Object.freeze({ zh, en }) });
}

export function pass(zh: string, en: string): RuleResult {
  return result('pass', zh, en);
}

export function fail(zh: string, en: string): RuleResult {
  return result('fail', zh, en);
}

/** A condition judged from evidence by the desk or the experts; the message says what evidence. */
export function review(zh: string, en: string): RuleResult {
  return result('review', zh, en);
}

export function unknown(zh: string, en: string): RuleResult {
  return result('unknown', zh, en);
}

const missingCache = new Map<string, RuleResult>();

/** `unknown`, naming the facts that are missing (or not valid). Results are cached: no allocation per call. */
export function missing(path: FactPath, ...more: FactPath[]): RuleResult {
  const key = more.length === 0 ? path : [path, ...more].join('|');
  let r = missingCache.get(key);
  if (r === undefined) {
    const paths = [path, ...more];
    const zh = paths.map((p) => `${FACT_LABELS[p].zh}（${p}）`).join('、');
    const en = paths.map((p) => `${FACT_LABELS[p].en} (${p})`).join(', ');
    r = unknown(`缺少信息：${zh}。请补充后再判断。`, `Missing or invalid fact: ${en}. Supply it to decide.`);
    missingCache.set(key, r);
  }
  return r;
}

// ---------------------------------------------------------------------------------------------------------
// Skill levels
// ---------------------------------------------------------------------------------------------------------

/** From lowest to highest: 初级工/五级 … 高级技师/一级, then 特级技师 and 首席技师 (新八级工 system). */
export const SKILL_LEVELS: readonly SkillLevel[] = Object.freeze([
  'junior',
  'intermediate',
  'senior',
  'technician',
  'senior-technician',
  'special-technician',
  'chief-technician',
]);

export const SKILL_LEVEL_NAMES: Record<SkillLevel, Text> = {
  junior: { zh: '初级工（五级）', en: 'junior worker (level 5)' },
  intermediate: { zh: '中级工（四级）', en: 'intermediate worker (level 4)' },
  senior: { zh: '高级工（三级）', en: 'senior worker (level 3)' },
  technician: { zh: '技师（二级）', en: 'technician (level 2)' },
  'senior-technician': { zh: '高级技师（一级）', en: 'senior technician (level 1)' },
  'special-technician': { zh: '特级技师', en: 'special-grade technician' },
  'chief-technician': { zh: '首席技师', en: 'chief technician' },
};

const SKILL_RANK: Record<string, number> = Object.fromEntries(SKILL_LEVELS.map((l, i) => [l, i]));

export function isSkillLevel(value: unknown): value is SkillLevel {
  return typeof value === 'string' && Object.hasOwn(SKILL_RANK, value);
}

/** Whether `level` is `min` or higher; false for anything that is not a skill level. */
export function skillLevelAtLeast(level: SkillLevel, min: SkillLevel): boolean {
  return isSkillLevel(level) && SKILL_RANK[level] >= SKILL_RANK[min];
}

// ---------------------------------------------------------------------------------------------------------
// Retirement margin
// ---------------------------------------------------------------------------------------------------------

type Sex = 'male' | 'female';
type Category = 'worker' | 'cadre';

const SEXES: readonly Sex[] = ['male', 'female'];
const CATEGORIES: readonly Category[] = ['worker', 'cadre'];

/**
 * The statutory retirement date under the 2025 progressive reform. Men retire at the same age whether workers or
 * cadres, so a man's category is not needed; a woman's is (50/55 → 55/58), and without it the answer is unknown.
 */
function retirementOf(
  birthDate: string,
  sex: Sex,
  category: Category | undefined,
): ReturnType<typeof computeRetirement> | undefined {
  if (sex === 'female' && category === undefined) return undefined;
  return computeRetirement({ birthDate, sex, category: category ?? 'worker' });
}

/** The largest n with `from` + n years ≤ `to` (negative when `to` is before `from`). */
function wholeYearsBetween(from: string, to: string): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  while (addMonths(from, 12 * years) > to) years--;
  while (addMonths(from, 12 * (years + 1)) <= to) years++;
  return years;
}

/**
 * 距法定退休年龄N年以上（含N年）: passes when the retirement date is on or after `asOf` + `minYears` years.
 * `unknown` names the missing fact (a woman's category is needed; a man's is not).
 */
export function retirementMarginCheck(
  birthDate: string | undefined,
  sex: Sex | undefined,
  category: Category | undefined,
  asOf: string,
  minYears: number,
): RuleResult {
  if (birthDate === undefined) return missing('leader.birthDate');
  if (sex === undefined) return missing('leader.sex');
  const r = retirementOf(birthDate, sex, category);
  if (r === undefined) return missing('leader.category');
  const threshold = addMonths(asOf, 12 * minYears);
  const age = `${r.retirementAge.years}岁${r.retirementAge.months > 0 ? `${r.retirementAge.months}个月` : ''}`;
  const ageEn = `${r.retirementAge.years} years${r.retirementAge.months > 0 ? ` ${r.retirementAge.months} months` : ''}`;
  if (r.retirementDate >= threshold) {
    const years = wholeYearsBetween(asOf, r.retirementDate);
    return pass(
      `法定退休年龄${age}，退休日期${r.retirementDate}，距${asOf}尚有${years}年以上，满足${minYears}年以上（含${minYears}年）。`,
      `Statutory retirement at ${ageEn}, on ${r.retirementDate}: ${years}+ years after ${asOf}, at least the ${minYears} required.`,
    );
  }
  return fail(
    `法定退休年龄${age}，退休日期${r.retirementDate}，距${asOf}不足${minYears}年（须在${threshold}或之后退休）。`,
    `Statutory retirement at ${ageEn}, on ${r.retirementDate}: less than ${minYears} years after ${asOf} (must be on or after ${threshold}).`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Dated parameters, validity, names, honours
// ---------------------------------------------------------------------------------------------------------

/** Whether `asOf` lies in [from, to] (inclusive; `to` absent = open-ended). ISO dates compare as strings. */
export function isWithin(asOf: string, from: string, to: string | undefined): boolean {
  return asOf >= from && (to === undefined || asOf <= to);
}

/** The value of `parameter` in force on `asOf`; without `asOf`, the latest value. */
export function param<T>(parameter: Parameter<T>, asOf?: string): DatedValue<T> | undefined {
  if (asOf === undefined) {
    let latest: DatedValue<T> | undefined;
    for (const v of parameter) if (latest === undefined || v.from > latest.from) latest = v;
    return latest;
  }
  for (const v of parameter) if (isWithin(asOf, v.from, v.to)) return v;
  return undefined;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{placeholders}` of a studio name template, e.g. `大兴区{leaderName}{occupation}技能大师工作室`. */
export function formatStudioName(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => (Object.hasOwn(values, key) ? values[key] : whole));
}

// ---------------------------------------------------------------------------------------------------------
// Rule builders: the common shapes, with results built once.
// ---------------------------------------------------------------------------------------------------------

/** What every rule states about itself. */
export interface RuleMeta {
  id: string;
  citation: Citation;
  text: string;
  subject: Rule['subject'];
  programs: ProgramId[];
  applicability?: Rule['applicability'];
}

function splitPath(path: FactPath): [string, string] {
  const dot = path.indexOf('.');
  return [path.slice(0, dot), path.slice(dot + 1)];
}

function withMeta(meta: RuleMeta, needs: string[], check: Rule['check']): Rule {
  const rule: Rule = {
    id: meta.id,
    citation: meta.citation,
    text: meta.text,
    subject: meta.subject,
    programs: meta.programs,
    needs,
    check,
  };
  if (meta.applicability) rule.applicability = meta.applicability;
  return rule;
}

/** A yes/no fact that must equal `expected` (e.g. 在职在聘 = true, 已领办其他工作室 = false). */
export function booleanRule(meta: RuleMeta & { fact: FactPath; expected: boolean; pass: Text; fail: Text }): Rule {
  const [group, key] = splitPath(meta.fact);
  const onPass = pass(meta.pass.zh, meta.pass.en);
  const onFail = fail(meta.fail.zh, meta.fail.en);
  const onMissing = missing(meta.fact);
  return withMeta(meta, [meta.fact], (facts) => {
    const v = readAt(facts, group, key);
    return typeof v !== 'boolean'
      ? onMissing
      : v === meta.expected
        ? onPass
        : onFail;
  });
}


/** A number fact that must be at least `min` (e.g. 3名以上正式员工: 以上 includes the number itself). */
export function minimumRule(
  meta: RuleMeta & { fact: FactPath; min: number; pass: (n: number) => Text; fail: (n: number) => Text },
): Rule {
  const [group, key] = splitPath(meta.fact);
  const onMissing = missing(meta.fact);
  return withMeta(meta, [meta.fact], (facts) => {
    const n = readAt(facts, group, key);
    if (typeof n !== 'number' || !Number.isFinite(n)) return onMissing;
    if (n >= meta.min) {
      const t = meta.pass(n);
      return pass(t.zh, t.en);
    }
    const t = meta.fail(n);
    return fail(t.zh, t.en);
  });
}

/**
 * A condition judged from evidence: `review` with the evidence the desk or experts look at, once the facts in
 * `needs` (if any) are present; `unknown` naming the first missing one before that.
 */
export function reviewRule(meta: RuleMeta & { needs?: FactPath[]; evidence: Text }): Rule {
  const needs = meta.needs ?? [];
  const paths = needs.map(splitPath);
  const onReview = review(meta.evidence.zh, meta.evidence.en);
  const onMissing = needs.map((p) => missing(p));
  return withMeta(meta, needs, (facts) => {
    for (let i = 0; i < paths.length; i++) {
      const v = readAt(facts, paths[i][0], paths[i][1]);
      if (v === undefined || v === null || v === '') return onMissing[i];
    }
    return onReview;
  });
}

/** 距法定退休年龄N年以上（含N年）, from leader.birthDate, leader.sex and (for women) leader.category. */
export function retirementMarginRule(meta: RuleMeta & { minYears: number }): Rule {
  return withMeta(meta, ['leader.birthDate', 'leader.sex', 'leader.category'], (facts, ctx: RuleContext) =>
    retirementMarginCheck(
      readDate(facts, 'leader', 'birthDate'),
      readEnum(facts, 'leader', 'sex', SEXES),
      readEnum(facts, 'leader', 'category', CATEGORIES),
      ctx.asOf,
      meta.minYears,
    ),
  );
}
