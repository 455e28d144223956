import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { D, TERMS, type Text } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic, type Hint } from '../diagnostics/diagnostic.js';
import { KINDS, type Kind, schemaFileOf } from '../model/kinds.js';
import type { ParsedDocument } from '../parse/yaml.js';
import { firstLine } from '../parse/yaml.js';
import { type Candidate, quoteAll, suggest } from '../util/suggest.js';
import { schemaFiles } from './schemas.js';
import { titleAt } from './titles.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => void;

interface SchemaNode {
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
}

const AJV_VERSION = ['ajv', 'ajv-formats']
  .map((name) => (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version)
  .join(' ');

/** Compiled once per process: one ajv instance with every schema added by $id. */
let compiled: Map<string, ValidateFunction> | undefined;

/** The ajv instance every validator comes from; `source` keeps the generated code (for precompiling). */
export function schemaAjv(source = false): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    ...(source ? { code: { source: true } } : {}),
  });
  addFormats(ajv);
  for (const file of schemaFiles()) ajv.addSchema(JSON.parse(file.text));
  return ajv;
}

/** What the precompiled validators were made from: the schemas' text (and the ajv that made them). */
export function schemaFingerprint(): string {
  const hash = createHash('sha256').update(AJV_VERSION);
  for (const file of schemaFiles()) hash.update(file.name).update('\0').update(file.text);
  return hash.digest('base64url');
}

/** The kinds with a validator, by the name their function is exported under in validators.cjs. */
export const VALIDATED = [...KINDS, 'Project'] as const;

function validatorFor(kind: Kind | 'Project'): ValidateFunction {
  compiled ??= precompiled() ?? compileNow();
  return compiled.get(kind)!;
}

/**
 * The validators `npm run build` generated (`dist/schema/validators.cjs`, ajv standalone code, about
 * 0.01 s to load against 0.25 s to compile), if they were made from the schemas as they are now.
 */
function precompiled(): Map<string, ValidateFunction> | undefined {
  try {
    const module = createRequire(import.meta.url)('./validators.cjs') as Record<string, unknown>;
    if (module['fingerprint'] !== schemaFingerprint()) return undefined;
    const map = new Map<string, ValidateFunction>();
    for (const k of VALIDATED) {
      const fn = module[k];
      if (typeof fn !== 'function') return undefined;
      map.set(k, fn as ValidateFunction);
    }
    return map;
  } catch {
    return undefined; // not built (tests run from src/), or stale: compile instead
  }
}

function compileNow(): Map<string, ValidateFunction> {
  const ajv = schemaAjv();
  const map = new Map<string, ValidateFunction>();
  for (const k of VALIDATED) {
    const fn = ajv.getSchema(schemaFileOf(k));
    if (!fn) throw new Error(`schema ${schemaFileOf(k)} is missing`);
    map.set(k, fn);
  }
  return map;
}

/** Compile every kind's validator now rather than at the first document (a helper thread's warm-up). */
export function compileValidators(): void {
  validatorFor('Matter');
}

/** Validate a document against its kind's schema; one diagnostic per real problem, at the smallest range. */
export function validateDocument(
  doc: ParsedDocument,
  kind: Kind | 'Project',
  semanticPrefix: string,
): Diagnostic[] {
  const validate = validatorFor(kind);
  if (validate(doc.value)) return [];
  return cleanErrors(validate.errors ?? []).map((e) => toDiagnostic(doc, kind, e, semanticPrefix));
}

/**
 * ajv reports cascades: an `enum` after a `type` failure at the same place, `if` noise, repeats.
 * Keep, per instance path, the type error alone if there is one; drop combinator keywords; dedupe.
 */
