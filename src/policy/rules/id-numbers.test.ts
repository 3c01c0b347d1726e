import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  maskIdNumber,
  parseResidentIdNumber,
  residentIdCheckChar,
  validateCreditCode,
} from './id-numbers';

// Independent generators: the weights are derived from the standards' formulas here rather than copied from
// the module, so a wrong table in the module would fail these tests.

/** GB 11643-1999: Σ ai·(2^(18−i) mod 11) over positions i = 1…17, then 12 − (sum mod 11) mod 11, 10 → 'X'. */
function gb11643(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100-2015: Σ Ci·(3^(i−1) mod 31), check = 31 − (sum mod 31), 31 → 0. */
function gb32100(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * (3 ** i % 31);
  return CHARSET[(31 - (sum % 31)) % 31];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
function residentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + gb11643(first17);
}

const validResidentId = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    year: fc.integer({ min: 1900, max: 2024 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, year, month, day, sequence }) =>
    residentId(String(region), `${year}${pad(month, 2)}${pad(day, 2)}`, pad(sequence, 3)),
  );

const validCreditCode = fc
  .array(fc.constantFrom(...CHARSET), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''))
  .map((first17) => first17 + gb32100(first17));

/** Replaces the character at `position` with a different one from `alphabet`. */
function mutate(value: string, position: number, alphabet: string, pick: number): string {
  const others = [...alphabet].filter((c) => c !== value[position]);
  return value.slice(0, position) + others[pick % others.length] + value.slice(position + 1);
}

describe('GB 11643-1999 公民身份号码', () => {
  it('the independent generator agrees with the published example 11010519491231002X', () => {
    expect(gb11643('11010519491231002')).toBe('X');
  });

  it.each([
    ['11010519491231002X', '1949-12-31', 'female', '110105'],
    ['11010519491231002x', '1949-12-31', 'female', '110105'],
    [residentId('110115', '19800229', '013'), '1980-02-29', 'male', '110115'],
    [residentId('110302', '19650101', '024'), '1965-01-01', 'female', '110302'],
  ])('%s is valid: born %s, %s, region %s', (id, birthDate, sex, regionCode) => {
    expect(parseResidentIdNumber(id)).toEqual({
      ok: true,
      normalized: id.toUpperCase(),
      birthDate,
      sex,
      regionCode,
    });
  });

  it('accepts surrounding spaces and upper-cases x', () => {
    expect(parseResidentIdNumber(' 11010519491231002x ')).toMatchObject({ ok: true, normalized: '11010519491231002X' });
  });

  it.each([
    ['11010519491231002', 'ID_FORMAT'], // 17 characters
    ['11010519491231002XX', 'ID_FORMAT'], // 19 characters
    ['110105194912310021X', 'ID_FORMAT'],
    ['1101051949123100X2', 'ID_FORMAT'], // X not in the last position
    ['11010519491231002Y', 'ID_FORMAT'],
    ['110105 19491231002X', 'ID_FORMAT'],
    ['', 'ID_FORMAT'],
    ['110105194912310021', 'ID_CHECKSUM'], // check should be X
    ['110105194912310029', 'ID_CHECKSUM'],
    [residentId('110105', '19990230', '123'), 'ID_BIRTHDATE'], // 30 February
    [residentId('110105', '19991301', '123'), 'ID_BIRTHDATE'],
    [residentId('110105', '20230229', '123'), 'ID_BIRTHDATE'], // 2023 is not a leap year
    [residentId('110105', '19490000', '123'), 'ID_BIRTHDATE'],
  ])('%s → %s', (id, code) => {
    const result = parseResidentIdNumber(id);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) {
      expect(result.message).toMatch(/[\u4e00-\u9fff]/);
      expect(result.messageEn).not.toBe('');
    }
  });

  it('rejects a birth date after asOf, accepts one on it', () => {
    const id = residentId('110105', '20260615', '001');
    expect(parseResidentIdNumber(id, '2026-06-14')).toMatchObject({ ok: false, code: 'ID_BIRTHDATE' });
    expect(parseResidentIdNumber(id, '2026-06-15')).toMatchObject({ ok: true, sex: 'male' });
  });

  it('generated valid numbers always pass, with the module computing the same check character', () => {
    fc.assert(
      fc.property(validResidentId, (id) => {
        expect(residentIdCheckChar(id.slice(0, 17))).toBe(id[17]);
        expect(parseResidentIdNumber(id).ok).toBe(true);
      }),
    );
  });

  it('every single-character substitution is caught by the check character', () => {
    fc.assert(
      fc.property(validResidentId, fc.integer({ min: 0, max: 17 }), fc.nat(), (id, position, pick) => {
        const mutated = mutate(id, position, position === 17 ? '0123456789X' : '0123456789', pick);
        expect(parseResidentIdNumber(mutated)).toMatchObject({ ok: false, code: 'ID_CHECKSUM' });
      }),
    );
  });
});

