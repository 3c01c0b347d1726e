/**
 * The State Council schedules (国务院办公厅关于某年部分节假日安排的通知) packaged by the npm package
 * `chinese-days`, read from its data file rather than through its functions: those parse 'YYYY-MM-DD' as UTC
 * but read the day back in local time, so in a process or browser west of UTC they answer for the previous
 * day (chinese-days 1.5.7, e.g. getDayDetail('2026-10-01') returns '2026-09-30' under America/Los_Angeles).
 * The data file is plain 'YYYY-MM-DD' keys and involves no time zone.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** Values are "English name,中文名,statutory days", e.g. "National Day,国庆节,3". */
interface PackagedData {
  /** 放假 days, weekday or weekend. */
  holidays: Record<string, string>;
  /** 调休上班: weekend days that are working days. */
  workdays: Record<string, string>;
}

const data: PackagedData = chineseDays;

/** chinese-days uses short names for three festivals; 《全国年节及纪念日放假办法》第二条 names them so. */
const STATUTORY_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function festivalName(value: string): string {
  const zh = value.split(',')[1] ?? value;
  return STATUTORY_NAMES[zh] ?? zh;
}

/**
 * Years whose schedule the package holds: those with both 春节 and 国庆节 entries, so that a stray date carried
 * into a neighbouring year by some notice cannot make that year look known.
 */
export const PACKAGED_YEARS: readonly number[] = (() => {
  const festivalsByYear = new Map<number, Set<string>>();
  for (const [date, value] of Object.entries(data.holidays)) {
    const year = Number(date.slice(0, 4));
    const festivals = festivalsByYear.get(year) ?? new Set<string>();
    festivals.add(festivalName(value));
    festivalsByYear.set(year, festivals);
  }
  return [...festivalsByYear]
    .filter(([, festivals]) => festivals.has('春节') && festivals.has('国庆节'))
    .map(([year]) => year)
    .sort((a, b) => a - b);
})();

/** The packaged entry for a day of a packaged year, if it has one; other days follow the week. */
export function packagedEntry(date: string): { working: boolean; festival: string } | undefined {
  const workday = data.workdays[date];
  if (workday !== undefined) return { working: true, festival: festivalName(workday) };
  const holiday = data.holidays[date];
  if (holiday !== undefined) return { working: false, festival: festivalName(holiday) };
  return undefined;
}
