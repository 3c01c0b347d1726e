import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { PolicyInputError } from '../rules/dates';
import { isWorkingDay } from './working-days';
import { FIRST_COMPUTABLE_YEAR, LAST_COMPUTABLE_YEAR, statutoryHolidays } from './statutory-holidays';

const byName = (year: number) => {
  const grouped: Record<string, string[]> = {};
  for (const { date, name } of statutoryHolidays(year)) (grouped[name] ??= []).push(date);
  return grouped;
};

describe('《全国年节及纪念日放假办法》第二条（国务院令第798号修订）statutory holidays', () => {
  it.each([
    [
      2025,
      {
        元旦: ['2025-01-01'],
        春节: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'], // 除夕 is 28 January
        清明节: ['2025-04-04'],
        劳动节: ['2025-05-01', '2025-05-02'],
        端午节: ['2025-05-31'],
        中秋节: ['2025-10-06'],
        国庆节: ['2025-10-01', '2025-10-02', '2025-10-03'],
      },
    ],
    [
      2026,
      {
        元旦: ['2026-01-01'],
        春节: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19'], // 正月初一 is 17 February
        清明节: ['2026-04-05'],
        劳动节: ['2026-05-01', '2026-05-02'],
        端午节: ['2026-06-19'],
        中秋节: ['2026-09-25'],
        国庆节: ['2026-10-01', '2026-10-02', '2026-10-03'],
      },
    ],
    [
      2027,
      {
        元旦: ['2027-01-01'],
        春节: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
        清明节: ['2027-04-05'],
        劳动节: ['2027-05-01', '2027-05-02'],
        端午节: ['2027-06-09'],
        中秋节: ['2027-09-15'],
        国庆节: ['2027-10-01', '2027-10-02', '2027-10-03'],
      },
    ],
  ])('%i', (year, expected) => {
    expect(byName(year)).toEqual(expected);
    expect(statutoryHolidays(year)).toHaveLength(13);
  });

  it.each([2025, 2026])(
    'agrees with 国务院办公厅关于%i年部分节假日安排的通知: every computed holiday is a packaged day off of that festival',
    (year) => {
      for (const { date, name } of statutoryHolidays(year)) {
        const day = isWorkingDay(date);
        expect(day.working, date).toBe(false);
        expect(day.provisional).toBe(false);
        expect(day.reason, date).toBe(name);
      }
    },
  );

  it('中秋节 on 3 October 2028 coincides with 国庆节: the day is listed once per festival, in the order of the article', () => {
    expect(statutoryHolidays(2028).filter((h) => h.date === '2028-10-03').map((h) => h.name)).toEqual([
      '中秋节',
      '国庆节',
    ]);
    expect(isWorkingDay('2028-10-03')).toEqual({ working: false, provisional: true, reason: '中秋节、国庆节' });
  });

  it(`agrees with chinese-days' table-based lunar conversion for ${FIRST_COMPUTABLE_YEAR}–${LAST_COMPUTABLE_YEAR}`, () => {
    // chinese-days' own date functions need a time zone at or east of UTC to answer correctly.
    const savedTz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      for (let year = FIRST_COMPUTABLE_YEAR; year <= LAST_COMPUTABLE_YEAR; year++) {
        const ours = byName(year);
        expect(ours['春节'][1], `${year} 春节`).toBe(chineseDays.getSolarDateFromLunar(`${year}-01-01`).date);
        expect(ours['端午节'][0], `${year} 端午`).toBe(chineseDays.getSolarDateFromLunar(`${year}-05-05`).date);
        expect(ours['中秋节'][0], `${year} 中秋`).toBe(chineseDays.getSolarDateFromLunar(`${year}-08-15`).date);
        expect(ours['清明节'][0], `${year} 清明`).toBe(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'));
      }
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });

  it.each([2024, 2100, 2025.5])('%s cannot be computed', (year) => {
    expect(() => statutoryHolidays(year)).toThrow(PolicyInputError);
  });
});
