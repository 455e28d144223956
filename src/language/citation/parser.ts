import { TERMS, type Text } from '../../diagnostics/catalogue.js';
import { type Args, type ArgsParam, render, type TextArgs } from '../../diagnostics/diagnostic.js';
import type { IRecognitionException, IToken } from 'chevrotain';
import { EmbeddedActionsParser } from '../chevrotain.js';
import type { Citation, CitationProblem, CitationResult, DocNumber, Irregularity, Span } from './ast.js';
import * as T from './lexer.js';
import { parseNumeral } from './numerals.js';
import { printCitation } from './printer.js';

/**
 * Grammar (tokens in lexer.ts):
 *
 *   citation  := RankTag? head provision?
 *   head      := title note? DocNumber*          -- 《…》（…）退役军人部发〔2022〕3号
 *              | DocNumber+ note?                -- 辽政发〔2017〕33号
 *   title     := QuotedTitle | UnclosedTitle BareText? | BareText
 *   note      := NoteOpen (NoteText | DocNumber | QuotedTitle | UnclosedTitle | note)* NoteClose
 *   provision := annex | part+
 *   annex     := Annex Num? QuotedTitle? part     -- 附件2《…目录》第37项; the part must be 项
 *   part      := Di NumberLike Unit               -- 第三十二条, 第（五）项, 第35条
 *
 * Parts must come in the order 条 款 项 目, each at most once; that, and the numerals' values, are
 * checked after parsing.
 */

interface NoteDraft {
  open: IToken;
  items: (IToken | NoteDraft)[];
  close: IToken;
}
interface PartDraft {
  di: IToken;
  num: IToken;
  unit: IToken;
}
interface HeadDraft {
  title?: IToken;
  unclosed?: IToken;
  bare?: IToken;
  note?: NoteDraft;
  docs: IToken[];
}
interface AnnexDraft {
  kw: IToken;
  num?: IToken;
  title?: IToken;
  part?: PartDraft;
}
interface Draft {
  rank?: IToken;
  head?: HeadDraft;
  parts: PartDraft[];
  annex?: AnnexDraft;
}

