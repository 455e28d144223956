/**
 * The portable evaluator of compiled conditions. It has no imports and uses no `eval`, so the same
 * file runs in Node and, embedded as-is, in a browser page.
 *
 * Semantics: a path that is absent (undefined or null) makes a comparison false; `exists(p)` tests
 * presence. Dates are ISO strings and compare as such; durations are {amount, unit} and compare in
 * the same unit; money is a number of yuan.
 */
export type Portable =
  | { type: 'or' | 'and'; left: Portable; right: Portable }
  | { type: 'not'; arg: Portable }
  | { type: 'compare'; op: '==' | '!=' | '<' | '<=' | '>' | '>='; left: Portable; right: Portable }
  | { type: 'in'; negated: boolean; value: Portable; list: Portable[] }
  | { type: 'arith'; op: '+' | '-' | '*' | '/'; left: Portable; right: Portable }
  | { type: 'neg'; arg: Portable }
  | { type: 'exists'; arg: { type: 'path'; path: string } }
  | { type: 'path'; path: string }
  | { type: 'literal'; kind: string; value: unknown };

type Value = string | number | boolean | { amount: number; unit: string } | undefined;

const ABSENT = undefined;

function lookup(data: unknown, path: string): Value {
  let cur: unknown = data;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return ABSENT;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === null ? ABSENT : (cur as Value);
}

function dayNumber(iso: string): number {
  return Math.round(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000,
  );
}

function isoOf(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

function isDuration(v: Value): v is { amount: number; unit: string } {
  return typeof v === 'object' && v !== null && 'amount' in v;
}

function scalar(v: Value): string | number | boolean | undefined {
  if (isDuration(v)) return `${v.amount}${v.unit}`;
  return v;
}

function order(a: Value, b: Value): number | undefined {
  if (isDuration(a) && isDuration(b)) return a.unit === b.unit ? a.amount - b.amount : undefined;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function value(e: Portable, data: unknown): Value {
  switch (e.type) {
    case 'path':
      return lookup(data, e.path);
    case 'literal':
      return e.value as Value;
    case 'neg': {
      const v = value(e.arg, data);
      return typeof v === 'number' ? -v : ABSENT;
    }
    case 'arith': {
      const l = value(e.left, data);
      const r = value(e.right, data);
      if (l === ABSENT || r === ABSENT) return ABSENT;
      if (typeof l === 'number' && typeof r === 'number') {
        if (e.op === '+') return l + r;
        if (e.op === '-') return l - r;
        if (e.op === '*') return l * r;
        return r === 0 ? ABSENT : l / r;
      }
      if (typeof l === 'string' && typeof r === 'string' && e.op === '-')
        return { amount: dayNumber(l) - dayNumber(r), unit: 'day' };
      if (typeof l === 'string' && isDuration(r) && r.unit === 'day')
        return isoOf(dayNumber(l) + (e.op === '+' ? r.amount : -r.amount));
      if (isDuration(l) && isDuration(r) && l.unit === r.unit)
        return { amount: e.op === '+' ? l.amount + r.amount : l.amount - r.amount, unit: l.unit };
      return ABSENT;
    }
    default:
      return evaluate(e, data);
  }
}

/** Evaluate a compiled condition against an applicant's data (nested by path segment). */
export function evaluate(e: Portable, data: unknown): boolean {
  switch (e.type) {
    case 'and':
      return evaluate(e.left, data) && evaluate(e.right, data);
    case 'or':
      return evaluate(e.left, data) || evaluate(e.right, data);
    case 'not':
      return !evaluate(e.arg, data);
    case 'exists':
      return lookup(data, e.arg.path) !== ABSENT;
    case 'compare': {
      const l = value(e.left, data);
      const r = value(e.right, data);
      if (l === ABSENT || r === ABSENT) return false;
      if (e.op === '==') return scalar(l) === scalar(r);
      if (e.op === '!=') return scalar(l) !== scalar(r);
      const c = order(l, r);
      if (c === undefined) return false;
      return e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '>' ? c > 0 : c >= 0;
    }
    case 'in': {
      const v = value(e.value, data);
      if (v === ABSENT) return false;
      const found = e.list.some((item) => scalar(value(item, data)) === scalar(v));
      return e.negated ? !found : found;
    }
    case 'path':
      return lookup(data, e.path) === true;
    case 'literal':
      return e.value === true;
    default:
      return false;
  }
}
