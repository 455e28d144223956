import type { Expr, Literal } from './ast.js';
import type { Portable } from './interpreter.js';
import type { ValueType } from './types.js';

/** The portable JSON form: the AST without source spans. */
export function toPortable(e: Expr): Portable {
  return JSON.parse(JSON.stringify(e, (key, value) => (key === 'span' ? undefined : value))) as Portable;
}

const hasAstral = (s: string) => /[\ud800-\udbff]/.test(s);

// ── FEEL (DMN 1.3 / Camunda 8): `= …` ──────────────────────────────────────────────────────────────

function feelLiteral(l: Literal): string | undefined {
  switch (l.kind) {
    case 'string':
      return `"${l.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    case 'number':
    case 'money':
      return String(l.value);
    case 'boolean':
      return String(l.value);
    case 'date':
      return `date("${l.value}")`;
    case 'duration':
      if (l.value.unit === 'workday') return undefined; // FEEL durations have no working days
      return l.value.unit === 'day' ? `duration("P${l.value.amount}D")` : `duration("PT${l.value.amount}H")`;
  }
}

/**
 * FEEL text, or undefined where FEEL cannot express the condition (working-day durations). Date
 * fields hold ISO strings in process data, so they are read through `date(…)`.
 */
export function toFeel(
  e: Expr,
  typeOf: (path: string) => ValueType | undefined = () => undefined,
): string | undefined {
  const body = feel(e, typeOf);
  return body === undefined ? undefined : `= ${body}`;
}

function feel(e: Expr, typeOf: (path: string) => ValueType | undefined): string | undefined {
  const f = (x: Expr) => feel(x, typeOf);
  const both = (a: string | undefined, b: string | undefined, f: (x: string, y: string) => string) =>
    a === undefined || b === undefined ? undefined : f(a, b);
  switch (e.type) {
    case 'or':
      return both(f(e.left), f(e.right), (a, b) => `(${a} or ${b})`);
    case 'and':
      return both(f(e.left), f(e.right), (a, b) => `(${a} and ${b})`);
    case 'not': {
      const a = f(e.arg);
      return a === undefined ? undefined : `not(${a})`;
    }
    case 'compare':
      return both(f(e.left), f(e.right), (a, b) => `(${a} ${e.op === '==' ? '=' : e.op} ${b})`);
    case 'in': {
      const v = f(e.value);
      const items = e.list.map(f);
      if (v === undefined || items.some((x) => x === undefined)) return undefined;
      const test = `list contains([${items.join(', ')}], ${v})`;
      return e.negated ? `(${v} != null and not(${test}))` : `(${v} != null and ${test})`;
    }
    case 'arith':
      return both(f(e.left), f(e.right), (a, b) => `(${a} ${e.op} ${b})`);
    case 'neg': {
      const a = f(e.arg);
      return a === undefined ? undefined : `(-${a})`;
    }
    case 'exists':
      return `(${e.arg.path} != null)`;
    case 'path':
      return typeOf(e.path) === 'date' ? `date(${e.path})` : e.path;
    case 'literal':
      return feelLiteral(e);
  }
}

// ── JUEL (Camunda 7 / Flowable): `${…}` ────────────────────────────────────────────────────────────

function juelLiteral(l: Literal): string | undefined {
  switch (l.kind) {
    case 'string':
      return `'${l.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'number':
    case 'money':
    case 'boolean':
      return String(l.value);
    case 'date':
      return `'${l.value}'`; // process variables hold ISO dates as strings, which order correctly
    case 'duration':
      return undefined;
  }
}

/**
 * JUEL text, or undefined where JUEL cannot express the condition: durations and date arithmetic, and
 * identifiers outside the BMP (EL scanners work on UTF-16 units).
 */
export function toJuel(e: Expr): string | undefined {
  const body = juel(e);
  return body === undefined ? undefined : `\${${body}}`;
}

