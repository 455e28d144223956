import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import { EmbeddedActionsParser } from '../chevrotain.js';
import type { ArithOp, CompareOp, DurationUnit, Expr, Literal, PathExpr, Span } from './ast.js';
import * as T from './lexer.js';

const halfWidthDigits = (s: string) =>
  s
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, '.')
    .replace(/－/g, '-');

/** Token end from its image: with positionTracking 'onlyOffset' chevrotain leaves endOffset unset. */
const endOf = (t: IToken) => t.startOffset + t.image.length;
const spanOf = (first: IToken, last: IToken): Span => ({ start: first.startOffset, end: endOf(last) });
/**
 * The span from one node to another. While recovering from a syntax error chevrotain hands a rule's
 * actions `undefined` for the part it skipped; the tree is discarded then, but building it must not throw.
 */
type Spanned = { span: Span } | undefined;
const join = (a: Spanned, b: Spanned): Span => ({
  start: a?.span.start ?? b?.span.start ?? 0,
  end: b?.span.end ?? a?.span.end ?? 0,
});
/** From a token to the end of a node that recovery may have left out. */
const from = (t: IToken, node: Spanned): Span => ({ start: t.startOffset, end: node?.span.end ?? endOf(t) });

const COMPARE: Record<string, CompareOp> = { Ge: '>=', Le: '<=', Ne: '!=', Eq: '==', Gt: '>', Lt: '<' };

function stringValue(image: string): string {
  const body = image.slice(1, -1);
  if (image.startsWith('"') || image.startsWith("'")) {
    return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  }
  return body;
}

function durationValue(image: string): { amount: number; unit: DurationUnit } {
  const s = halfWidthDigits(image);
  const amount = Number(/^[0-9.]+/.exec(s)?.[0] ?? '0');
  const unit: DurationUnit = /工作日|working/.test(s) ? 'workday' : /小时|hour/.test(s) ? 'hour' : 'day';
  return { amount, unit };
}

function moneyValue(image: string): number {
  const s = halfWidthDigits(image);
  const n = Number(/[0-9.]+/.exec(s)?.[0] ?? '0');
  return s.includes('万元') ? n * 10000 : n;
}

