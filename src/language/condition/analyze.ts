import type { CompareOp, Expr, Literal, Span } from './ast.js';
import { printCondition } from './printer.js';
import type { Environment } from './types.js';

/**
 * Satisfiability of conditions over per-field constraints. A condition is put in negation normal form
 * and expanded into a disjunction of conjunctions of literals; a conjunction is satisfiable when, field
 * by field, its constraints leave some value (an interval, a set of allowed values, a presence state).
 * Anything the analysis does not model (field-to-field comparisons, arithmetic) is an opaque atom that
 * is free, except that an atom and its negation cannot both hold.
 */

type Atom =
  | { kind: 'cmp'; path: string; op: CompareOp; value: number | string | boolean; text: string }
  | { kind: 'in'; path: string; values: readonly (number | string | boolean)[]; text: string }
  | { kind: 'exists'; path: string; text: string }
  | { kind: 'opaque'; key: string; text: string };

interface Lit {
  readonly atom: Atom;
  readonly positive: boolean;
}

type Conj = readonly Lit[];

const MAX_CONJUNCTS = 256;

const dayNumber = (iso: string) =>
  Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000);

function literalValue(l: Literal): number | string | boolean | undefined {
  switch (l.kind) {
    case 'date':
      return dayNumber(l.value);
    case 'duration':
      return undefined;
    default:
      return l.value;
  }
}

const FLIP: Record<CompareOp, CompareOp> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
  '==': '==',
  '!=': '!=',
};
const NEGATE: Record<CompareOp, CompareOp> = {
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
  '==': '!=',
  '!=': '==',
};

function atomOf(e: Expr): Atom {
  const text = printCondition(e);
  if (e.type === 'exists') return { kind: 'exists', path: e.arg.path, text };
  if (e.type === 'path') return { kind: 'cmp', path: e.path, op: '==', value: true, text };
  if (e.type === 'compare') {
    let [l, r, op] = [e.left, e.right, e.op];
    if (l.type === 'literal' && r.type === 'path') [l, r, op] = [r, l, FLIP[op]];
    if (l.type === 'path' && r.type === 'literal') {
      const v = literalValue(r);
      if (v !== undefined) return { kind: 'cmp', path: l.path, op, value: v, text };
    }
  }
  if (
    e.type === 'in' &&
    e.value.type === 'path' &&
    e.list.every((x) => x.type === 'literal' && x.kind !== 'duration')
  ) {
    return { kind: 'in', path: e.value.path, values: e.list.map((x) => literalValue(x as Literal)!), text };
  }
  return { kind: 'opaque', key: text, text };
}

/** Disjunctive normal form; undefined when it would exceed MAX_CONJUNCTS. */
function dnf(e: Expr, positive: boolean, env: Environment): Conj[] | undefined {
  if (e.type === 'not') return dnf(e.arg, !positive, env);
  if (e.type === 'literal' && e.kind === 'boolean') return e.value === positive ? [[]] : [];
  if (e.type === 'and' || e.type === 'or') {
    const l = dnf(e.left, positive, env);
    const r = dnf(e.right, positive, env);
    if (!l || !r) return undefined;
    if ((e.type === 'or') === positive) return l.length + r.length > MAX_CONJUNCTS ? undefined : [...l, ...r];
    if (l.length * r.length > MAX_CONJUNCTS) return undefined;
    return l.flatMap((a) => r.map((b) => [...a, ...b]));
  }
  if (e.type === 'in' && e.negated) {
    const inner = atomOf({ ...e, negated: false });
    return literal(inner, !positive, env);
  }
  return literal(atomOf(e), positive, env);
}

/** One atom as DNF; the negation of a comparison is the opposite comparison, or the field being absent. */
function literal(atom: Atom, positive: boolean, env: Environment): Conj[] {
  if (positive || atom.kind === 'exists' || atom.kind === 'opaque') return [[{ atom, positive }]];
  const path = atom.path;
  const absent: Conj = [{ atom: { kind: 'exists', path, text: `exists(${path})` }, positive: false }];
  const mayBeAbsent = !env.lookup(path)?.required;
  if (atom.kind === 'in')
    return mayBeAbsent ? [[{ atom, positive: false }], absent] : [[{ atom, positive: false }]];
  const flipped: Lit = { atom: { ...atom, op: NEGATE[atom.op], text: `not ${atom.text}` }, positive: true };
  return mayBeAbsent ? [[flipped], absent] : [[flipped]];
}

