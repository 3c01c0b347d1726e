import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, PolicyInputError } from '../rules/dates';
import {
  addWorkingDays,
  isWorkingDay,
  knownYears,
  workingDaysBetween,
  type CalendarOverrides,
} from './working-days';

const NOTICE_2026 = '国务院办公厅关于2026年部分节假日安排的通知';

describe(`${NOTICE_2026} (as packaged by chinese-days)`, () => {
  it.each([
    // 元旦：1月1日（周四）至3日（周六）放假调休，共3天，1月4日（周日）上班
    ['2026-01-01', false, '元旦'],
    ['2026-01-02', false, '元旦'],
    ['2026-01-03', false, '元旦'],
    ['2026-01-04', true, '调休上班'],
    // 春节：2月15日（周日）至23日（周一）放假调休，共9天，2月14日（周六）、2月28日（周六）上班
    ['2026-02-14', true, '调休上班'],
    ['2026-02-15', false, '春节'],
    ['2026-02-20', false, '春节'], // a Friday off in lieu
    ['2026-02-23', false, '春节'],
    ['2026-02-24', true, '工作日'],
    ['2026-02-28', true, '调休上班'],
    // 清明节：4月4日（周六）至6日（周一）放假
    ['2026-04-05', false, '清明节'],
    ['2026-04-06', false, '清明节'],
    // 劳动节：5月1日（周五）至5日（周二）放假调休，5月9日（周六）上班
    ['2026-05-05', false, '劳动节'],
    ['2026-05-09', true, '调休上班'],
    // 端午节：6月19日（周五）至21日（周日）放假
    ['2026-06-19', false, '端午节'],
    // 中秋节：9月25日（周五）至27日（周日）放假
    ['2026-09-25', false, '中秋节'],
    // 国庆节：10月1日（周四）至7日（周三）放假调休，9月20日（周日）、10月10日（周六）上班
    ['2026-09-20', true, '调休上班'],
    ['2026-10-01', false, '国庆节'],
    ['2026-10-07', false, '国庆节'],
    ['2026-10-08', true, '工作日'],
    ['2026-10-10', true, '调休上班'],
    ['2026-10-11', false, '周末'],
  ])('%s working=%s (%s)', (date, working, reason) => {
    expect(isWorkingDay(date)).toEqual({ working, provisional: false, reason });
  });

  it.each([
    // 春节
    ['2026-02-12', 5, '2026-02-26'],
    ['2026-02-13', 5, '2026-02-27'], // the 调休 Saturday 14 February counts
    ['2026-02-14', 5, '2026-02-28'], // … and so does 28 February
    ['2026-02-24', 5, '2026-03-02'],
    // 国庆节 and 中秋节
    ['2026-09-18', 5, '2026-09-24'], // Sunday 20 September is a working day
    ['2026-09-24', 5, '2026-10-09'],
    ['2026-09-30', 5, '2026-10-13'],
    ['2026-10-09', 1, '2026-10-10'],
    // 元旦
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-31', 5, '2026-01-08'],
    // 国务院办公厅关于2025年部分节假日安排的通知: 国庆节、中秋节 10月1日至8日
    ['2025-09-30', 1, '2025-10-09'],
  ])('%s + %i working days = %s', (from, days, date) => {
    expect(addWorkingDays(from, days)).toEqual({
      date,
      provisional: false,
      basis: expect.arrayContaining([expect.stringMatching(/^国务院办公厅关于20\d\d年部分节假日安排的通知$/)]),
    });
    expect(workingDaysBetween(from, date)).toBe(days);
  });

  it('differs from a weekend-only count around 国庆节 2026, which would be wrong', () => {
    const weekendOnly = (from: string, days: number): string => {
      let date = from;
      for (let left = days; left > 0; ) {
        date = addDays(date, 1);
        if (dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6) left--;
      }
      return date;
    };
    expect(weekendOnly('2026-09-30', 5)).toBe('2026-10-07');
    expect(addWorkingDays('2026-09-30', 5).date).toBe('2026-10-13');
    expect(weekendOnly('2026-09-18', 1)).toBe('2026-09-21');
    expect(addWorkingDays('2026-09-18', 1).date).toBe('2026-09-20');
  });
});