class CitationParser extends EmbeddedActionsParser {
  constructor() {
    super(T.ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  /**
   * The entry rule only wraps `citation`: chevrotain's in-repetition recovery at the end of the top rule
   * skips a token and re-enters the repetition recursively, once per stray token (deep and quadratic on
   * long garbage). One level down it does not apply, and what is left over is one "trailing" problem.
   */
  public root = this.RULE('root', (): Draft | undefined => this.SUBRULE(this.citation));

  private citation = this.RULE('citation', (): Draft => {
    const rank = this.OPTION(() => this.CONSUME(T.RankTag));
    const head = this.OR([
      { ALT: () => this.SUBRULE(this.titleHead) },
      { ALT: () => this.SUBRULE(this.docHead) },
    ]);
    const parts: PartDraft[] = [];
    let annex: AnnexDraft | undefined;
    this.OPTION2(() =>
      this.OR2([
        {
          ALT: () => {
            annex = this.SUBRULE(this.annex);
          },
        },
        {
          ALT: () =>
            this.AT_LEAST_ONE(() => {
              const p = this.SUBRULE(this.part);
              this.ACTION(() => {
                if (p) parts.push(p);
              });
            }),
        },
      ]),
    );
    return this.ACTION(() => {
      const d: Draft = { parts };
      if (rank) d.rank = rank;
      if (head) d.head = head;
      if (annex) d.annex = annex;
      return d;
    });
  });

  private titleHead = this.RULE('titleHead', (): HeadDraft => {
    let title: IToken | undefined;
    let unclosed: IToken | undefined;
    let bare: IToken | undefined;
    this.OR([
      {
        ALT: () => {
          title = this.CONSUME(T.QuotedTitle);
        },
      },
      {
        ALT: () => {
          unclosed = this.CONSUME(T.UnclosedTitle);
          this.OPTION(() => {
            bare = this.CONSUME(T.BareText);
          });
        },
      },
      {
        ALT: () => {
          bare = this.CONSUME2(T.BareText);
        },
      },
    ]);
    const note = this.OPTION2(() => this.SUBRULE(this.note));
    const docs: IToken[] = [];
    this.MANY(() => {
      docs.push(this.CONSUME(T.DocNumber));
    });
    return this.ACTION(() => {
      const h: HeadDraft = { docs };
      if (title) h.title = title;
      if (unclosed) h.unclosed = unclosed;
      if (bare) h.bare = bare;
      if (note) h.note = note;
      return h;
    });
  });

  private docHead = this.RULE('docHead', (): HeadDraft => {
    const docs: IToken[] = [];
    this.AT_LEAST_ONE(() => {
      docs.push(this.CONSUME(T.DocNumber));
    });
    const note = this.OPTION(() => this.SUBRULE(this.note));
    return this.ACTION(() => (note ? { docs, note } : { docs }));
  });

  private note = this.RULE('note', (): NoteDraft => {
    const open = this.CONSUME(T.NoteOpen);
    const items: (IToken | NoteDraft)[] = [];
    this.MANY(() => {
      const item = this.OR([
        { ALT: () => this.CONSUME(T.NoteText) },
        { ALT: () => this.CONSUME(T.DocNumber) },
        { ALT: () => this.CONSUME(T.QuotedTitle) },
        { ALT: () => this.CONSUME(T.UnclosedTitle) },
        { ALT: () => this.SUBRULE(this.note) },
      ]);
      this.ACTION(() => {
        if (item) items.push(item);
      });
    });
    const close = this.CONSUME(T.NoteClose);
    return { open, items, close };
  });

  private annex = this.RULE('annex', (): AnnexDraft => {
    const kw = this.CONSUME(T.Annex);
    const num = this.OPTION(() => this.CONSUME(T.Num));
    const title = this.OPTION2(() => this.CONSUME(T.QuotedTitle));
    const part = this.SUBRULE(this.part);
    return this.ACTION(() => {
      const a: AnnexDraft = { kw };
      if (num) a.num = num;
      if (title) a.title = title;
      if (part) a.part = part;
      return a;
    });
  });

  private part = this.RULE('part', (): PartDraft => {
    const di = this.CONSUME(T.Di);
    const num = this.CONSUME(T.NumberLike);
    const unit = this.CONSUME(T.Unit);
    return { di, num, unit };
  });
}

/** The one parser instance, reused for every citation (`parser.input = tokens`). */
/** A syntax problem: its detail in zh-CN (as the parser's own tests read it) and as a catalogue template. */
function problem(span: Span, term: Text, args: Args): CitationProblem {
  return {
    kind: 'syntax',
    span,
    detail: render<Text>(term, args, 'zh-CN'),
    message: { template: term, args },
  };
}

const parser = new CitationParser();

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────

const isReal = (t: IToken | undefined): t is IToken =>
  t !== undefined && !t.isInsertedInRecovery && !Number.isNaN(t.startOffset);

/** With positionTracking 'onlyOffset' tokens have no endOffset: the end is start + image length. */
const spanOf = (first: IToken, last: IToken = first): Span => ({
  start: first.startOffset,
  end: last.startOffset + last.image.length,
});

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function quote(s: string): string {
  const chars = [...s];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : s;
}

/** Deeper notes are refused (the parser recurses on them). */
const MAX_NOTE_DEPTH = 16;
/** At most this many problems are listed; the last one then sums up the rest. */
const MAX_PROBLEMS = 20;

const UNIT_RANK: Readonly<Record<string, number>> = { 条: 0, 款: 1, 项: 2, 目: 3 };

class Builder {
  readonly problems: CitationProblem[] = [];
  readonly irregularities: Irregularity[] = [];
  readonly docs: DocNumber[] = [];

  constructor(readonly text: string) {}

  syntax<T extends Text>(span: Span, term: T, ...[args]: ArgsParam<TextArgs<T>>): void {
    this.problems.push(problem(span, term, (args ?? {}) as Args));
  }

  irregular(kind: Irregularity['kind'], span: Span): void {
    this.irregularities.push({ kind, span });
  }

  /** The inside of a 《…》 token: inner 《》 become 〈〉 (reported), whitespace collapsed. */
  title(tok: IToken): { title: string; span: Span } {
    const inner = tok.image.slice(1, -1);
    const base = tok.startOffset + 1;
    const stack: number[] = [];
    let out = '';
    for (let i = 0; i < inner.length; i++) {
      const c = inner[i]!;
      if (c === '《') {
        stack.push(i);
        out += '〈';
      } else if (c === '》') {
        const open = stack.pop();
        if (open !== undefined) this.irregular('brackets', { start: base + open, end: base + i + 1 });
        out += '〉';
      } else out += c;
    }
    const title = collapse(out);
    if (title === '') this.syntax(spanOf(tok), TERMS.citeEmptyTitle);
    return { title, span: { start: base, end: base + inner.length } };
  }

  doc(tok: IToken): string {
    const p = tok.payload as T.DocPayload;
    const d: DocNumber = {
      issuer: p.issuer,
      number: p.number,
      kind: p.kind,
      text: p.text,
      span: spanOf(tok),
    };
    if (p.year !== undefined) d.year = p.year;
    this.docs.push(d);
    if (p.irregularBrackets) this.irregular('brackets', p.irregularBrackets);
    return p.text;
  }

  note(n: NoteDraft): string {
    for (const paren of [n.open, n.close])
      if (isReal(paren) && (paren.image === '(' || paren.image === ')'))
        this.irregular('brackets', spanOf(paren));
    let s = '';
    for (const item of n.items) {
      if ('items' in item) s += this.note(item);
      else if (item.tokenType === T.DocNumber) s += this.doc(item);
      else if (item.tokenType === T.QuotedTitle) s += `《${this.title(item).title}》`;
      else s += item.image;
    }
    return `（${collapse(s)}）`;
  }

  /** The value of a part's number, with its irregularities; undefined (and a problem) if it is no number. */
  number(tok: IToken, arabicIsIrregular: boolean): number | undefined {
    let raw = tok.image;
    let span = spanOf(tok);
    if (tok.tokenType === T.ParenNum) {
      const p = tok.payload as T.ParenNumPayload;
      raw = p.raw;
      span = { start: p.start, end: p.end };
      if (p.halfWidth) this.irregular('brackets', spanOf(tok));
    }
    const value = parseNumeral(raw);
    if (value === undefined) {
      this.syntax(span, TERMS.citeBadNumber, { x: quote(raw) });
      return undefined;
    }
    if (arabicIsIrregular && /[0-9０-９]/.test(raw)) this.irregular('arabic-numerals', span);
    return value;
  }

  build(d: Draft): Citation | undefined {
    const c: Citation = { quoted: false, docNumbers: [] };
    if (d.rank) c.rank = d.rank.image.slice(1, -1);
    const h = d.head;
    if (!h) return undefined;
    if (isReal(h.title)) {
      const t = this.title(h.title);
      c.title = t.title;
      c.titleSpan = t.span;
      c.quoted = true;
    } else if (isReal(h.bare)) {
      c.title = collapse(h.bare.image);
      c.titleSpan = spanOf(h.bare);
      if (!h.unclosed) this.irregular('missing-quotes', spanOf(h.bare));
    }
    if (h.note) c.note = this.note(h.note);
    for (const tok of h.docs) if (isReal(tok)) this.doc(tok);

    let lastRank = -1;
    for (const p of d.parts) {
      if (!isReal(p.di) || !isReal(p.num) || !isReal(p.unit)) continue;
      const value = this.number(p.num, true);
      const rank = UNIT_RANK[p.unit.image] ?? 0;
      if (rank <= lastRank) {
        this.syntax(spanOf(p.di, p.unit), TERMS.citeOrder, {
          x: this.text.slice(p.di.startOffset, p.unit.startOffset + 1),
        });
        continue;
      }
      lastRank = rank;
      if (value === undefined) continue;
      if (rank === 0) c.article = value;
      else if (rank === 1) c.paragraph = value;
      else if (rank === 2) c.item = value;
      else c.subItem = value;
    }

    if (d.annex) {
      const a = d.annex;
      const annex: NonNullable<Citation['annex']> = { item: 0 };
      if (isReal(a.num)) {
        const n = this.number(a.num, false);
        if (n !== undefined) annex.annex = n;
      }
      if (isReal(a.title)) annex.title = this.title(a.title).title;
      const p = a.part;
      if (p && isReal(p.num) && isReal(p.unit) && isReal(p.di)) {
        if (p.unit.image !== '项') this.syntax(spanOf(p.di, p.unit), TERMS.citeAnnexItem);
        annex.item = this.number(p.num, false) ?? 0;
      }
      c.annex = annex;
    }
    this.docs.sort((x, y) => x.span.start - y.span.start);
    c.docNumbers = this.docs;
    return c;
  }
}

// ── errors ───────────────────────────────────────────────────────────────────────────────────────

function expectedOf(e: IRecognitionException): string | undefined {
  return /-->\s*(\w+)\s*<--/.exec(e.message)?.[1];
}

function parserProblems(
  errors: readonly IRecognitionException[],
  tokens: readonly IToken[],
  text: string,
  unclosedNote: boolean,
): CitationProblem[] {
  const out: CitationProblem[] = [];
  const last = tokens[tokens.length - 1];
  const textEnd = last ? spanOf(last).end : text.trimEnd().length;
  const atEnd: Span = { start: Math.max(0, textEnd - 1), end: Math.max(textEnd, 1) };
  for (const e of errors) {
    const t = e.token;
    const eof = t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset);
    const prev = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
    const expected = expectedOf(e);
    if (e.name === 'NotAllInputParsedException' && !eof) {
      const span = { start: t.startOffset, end: textEnd };
      out.push(problem(span, TERMS.citeTrailing, { x: quote(text.slice(span.start, span.end)) }));
    } else if (expected === 'NoteClose' && unclosedNote) {
      // Reported as an unclosed parenthesis.
    } else if (expected === 'NumberLike' && prev && isReal(prev) && prev.tokenType === T.Di) {
      out.push(problem(spanOf(prev), TERMS.citeNoNumber, {}));
    } else if (expected === 'Unit' && prev && isReal(prev)) {
      const i = tokens.indexOf(prev);
      const di = tokens[i - 1];
      const first = di && di.tokenType === T.Di ? di : prev;
      const span = { start: first.startOffset, end: spanOf(prev).end };
      out.push(problem(span, TERMS.citeNoUnit, { x: quote(text.slice(span.start, span.end)) }));
    } else if (e.context.ruleStack.at(-1) === 'citation' && e.name === 'NoViableAltException') {
      out.push(problem(eof ? atEnd : spanOf(t), TERMS.citeNoTitle, {}));
    } else if (eof) {
      out.push(problem(atEnd, TERMS.citeIncomplete, {}));
    } else {
      out.push(problem(spanOf(t), TERMS.citeUnexpected, { x: quote(t.image) }));
    }
  }
  return out;
}

// ── entry point ──────────────────────────────────────────────────────────────────────────────────

function parse(text: string): CitationResult {
  if (text.trim() === '') {
    return { irregularities: [], problems: [{ kind: 'empty', span: { start: 0, end: text.length } }] };
  }
  const lexed = T.citationLexer.tokenize(text);
  const problems: CitationProblem[] = lexed.errors.map((e) =>
    problem({ start: e.offset, end: e.offset + e.length }, TERMS.citeBadChar, {
      x: quote(text.substr(e.offset, e.length)),
    }),
  );
  const open: IToken[] = [];
  for (const t of lexed.tokens) {
    if (t.tokenType === T.UnclosedTitle)
      problems.push(problem(spanOf(t), TERMS.citeUnclosed, { open: '《', close: '》' }));
    else if (t.tokenType === T.NoteOpen) open.push(t);
    else if (t.tokenType === T.NoteClose) open.pop();
  }
  // Unclosed parentheses nest: the outermost one is the problem, the others are inside it.
  const outer = open[0];
  if (outer) {
    const close = outer.image === '(' ? ')' : '）';
    problems.push(problem(spanOf(outer), TERMS.citeUnclosed, { open: outer.image, close }));
  }

  // Notes nest by recursion in the parser: refuse absurd depths rather than exhaust the stack.
  let depth = 0;
  for (const t of lexed.tokens) {
    if (t.tokenType === T.NoteOpen) depth++;
    else if (t.tokenType === T.NoteClose) depth--;
    if (depth > MAX_NOTE_DEPTH) {
      problems.push(problem(spanOf(t), TERMS.citeTooDeep, {}));
      return finish(problems, undefined, [], text);
    }
  }

  parser.input = lexed.tokens;
  const draft = parser.root();
  problems.push(...parserProblems(parser.errors, lexed.tokens, text, open.length > 0));

  const builder = new Builder(text);
  const citation = draft ? builder.build(draft) : undefined;
  problems.push(...builder.problems);
  return finish(problems, citation, builder.irregularities, text);
}

function finish(
  problems: CitationProblem[],
  citation: Citation | undefined,
  irregularities: Irregularity[],
  text: string,
): CitationResult {
  const seen = new Set<string>();
  const unique = problems
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
    .filter((p) => {
      const key = `${p.span.start}:${p.span.end}:${p.kind === 'syntax' ? p.detail : ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (!citation && unique.length === 0)
    unique.push(problem({ start: 0, end: text.length }, TERMS.citeNoTitle, {}));
  if (unique.length > MAX_PROBLEMS) {
    const rest = unique.splice(MAX_PROBLEMS - 1);
    const start = rest[0]!.span.start;
    unique.push(
      problem({ start, end: rest.reduce((end, p) => Math.max(end, p.span.end), start) }, TERMS.citeMore, {
        n: rest.length,
      }),
    );
  }
  // With any problem the citation is a guess: report the syntax and nothing that would follow from it.
  if (unique.length > 0 || !citation) return { irregularities: [], problems: unique };
  irregularities.sort((a, b) => a.span.start - b.span.start);
  return { citation, irregularities, problems: [], normalized: printCitation(citation) };
}

/** Parse a 设定依据 citation. Never throws: problems (several, thanks to recovery) come back as data. */
export function parseCitation(text: string): CitationResult {
  try {
    return parse(text);
  } catch (e) {
    // A bug, not the user's fault; still data, so that one bad basis cannot stop a whole check.
    return {
      irregularities: [],
      problems: [problem({ start: 0, end: text.length }, TERMS.citeInternal, { e: String(e) })],
    };
  }
}
