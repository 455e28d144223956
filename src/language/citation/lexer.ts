import type { CustomPatternMatcherReturn, IMultiModeLexerDefinition, IToken, TokenType } from 'chevrotain';
import { createToken, Lexer } from '../chevrotain.js';
import { halfWidthDigits, isDigitChar, isNumeralChar, parseNumeral } from './numerals.js';

/**
 * Tokens of the citation language. Two lexer modes: `top` for the citation itself and `note` for the
 * text inside a parenthesised issue/amend note, where only document numbers, nested titles and nested
 * parentheses have structure. Every structured token is a hand-written matcher, because the words are
 * CJK (chevrotain drops a regex's `u` flag) and because several need context a regex cannot give:
 *
 * - `DocNumber` reads a whole 文号 (国发〔2024〕3号, 国务院令第412号, 国家税务总局公告2012年第24号),
 *   choosing where the issuer starts: not right after a number, 第, or a function word such as 根据.
 * - `QuotedTitle` is a 《…》 whose brackets balance (nested 《》 and 〈〉 are part of the title);
 *   an unmatched 《 is `UnclosedTitle`, a one-character token, so that the rest still parses.
 * - `Num`, `ParenNum`, `Unit` only exist right after 第 (or 附件), so that numerals and 条款项目 inside a
 *   title without 《》 stay part of its text.
 * - `BareText` is a title without 《》, or garbage: anything up to a bracket or the start of 第N条.
 */

// ── character classes ────────────────────────────────────────────────────────────────────────────

function isCJK(cp: number): boolean {
  return (
    cp === 0x3007 || // 〇
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af)
  );
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** Opening and closing brackets accepted around a 文号's year; only 〔〕 are regular. */
const YEAR_OPEN = '〔【[［(（';
const YEAR_CLOSE = '〕】]］)）';
/** Last characters of an organ's name, after which a space may separate joint issuers (财政部 税务总局). */
const ORGAN_FINAL = '部局厅委院会署行办府室处司';
/** Words an issuer never starts with, so that 根据国务院令第1号 gives the issuer 国务院. */
const STOP_WORDS = [
  '根据',
  '依据',
  '按照',
  '予以',
  '修正',
  '修订',
  '修改',
  '公布',
  '发布',
  '施行',
  '通过',
  '废止',
  '经',
  '由',
  '以',
  '并',
  '及',
  '和',
  '与',
  '即',
  '自',
  '于',
];
const MAX_ISSUER = 40;

function skipSpace(text: string, i: number): number {
  while (isSpace(text[i])) i++;
  return i;
}

function prevNonSpace(text: string, offset: number): number {
  let k = offset - 1;
  while (k >= 0 && isSpace(text[k])) k--;
  return k;
}

function match(image: string, payload?: unknown): CustomPatternMatcherReturn {
  const m = [image] as CustomPatternMatcherReturn;
  if (payload !== undefined) m.payload = payload;
  return m;
}

/** A run of digits, or of Chinese numeral characters that parses. */
function readNumber(text: string, i: number): { value: number; raw: string; end: number } | undefined {
  let j = i;
  if (isDigitChar(text[j] ?? '')) {
    while (isDigitChar(text[j] ?? '')) j++;
  } else {
    while (isNumeralChar(text[j] ?? '')) j++;
  }
  if (j === i || j - i > 12) return undefined;
  const raw = text.slice(i, j);
  const value = parseNumeral(raw);
  return value === undefined ? undefined : { value, raw, end: j };
}

/** Four digits, Arabic (2024, ２０２４) or Chinese written digit by digit (二〇二四). */
function readYear(text: string, i: number): { value: number; end: number } | undefined {
  const four = text.slice(i, i + 4);
  if (four.length !== 4) return undefined;
  const next = text[i + 4] ?? '';
  if (/^[0-9０-９]{4}$/.test(four)) {
    if (isDigitChar(next)) return undefined;
    return { value: Number(halfWidthDigits(four)), end: i + 4 };
  }
  if (/^[〇零一二三四五六七八九]{4}$/.test(four)) {
    if (isNumeralChar(next)) return undefined;
    const value = parseNumeral(four);
    return value === undefined ? undefined : { value, end: i + 4 };
  }
  return undefined;
}

// ── document numbers ─────────────────────────────────────────────────────────────────────────────