interface Interval {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

export interface Verdict {
  readonly satisfiable: boolean;
  /** The literals that cannot hold together, when unsatisfiable because of one field or atom. */
  readonly conflict: readonly string[];
  /** A sample assignment satisfying the conjunction, when satisfiable. */
  /** Absent fields map to null. */
  readonly witness: Readonly<Record<string, string | null>>;
}

/** Can every literal of the conjunction hold at once? */
function conjunction(conj: Conj, env: Environment): Verdict {
  const byPath = new Map<string, Lit[]>();
  const opaque = new Map<string, boolean>();
  for (const lit of conj) {
    if (lit.atom.kind === 'opaque') {
      const seen = opaque.get(lit.atom.key);
      if (seen !== undefined && seen !== lit.positive)
        return { satisfiable: false, conflict: [lit.atom.text, `not ${lit.atom.text}`], witness: {} };
      opaque.set(lit.atom.key, lit.positive);
      continue;
    }
    const list = byPath.get(lit.atom.path) ?? [];
    list.push(lit);
    byPath.set(lit.atom.path, list);
  }
  const witness: Record<string, string | null> = {};
  for (const [path, lits] of byPath) {
    const field = env.lookup(path);
    const texts = lits.map((l) => (l.positive ? l.atom.text : `not ${l.atom.text}`));
    const constrained = lits.filter((l) => l.atom.kind !== 'exists');
    const mustBeAbsent = lits.some((l) => l.atom.kind === 'exists' && !l.positive);
    if (
      mustBeAbsent &&
      (constrained.length > 0 || field?.required || lits.some((l) => l.atom.kind === 'exists' && l.positive))
    ) {
      return { satisfiable: false, conflict: texts, witness: {} };
    }
    if (mustBeAbsent) {
      witness[path] = null;
      continue;
    }
    const value = solve(constrained, field?.integer === true, field?.options, field?.type === 'boolean');
    if (value === undefined) return { satisfiable: false, conflict: texts, witness: {} };
    if (value !== null)
      witness[path] =
        field?.type === 'date' && typeof value === 'number'
          ? new Date(value * 86400000).toISOString().slice(0, 10)
          : String(value);
  }
  return { satisfiable: true, conflict: [], witness };
}

/** A value meeting every constraint; null when unconstrained; undefined when none exists. */
function solve(
  lits: readonly Lit[],
  integer: boolean,
  options: readonly string[] | undefined,
  boolean: boolean,
): number | string | boolean | null | undefined {
  if (lits.length === 0) return null;
  const iv: Interval = {
    lo: Number.NEGATIVE_INFINITY,
    loOpen: true,
    hi: Number.POSITIVE_INFINITY,
    hiOpen: true,
  };
  let allowed: Set<number | string | boolean> | undefined = boolean
    ? new Set([true, false])
    : options
      ? new Set(options)
      : undefined;
  const excluded = new Set<number | string | boolean>();
  const restrict = (values: Iterable<number | string | boolean>) => {
    const next = new Set(values);
    allowed = allowed ? new Set([...allowed].filter((v) => next.has(v))) : next;
  };
  for (const { atom, positive } of lits) {
    if (atom.kind === 'in') {
      if (positive) restrict(atom.values);
      else for (const v of atom.values) excluded.add(v);
    } else if (atom.kind === 'cmp') {
      const v = atom.value;
      if (atom.op === '==') restrict([v]);
      else if (atom.op === '!=') excluded.add(v);
      else if (typeof v === 'number') {
        if ((atom.op === '>' || atom.op === '>=') && (v > iv.lo || (v === iv.lo && atom.op === '>'))) {
          iv.lo = v;
          iv.loOpen = atom.op === '>';
        }
        if ((atom.op === '<' || atom.op === '<=') && (v < iv.hi || (v === iv.hi && atom.op === '<'))) {
          iv.hi = v;
          iv.hiOpen = atom.op === '<';
        }
      }
    }
  }
  const inInterval = (v: number | string | boolean) =>
    typeof v !== 'number' ||
    ((v > iv.lo || (v === iv.lo && !iv.loOpen)) &&
      (v < iv.hi || (v === iv.hi && !iv.hiOpen)) &&
      (!integer || Number.isInteger(v)));
  if (allowed) {
    for (const v of [...allowed].sort()) if (!excluded.has(v) && inInterval(v)) return v;
    return undefined;
  }
  const numeric = lits.some((l) => l.atom.kind === 'cmp' && typeof l.atom.value === 'number');
  if (!numeric) {
    // Strings constrained only by inequality: some other text will do.
    return null;
  }
  // Numbers: walk from one end of the interval, stepping past excluded points.
  const n = excluded.size + 2;
  const bothFinite = Number.isFinite(iv.lo) && Number.isFinite(iv.hi);
  const step = integer ? 1 : bothFinite ? (iv.hi - iv.lo) / (n + 1) : 1;
  let start: number;
  let direction = 1;
  if (Number.isFinite(iv.lo))
    start = iv.loOpen ? (integer ? Math.floor(iv.lo) + 1 : iv.lo + step) : integer ? Math.ceil(iv.lo) : iv.lo;
  else if (Number.isFinite(iv.hi)) {
    start = iv.hiOpen ? (integer ? Math.ceil(iv.hi) - 1 : iv.hi - step) : integer ? Math.floor(iv.hi) : iv.hi;
    direction = -1;
  } else start = 0;
  for (let k = 0; k <= n; k++) {
    const c = start + direction * k * step;
    if (!excluded.has(c) && inInterval(c)) return c;
  }
  return undefined;
}

/** Is there an applicant for whom `e` holds? */
export function satisfiable(e: Expr, env: Environment): Verdict | undefined {
  const conjs = dnf(e, true, env);
  if (!conjs) return undefined;
  let last: Verdict = { satisfiable: false, conflict: [], witness: {} };
  for (const c of conjs) {
    const v = conjunction(c, env);
    if (v.satisfiable) return v;
    last = v;
  }
  return conjs.length === 1 ? last : { satisfiable: false, conflict: [], witness: {} };
}

export type Finding =
  | { readonly kind: 'always-false'; readonly span: Span; readonly conflict: readonly string[] }
  | { readonly kind: 'always-true'; readonly span: Span };

/**
 * Always-false conditions (and always-false conjunctions inside them) and always-true conditions.
 * Only the outermost contradictory node is reported.
 */
export function analyze(e: Expr, env: Environment): Finding[] {
  const whole = satisfiable(e, env);
  if (whole && !whole.satisfiable) return [{ kind: 'always-false', span: e.span, conflict: whole.conflict }];
  const findings: Finding[] = [];
  const visit = (x: Expr) => {
    if (x.type === 'and') {
      const v = satisfiable(x, env);
      if (v && !v.satisfiable) {
        findings.push({ kind: 'always-false', span: x.span, conflict: v.conflict });
        return;
      }
    }
    if (x.type === 'and' || x.type === 'or') {
      visit(x.left);
      visit(x.right);
    } else if (x.type === 'not') visit(x.arg);
  };
  visit(e);
  if (findings.length === 0) {
    const negation = satisfiable({ type: 'not', arg: e, span: e.span }, env);
    if (negation && !negation.satisfiable) findings.push({ kind: 'always-true', span: e.span });
  }
  return findings;
}

/** Two conditions meant to be exclusive: a witness applicant for whom both hold, if any. */
export function overlap(a: Expr, b: Expr, env: Environment): Verdict | undefined {
  const both = satisfiable({ type: 'and', left: a, right: b, span: a.span }, env);
  return both?.satisfiable ? both : undefined;
}
