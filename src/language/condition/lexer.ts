import type { IToken, TokenType } from 'chevrotain';
import { createToken, Lexer } from '../chevrotain.js';

/**
 * Tokens of the condition language. Full-width forms (＞＝ （） “本省” ５) are equivalents of the ASCII
 * ones; identifiers are letters of any script, including CJK outside the BMP, matched by hand because
 * chevrotain drops a regex's `u` flag.
 */

function isIdentStart(cp: number): boolean {
  return (
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    cp === 0x5f ||
    (cp >= 0xc0 && cp <= 0x24f) ||
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK Ext A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af) // CJK Ext B–H (astral)
  );
}

function isIdentPart(cp: number): boolean {
  return isIdentStart(cp) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19) || cp === 0xb7;
}

/** Custom matcher: an identifier starting at `offset`. */
function matchIdentifier(text: string, offset: number): RegExpExecArray | null {
  let i = offset;
  const first = text.codePointAt(i);
  if (first === undefined || !isIdentStart(first)) return null;
  i += first > 0xffff ? 2 : 1;
  for (;;) {
    const cp = text.codePointAt(i);
    if (cp === undefined || !isIdentPart(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  const result = [text.slice(offset, i)] as unknown as RegExpExecArray;
  return result;
}

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\u3000]+/,
  group: Lexer.SKIPPED,
});

export const Identifier = createToken({
  name: 'Identifier',
  pattern: { exec: matchIdentifier },
  line_breaks: false,
  start_chars_hint: [
    ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_'.split(''),
    // The hint only needs the first UTF-16 unit; astral identifiers start with a high surrogate.
    ...Array.from({ length: 0x9fff - 0x3400 + 1 }, (_, k) => 0x3400 + k),
    ...Array.from({ length: 0xdbff - 0xd800 + 1 }, (_, k) => 0xd800 + k),
    ...Array.from({ length: 0x30ff - 0x3040 + 1 }, (_, k) => 0x3040 + k),
    ...Array.from({ length: 0xd7a3 - 0xac00 + 1 }, (_, k) => 0xac00 + k),
    ...Array.from({ length: 0xfaff - 0xf900 + 1 }, (_, k) => 0xf900 + k),
    ...Array.from({ length: 0x24f - 0xc0 + 1 }, (_, k) => 0xc0 + k),
  ],
});

const keyword = (name: string, pattern: RegExp) => createToken({ name, pattern, longer_alt: Identifier });

export const And = keyword('And', /and|且/);
export const Or = keyword('Or', /or|或/);
export const Not = keyword('Not', /not|非/);
export const In = keyword('In', /in/);
export const True = keyword('True', /true|是/);
export const False = keyword('False', /false|否/);
export const Exists = keyword('Exists', /exists|存在/);

export const AndAnd = createToken({ name: 'AndAnd', pattern: /&&/ });
export const OrOr = createToken({ name: 'OrOr', pattern: /\|\|/ });

export const Ge = createToken({ name: 'Ge', pattern: />=|＞＝|≥|>＝|＞=/ });
export const Le = createToken({ name: 'Le', pattern: /<=|＜＝|≤|<＝|＜=/ });
export const Ne = createToken({ name: 'Ne', pattern: /!=|！＝|≠|!＝|！=/ });
export const Eq = createToken({ name: 'Eq', pattern: /==|＝＝|=|＝/ });
export const Gt = createToken({ name: 'Gt', pattern: />|＞/ });
export const Lt = createToken({ name: 'Lt', pattern: /<|＜/ });
export const Bang = createToken({ name: 'Bang', pattern: /!|！/ });

export const Plus = createToken({ name: 'Plus', pattern: /\+|＋/ });
export const Minus = createToken({ name: 'Minus', pattern: /-|－/ });
export const Star = createToken({ name: 'Star', pattern: /\*|＊|×/ });
export const Slash = createToken({ name: 'Slash', pattern: /\/|／|÷/ });

export const LParen = createToken({ name: 'LParen', pattern: /\(|（/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)|）/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[|［|【/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]|］|】/ });
export const Comma = createToken({ name: 'Comma', pattern: /,|，|、/ });
export const Dot = createToken({ name: 'Dot', pattern: /\.|．/ });

const D = '[0-9０-９]';
export const DateLiteral = createToken({
  name: 'DateLiteral',
  pattern: new RegExp(`${D}{4}[-－]${D}{2}[-－]${D}{2}`),
});
export const DurationLiteral = createToken({
  name: 'DurationLiteral',
  pattern: new RegExp(
    `${D}+(?:[.．]${D}+)?\\s*(?:个)?(?:工作日|自然日|日|天|小时|working\\s+days?|days?|hours?)`,
  ),
});
export const MoneyLiteral = createToken({
  name: 'MoneyLiteral',
  pattern: new RegExp(`[¥￥]\\s*${D}+(?:[.．]${D}+)?|${D}+(?:[.．]${D}+)?\\s*(?:元|万元)`),
});
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: new RegExp(`${D}+(?:[.．]${D}+)?`),
});

/** Strings: "…", '…', “…”, ‘…’, 「…」. Unterminated strings are lexer errors (see UnterminatedString). */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|“[^”\n]*”|‘[^’\n]*’|「[^」\n]*」/,
});
/** An opening quote with no closing one on the line: matched so that it is reported, never skipped. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /["'“‘「][^\n]*/,
});

export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  StringLiteral,
  UnterminatedString,
  DateLiteral,
  DurationLiteral,
  MoneyLiteral,
  NumberLiteral,
  AndAnd,
  OrOr,
  Ge,
  Le,
  Ne,
  Eq,
  Gt,
  Lt,
  Bang,
  Plus,
  Minus,
  Star,
  Slash,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Dot,
  And,
  Or,
  Not,
  In,
  True,
  False,
  Exists,
  Identifier,
];

export const conditionLexer = new Lexer(ALL_TOKENS, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
});

export type { IToken };