export interface DocPayload {
  issuer: string;
  year?: number;
  number: number;
  kind: 'bracket' | 'order' | 'announcement';
  text: string;
  /** The year's brackets when they are not 〔〕: absolute offsets, end exclusive. */
  irregularBrackets?: { start: number; end: number };
}

function suffixAt(text: string, p: number, i: number): { end: number; payload: DocPayload } | undefined {
  const c = text[i] ?? '';
  if (!YEAR_OPEN.includes(c) && c !== '令' && !text.startsWith('公告', i)) return undefined;
  const issuer = text.slice(p, i).replace(/\s+/g, ' ').trim();
  if (issuer === '') return undefined;
  if (YEAR_OPEN.includes(c)) {
    const year = readYear(text, skipSpace(text, i + 1));
    if (!year) return undefined;
    const closeAt = skipSpace(text, year.end);
    const close = text[closeAt] ?? '';
    if (!YEAR_CLOSE.includes(close)) return undefined;
    const num = readNumber(text, skipSpace(text, closeAt + 1));
    if (!num) return undefined;
    const hao = skipSpace(text, num.end);
    if (text[hao] !== '号') return undefined;
    const payload: DocPayload = {
      issuer,
      year: year.value,
      number: num.value,
      kind: 'bracket',
      text: `${issuer}〔${year.value}〕${halfWidthDigits(num.raw)}号`,
    };
    if (c !== '〔' || close !== '〕') payload.irregularBrackets = { start: i, end: closeAt + 1 };
    return { end: hao + 1, payload };
  }
  const kind = c === '令' ? 'order' : text.startsWith('公告', i) ? 'announcement' : undefined;
  if (kind === undefined) return undefined;
  let j = skipSpace(text, i + (kind === 'order' ? 1 : 2));
  const year = readYear(text, j);
  if (year && text[year.end] === '年') j = skipSpace(text, year.end + 1);
  if (text[j] === '第') j = skipSpace(text, j + 1);
  else if (!year) return undefined; // 令 without 第 or a year is just the character 令
  const num = readNumber(text, j);
  if (!num) return undefined;
  const hao = skipSpace(text, num.end);
  if (text[hao] !== '号') return undefined;
  const yearText = year && text[year.end] === '年' ? `${year.value}年` : '';
  const payload: DocPayload = {
    issuer,
    number: num.value,
    kind,
    text: `${issuer}${kind === 'order' ? '令' : '公告'}${yearText}第${halfWidthDigits(num.raw)}号`,
  };
  if (yearText !== '' && year) payload.year = year.value;
  return { end: hao + 1, payload };
}

/**
 * A document number starting exactly at `p`, or undefined. The issuer is a run of CJK characters and
 * 、 (and single spaces after an organ's name), at most MAX_ISSUER long; it does not start right after a
 * digit, a numeral or 第 (so 3日国务院令 gives 国务院), nor with a word in STOP_WORDS.
 */
export function scanDocNumber(text: string, p: number): { end: number; payload: DocPayload } | undefined {
  const first = text.codePointAt(p);
  if (first === undefined || !isCJK(first)) return undefined;
  if (text[p] === '第' || text.startsWith('附件', p)) return undefined;
  const prev = text[p - 1] ?? '';
  if (isDigitChar(prev) || isNumeralChar(prev) || prev === '第') return undefined;
  for (const w of STOP_WORDS) if (text.startsWith(w, p)) return undefined;
  let i = p;
  let count = 0;
  for (;;) {
    if (i > p) {
      const found = suffixAt(text, p, i);
      if (found) return found;
    }
    const cp = text.codePointAt(i);
    if (cp === undefined) return undefined;
    if (isCJK(cp) || cp === 0x3001) {
      i += cp > 0xffff ? 2 : 1;
      if (++count > MAX_ISSUER) return undefined;
      continue;
    }
    if (isSpace(text[i]) && i > p && ORGAN_FINAL.includes(text[i - 1] ?? '')) {
      const j = skipSpace(text, i);
      const next = text.codePointAt(j);
      if (next !== undefined && isCJK(next)) {
        i = j;
        continue;
      }
    }
    return undefined;
  }
}

// ── 《》 matching ────────────────────────────────────────────────────────────────────────────────

let matchedText: string | undefined;
let closeOf: Int32Array = new Int32Array(0);