class ConditionParser extends EmbeddedActionsParser {
  constructor() {
    super(T.ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  public expression = this.RULE('expression', (): Expr => this.SUBRULE(this.orExpr));

  private orExpr = this.RULE('orExpr', (): Expr => {
    let left = this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Or) }, { ALT: () => this.CONSUME(T.OrOr) }]);
      const right = this.SUBRULE2(this.andExpr);
      left = this.ACTION(() => ({ type: 'or', left, right, span: join(left, right) }) as Expr);
    });
    return left;
  });

  private andExpr = this.RULE('andExpr', (): Expr => {
    let left = this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.And) }, { ALT: () => this.CONSUME(T.AndAnd) }]);
      const right = this.SUBRULE2(this.notExpr);
      left = this.ACTION(() => ({ type: 'and', left, right, span: join(left, right) }) as Expr);
    });
    return left;
  });

  private notExpr = this.RULE('notExpr', (): Expr =>
    this.OR([
      {
        ALT: () => {
          const op = this.OR2([{ ALT: () => this.CONSUME(T.Not) }, { ALT: () => this.CONSUME(T.Bang) }]);
          const arg = this.SUBRULE(this.notExpr);
          return this.ACTION(() => ({ type: 'not', arg, span: from(op, arg) }) as Expr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]),
  );

  private comparison = this.RULE('comparison', (): Expr => {
    let left = this.SUBRULE(this.additive);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            const op = this.OR2([
              { ALT: () => this.CONSUME(T.Ge) },
              { ALT: () => this.CONSUME(T.Le) },
              { ALT: () => this.CONSUME(T.Ne) },
              { ALT: () => this.CONSUME(T.Eq) },
              { ALT: () => this.CONSUME(T.Gt) },
              { ALT: () => this.CONSUME(T.Lt) },
            ]);
            const right = this.SUBRULE2(this.additive);
            left = this.ACTION(
              () =>
                ({
                  type: 'compare',
                  op: COMPARE[op.tokenType.name] ?? '==',
                  left,
                  right,
                  span: join(left, right),
                }) as Expr,
            );
          },
        },
        {
          ALT: () => {
            const negated = this.OPTION2(() => this.CONSUME2(T.Not));
            this.CONSUME(T.In);
            const { list, end } = this.SUBRULE(this.list);
            left = this.ACTION(
              () =>
                ({
                  type: 'in',
                  negated: negated !== undefined,
                  value: left,
                  list,
                  span: { start: (left as Spanned)?.span.start ?? end, end },
                }) as Expr,
            );
          },
        },
      ]);
    });
    return left;
  });

  private list = this.RULE('list', (): { list: Expr[]; end: number } => {
    const items: Expr[] = [];
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      items.push(this.SUBRULE(this.additive));
      this.MANY(() => {
        this.CONSUME(T.Comma);
        items.push(this.SUBRULE2(this.additive));
      });
    });
    const close = this.CONSUME(T.RBracket);
    return { list: items, end: endOf(close) };
  });

  private additive = this.RULE('additive', (): Expr => {
    let left = this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      const right = this.SUBRULE2(this.multiplicative);
      left = this.ACTION(
        () =>
          ({
            type: 'arith',
            op: (op.tokenType === T.Plus ? '+' : '-') as ArithOp,
            left,
            right,
            span: join(left, right),
          }) as Expr,
      );
    });
    return left;
  });

  private multiplicative = this.RULE('multiplicative', (): Expr => {
    let left = this.SUBRULE(this.unary);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.CONSUME(T.Slash) }]);
      const right = this.SUBRULE2(this.unary);
      left = this.ACTION(
        () =>
          ({
            type: 'arith',
            op: (op.tokenType === T.Star ? '*' : '/') as ArithOp,
            left,
            right,
            span: join(left, right),
          }) as Expr,
      );
    });
    return left;
  });

  private unary = this.RULE('unary', (): Expr =>
    this.OR([
      {
        ALT: () => {
          const minus = this.CONSUME(T.Minus);
          const arg = this.SUBRULE(this.unary);
          return this.ACTION(() => ({ type: 'neg', arg, span: from(minus, arg) }) as Expr);
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]),
  );

  private primary = this.RULE('primary', (): Expr =>
    this.OR([
      { ALT: () => this.SUBRULE(this.literal) },
      {
        ALT: () => {
          const kw = this.CONSUME(T.Exists);
          this.CONSUME(T.LParen);
          const arg = this.SUBRULE(this.path);
          const close = this.CONSUME(T.RParen);
          return this.ACTION(() => ({ type: 'exists', arg, span: spanOf(kw, close) }) as Expr);
        },
      },
      { ALT: () => this.SUBRULE2(this.path) },
      {
        ALT: () => {
          const open = this.CONSUME2(T.LParen);
          const inner = this.SUBRULE(this.expression);
          const close = this.CONSUME2(T.RParen);
          // Parentheses are kept only as a span widening; the AST has no node for them.
          return this.ACTION(() => ({ ...inner, span: spanOf(open, close) }) as Expr);
        },
      },
    ]),
  );

  private path = this.RULE('path', (): PathExpr => {
    const first = this.CONSUME(T.Identifier);
    const parts = [first.image];
    let last = first;
    this.MANY(() => {
      this.CONSUME(T.Dot);
      last = this.CONSUME2(T.Identifier);
      parts.push(last.image);
    });
    return this.ACTION(() => ({
      type: 'path',
      path: parts.map(halfWidthDigits).join('.'),
      span: spanOf(first, last),
    }));
  });

  private literal = this.RULE('literal', (): Literal =>
    this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(T.StringLiteral);
          return this.ACTION(
            () =>
              ({
                type: 'literal',
                kind: 'string',
                value: stringValue(t.image),
                span: spanOf(t, t),
              }) as Literal,
          );
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.NumberLiteral);
          return this.ACTION(
            () =>
              ({
                type: 'literal',
                kind: 'number',
                value: Number(halfWidthDigits(t.image)),
                span: spanOf(t, t),
              }) as Literal,
          );
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.DateLiteral);
          return this.ACTION(
            () =>
              ({
                type: 'literal',
                kind: 'date',
                value: halfWidthDigits(t.image),
                span: spanOf(t, t),
              }) as Literal,
          );
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.DurationLiteral);
          return this.ACTION(
            () =>
              ({
                type: 'literal',
                kind: 'duration',
                value: durationValue(t.image),
                span: spanOf(t, t),
              }) as Literal,
          );
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.MoneyLiteral);
          return this.ACTION(
            () =>
              ({
                type: 'literal',
                kind: 'money',
                value: moneyValue(t.image),
                span: spanOf(t, t),
              }) as Literal,
          );
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.True);
          return this.ACTION(
            () => ({ type: 'literal', kind: 'boolean', value: true, span: spanOf(t, t) }) as Literal,
          );
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.False);
          return this.ACTION(
            () => ({ type: 'literal', kind: 'boolean', value: false, span: spanOf(t, t) }) as Literal,
          );
        },
      },
    ]),
  );
}

