import { type CatalogueEntry, D, TERMS, type Text } from '../diagnostics/catalogue.js';
import type { Args, EntryArgs } from '../diagnostics/diagnostic.js';
import { usccCheck } from '../generate/forms/checks.js';

/**
 * The GB 32100-2015 check character of the first 17 characters of a USCC, or undefined if a character
 * is invalid. One implementation, in the import-free module the generated forms embed in the browser.
 */
export { usccCheck as usccCheckChar } from '../generate/forms/checks.js';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Matter type ↔ the two-digit type code in the basic code (DOMAIN.md §2.3). */
export const MATTER_TYPE_CODES: Readonly<Record<string, string>> = {
  行政许可: '01',
  行政处罚: '02',
  行政强制: '03',
  行政征收: '04',
  行政给付: '05',
  行政检查: '06',
  行政确认: '07',
  行政奖励: '08',
  行政裁决: '09',
  其他行政权力: '10',
  公共服务: '20',
};

/** 行使层级 ↔ its one-digit code (character 19 of the 实施编码). */
export const LEVEL_CODES: Readonly<Record<string, string>> = {
  国家级: '1',
  省级: '2',
  市级: '3',
  县级: '4',
  '镇（乡、街道）级': '5',
  分级管理: '6',
};

/** GB/T 2260 province-level codes. */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export interface CodeProblem {
  readonly entry: CatalogueEntry;
  readonly args: Args;
}

const problem = <E extends CatalogueEntry>(entry: E, args: EntryArgs<E>): CodeProblem => ({
  entry,
  args: args as Args,
});

/** Shapes of malformed identifiers seen in real catalogs, checked before the regular structure. */
function malformedShape(value: string, localKey: string, letterPrefixes = true): CodeProblem | undefined {
  if (/^(\d)\1{4,}$/.test(value)) return problem(D.placeholderCode, { value });
  if (/^[0-9A-Z]{8}-[0-9X]$/.test(value)) return problem(D.hyphenatedOrgCode, { value });
  if (!letterPrefixes) return undefined;
  if (/^\d?[A-Z]{1,2}\d?-/.test(value) || /^\d{2}\d?[A-Z]\d/.test(value) || /^[A-Z]{2}\d{3,}/.test(value)) {
    return problem(D.letterPrefixCode, { value, localKey });
  }
  return undefined;
}

/** A 统一社会信用代码 on its own (a department's, or the first 18 characters of a 实施编码). */
export function checkUscc(value: string): CodeProblem | undefined {
  const shape = malformedShape(value, 'localImplCode', false);
  if (shape) return shape;
  if (/^[0-9A-Z]{8}[0-9X]$/.test(value)) return problem(D.orgCodeInsteadOfUscc, { value });
  if (value.length === 17) return problem(D.usccOneShort, { value });
  if ([...value].length !== 18) return problem(D.usccLength, { length: [...value].length });
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARS.includes(value[i]!))
      return problem(D.usccInvalidChar, { uscc: value, position: i + 1, char: value[i]! });
  }
  const expected = usccCheck(value.slice(0, 17))!;
  if (expected !== value[17]) return problem(D.usccCheckDigit, { uscc: value, expected, actual: value[17]! });
  return undefined;
}

function typeLabel(code: string): Text | string {
  const entry = Object.entries(MATTER_TYPE_CODES).find(([, c]) => c === code);
  return entry ? entry[0] : TERMS.unknownTypeCode;
}

