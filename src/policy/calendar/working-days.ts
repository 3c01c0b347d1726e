/**
 * Statutory working days (法定工作日) of mainland China, e.g. for a 公示 that ends N working days after it starts.
 *
 * A day is decided by the first source that has its year:
 * 1. an operator override for the year (the platform admin enters a notice the package does not have yet, or
 *    corrects one); it replaces the packaged schedule of that year entirely;
 * 2. the packaged State Council schedule (chinese-days data, 2004 to its last packaged year), with its 调休
 *    working weekends and bridging days off;
 * 3. otherwise the statutory holidays of 《全国年节及纪念日放假办法》第二条 (国务院令第798号) plus weekends,
 *    without the 补假 and 调休 the State Council will set: the answer is marked provisional.
 * Saturday and Sunday alone are never the rule: 调休 makes some of them working days.
 *
 * Dates are 'YYYY-MM-DD' days of the Beijing calendar; nothing here reads the clock or the time zone.
 */
import {
  addDays,
  assertIsoDate,
  compareDates,
  dayOfWeek,
  isValidIsoDate,
  PolicyInputError,
  yearOf,
} from '../rules/dates';
import { PACKAGED_YEARS, packagedEntry } from './packaged-schedule';
import { FIRST_COMPUTABLE_YEAR, LAST_COMPUTABLE_YEAR, statutoryHolidays } from './statutory-holidays';

/**
 * Operator-entered schedule for a year, keyed by year: `holidays` are the 放假 days (weekday holidays and
 * bridging days included), `workdays` the 调休 weekend working days; `source` cites the notice.
 */
export interface CalendarOverrides {
  [year: number]: { holidays: string[]; workdays: string[]; source?: string };
}

export interface WorkingDayResult {
  /** YYYY-MM-DD. */
  date: string;
  /** True when any day examined fell in a year whose official schedule is neither packaged nor overridden. */
  provisional: boolean;
  /** The schedules relied on, one line per year examined, in Chinese. */
  basis: string[];
}

interface DayVerdict {
  working: boolean;
  provisional: boolean;
  /** '国庆节', '调休上班', '周末', '工作日', … */
  reason: string;
  basis: string;
}

interface YearOverride {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  basis: string;
}

type CompiledOverrides = ReadonlyMap<number, YearOverride>;

const PACKAGED = new Set(PACKAGED_YEARS);

function invalidOverride(message: string, messageEn: string): PolicyInputError {
  return new PolicyInputError('INVALID_OVERRIDE', message, messageEn, 'overrides');
}

function compileOverrides(overrides: CalendarOverrides | undefined): CompiledOverrides {
  const compiled = new Map<number, YearOverride>();
  for (const [key, entry] of Object.entries(overrides ?? {})) {
    if (!/^\d{4}$/.test(key)) {
      throw invalidOverride(`节假日安排的年份“${key}”无效。`, `"${key}" is not a year.`);
    }
    const year = Number(key);
    const days = (list: unknown, kind: string): Set<string> => {
      if (!Array.isArray(list)) {
        throw invalidOverride(`${year}年的${kind}应为日期列表。`, `${year}: ${kind} must be a list of dates.`);
      }
      for (const date of list) {
        if (typeof date !== 'string' || !isValidIsoDate(date) || yearOf(date) !== year) {
          throw invalidOverride(
            `${year}年的${kind}中，“${String(date)}”不是该年的有效日期。`,
            `${year}: "${String(date)}" in ${kind} is not a valid date of that year.`,
          );
        }
      }
      return new Set(list as string[]);
    };
    const holidays = days(entry?.holidays, '放假日期');
    const workdays = days(entry?.workdays, '调休上班日期');
    const both = [...holidays].find((date) => workdays.has(date));
    if (both) {
      throw invalidOverride(
        `${both} 不能既是放假日又是调休上班日。`,
        `${both} cannot be both a holiday and a working day.`,
      );
    }
    const source = entry.source?.trim();
    compiled.set(year, { holidays, workdays, basis: `${year}年：${source || '运营方录入的节假日安排'}` });
  }
  return compiled;
}

function unsupportedYear(year: number): PolicyInputError {
  const first = PACKAGED_YEARS[0];
  const last = PACKAGED_YEARS[PACKAGED_YEARS.length - 1];
  return new PolicyInputError(
    'CALENDAR_YEAR_UNSUPPORTED',
    `${year}年不在工作日历范围内：已收录${first}–${last}年的国务院节假日安排，` +
      `${FIRST_COMPUTABLE_YEAR}–${LAST_COMPUTABLE_YEAR}年可按法定节假日推算；其他年份须由管理员录入当年安排。`,
    `${year} is outside the working-day calendar: schedules for ${first}–${last} are packaged and ` +
      `${FIRST_COMPUTABLE_YEAR}–${LAST_COMPUTABLE_YEAR} can be computed; other years need an operator override.`,
  );
}

