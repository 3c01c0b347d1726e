/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 as revised by 国务院令第798号 (2024-11-10, in force
 * 2025-01-01), for a year whose State Council schedule (国务院办公厅关于某年部分节假日安排的通知) we do not have.
 *
 * 第二条 全体公民放假的节日: 元旦 1 day (1 January); 春节 4 days (农历除夕, 正月初一至初三); 清明节 1 day (the
 * 清明 solar term); 劳动节 2 days (1–2 May); 端午节 1 day (农历五月初五); 中秋节 1 day (农历八月十五);
 * 国庆节 3 days (1–3 October).
 *
 * What this cannot know: the 办法 also gives a weekday in lieu (补假) when a holiday falls on a weekend, and the
 * State Council shifts days every year (调休: weekend working days, bridging weekdays off). Which days those are
 * is only known from the year's notice, so none are invented here; results built on this are provisional.
 */
import lunarJavascript from 'lunar-javascript';
import { addDays, compareDates, PolicyInputError } from '../rules/dates';

export interface StatutoryHoliday {
  /** YYYY-MM-DD. */
  date: string;
  /** The festival as 第二条 names it, e.g. '春节'. */
  name: string;
}

/** 国务院令第798号 applies from 2025; earlier years had other rules (and are packaged anyway). */
export const FIRST_COMPUTABLE_YEAR = 2025;
/**
 * Up to here lunar-javascript (astronomical) agrees with chinese-days' table-based conversion on every date
 * used (see the test); in 2100 they already differ on 清明.
 */
export const LAST_COMPUTABLE_YEAR = 2099;

const cache = new Map<number, readonly StatutoryHoliday[]>();

/** Lunar date (lunar year = `year`) to its Gregorian 'YYYY-MM-DD' in Beijing. */
function lunarToSolar(year: number, month: number, day: number): string {
  return lunarJavascript.Lunar.fromYmd(year, month, day).getSolar().toYmd();
}

function computeYear(year: number): readonly StatutoryHoliday[] {
  const lunarNewYear = lunarToSolar(year, 1, 1);
  // Solar terms at Beijing time; 清明 of Gregorian `year` is in the table of lunar year `year`.
  const qingMing = lunarJavascript.Lunar.fromYmd(year, 1, 1).getJieQiTable()['清明'];
  if (!qingMing) throw new Error(`lunar-javascript returned no 清明 for ${year}`);
  const holidays: StatutoryHoliday[] = [
    { date: `${year}-01-01`, name: '元旦' },
    { date: addDays(lunarNewYear, -1), name: '春节' }, // 除夕: the last day of the twelfth lunar month
    { date: lunarNewYear, name: '春节' },
    { date: addDays(lunarNewYear, 1), name: '春节' },
    { date: addDays(lunarNewYear, 2), name: '春节' },
    { date: qingMing.toYmd(), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: lunarToSolar(year, 5, 5), name: '端午节' },
    { date: lunarToSolar(year, 8, 15), name: '中秋节' },
    { date: `${year}-10-01`, name: '国庆节' },
    { date: `${year}-10-02`, name: '国庆节' },
    { date: `${year}-10-03`, name: '国庆节' },
  ];
  return holidays.sort((a, b) => compareDates(a.date, b.date));
}

/**
 * The statutory holidays of `year` by 第二条, in date order (the article's order within a day). 中秋节 can fall
 * on 1–3 October; the day then appears twice, once per festival.
 */
export function statutoryHolidays(year: number): readonly StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_COMPUTABLE_YEAR || year > LAST_COMPUTABLE_YEAR) {
    throw new PolicyInputError(
      'CALENDAR_YEAR_UNSUPPORTED',
      `${year}年的节假日无法推算：仅支持${FIRST_COMPUTABLE_YEAR}至${LAST_COMPUTABLE_YEAR}年（国务院令第798号施行后）。`,
      `Holidays of ${year} cannot be computed: only ${FIRST_COMPUTABLE_YEAR}–${LAST_COMPUTABLE_YEAR} (Decree 798).`,
      'year',
    );
  }
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = computeYear(year);
    cache.set(year, holidays);
  }
  return holidays;
}
