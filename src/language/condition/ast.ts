/** Offsets into the condition text (UTF-16), end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/';
export type DurationUnit = 'workday' | 'day' | 'hour';

export type Literal =
  | { readonly type: 'literal'; readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly type: 'literal'; readonly kind: 'number'; readonly value: number; readonly span: Span }
  | { readonly type: 'literal'; readonly kind: 'boolean'; readonly value: boolean; readonly span: Span }
  /** ISO date YYYY-MM-DD. */
  | { readonly type: 'literal'; readonly kind: 'date'; readonly value: string; readonly span: Span }
  | {
      readonly type: 'literal';
      readonly kind: 'duration';
      readonly value: { readonly amount: number; readonly unit: DurationUnit };
      readonly span: Span;
    }
  /** Money in yuan. */
  | { readonly type: 'literal'; readonly kind: 'money'; readonly value: number; readonly span: Span };

export interface PathExpr {
  readonly type: 'path';
  /** Dotted path as written after normalization (full-width dots → `.`). */
  readonly path: string;
  readonly span: Span;
}

export type Expr =
  | { readonly type: 'or' | 'and'; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly type: 'not'; readonly arg: Expr; readonly span: Span }
  | {
      readonly type: 'compare';
      readonly op: CompareOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: Span;
    }
  | {
      readonly type: 'in';
      readonly negated: boolean;
      readonly value: Expr;
      readonly list: readonly Expr[];
      readonly span: Span;
    }
  | {
      readonly type: 'arith';
      readonly op: ArithOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: Span;
    }
  | { readonly type: 'neg'; readonly arg: Expr; readonly span: Span }
  | { readonly type: 'exists'; readonly arg: PathExpr; readonly span: Span }
  | PathExpr
  | Literal;

/** The AST without spans: what printing and re-parsing must preserve. */
export function stripSpans(e: Expr): unknown {
  return JSON.parse(JSON.stringify(e, (key, value) => (key === 'span' ? undefined : value)));
}
