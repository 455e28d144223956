import type { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { PAGE, type Text } from '../../diagnostics/catalogue.js';
import { type Lang, pick } from '../../diagnostics/diagnostic.js';
import { usccCheckChar } from '../../domain/codes.js';
import { FIELD_FORMAT } from '../../domain/vocabulary.js';
import { checkKind, isIdNumber } from './checks.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
  formats?: string[],
) => void;

/** A format matterc checks, by what it holds (the key of its name in `FIELD_FORMAT`). */
export type FormatKind = keyof typeof FIELD_FORMAT;

/** The custom formats of generated form schemas (check digits); the other formats are patterns. */
export const CHECKED_FORMATS = [FIELD_FORMAT.idNumber, FIELD_FORMAT.uscc] as const;

/** What each format expects, in words (the schema's `description`, the page's help and error message). */
const FORMAT_TEXT: Readonly<Record<FormatKind, Text>> = {
  idNumber: PAGE.formatIdNumber,
  uscc: PAGE.formatUscc,
  mobile: PAGE.formatMobile,
  landline: PAGE.formatLandline,
  postcode: PAGE.formatPostcode,
  division: PAGE.formatDivision,
  email: PAGE.formatEmail,
};

/** The kind of a format name a document writes; undefined for a format matterc does not check. */
export function formatKind(format: string | undefined): FormatKind | undefined {
  return (Object.keys(FIELD_FORMAT) as FormatKind[]).find((k) => FIELD_FORMAT[k] === format);
}

/** What a format expects, in words; undefined for a format matterc does not check. */
export function formatDescription(format: string | undefined, lang: Lang): string | undefined {
  const kind = formatKind(format);
  return kind === undefined ? undefined : pick(FORMAT_TEXT[kind], lang);
}

/** The descriptions of every checked format by kind, as the page's script looks them up. */
export function formatDescriptions(lang: Lang): Record<FormatKind, string> {
  return Object.fromEntries(
    (Object.keys(FORMAT_TEXT) as FormatKind[]).map((k) => [k, pick(FORMAT_TEXT[k], lang)]),
  ) as Record<FormatKind, string>;
}

/** Whether `value` has the format `format`, a name documents write (unknown formats accept anything). */
export function checkFormat(format: string, value: string): boolean {
  const kind = formatKind(format);
  return kind === undefined || checkKind(kind, value);
}

/**
 * Register the formats that generated form schemas use: `date` (ajv-formats), and the check-digit
 * formats 公民身份号码 (GB 11643, ISO 7064 MOD 11-2) and 统一社会信用代码 (GB 32100).
 */
export function registerFormats(ajv: Ajv2020): Ajv2020 {
  addFormats(ajv, ['date']);
  ajv.addFormat(FIELD_FORMAT.idNumber, { type: 'string', validate: (v: string) => isIdNumber(v) });
  ajv.addFormat(FIELD_FORMAT.uscc, {
    type: 'string',
    validate: (v: string) => /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v) && usccCheckChar(v.slice(0, 17)) === v[17],
  });
  return ajv;
}