describe('years without a packaged notice', () => {
  it('2027-01-01 (元旦) is not a working day, provisionally', () => {
    expect(isWorkingDay('2027-01-01')).toEqual({ working: false, provisional: true, reason: '元旦' });
    expect(isWorkingDay('2027-02-08')).toEqual({ working: false, provisional: true, reason: '春节' });
    expect(isWorkingDay('2027-02-09')).toEqual({ working: true, provisional: true, reason: '工作日' });
    expect(isWorkingDay('2027-01-02')).toEqual({ working: false, provisional: true, reason: '周末' });
  });

  it('a count that reaches into 2027 is provisional and says why', () => {
    const result = addWorkingDays('2026-12-30', 3);
    expect(result.date).toBe('2027-01-05');
    expect(result.provisional).toBe(true);
    expect(result.basis).toEqual([NOTICE_2026, expect.stringMatching(/^2027年：.*国务院令第798号.*暂定$/)]);
  });

  it('an operator override for 2027 makes it official (hypothetical schedule, for the test only)', () => {
    const overrides: CalendarOverrides = {
      2027: {
        holidays: ['2027-01-01', '2027-01-04'],
        workdays: ['2027-01-09'],
        source: '国务院办公厅关于2027年部分节假日安排的通知（测试用假设数据）',
      },
    };
    const result = addWorkingDays('2026-12-30', 3, overrides);
    expect(result).toEqual({
      date: '2027-01-06',
      provisional: false,
      basis: [NOTICE_2026, '2027年：国务院办公厅关于2027年部分节假日安排的通知（测试用假设数据）'],
    });
    expect(isWorkingDay('2027-01-04', overrides)).toEqual({ working: false, provisional: false, reason: '放假' });
    expect(isWorkingDay('2027-01-09', overrides)).toEqual({ working: true, provisional: false, reason: '调休上班' });
    expect(isWorkingDay('2027-02-08', overrides)).toEqual({ working: true, provisional: false, reason: '工作日' });
    expect(knownYears(overrides).at(-1)).toBe(2027);
  });

  it('an override replaces the packaged schedule of its year', () => {
    const overrides: CalendarOverrides = { 2026: { holidays: [], workdays: [] } };
    expect(isWorkingDay('2026-10-01', overrides)).toEqual({ working: true, provisional: false, reason: '工作日' });
    expect(addWorkingDays('2026-09-30', 1, overrides).basis).toEqual(['2026年：运营方录入的节假日安排']);
  });
});

describe('knownYears', () => {
  it('chinese-days 1.5.7 packages the notices for 2004–2026 (update the package and this test together)', () => {
    expect(knownYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('0 working days returns from itself, even on a holiday', () => {
    expect(addWorkingDays('2026-10-01', 0)).toEqual({ date: '2026-10-01', provisional: false, basis: [] });
  });

  it('workingDaysBetween counts (from, to] and is negative backwards', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-13')).toBe(5);
    expect(workingDaysBetween('2026-10-13', '2026-09-30')).toBe(-5);
    expect(workingDaysBetween('2026-10-01', '2026-10-01')).toBe(0);
    expect(workingDaysBetween('2026-10-01', '2026-10-07')).toBe(0);
  });

  it('property: the result is after from, is a working day, and is exactly `days` working days away', () => {
    const dayIn2024To2028 = fc.integer({ min: 0, max: 5 * 366 }).map((offset) => addDays('2024-01-01', offset));
    fc.assert(
      fc.property(dayIn2024To2028, fc.integer({ min: 1, max: 40 }), (from, days) => {
        const result = addWorkingDays(from, days);
        expect(result.date > from).toBe(true);
        expect(isWorkingDay(result.date).working).toBe(true);
        expect(workingDaysBetween(from, result.date)).toBe(days);
        expect(result.provisional).toBe(result.date >= '2027-01-01');
      }),
      { numRuns: 300 },
    );
  });
});

describe('results do not depend on the process time zone', () => {
  // chinese-days' own functions answer for the previous day west of UTC; we read its data instead.
  it.each(['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'UTC'])('TZ=%s', (tz) => {
    const savedTz = process.env.TZ;
    process.env.TZ = tz;
    try {
      // The zone really changed in this process: 2026-01-01T00:00Z is still 31 December in Los Angeles.
      expect(new Date(Date.UTC(2026, 0, 1)).getDate()).toBe(tz === 'America/Los_Angeles' ? 31 : 1);
      expect(isWorkingDay('2026-10-01')).toEqual({ working: false, provisional: false, reason: '国庆节' });
      expect(isWorkingDay('2026-10-10').working).toBe(true);
      expect(addWorkingDays('2026-09-30', 5).date).toBe('2026-10-13');
      expect(addWorkingDays('2026-02-13', 5).date).toBe('2026-02-27');
      expect(isWorkingDay('2027-02-05')).toEqual({ working: false, provisional: true, reason: '春节' });
      expect(isWorkingDay('2027-09-15').reason).toBe('中秋节');
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });
});

describe('invalid input throws PolicyInputError', () => {
  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyInputError);
      return (error as PolicyInputError).code;
    }
    return undefined;
  };

  it.each<[string, () => unknown, string]>([
    ['an impossible date', () => isWorkingDay('2026-02-29'), 'INVALID_DATE'],
    ['a date with a time', () => addWorkingDays('2026-10-01T00:00:00Z', 1), 'INVALID_DATE'],
    ['negative days', () => addWorkingDays('2026-10-01', -1), 'INVALID_DAYS'],
    ['fractional days', () => addWorkingDays('2026-10-01', 1.5), 'INVALID_DAYS'],
    ['a bad `to`', () => workingDaysBetween('2026-10-01', '2026-13-01'), 'INVALID_DATE'],
    ['a year before 798号 that is not packaged', () => isWorkingDay('2003-06-02'), 'CALENDAR_YEAR_UNSUPPORTED'],
    ['a year past the computable range', () => isWorkingDay('2100-06-01'), 'CALENDAR_YEAR_UNSUPPORTED'],
    [
      'an override date outside its year',
      () => isWorkingDay('2027-01-01', { 2027: { holidays: ['2028-01-01'], workdays: [] } }),
      'INVALID_OVERRIDE',
    ],
    [
      'an override day both off and on',
      () => knownYears({ 2027: { holidays: ['2027-01-02'], workdays: ['2027-01-02'] } }),
      'INVALID_OVERRIDE',
    ],
    [
      'an override without lists',
      () => knownYears({ 2027: {} } as unknown as CalendarOverrides),
      'INVALID_OVERRIDE',
    ],
  ])('%s', (_, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });
});
