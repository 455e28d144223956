/**
 * `npm run build` runs this after tsc: it writes `dist/schema/validators.cjs`, the schema validators
 * as ajv standalone code (the same ajv options as at run time, so the same errors), with the
 * fingerprint of the schemas they were made from. `validate.ts` loads them instead of compiling the
 * schemas on every start (and in every helper thread); when the schemas changed since, it compiles.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { schemaFileOf } from '../model/kinds.js';
import { schemaAjv, schemaFingerprint, VALIDATED } from './validate.js';

const require = createRequire(import.meta.url);
const standaloneCode = (
  require('ajv/dist/standalone') as { default: (ajv: unknown, refs: Record<string, string>) => string }
).default;

const exportsByKind = Object.fromEntries(VALIDATED.map((k) => [k, schemaFileOf(k)]));
const code = standaloneCode(schemaAjv(true), exportsByKind);
const out = new URL('./validators.cjs', import.meta.url);
writeFileSync(out, `${code}\nexports.fingerprint = ${JSON.stringify(schemaFingerprint())};\n`);