function cleanErrors(errors: ErrorObject[]): ErrorObject[] {
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (['if', 'then', 'else', 'anyOf', 'oneOf', 'allOf', 'not', '$ref'].includes(e.keyword)) continue;
    if (e.keyword !== 'type' && typeFailed.has(e.instancePath)) continue;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

const TYPE_NAMES: Record<string, Text> = {
  string: TERMS.typeString,
  integer: TERMS.typeInteger,
  number: TERMS.typeNumber,
  boolean: TERMS.typeBoolean,
  array: TERMS.typeArray,
  object: TERMS.typeObject,
  null: TERMS.typeNull,
};

function typeOfValue(v: unknown): Text {
  if (v === null) return TYPE_NAMES['null']!;
  if (Array.isArray(v)) return TYPE_NAMES['array']!;
  if (typeof v === 'number') return Number.isInteger(v) ? TYPE_NAMES['integer']! : TYPE_NAMES['number']!;
  return TYPE_NAMES[typeof v] ?? TERMS.typeScalar;
}

function titleOf(schema: SchemaNode | undefined, fallback: string): Text | string {
  return schema?.title ?? fallback;
}

function didYouMean(values: string[]): Hint | undefined {
  return values.length > 0 ? { label: 'didYouMean', args: { candidates: quoteAll(values) } } : undefined;
}

/** One ajv error as a diagnostic (exported for tests of keywords the shipped schemas do not use). */
export function toDiagnostic(
  doc: ParsedDocument,
  kind: Kind | 'Project',
  e: ErrorObject,
  prefix: string,
): Diagnostic {
  const loc = doc.locator;
  const parent = e.parentSchema as SchemaNode | undefined;
  const at = (range: { start: number; end: number }) => ({ source: doc.source, range });
  const valueAt = (pointer: string) => at(firstLine(doc.source, loc.nearest(pointer)));
  const path = `${prefix}${e.instancePath}`;
  const leaf = e.instancePath.slice(e.instancePath.lastIndexOf('/') + 1);
  // The title of the property as the document's schema names it (事项名称, not the shared 文本).
  const specific =
    kind !== 'Project' && !/^\d+$/.test(leaf) && leaf !== '' ? titleAt(kind, e.instancePath) : undefined;
  const title = specific !== undefined && specific !== leaf ? specific : titleOf(parent, leaf);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const pointer = `${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const props = parent?.properties ?? {};
      const candidates: Candidate[] = Object.entries(props).map(([name, s]) => ({
        value: name,
        aliases: s.title ? [s.title] : [],
      }));
      const hint = didYouMean(
        suggest(key, candidates).map((name) =>
          props[name]?.title ? `${name}（${props[name]?.title}）` : name,
        ),
      );
      return diagnostic(
        D.unknownKey,
        at(loc.keyRange(pointer) ?? loc.nearest(e.instancePath)),
        { key, where: title },
        {
          path: `${path}/${key}`,
          ...(hint ? { hint } : {}),
        },
      );
    }
    case 'required': {
      const key = String((e.params as { missingProperty: string }).missingProperty);
      const propTitle = parent?.properties?.[key]?.title ?? key;
      return diagnostic(
        D.missingKey,
        at(firstLine(doc.source, loc.container(e.instancePath))),
        {
          key,
          title: propTitle,
          where: title,
        },
        { path: `${path}/${key}` },
      );
    }
    case 'type': {
      const expected = ([] as string[])
        .concat((e.params as { type: string | string[] }).type)
        .map((ty) => TYPE_NAMES[ty] ?? ty);
      return diagnostic(
        D.wrongType,
        valueAt(e.instancePath),
        { title, expected, actual: typeOfValue(e.data) },
        { path },
      );
    }
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (parent?.enum ?? []) : [parent?.const]).map(String);
      const value = typeof e.data === 'string' ? e.data : JSON.stringify(e.data);
      const hint = didYouMean(
        suggest(
          value,
          allowed.map((v) => ({ value: v })),
        ),
      );
      return diagnostic(
        D.invalidEnum,
        valueAt(e.instancePath),
        { value, title, allowed },
        {
          path,
          ...(hint ? { hint } : {}),
        },
      );
    }
    case 'pattern':
    case 'format':
      return diagnostic(
        D.invalidFormat,
        valueAt(e.instancePath),
        { value: String(e.data), title, description: parent?.description ?? '' },
        { path },
      );
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const p = e.params as { comparison: string; limit: number };
      return diagnostic(
        D.outOfRange,
        valueAt(e.instancePath),
        {
          title,
          comparison: p.comparison.replace('>=', '≥').replace('<=', '≤'),
          limit: p.limit,
          value: String(e.data),
        },
        { path },
      );
    }
    case 'minLength':
    case 'minItems':
      return diagnostic(D.emptyValue, valueAt(e.instancePath), { title }, { path });
    case 'maxLength':
      return diagnostic(
        D.tooLong,
        valueAt(e.instancePath),
        {
          title,
          limit: (e.params as { limit: number }).limit,
          length: [...String(e.data)].length,
        },
        { path },
      );
    case 'uniqueItems': {
      // ajv names both indices; point at the later one, the repeat.
      const { i, j: k } = e.params as { i: number; j: number };
      const j = Math.max(i, k);
      const item = Array.isArray(e.data) ? e.data[j] : undefined;
      return diagnostic(
        D.duplicateValue,
        valueAt(`${e.instancePath}/${j}`),
        {
          title,
          value: typeof item === 'string' ? item : JSON.stringify(item),
        },
        { path: `${path}/${j}` },
      );
    }
    default:
      return diagnostic(D.schemaOther, valueAt(e.instancePath), { detail: e.message ?? e.keyword }, { path });
  }
}
