import { describe, expect, it } from 'vitest';
import { computeRetirement, PolicyInputError, type RetirementInput } from './retirement';

type Case = [birthDate: string, years: number, months: number, retirementDate: string];

function run(sex: RetirementInput['sex'], category: RetirementInput['category'], cases: Case[]): void {
  it.each(cases)('born %s → %i years %i months, retires %s', (birthDate, years, months, retirementDate) => {
    expect(computeRetirement({ birthDate, sex, category })).toEqual({
      retirementAge: { years, months },
      retirementDate,
    });
  });
}

describe('全国人大常委会关于实施渐进式延迟法定退休年龄的决定 — 办法第二条', () => {
  describe('附件1 男职工延迟法定退休年龄对照表 (60 → 63, one month per four birth months from 1965-01)', () => {
    run('male', 'worker', [
      ['1964-12-15', 60, 0, '2024-12-15'], // before the reform: 60, retires 2024-12
      ['1965-01-10', 60, 1, '2025-02-10'], // table: 1965年1月 → 2025年2月
      ['1965-04-30', 60, 1, '2025-05-30'],
      ['1965-05-01', 60, 2, '2025-07-01'],
      ['1976-08-20', 62, 11, '2039-07-20'],
      ['1976-09-20', 63, 0, '2039-09-20'], // first birth month at the cap
      ['1990-01-01', 63, 0, '2053-01-01'],
    ]);

    it('ignores category for men', () => {
      const worker = computeRetirement({ birthDate: '1970-06-01', sex: 'male', category: 'worker' });
      const cadre = computeRetirement({ birthDate: '1970-06-01', sex: 'male', category: 'cadre' });
      expect(cadre).toEqual(worker);
      expect(worker.retirementAge).toEqual({ years: 61, months: 5 });
    });
  });

  describe('附件2 原法定退休年龄为五十五周岁的女职工 (cadres, 55 → 58, one month per four birth months from 1970-01)', () => {
    run('female', 'cadre', [
      ['1969-12-31', 55, 0, '2024-12-31'],
      ['1970-01-01', 55, 1, '2025-02-01'],
      ['1970-05-15', 55, 2, '2025-07-15'],
      ['1981-08-08', 57, 11, '2039-07-08'],
      ['1981-09-08', 58, 0, '2039-09-08'], // cap reached
      ['1981-12-08', 58, 0, '2039-12-08'],
    ]);
  });

  describe('附件3 原法定退休年龄为五十周岁的女职工 (workers, 50 → 55, one month per two birth months from 1975-01)', () => {
    run('female', 'worker', [
      ['1974-12-20', 50, 0, '2024-12-20'],
      ['1975-01-20', 50, 1, '2025-02-20'],
      ['1975-02-20', 50, 1, '2025-03-20'],
      ['1975-03-20', 50, 2, '2025-05-20'],
      ['1984-10-05', 54, 11, '2039-09-05'],
      ['1984-11-05', 55, 0, '2039-11-05'], // cap reached
      ['1984-12-05', 55, 0, '2039-12-05'],
    ]);
  });

  describe('retirement date: the day the age is reached, or the last day of the month when that day does not exist', () => {
    run('male', 'worker', [
      ['1965-01-31', 60, 1, '2025-02-28'],
      ['1980-02-29', 63, 0, '2043-02-28'], // 2043 is not a leap year
      ['1964-02-29', 60, 0, '2024-02-29'], // 2024 is
    ]);
    run('female', 'worker', [['1972-02-29', 50, 0, '2022-02-28']]);
  });

  describe('invalid input throws PolicyInputError', () => {
    it.each([
      [{ birthDate: '1970-02-30', sex: 'male', category: 'worker' }, 'INVALID_DATE', 'birthDate'],
      [{ birthDate: '1970-2-3', sex: 'male', category: 'worker' }, 'INVALID_DATE', 'birthDate'],
      [{ birthDate: '', sex: 'female', category: 'cadre' }, 'INVALID_DATE', 'birthDate'],
      [{ birthDate: '1970-01-01', sex: 'other', category: 'worker' }, 'INVALID_SEX', 'sex'],
      [{ birthDate: '1970-01-01', sex: 'female', category: 'farmer' }, 'INVALID_CATEGORY', 'category'],
    ])('%o → %s', (input, code, field) => {
      let caught: unknown;
      try {
        computeRetirement(input as RetirementInput);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(PolicyInputError);
      expect(caught).toMatchObject({ code, field });
      expect((caught as PolicyInputError).message).toMatch(/[\u4e00-\u9fff]/);
    });
  });
});