/** A national 12-character 基本编码, checked against the matter's type when known. */
export function checkBasicCode(value: string, type: string | undefined): CodeProblem | undefined {
  const shape = malformedShape(value, 'localBasicCode');
  if (shape) return shape;
  if ([...value].length !== 12) return problem(D.basicCodeLength, { length: [...value].length });
  const bad = [...value].findIndex((c) => c < '0' || c > '9');
  if (bad >= 0) return problem(D.basicCodeNotDigits, { position: bad + 1, char: [...value][bad]! });
  const region = value.slice(0, 2);
  if (region !== '00' && !PROVINCES.has(region)) return problem(D.basicCodeRegion, { segment: region });
  const segment = value.slice(2, 4);
  const expected = type ? MATTER_TYPE_CODES[type] : undefined;
  if (type && expected && segment !== expected) {
    return problem(D.basicCodeTypeMismatch, { segment, codeType: typeLabel(segment), type, expected });
  }
  return undefined;
}

/** A national 33-character 实施编码, against the matter's basic code, levels and type. */
export function checkImplCode(
  value: string,
  matter: {
    basicCode?: string | undefined;
    levels?: readonly string[] | undefined;
    type?: string | undefined;
  },
): CodeProblem | undefined {
  if (value.split('-').length >= 3) return problem(D.segmentedCode, { value });
  const shape = malformedShape(value, 'localImplCode');
  if (shape) return shape;
  const length = [...value].length;
  if (length !== 33)
    return builtFromMalformedUscc(value, matter.basicCode) ?? problem(D.implCodeLength, { length });
  const uscc = checkUscc(value.slice(0, 18));
  if (uscc) return uscc;
  const digit = value[18]!;
  const levelEntry = Object.entries(LEVEL_CODES).find(([, c]) => c === digit);
  const levels = matter.levels ?? [];
  // 村（社区）级 has no known digit: with such a level the digit cannot be judged.
  const judgeable = levels.length > 0 && levels.every((l) => LEVEL_CODES[l] !== undefined);
  if (judgeable && !levels.some((l) => LEVEL_CODES[l] === digit)) {
    return problem(D.implCodeLevelMismatch, {
      digit,
      level: levelEntry ? levelEntry[0] : TERMS.unknownLevel,
      levels: [...levels],
    });
  }
  const embedded = value.slice(19, 31);
  if (matter.basicCode !== undefined) {
    // The basic code itself is checked (and reported) at basicCode; report here only what differs.
    return embedded !== matter.basicCode
      ? problem(D.implCodeBasicMismatch, { embedded, basic: matter.basicCode })
      : undefined;
  }
  return checkBasicCode(embedded, matter.type);
}

/**
 * An 实施编码 of the wrong length that ends with a level digit, the matter's basic code and a 2-digit
 * extension was built from a malformed USCC (a 9-character organisation code, 17 characters, an old
 * hyphenated code, a placeholder): report that, not just the length.
 */
function builtFromMalformedUscc(value: string, basicCode: string | undefined): CodeProblem | undefined {
  if (basicCode === undefined || !/^\d{12}$/.test(basicCode)) return undefined;
  const built = new RegExp(`^(.+)\\d${basicCode}\\d{2}$`).exec(value);
  return built ? checkUscc(built[1]!) : undefined;
}

/**
 * A local, hyphen-segmented 实施编码 (Sichuan: basic-area-000-USCC-1-00; the basic code itself may hold
 * hyphens, as in G-000007-001-…). The USCC segment, third from the end before the 1-digit and 2-digit
 * tail, is checked precisely because real catalogs put organisation codes, 17-character and placeholder
 * values there; an old hyphenated organisation code splits it in two.
 */
export function checkLocalImplCode(value: string): CodeProblem | undefined {
  const parts = value.split('-');
  const n = parts.length;
  if (n < 6 || !/^\d$/.test(parts[n - 2]!) || !/^\d{2}$/.test(parts[n - 1]!)) return undefined;
  const uscc = parts[n - 3]!;
  const before = parts[n - 4]!;
  if (n >= 7 && /^[0-9X]$/.test(uscc) && /^[0-9A-Z]{8}$/.test(before)) {
    return problem(D.hyphenatedOrgCode, { value: `${before}-${uscc}` });
  }
  return checkUscc(uscc);
}
