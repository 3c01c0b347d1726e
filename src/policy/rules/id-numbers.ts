/**
 * Check digits of the two identifiers the platform takes from people and units:
 * - 公民身份号码, GB 11643-1999 (18 characters, ISO 7064 MOD 11-2 check character);
 * - 统一社会信用代码, GB 32100-2015 (18 characters, MOD 31 check character).
 * Both checks catch every single-character typo, which is why a form can reject a number before anyone
 * looks at it.
 */
import { assertIsoDate, compareDates, isValidIsoDate } from './dates';

export type ResidentIdResult =
  | {
      ok: true;
      /** The number with a lowercase check character 'x' upper-cased. */
      normalized: string;
      /** 出生日期码 (positions 7–14) as YYYY-MM-DD. */
      birthDate: string;
      /** 顺序码 (position 17): odd for men, even for women. */
      sex: 'male' | 'female';
      /** 地址码 (positions 1–6), the GB/T 2260 administrative division code. */
      regionCode: string;
    }
  | { ok: false; code: 'ID_FORMAT' | 'ID_CHECKSUM' | 'ID_BIRTHDATE'; message: string; messageEn: string };

export type CreditCodeResult =
  | { ok: true; normalized: string }
  | { ok: false; code: 'CREDIT_CODE_FORMAT' | 'CREDIT_CODE_CHECKSUM'; message: string; messageEn: string };

/** GB 11643-1999: Wi = 2^(i−1) mod 11, i counting positions from the right (the check character is i = 1). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character for (Σ ai·Wi) mod 11 = 0 … 10. */
const ID_CHECK_CHARS = '10X98765432';
const ID_PATTERN = /^\d{17}[\dX]$/;

/** GB 11643-1999 check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

/**
 * Parses an 18-digit 公民身份号码. Surrounding spaces are ignored and a lowercase 'x' is accepted.
 * `asOf` (YYYY-MM-DD, e.g. the evaluation date) rejects birth dates after it.
 */
export function parseResidentIdNumber(id: string, asOf?: string): ResidentIdResult {
  if (asOf !== undefined) assertIsoDate(asOf, 'asOf');
  const normalized = typeof id === 'string' ? id.trim().toUpperCase() : '';
  if (!ID_PATTERN.test(normalized)) {
    return {
      ok: false,
      code: 'ID_FORMAT',
      message: '公民身份号码应为18位：前17位为数字，最后一位为数字或字母X。',
      messageEn: 'A resident ID number has 18 characters: 17 digits, then a digit or the letter X.',
    };
  }
  if (residentIdCheckChar(normalized) !== normalized[17]) {
    return {
      ok: false,
      code: 'ID_CHECKSUM',
      message: '公民身份号码校验码不符，请核对是否有输错的数字。',
      messageEn: 'The check character of the resident ID number does not match; please look for a mistyped digit.',
    };
  }
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isValidIsoDate(birthDate)) {
    return {
      ok: false,
      code: 'ID_BIRTHDATE',
      message: `公民身份号码中的出生日期（第7至14位：${normalized.slice(6, 14)}）不是有效日期。`,
      messageEn: `The birth date in the resident ID number (${normalized.slice(6, 14)}) is not a real date.`,
    };
  }
  if (asOf !== undefined && compareDates(birthDate, asOf) > 0) {
    return {
      ok: false,
      code: 'ID_BIRTHDATE',
      message: `公民身份号码中的出生日期 ${birthDate} 晚于 ${asOf}。`,
      messageEn: `The birth date in the resident ID number (${birthDate}) is after ${asOf}.`,
    };
  }
  return {
    ok: true,
    normalized,
    birthDate,
    sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: normalized.slice(0, 6),
  };
}

/** GB 32100-2015 代码字符集: digits and capital letters without I, O, Z, S, V; a character's value is its index. */
const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100-2015: Wi = 3^(i−1) mod 31, i counting positions from the left. */
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** GB 32100-2015 check character of the first 17 characters: 31 − (Σ Ci·Wi mod 31), where 31 becomes 0. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Validates a 统一社会信用代码. Surrounding spaces are ignored and lowercase letters are upper-cased. */
export function validateCreditCode(code: string): CreditCodeResult {
  const normalized = typeof code === 'string' ? code.trim().toUpperCase() : '';
  if (!CREDIT_CODE_PATTERN.test(normalized)) {
    return {
      ok: false,
      code: 'CREDIT_CODE_FORMAT',
      message: '统一社会信用代码应为18位，由数字和大写英文字母组成（不使用 I、O、Z、S、V）。',
      messageEn: 'A unified social credit code has 18 characters: digits and capital letters except I, O, Z, S and V.',
    };
  }
  if (creditCodeCheckChar(normalized) !== normalized[17]) {
    return {
      ok: false,
      code: 'CREDIT_CODE_CHECKSUM',
      message: '统一社会信用代码校验码不符，请核对是否有输错的字符。',
      messageEn: 'The check character of the unified social credit code does not match; please look for a typo.',
    };
  }
  return { ok: true, normalized };
}

/**
 * Masks an identifier for display and logs (个人信息保护法第五十一条: 去标识化): first three and last three
 * characters kept, e.g. `110************123`. Six characters or fewer are masked entirely.
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 6) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 6)}${id.slice(-3)}`;
}
