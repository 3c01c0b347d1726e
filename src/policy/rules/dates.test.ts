import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  assertIsoDate,
  compareDates,
  dayOfWeek,
  isValidIsoDate,
  PolicyInputError,
  yearOf,
} from './dates';

// Reference: the built-in Date in UTC only (getUTC*), over years where Date.UTC is unambiguous.
const MS_PER_DAY = 86_400_000;
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const anyDate = fc
  .integer({ min: Date.UTC(1900, 0, 1) / MS_PER_DAY, max: Date.UTC(2199, 11, 31) / MS_PER_DAY })
  .map((day) => toIso(day * MS_PER_DAY));

describe('isValidIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-12-31', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['2026-13-01', false],
    ['2026-1-05', false],
    ['2026-01-05T00:00:00Z', false],
    [' 2026-01-05', false],
    ['20260105', false],
    ['0000-01-01', false],
    ['', false],
  ])('%s → %s', (value, valid) => {
    expect(isValidIsoDate(value)).toBe(valid);
  });

  it('agrees with Date for every day it generates', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(isValidIsoDate(date)).toBe(true);
      }),
    );
  });
});

describe('arithmetic', () => {
  it('addDays and dayOfWeek agree with Date in UTC', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -20_000, max: 20_000 }), (date, days) => {
        expect(addDays(date, days)).toBe(toIso(msOf(date) + days * MS_PER_DAY));
        expect(dayOfWeek(date)).toBe(new Date(msOf(date)).getUTCDay());
      }),
    );
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -13, '2024-12-15'],
    ['1965-01-10', 721, '2025-02-10'],
  ])('addMonths(%s, %i) = %s (last day of the month when the day does not exist)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('compareDates and yearOf', () => {
    expect(compareDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(compareDates('2025-12-31', '2026-01-01')).toBe(-1);
    expect(compareDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(yearOf('2027-03-04')).toBe(2027);
  });

  it('rejects invalid dates with PolicyInputError naming the field', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(PolicyInputError);
    expect(() => assertIsoDate('2026/01/01', 'from')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', field: 'from' }),
    );
  });
});