describe('GB 32100-2015 统一社会信用代码', () => {
  it.each(['91110000100006485K', '91350100M000100Y43'])('the independent generator agrees with %s', (code) => {
    expect(gb32100(code.slice(0, 17))).toBe(code[17]);
  });

  it.each([
    ['91110000100006485K', '91110000100006485K'],
    ['91350100m000100y43', '91350100M000100Y43'],
    [' 91110000100006485K ', '91110000100006485K'],
  ])('%s is valid, normalised to %s', (code, normalized) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, normalized });
  });

  it.each([
    ['91110000100006485', 'CREDIT_CODE_FORMAT'], // 17 characters
    ['91110000100006485KK', 'CREDIT_CODE_FORMAT'],
    ['9111000010000648IK', 'CREDIT_CODE_FORMAT'], // I, O, Z, S, V are not in the character set
    ['9111000010000648OK', 'CREDIT_CODE_FORMAT'],
    ['9111000010000648ZK', 'CREDIT_CODE_FORMAT'],
    ['9111000010000648SK', 'CREDIT_CODE_FORMAT'],
    ['9111000010000648VK', 'CREDIT_CODE_FORMAT'],
    ['91110000-00006485K', 'CREDIT_CODE_FORMAT'],
    ['91110000100006485J', 'CREDIT_CODE_CHECKSUM'],
    ['91110000100006486K', 'CREDIT_CODE_CHECKSUM'],
  ])('%s → %s', (code, expected) => {
    const result = validateCreditCode(code);
    expect(result).toMatchObject({ ok: false, code: expected });
    if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('check value 31 becomes 0', () => {
    const first17 = fc.sample(
      fc
        .array(fc.constantFrom(...CHARSET), { minLength: 17, maxLength: 17 })
        .map((chars) => chars.join(''))
        .filter((s) => gb32100(s) === '0'),
      { numRuns: 1, seed: 42 },
    )[0];
    expect(creditCodeCheckChar(first17)).toBe('0');
    expect(validateCreditCode(`${first17}0`).ok).toBe(true);
  });

  it('generated valid codes always pass, with the module computing the same check character', () => {
    fc.assert(
      fc.property(validCreditCode, (code) => {
        expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
        expect(validateCreditCode(code)).toEqual({ ok: true, normalized: code });
      }),
    );
  });

  it('every single-character substitution within the character set is caught by the check character', () => {
    fc.assert(
      fc.property(validCreditCode, fc.integer({ min: 0, max: 17 }), fc.nat(), (code, position, pick) => {
        expect(validateCreditCode(mutate(code, position, CHARSET, pick))).toMatchObject({
          ok: false,
          code: 'CREDIT_CODE_CHECKSUM',
        });
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['110105194912310123', '110************123'],
    ['91110000100006485K', '911************85K'],
    ['123456', '******'],
    ['1234567', '123*567'],
  ])('%s → %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });
});