function juel(e: Expr): string | undefined {
  const both = (a: string | undefined, b: string | undefined, f: (x: string, y: string) => string) =>
    a === undefined || b === undefined ? undefined : f(a, b);
  switch (e.type) {
    case 'or':
      return both(juel(e.left), juel(e.right), (a, b) => `(${a} || ${b})`);
    case 'and':
      return both(juel(e.left), juel(e.right), (a, b) => `(${a} && ${b})`);
    case 'not': {
      const a = juel(e.arg);
      return a === undefined ? undefined : `!(${a})`;
    }
    case 'compare':
      return both(
        juel(e.left),
        juel(e.right),
        (a, b) => `(${a} != null && ${b} != null && ${a} ${e.op} ${b})`,
      );
    case 'in': {
      const v = juel(e.value);
      const items = e.list.map(juel);
      if (v === undefined || items.some((x) => x === undefined)) return undefined;
      const any = items.length === 0 ? 'false' : items.map((x) => `${v} == ${x}`).join(' || ');
      return e.negated ? `(${v} != null && !(${any}))` : `(${v} != null && (${any}))`;
    }
    case 'arith':
      if (e.left.type === 'literal' && e.left.kind === 'date') return undefined;
      return both(juel(e.left), juel(e.right), (a, b) => `(${a} ${e.op === '/' ? 'div' : e.op} ${b})`);
    case 'neg': {
      const a = juel(e.arg);
      return a === undefined ? undefined : `(-${a})`;
    }
    case 'exists':
      return hasAstral(e.arg.path) ? undefined : `(${e.arg.path} != null)`;
    case 'path':
      return hasAstral(e.path) ? undefined : e.path;
    case 'literal':
      return juelLiteral(e);
  }
}

// ── JSON Schema `if` (form-field visibility) ───────────────────────────────────────────────────────

export type JsonSchema = boolean | { [key: string]: unknown };

/** A schema requiring `path` to be present and its value to satisfy `leaf`. */
function atPath(path: string, leaf: JsonSchema): JsonSchema {
  const parts = path.split('.');
  let schema: JsonSchema = leaf;
  for (let i = parts.length - 1; i >= 0; i--) {
    schema = { required: [parts[i]], properties: { [parts[i]!]: schema } };
  }
  return schema;
}

function literalValue(l: Literal): unknown {
  return l.kind === 'duration' ? undefined : l.value;
}

/**
 * A JSON Schema that accepts exactly the data for which the condition holds, or undefined where
 * JSON Schema cannot say it (comparisons between fields, arithmetic, ordering of dates or durations).
 */
export function toJsonSchema(e: Expr): JsonSchema | undefined {
  switch (e.type) {
    case 'and':
    case 'or': {
      const a = toJsonSchema(e.left);
      const b = toJsonSchema(e.right);
      if (a === undefined || b === undefined) return undefined;
      return e.type === 'and' ? { allOf: [a, b] } : { anyOf: [a, b] };
    }
    case 'not': {
      const a = toJsonSchema(e.arg);
      return a === undefined ? undefined : { not: a };
    }
    case 'exists':
      return atPath(e.arg.path, true);
    case 'path':
      return atPath(e.path, { const: true });
    case 'literal':
      return e.kind === 'boolean' ? e.value : undefined;
    case 'in': {
      if (e.value.type !== 'path' || e.list.some((x) => x.type !== 'literal' || x.kind === 'duration'))
        return undefined;
      const values = e.list.map((x) => literalValue(x as Literal));
      return atPath(e.value.path, e.negated ? { not: { enum: values } } : { enum: values });
    }
    case 'compare': {
      let path = e.left;
      let lit = e.right;
      let op = e.op;
      if (path.type === 'literal' && lit.type === 'path') {
        [path, lit] = [lit, path];
        op = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' } as const)[op];
      }
      if (path.type !== 'path' || lit.type !== 'literal' || lit.kind === 'duration') return undefined;
      const v = literalValue(lit);
      if (op === '==') return atPath(path.path, { const: v });
      if (op === '!=') return atPath(path.path, { not: { const: v } });
      if (typeof v !== 'number') return undefined;
      const keyword = { '<': 'exclusiveMaximum', '<=': 'maximum', '>': 'exclusiveMinimum', '>=': 'minimum' }[
        op
      ];
      return atPath(path.path, { [keyword]: v });
    }
    default:
      return undefined;
  }
}
