/**
 * Statutory retirement age (法定退休年龄) after the progressive reform:
 * 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定（2024年9月13日通过，2025年1月1日起施行）
 * and the 《国务院关于渐进式延迟法定退休年龄的办法》 it adopts, 第二条 and 附件1–3 (对照表).
 *
 * Only the statutory age is computed here. The voluntary flexible retirement of 办法第三条 (up to three years
 * earlier, not below the original age, or later by agreement) is a choice of the person, not a rule of ours.
 */
import { addMonths, assertIsoDate, PolicyInputError } from './dates';

export { PolicyInputError } from './dates';

export interface RetirementInput {
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: 'male' | 'female';
  /**
   * Women only: 'cadre' (干部, original age 55) or 'worker' (工人, original age 50). Ignored for men, whose
   * original age is 60 either way.
   */
  category: 'worker' | 'cadre';
}

export interface RetirementResult {
  retirementAge: { years: number; months: number };
  /** YYYY-MM-DD. */
  retirementDate: string;
}

/** One 对照表 of the 办法, as data. */
interface ReformSchedule {
  /** 原法定退休年龄, in years. */
  originalAge: number;
  /** The first birth month whose age is delayed (the delay is one month for the first step). */
  firstDelayedBirthYear: number;
  /** 办法第二条: one month of delay per this many birth months (每四个月 / 每二个月延迟一个月). */
  birthMonthsPerStep: number;
  /** 逐步延迟至 63 / 58 / 55 周岁. */
  maxDelayMonths: number;
}

/** 附件1：男职工延迟法定退休年龄对照表 — 60 → 63, born from January 1965. */
const MEN: ReformSchedule = {
  originalAge: 60,
  firstDelayedBirthYear: 1965,
  birthMonthsPerStep: 4,
  maxDelayMonths: 36,
};

/** 附件2：原法定退休年龄为五十五周岁的女职工 (women cadres) — 55 → 58, born from January 1970. */
const WOMEN_CADRES: ReformSchedule = {
  originalAge: 55,
  firstDelayedBirthYear: 1970,
  birthMonthsPerStep: 4,
  maxDelayMonths: 36,
};

/** 附件3：原法定退休年龄为五十周岁的女职工 (women workers) — 50 → 55, born from January 1975. */
const WOMEN_WORKERS: ReformSchedule = {
  originalAge: 50,
  firstDelayedBirthYear: 1975,
  birthMonthsPerStep: 2,
  maxDelayMonths: 60,
};

function scheduleFor(input: RetirementInput): ReformSchedule {
  if (input.sex === 'male') return MEN;
  if (input.sex !== 'female') {
    throw new PolicyInputError('INVALID_SEX', '性别应为 male（男）或 female（女）。', "sex must be 'male' or 'female'.", 'sex');
  }
  if (input.category === 'cadre') return WOMEN_CADRES;
  if (input.category === 'worker') return WOMEN_WORKERS;
  throw new PolicyInputError(
    'INVALID_CATEGORY',
    '女职工须注明身份：worker（工人，原退休年龄50周岁）或 cadre（干部，原退休年龄55周岁）。',
    "For women, category must be 'worker' (original age 50) or 'cadre' (original age 55).",
    'category',
  );
}

/**
 * The statutory retirement age and date.
 *
 * Date convention: the 对照表 give the retirement time only as a month (e.g. 男 1965年1月出生 → 2025年2月).
 * We return the day the person reaches the age — birth date plus the years and months — which always falls in
 * that month. When that day does not exist (born on the 31st, or on 29 February), it is the last day of the
 * month, so that the person has fully reached the age (年满) within the month the table names.
 */
export function computeRetirement(input: RetirementInput): RetirementResult {
  assertIsoDate(input.birthDate, 'birthDate');
  const schedule = scheduleFor(input);

  const birthYear = Number(input.birthDate.slice(0, 4));
  const birthMonth = Number(input.birthDate.slice(5, 7));
  // Birth months counted from January of the first delayed year: 0 is the first month to get one month.
  const monthsIntoReform = (birthYear - schedule.firstDelayedBirthYear) * 12 + (birthMonth - 1);
  const delayMonths =
    monthsIntoReform < 0
      ? 0
      : Math.min(schedule.maxDelayMonths, Math.floor(monthsIntoReform / schedule.birthMonthsPerStep) + 1);

  const totalMonths = schedule.originalAge * 12 + delayMonths;
  return {
    retirementAge: { years: Math.floor(totalMonths / 12), months: totalMonths % 12 },
    retirementDate: addMonths(input.birthDate, totalMonths),
  };
}
