import type { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { usccCheckChar } from '../../domain/codes.js';
import { isIdNumber } from './checks.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
  formats?: string[],
) => void;

/** The custom formats of generated form schemas (check digits); the other formats are patterns. */
export const CHECKED_FORMATS = ['公民身份号码', '统一社会信用代码'] as const;

/**
 * Register the formats that generated form schemas use: `date` (ajv-formats), and the check-digit
 * formats 公民身份号码 (GB 11643, ISO 7064 MOD 11-2) and 统一社会信用代码 (GB 32100).
 */
export function registerFormats(ajv: Ajv2020): Ajv2020 {
  addFormats(ajv, ['date']);
  ajv.addFormat('公民身份号码', { type: 'string', validate: (v: string) => isIdNumber(v) });
  ajv.addFormat('统一社会信用代码', {
    type: 'string',
    validate: (v: string) => /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v) && usccCheckChar(v.slice(0, 17)) === v[17],
  });
  return ajv;
}
