import type { Expr, PathExpr } from './ast.js';
import type { Environment, TypeProblem, ValueType } from './types.js';

const ORDERED: ReadonlySet<ValueType> = new Set(['number', 'date', 'duration', 'money']);

/**
 * Type-check a condition: every path is a declared field; operands agree; ordering only on ordered
 * types; enumerated fields compare with their options; the whole is boolean. Null-strict: a field not
 * every applicant has may be used only where an `exists(…)` test guarantees it (`exists(x) and x > 1`,
 * `not exists(x) or x > 1`).
 */
export function typecheck(expr: Expr, env: Environment): TypeProblem[] {
  const problems: TypeProblem[] = [];
  const t = infer(expr, env, new Set(), problems);
  if (t !== undefined && t !== 'boolean') problems.push({ kind: 'not-boolean', span: expr.span, found: t });
  return problems;
}

/** Paths known present when `e` is true / false. */
function factsWhen(e: Expr, value: boolean): Set<string> {
  switch (e.type) {
    case 'exists':
      return value ? new Set([e.arg.path]) : new Set();
    case 'not':
      return factsWhen(e.arg, !value);
    case 'and':
    case 'or': {
      const a = factsWhen(e.left, value);
      const b = factsWhen(e.right, value);
      // and-true / or-false: both sides hold; otherwise only what both sides guarantee.
      if ((e.type === 'and') === value) return new Set([...a, ...b]);
      return new Set([...a].filter((p) => b.has(p)));
    }
    default:
      return new Set();
  }
}

function infer(
  e: Expr,
  env: Environment,
  present: ReadonlySet<string>,
  out: TypeProblem[],
): ValueType | undefined {
  const bool = (x: Expr, facts: ReadonlySet<string>) => {
    const ty = infer(x, env, facts, out);
    if (ty !== undefined && ty !== 'boolean') out.push({ kind: 'not-boolean', span: x.span, found: ty });
  };
  switch (e.type) {
    case 'and':
    case 'or': {
      bool(e.left, present);
      const learned = factsWhen(e.left, e.type === 'and');
      bool(e.right, new Set([...present, ...learned]));
      return 'boolean';
    }
    case 'not':
      bool(e.arg, present);
      return 'boolean';
    case 'exists':
      resolve(e.arg, env, out);
      return 'boolean';
    case 'path': {
      const field = resolve(e, env, out);
      if (!field) return undefined;
      if (!field.required && !present.has(e.path))
        out.push({ kind: 'possibly-absent', span: e.span, path: e.path });
      return field.type;
    }
    case 'literal':
      return e.kind;
    case 'neg': {
      const ty = infer(e.arg, env, present, out);
      if (ty !== undefined && ty !== 'number' && ty !== 'money')
        out.push({ kind: 'type-mismatch', span: e.span, op: '-', left: ty, right: 'number' });
      return ty;
    }
    case 'arith': {
      const l = infer(e.left, env, present, out);
      const r = infer(e.right, env, present, out);
      if (l === undefined || r === undefined) return undefined;
      const result = arithmetic(e.op, l, r);
      if (!result) out.push({ kind: 'type-mismatch', span: e.span, op: e.op, left: l, right: r });
      if (l === 'duration' && r === 'duration' && !sameUnit(e.left, e.right))
        out.push({ kind: 'unit-mismatch', span: e.span });
      // A date moves by calendar days or hours; working days depend on a holiday calendar.
      const right = e.right;
      if (
        l === 'date' &&
        right.type === 'literal' &&
        right.kind === 'duration' &&
        right.value.unit === 'workday'
      ) {
        out.push({ kind: 'unit-mismatch', span: e.span });
      }
      return result;
    }
    case 'compare': {
      const l = infer(e.left, env, present, out);
      const r = infer(e.right, env, present, out);
      if (l === undefined || r === undefined) return 'boolean';
      if (l !== r) out.push({ kind: 'type-mismatch', span: e.span, op: e.op, left: l, right: r });
      else if (e.op !== '==' && e.op !== '!=' && !ORDERED.has(l))
        out.push({ kind: 'not-ordered', span: e.span, op: e.op, type: l });
      else if (l === 'duration' && !sameUnit(e.left, e.right))
        out.push({ kind: 'unit-mismatch', span: e.span });
      checkOption(e.left, e.right, env, out);
      checkOption(e.right, e.left, env, out);
      return 'boolean';
    }
    case 'in': {
      const v = infer(e.value, env, present, out);
      for (const item of e.list) {
        const ty = infer(item, env, present, out);
        if (v !== undefined && ty !== undefined && ty !== v)
          out.push({ kind: 'type-mismatch', span: item.span, op: 'in', left: v, right: ty });
        checkOption(e.value, item, env, out);
      }
      return 'boolean';
    }
  }
}

function resolve(p: PathExpr, env: Environment, out: TypeProblem[]) {
  const field = env.lookup(p.path);
  if (!field) {
    out.push({
      kind: 'unknown-path',
      span: p.span,
      path: p.path,
      candidates: env.candidates(p.path),
      missingSpace: /[^\s](且|或|非)[^\s]/.test(p.path),
    });
  }
  return field;
}

/** `枚举` fields compared with a string literal: the literal must be one of the options. */
function checkOption(side: Expr, other: Expr, env: Environment, out: TypeProblem[]): void {
  if (side.type !== 'path' || other.type !== 'literal' || other.kind !== 'string') return;
  const field = env.lookup(side.path);
  if (field?.options && !field.options.includes(other.value)) {
    out.push({
      kind: 'not-an-option',
      span: other.span,
      value: other.value,
      path: side.path,
      options: field.options,
    });
  }
}

function arithmetic(op: string, l: ValueType, r: ValueType): ValueType | undefined {
  if (l === 'number' && r === 'number') return 'number';
  if (op === '+' || op === '-') {
    if (l === 'money' && r === 'money') return 'money';
    if (l === 'duration' && r === 'duration') return 'duration';
    if (l === 'date' && r === 'duration') return 'date';
    if (op === '-' && l === 'date' && r === 'date') return 'duration';
  }
  if (op === '*' && ((l === 'money' && r === 'number') || (l === 'number' && r === 'money'))) return 'money';
  if (op === '/' && l === 'money' && r === 'number') return 'money';
  return undefined;
}

/** Durations compare and add only in the same unit (working days and calendar days do not mix). */
function sameUnit(a: Expr, b: Expr): boolean {
  const unit = (x: Expr): string | undefined =>
    x.type === 'literal' && x.kind === 'duration'
      ? x.value.unit
      : x.type === 'arith' && x.left.type !== 'literal'
        ? 'day'
        : undefined;
  const ua = unit(a);
  const ub = unit(b);
  return ua === undefined || ub === undefined || ua === ub;
}
