/**
 * Calendar dates as 'YYYY-MM-DD' strings, with pure integer arithmetic on the proleptic Gregorian calendar.
 *
 * No `Date` object is involved anywhere: a date in policy is a day in the Beijing calendar, and going
 * through `Date` invites the local time zone back in (a server or browser west of UTC would shift days).
 * Day numbers follow Howard Hinnant's `days_from_civil` / `civil_from_days` (day 0 = 1970-01-01).
 */

export type PolicyInputErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_SEX'
  | 'INVALID_CATEGORY'
  | 'INVALID_DAYS'
  | 'INVALID_OVERRIDE'
  | 'CALENDAR_YEAR_UNSUPPORTED';

/** Input that a policy function cannot evaluate. The server maps it to a 400 with `code` and `message`. */
export class PolicyInputError extends Error {
  override readonly name = 'PolicyInputError';

  constructor(
    readonly code: PolicyInputErrorCode,
    /** For people, in Chinese. */
    message: string,
    readonly messageEn: string,
    /** The input field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parse(date: string): CivilDate | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Strict 'YYYY-MM-DD' naming a real calendar day (no 2025-02-29, no 2025-1-5, no time part). */
export function isValidIsoDate(s: string): boolean {
  return typeof s === 'string' && parse(s) !== null;
}

function parseOrThrow(date: string, field = 'date'): CivilDate {
  const civil = typeof date === 'string' ? parse(date) : null;
  if (!civil) {
    throw new PolicyInputError(
      'INVALID_DATE',
      `日期“${String(date)}”无效，应为真实存在的日期，格式为 YYYY-MM-DD。`,
      `"${String(date)}" is not a valid date; expected a real calendar date as YYYY-MM-DD.`,
      field,
    );
  }
  return civil;
}

/** Throws {@link PolicyInputError} unless `date` is a valid 'YYYY-MM-DD'; `field` names the input at fault. */
export function assertIsoDate(date: string, field = 'date'): void {
  parseOrThrow(date, field);
}

function format({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toDayNumber({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  return format(fromDayNumber(toDayNumber(parseOrThrow(date)) + days));
}

/**
 * `date` plus `months` calendar months. When the day does not exist in the target month (31 March + 1 month,
 * 29 February + 12 months) the result is the last day of that month.
 */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseOrThrow(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** -1, 0 or 1 as `a` is before, the same day as, or after `b`. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const diff = toDayNumber(parseOrThrow(a)) - toDayNumber(parseOrThrow(b));
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(parseOrThrow(date)) + 4) % 7) + 7) % 7;
}

/** The calendar year of a valid 'YYYY-MM-DD'. */
export function yearOf(date: string): number {
  return parseOrThrow(date).year;
}
