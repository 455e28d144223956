import type { Expr } from './ast.js';

const PRECEDENCE: Record<string, number> = {
  or: 1,
  and: 2,
  not: 3,
  compare: 4,
  in: 4,
  arith_add: 5,
  arith_mul: 6,
  neg: 7,
};

function prec(e: Expr): number {
  if (e.type === 'arith')
    return e.op === '+' || e.op === '-' ? PRECEDENCE['arith_add']! : PRECEDENCE['arith_mul']!;
  return PRECEDENCE[e.type] ?? 9;
}

const DURATION_UNITS = { workday: '个工作日', day: '日', hour: '小时' } as const;

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

/** Canonical text of a condition: ASCII operators, English keywords, double quotes. Re-parses to the same AST. */
export function printCondition(e: Expr): string {
  const wrap = (child: Expr, min: number) =>
    prec(child) < min ? `(${printCondition(child)})` : printCondition(child);
  switch (e.type) {
    case 'or':
      return `${wrap(e.left, 1)} or ${wrap(e.right, 2)}`;
    case 'and':
      return `${wrap(e.left, 2)} and ${wrap(e.right, 3)}`;
    case 'not':
      return `not ${wrap(e.arg, 3)}`;
    case 'compare':
      return `${wrap(e.left, 5)} ${e.op} ${wrap(e.right, 5)}`;
    case 'in':
      return `${wrap(e.value, 5)} ${e.negated ? 'not in' : 'in'} [${e.list.map((x) => wrap(x, 5)).join(', ')}]`;
    case 'arith': {
      const p = prec(e);
      return `${wrap(e.left, p)} ${e.op} ${wrap(e.right, p + 1)}`;
    }
    case 'neg':
      return `-${wrap(e.arg, 7)}`;
    case 'exists':
      return `exists(${e.arg.path})`;
    case 'path':
      return e.path;
    case 'literal':
      switch (e.kind) {
        case 'string':
          return quote(e.value);
        case 'number':
          return String(e.value);
        case 'boolean':
          return e.value ? 'true' : 'false';
        case 'date':
          return e.value;
        case 'duration':
          return `${e.value.amount}${DURATION_UNITS[e.value.unit]}`;
        case 'money':
          return `${e.value}元`;
      }
  }
}