function isWeekend(date: string): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

function byWeek(date: string): Pick<DayVerdict, 'working' | 'reason'> {
  return isWeekend(date) ? { working: false, reason: '周末' } : { working: true, reason: '工作日' };
}

function judge(date: string, overrides: CompiledOverrides): DayVerdict {
  const year = yearOf(date);

  const override = overrides.get(year);
  if (override) {
    const common = { provisional: false, basis: override.basis };
    if (override.workdays.has(date)) return { working: true, reason: '调休上班', ...common };
    if (override.holidays.has(date)) return { working: false, reason: '放假', ...common };
    return { ...byWeek(date), ...common };
  }

  if (PACKAGED.has(year)) {
    const common = { provisional: false, basis: `国务院办公厅关于${year}年部分节假日安排的通知` };
    const entry = packagedEntry(date);
    if (entry?.working) return { working: true, reason: '调休上班', ...common };
    if (entry) return { working: false, reason: entry.festival, ...common };
    return { ...byWeek(date), ...common };
  }

  // No notice for this year: statutory holidays and weekends only (see statutory-holidays.ts for what is missing).
  if (year < FIRST_COMPUTABLE_YEAR || year > LAST_COMPUTABLE_YEAR) throw unsupportedYear(year);
  const festivals = statutoryHolidays(year)
    .filter((holiday) => holiday.date === date)
    .map((holiday) => holiday.name);
  const common = {
    provisional: true,
    basis: `${year}年：尚无国务院办公厅节假日安排通知，按《全国年节及纪念日放假办法》（国务院令第798号）第二条推算法定节假日，未含补假和调休，结果为暂定`,
  };
  if (festivals.length > 0) return { working: false, reason: festivals.join('、'), ...common };
  return { ...byWeek(date), ...common };
}

/** Whether `date` is a statutory working day, and why. */
export function isWorkingDay(
  date: string,
  overrides?: CalendarOverrides,
): { working: boolean; provisional: boolean; reason: string } {
  assertIsoDate(date, 'date');
  const { working, provisional, reason } = judge(date, compileOverrides(overrides));
  return { working, provisional, reason };
}

/**
 * The `days`-th working day after `from` (`from` itself is not counted), e.g. the last day of a 公示 of
 * `days` working days starting the day after `from`.
 *
 * `days` = 0 returns `from` unchanged, whatever kind of day it is: adding no working days moves nothing, and it
 * keeps `workingDaysBetween(from, addWorkingDays(from, n).date) === n` for every n ≥ 0.
 */
export function addWorkingDays(from: string, days: number, overrides?: CalendarOverrides): WorkingDayResult {
  assertIsoDate(from, 'from');
  if (!Number.isInteger(days) || days < 0) {
    throw new PolicyInputError(
      'INVALID_DAYS',
      `工作日天数应为非负整数，收到“${String(days)}”。`,
      `days must be a non-negative integer, got "${String(days)}".`,
      'days',
    );
  }
  const compiled = compileOverrides(overrides);
  const basis = new Set<string>();
  let provisional = false;
  let date = from;
  for (let remaining = days; remaining > 0; ) {
    date = addDays(date, 1);
    const verdict = judge(date, compiled);
    basis.add(verdict.basis);
    provisional ||= verdict.provisional;
    if (verdict.working) remaining--;
  }
  return { date, provisional, basis: [...basis] };
}

/**
 * The number of working days d with `from` < d ≤ `to` (the inverse of {@link addWorkingDays}); negative, by the
 * same count, when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, overrides?: CalendarOverrides): number {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  if (compareDates(from, to) > 0) return -workingDaysBetween(to, from, overrides);
  const compiled = compileOverrides(overrides);
  let count = 0;
  for (let date = from; date !== to; ) {
    date = addDays(date, 1);
    if (judge(date, compiled).working) count++;
  }
  return count;
}

/** Years whose official schedule is known: packaged or overridden, ascending. */
export function knownYears(overrides?: CalendarOverrides): number[] {
  return [...new Set([...PACKAGED_YEARS, ...compileOverrides(overrides).keys()])].sort((a, b) => a - b);
}