/** The one parser instance, reused for every expression (`parser.input = tokens`). */
const parser = new ConditionParser();

export type SyntaxProblem =
  | { readonly kind: 'unterminated-string'; readonly span: Span }
  | { readonly kind: 'bad-character'; readonly span: Span; readonly text: string }
  | {
      readonly kind: 'unexpected';
      readonly span: Span;
      readonly found: string;
      readonly expected: readonly string[];
    }
  | { readonly kind: 'incomplete'; readonly span: Span; readonly expected: readonly string[] };

export interface ParseResult {
  /** Undefined when the text could not be parsed at all. */
  readonly ast: Expr | undefined;
  readonly problems: readonly SyntaxProblem[];
}

/** Token names as users know them, for "expected …" lists. */
/** Stands for "a field path" in expected-token lists; the caller words it for the user. */
export const PATH_TOKEN = '<path>';

const TOKEN_TEXT: Record<string, string> = {
  RParen: ')',
  LParen: '(',
  RBracket: ']',
  LBracket: '[',
  Identifier: PATH_TOKEN,
  In: 'in',
  Comma: ',',
  Dot: '.',
};

function expectedOf(e: IRecognitionException): string[] {
  const m = /Expecting(?: token of type)? -->\s*(\w+)\s*<--/.exec(e.message);
  if (m?.[1]) return [TOKEN_TEXT[m[1]] ?? m[1]];
  return [];
}

/** Parse a condition; lexer and parser problems (several, thanks to recovery) come back as data. */
export function parseCondition(text: string): ParseResult {
  const lexed = T.conditionLexer.tokenize(text);
  const problems: SyntaxProblem[] = lexed.errors.map((e: ILexingError) => ({
    kind: 'bad-character',
    span: { start: e.offset, end: e.offset + e.length },
    text: text.substr(e.offset, e.length),
  }));
  const unterminated = lexed.tokens.filter((t) => t.tokenType === T.UnterminatedString);
  for (const t of unterminated)
    problems.push({ kind: 'unterminated-string', span: { start: t.startOffset, end: t.startOffset + 1 } });
  if (unterminated.length > 0) return { ast: undefined, problems };
  if (lexed.tokens.length === 0) {
    problems.push({ kind: 'incomplete', span: { start: 0, end: text.length }, expected: [] });
    return { ast: undefined, problems };
  }
  parser.input = lexed.tokens;
  let ast: Expr | undefined = parser.expression();
  for (const e of parser.errors) {
    const t = e.token;
    if (t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset)) {
      const end = text.trimEnd().length;
      problems.push({
        kind: 'incomplete',
        span: { start: Math.max(0, end - 1), end },
        expected: expectedOf(e),
      });
    } else {
      problems.push({ kind: 'unexpected', span: spanOf(t, t), found: t.image, expected: expectedOf(e) });
    }
  }
  // With any problem the tree is a guess: report the syntax and nothing that would follow from it.
  if (problems.length === 0 && !isComplete(ast)) {
    // Recovery left a hole without reporting it: never let a condition pass unchecked.
    problems.push({ kind: 'incomplete', span: { start: 0, end: text.length }, expected: [] });
  }
  if (problems.length > 0) ast = undefined;
  return { ast, problems };
}

/** Recovery may leave holes; an AST is usable only when every node is whole. */
function isComplete(e: unknown): e is Expr {
  if (e === null || typeof e !== 'object') return false;
  const x = e as Record<string, unknown>;
  if (typeof x['type'] !== 'string' || !x['span']) return false;
  if (x['type'] === 'literal') return 'value' in x;
  for (const k of ['left', 'right', 'arg', 'value']) if (k in x && !isComplete(x[k])) return false;
  if (x['type'] === 'in') return (x['list'] as unknown[]).every(isComplete);
  return true;
}
