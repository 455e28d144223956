/**
 * Check digits and shapes of the formatted text fields. This file has no imports and uses no `eval`:
 * matterc validates submissions with it and the generated form page embeds its compiled text as-is, so
 * the browser and `matterc validate-application` agree.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 (ISO 7064 MOD 11-2): the check character of the first 17 digits of a 公民身份号码. */
export function idCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11];
}

/** An 18-character 公民身份号码 with a valid birth date and check character. */
export function isIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return false;
  return idCheckChar(value.slice(0, 17)) === value[17];
}

/** GB 32100-2015 characters and weights (the same as domain/codes.ts, which matterc uses to check). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a 统一社会信用代码, or undefined. */
export function usccCheck(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i] ?? '');
    if (v < 0) return undefined;
    sum += v * USCC_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return USCC_CHARS[c === 31 ? 0 : c];
}

/** An 18-character 统一社会信用代码 with a valid check character. */
export function isUscc(value: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value) && usccCheck(value.slice(0, 17)) === value[17];
}

/**
 * Formats checked by a pattern (JSON Schema `pattern`, also used by the page), by kind: the names documents
 * give the formats are in domain/vocabulary.ts `FIELD_FORMAT` (this file imports nothing).
 */
export const FORMAT_PATTERNS: Readonly<Record<string, string>> = {
  mobile: '^1[3-9][0-9]{9}$',
  landline: '^(0[0-9]{2,3}-?)?[0-9]{7,8}(-[0-9]{1,6})?$',
  postcode: '^[0-9]{6}$',
  division: '^[0-9]{6}([0-9]{6})?$',
  email: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
};

/** Whether `value` has the format of kind `kind` (a key of `FIELD_FORMAT`; unknown kinds accept anything). */
export function checkKind(kind: string, value: string): boolean {
  if (kind === 'idNumber') return isIdNumber(value);
  if (kind === 'uscc') return isUscc(value);
  const p = FORMAT_PATTERNS[kind];
  return p === undefined || new RegExp(p, 'u').test(value);
}