/** Index of the 》 that closes the 《 at `offset` (brackets balance over the whole text), or -1. */
function titleClose(text: string, offset: number): number {
  if (text !== matchedText) {
    closeOf = new Int32Array(text.length).fill(-1);
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '《') stack.push(i);
      else if (c === '》' && stack.length > 0) closeOf[stack.pop()!] = i;
    }
    matchedText = text;
  }
  return closeOf[offset] ?? -1;
}

// ── lookarounds used by several tokens ──────────────────────────────────────────────────────────

/** 第 at `i` starts a provision: 第 [N | （N）] 条/款/项/目 (the number may be missing: an error, but a provision). */
function provisionAt(text: string, i: number): boolean {
  if (text[i] !== '第') return false;
  let j = skipSpace(text, i + 1);
  const c = text[j] ?? '';
  if (c === '（' || c === '(') {
    const num = readNumber(text, skipSpace(text, j + 1));
    if (!num) return false;
    j = skipSpace(text, num.end);
    if (text[j] !== '）' && text[j] !== ')') return false;
    j = skipSpace(text, j + 1);
  } else if (isDigitChar(c) || isNumeralChar(c)) {
    while (isDigitChar(text[j] ?? '') || isNumeralChar(text[j] ?? '')) j++;
    j = skipSpace(text, j);
  }
  return '条款项目'.includes(text[j] ?? '-');
}

/** 附件 at `i` followed by a number, a 《title》 or 第. */
function annexAt(text: string, i: number): boolean {
  if (!text.startsWith('附件', i)) return false;
  const c = text[skipSpace(text, i + 2)] ?? '';
  return isDigitChar(c) || isNumeralChar(c) || c === '《' || c === '第';
}

function afterDi(text: string, offset: number): boolean {
  return text[prevNonSpace(text, offset)] === '第';
}

function afterAnnex(text: string, offset: number): boolean {
  const k = prevNonSpace(text, offset);
  return text[k] === '件' && text[k - 1] === '附';
}

// ── tokens ───────────────────────────────────────────────────────────────────────────────────────

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });

export const RankTag = createToken({
  name: 'RankTag',
  line_breaks: false,
  pattern: {
    exec: (text: string, offset: number) => {
      if (text[offset] !== '【') return null;
      let j = offset + 1;
      for (;;) {
        const cp = text.codePointAt(j);
        if (cp === undefined || !isCJK(cp) || isNumeralChar(text[j] ?? '')) break;
        j += cp > 0xffff ? 2 : 1;
      }
      if (j === offset + 1 || j - offset > 13 || text[j] !== '】') return null;
      return match(text.slice(offset, j + 1));
    },
  },
});

export const DocNumber = createToken({
  name: 'DocNumber',
  line_breaks: true,
  pattern: {
    exec: (text: string, offset: number) => {
      const found = scanDocNumber(text, offset);
      return found ? match(text.slice(offset, found.end), found.payload) : null;
    },
  },
});

export const QuotedTitle = createToken({
  name: 'QuotedTitle',
  line_breaks: true,
  pattern: {
    exec: (text: string, offset: number) => {
      if (text[offset] !== '《') return null;
      const close = titleClose(text, offset);
      return close < 0 ? null : match(text.slice(offset, close + 1));
    },
  },
});

/** A 《 without its 》: reported, and the text after it parsed as if it had no 《. */
export const UnclosedTitle = createToken({ name: 'UnclosedTitle', pattern: /《/ });

export const NoteOpen = createToken({ name: 'NoteOpen', pattern: /[（(]/, push_mode: 'note' });
export const NoteClose = createToken({ name: 'NoteClose', pattern: /[）)]/, pop_mode: true });

export const Annex = createToken({
  name: 'Annex',
  line_breaks: false,
  pattern: { exec: (text: string, offset: number) => (annexAt(text, offset) ? match('附件') : null) },
});

export const Di = createToken({ name: 'Di', pattern: /第/ });

/** Any number after 第: `Num` (三十五, 35) or `ParenNum` (（五）, (5)). */
export const NumberLike = createToken({ name: 'NumberLike', pattern: Lexer.NA });

export const Num = createToken({
  name: 'Num',
  categories: [NumberLike],
  line_breaks: false,
  pattern: {
    exec: (text: string, offset: number) => {
      if (!afterDi(text, offset) && !afterAnnex(text, offset)) return null;
      let j = offset;
      if (isDigitChar(text[j] ?? '')) while (isDigitChar(text[j] ?? '')) j++;
      else while (isNumeralChar(text[j] ?? '')) j++;
      return j === offset ? null : match(text.slice(offset, j));
    },
  },
});

export interface ParenNumPayload {
  raw: string;
  /** Offsets of the number inside the parentheses. */
  start: number;
  end: number;
  halfWidth: boolean;
}

export const ParenNum = createToken({
  name: 'ParenNum',
  categories: [NumberLike],
  line_breaks: true,
  pattern: {
    exec: (text: string, offset: number) => {
      const open = text[offset];
      if ((open !== '（' && open !== '(') || !afterDi(text, offset)) return null;
      const start = skipSpace(text, offset + 1);
      let end = start;
      if (isDigitChar(text[end] ?? '')) while (isDigitChar(text[end] ?? '')) end++;
      else while (isNumeralChar(text[end] ?? '')) end++;
      if (end === start) return null;
      const closeAt = skipSpace(text, end);
      const close = text[closeAt];
      if (close !== '）' && close !== ')') return null;
      const payload: ParenNumPayload = {
        raw: text.slice(start, end),
        start,
        end,
        halfWidth: open === '(' || close === ')',
      };
      return match(text.slice(offset, closeAt + 1), payload);
    },
  },
});

export const Unit = createToken({
  name: 'Unit',
  line_breaks: false,
  pattern: {
    exec: (text: string, offset: number) => {
      const c = text[offset] ?? '';
      if (!'条款项目'.includes(c) || c === '') return null;
      const p = text[prevNonSpace(text, offset)] ?? '';
      return isDigitChar(p) || isNumeralChar(p) || p === '）' || p === ')' || p === '第' ? match(c) : null;
    },
  },
});

const TOP_BOUNDARY = '《》（）()【】〔〕[]［］';

/** A title without 《》, or anything else that is not structure (reported where it is not expected). */
export const BareText = createToken({
  name: 'BareText',
  line_breaks: true,
  pattern: {
    exec: (text: string, offset: number) => {
      let i = offset;
      while (i < text.length) {
        const c = text[i]!;
        if (TOP_BOUNDARY.includes(c)) break;
        if (c === '第' && i > offset && provisionAt(text, i)) break;
        if (c === '附' && i > offset && annexAt(text, i)) break;
        if (isSpace(c)) {
          const j = skipSpace(text, i);
          if (j < text.length && scanDocNumber(text, j)) break;
          i = j;
          continue;
        }
        i++;
      }
      while (i > offset && isSpace(text[i - 1])) i--;
      return i === offset ? null : match(text.slice(offset, i));
    },
  },
});

const NOTE_BOUNDARY = '（）()《';

/** Text inside a note, up to a parenthesis, a 《 or the start of a document number. */
export const NoteText = createToken({
  name: 'NoteText',
  line_breaks: true,
  pattern: {
    exec: (text: string, offset: number) => {
      let i = offset;
      while (i < text.length) {
        if (NOTE_BOUNDARY.includes(text[i]!)) break;
        // Skip a whole function word, so that 根据国务院令 does not give the issuer 据国务院.
        const stop = STOP_WORDS.find((w) => w.length > 1 && text.startsWith(w, i));
        if (stop) {
          i += stop.length;
          continue;
        }
        if (i > offset && scanDocNumber(text, i)) break;
        const cp = text.codePointAt(i)!;
        i += cp > 0xffff ? 2 : 1;
      }
      return i === offset ? null : match(text.slice(offset, i));
    },
  },
});

export const TOP_TOKENS: TokenType[] = [
  WhiteSpace,
  DocNumber,
  RankTag,
  QuotedTitle,
  UnclosedTitle,
  ParenNum,
  NoteOpen,
  Annex,
  Di,
  Num,
  Unit,
  BareText,
];

export const NOTE_TOKENS: TokenType[] = [
  NoteOpen,
  NoteClose,
  QuotedTitle,
  UnclosedTitle,
  DocNumber,
  NoteText,
];

export const ALL_TOKENS: TokenType[] = [...TOP_TOKENS, NumberLike, NoteClose, NoteText];

const definition: IMultiModeLexerDefinition = {
  modes: { top: TOP_TOKENS, note: NOTE_TOKENS },
  defaultMode: 'top',
};

export const citationLexer = new Lexer(definition, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
});

export type { IToken };
