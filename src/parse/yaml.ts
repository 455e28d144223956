import {
  Composer,
  CST,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  Parser,
  type Document as YamlDocument,
  type Node as YamlNode,
} from 'yaml';
import { type CatalogueEntry, D, TERMS, YAML_ERROR_DETAILS } from '../diagnostics/catalogue.js';
import {
  type Args,
  type Diagnostic,
  diagnostic,
  type EntryArgs,
  type Range,
} from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/source.js';
import { Locator } from './locator.js';
import type { ScalarStyle } from './scalar.js';

/** Deeper than any real matter document (about six levels); anything beyond is a mistake or an attack. */
export const MAX_DEPTH = 64;
/**
 * Nesting at which the YAML parser itself is stopped. Up to here a too-deep document is parsed and reported
 * where it passes MAX_DEPTH, with the rest of the file still checked; beyond it (`[[[[…` thousands deep)
 * parsing the rest would cost seconds and gigabytes, and composing it would overflow the stack.
 */
const ABORT_DEPTH = 4 * MAX_DEPTH;
/** Reading and parsing problems reported per file at most: a hostile file could otherwise produce millions. */
export const MAX_PARSE_DIAGNOSTICS = 100;
const OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
  stringKeys: false,
} as const;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

export interface ParsedDocument {
  readonly source: SourceText;
  /** 0-based index of the document within its file. */
  readonly index: number;
  readonly value: Value;
  readonly locator: Locator;
  /** The document had syntax errors: its content is best-effort and is not validated further. */
  readonly broken: boolean;
}

export interface ParseResult {
  readonly documents: ParsedDocument[];
  readonly diagnostics: Diagnostic[];
}

/** Parse every YAML document in a source, keeping the position of every key and value. */
export function parseYaml(source: SourceText): ParseResult {
  const diagnostics: Diagnostic[] = [];
  let dropped = false;
  const report = (d: Diagnostic): void => {
    if (diagnostics.length < MAX_PARSE_DIAGNOSTICS) diagnostics.push(d);
    else if (!dropped) {
      dropped = true;
      // Said once, where the first unreported problem is.
      diagnostics.push(diagnostic(D.tooManyProblems, d.location, { limit: MAX_PARSE_DIAGNOSTICS }));
    }
  };
  const documents: ParsedDocument[] = [];
  const { docs, tooDeepAt, openQuotes } = compose(source.text);
  docs.forEach((doc, index) => {
    let broken = false;
    for (const error of doc.errors) {
      broken = true;
      // yaml reports an unclosed quote where the text ends; point at the quote that was left open instead.
      const open = error.code === 'MISSING_CHAR' ? openQuotes.get(error.pos[0]) : undefined;
      const range =
        open !== undefined
          ? { start: open, end: open + 1 }
          : clamp({ start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) }, source.text.length);
      const at = { source, range };
      if (error.code === 'TAB_AS_INDENT') report(diagnostic(D.tabIndent, at));
      else if (error.code === 'RESOURCE_EXHAUSTION')
        report(diagnostic(D.nestingTooDeep, at, { limit: MAX_DEPTH }));
      else {
        const detail = YAML_ERROR_DETAILS[error.code] ?? error.message;
        report(diagnostic(D.yamlSyntax, at, { detail }));
      }
    }
    if (isEmpty(doc.contents)) return; // a document holding only comments, or `---` alone
    const converter = new Converter(source, report);
    const value = converter.convert(doc.contents as YamlNode, '', 0);
    if (converter.failed) broken = true;
    if (!broken && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      const found = Array.isArray(value) ? TERMS.typeArray : TERMS.typeScalar;
      const range = converter.locator.valueRange('') ?? { start: 0, end: 0 };
      report(diagnostic(D.topLevelNotMap, { source, range: firstLine(source, range) }, { found }));
      broken = true;
    }
    documents.push({ source, index, value, locator: converter.locator, broken });
  });
  if (tooDeepAt !== undefined) {
    const range = firstLine(source, { start: tooDeepAt, end: tooDeepAt + 1 });
    report(diagnostic(D.nestingTooDeep, { source, range }, { limit: MAX_DEPTH }));
  }
  if (documents.length === 0 && diagnostics.length === 0) {
    report(diagnostic(D.emptyFile, { source, range: { start: 0, end: 0 } }));
  }
  return { documents, diagnostics };
}

interface Composed {
  readonly docs: YamlDocument.Parsed[];
  /** Set when the parse was stopped at ABORT_DEPTH: where the nesting passed MAX_DEPTH. */
  readonly tooDeepAt: number | undefined;
  /** Unclosed quoted scalars: the offset where each one ends (where yaml reports it) → where it opens. */
  readonly openQuotes: ReadonlyMap<number, number>;
}

/**
 * yaml's parseAllDocuments, run lexeme by lexeme (lexer → parser → composer) so that the nesting depth can
 * be watched while parsing. A document nested deeper than ABORT_DEPTH stops the parse: the documents
 * before it are kept, it and the rest of the file are not parsed.
 */
function compose(text: string): Composed {
  const parser = new Parser();
  const composer = new Composer(OPTIONS);
  const docs: YamlDocument.Parsed[] = [];
  const openQuotes = new Map<number, number>();
  let tooDeepAt: number | undefined;
  const take = (tokens: Iterable<CST.Token>) => {
    for (const token of tokens) for (const doc of composer.next(token)) docs.push(doc);
  };
  let scalarContent = false; // the lexeme after CST.SCALAR is a plain or block scalar's text, whatever it starts with
  for (const lexeme of new Lexer().lex(text)) {
    const start = parser.offset;
    take(parser.next(lexeme));
    const quote = lexeme[0];
    if (
      !scalarContent &&
      (quote === '"' || quote === "'") &&
      (lexeme.length === 1 || lexeme[lexeme.length - 1] !== quote)
    ) {
      openQuotes.set(start + lexeme.length, start);
    }
    scalarContent = lexeme === CST.SCALAR;
    if (parser.stack.length > ABORT_DEPTH) {
      tooDeepAt = tooDeepOffset(parser.stack);
      break;
    }
  }
  if (tooDeepAt === undefined) take(parser.end());
  for (const doc of composer.end()) docs.push(doc);
  return { docs, tooDeepAt, openQuotes };
}

/**
 * No content at all. yaml gives a document opened by `---` with nothing after it (a trailing `---`, or one
 * followed only by comments) an empty null scalar; an explicit `~` or `null` is content, and not a mapping.
 */
function isEmpty(contents: YamlDocument.Parsed['contents']): boolean {
  if (contents === null) return true;
  if (!isScalar(contents) || contents.value !== null || contents.anchor || contents.tag) return false;
  const r = contents.range;
  return r === undefined || r === null || r[0] === r[1];
}

/** Where the collection one level deeper than MAX_DEPTH starts, among the collections open in the parser. */
function tooDeepOffset(stack: readonly CST.Token[]): number {
  const open = stack.filter(
    (t) => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection',
  );
  const token = open[Math.min(MAX_DEPTH + 1, open.length - 1)] ?? stack[stack.length - 1];
  return token?.offset ?? 0;
}

/** yaml may report a problem at the end of the text as [length, length + 1]: keep ranges inside the file. */
function clamp(range: Range, length: number): Range {
  const start = Math.min(range.start, length);
  return { start, end: Math.max(start, Math.min(range.end, length)) };
}

/** Clip a range to its first line so a code frame stays readable. */
export function firstLine(source: SourceText, range: Range): Range {
  const nl = source.text.indexOf('\n', range.start);
  const end = nl >= 0 && nl < range.end ? nl : range.end;
  return { start: range.start, end: Math.max(end, range.start) };
}

class Converter {
  readonly locator = new Locator();
  failed = false;

  constructor(
    private readonly source: SourceText,
    private readonly sink: (d: Diagnostic) => void,
  ) {}

  private range(node: { range?: [number, number, number] | null | undefined }): Range {
    const r = node.range;
    return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
  }

  private report<E extends CatalogueEntry>(
    entry: E,
    range: Range,
    args: EntryArgs<E>,
    related?: Diagnostic['related'],
  ) {
    const d = diagnostic<CatalogueEntry>(entry, { source: this.source, range }, args as Args, {
      ...(related ? { related } : {}),
    });
    this.sink(d);
  }

  convert(node: YamlNode | null, pointer: string, depth: number): Value {
    if (node === null) return null;
    if (depth > MAX_DEPTH) {
      this.failed = true;
      this.report(D.nestingTooDeep, firstLine(this.source, this.range(node)), { limit: MAX_DEPTH });
      return null;
    }
    const range = this.range(node);
    if (isAlias(node)) {
      this.failed = true;
      this.report(D.aliasNotAllowed, range, {});
      return null;
    }
    if ('anchor' in node && typeof node.anchor === 'string' && node.anchor !== '') {
      const at = this.source.text.lastIndexOf(`&${node.anchor}`, range.start);
      const start = at >= 0 ? at : range.start;
      this.failed = true;
      this.report(D.aliasNotAllowed, { start, end: start + node.anchor.length + 1 }, {});
    }
    this.locator.setValue(pointer, range);
    if (isMap(node)) {
      const out: { [key: string]: Value } = {};
      const seen = new Map<string, Range>();
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
          this.failed = true;
          this.report(D.complexKey, key ? firstLine(this.source, this.range(key)) : range, {});
          continue;
        }
        const name = String(key.value);
        const keyRange = this.range(key);
        if (FORBIDDEN_KEYS.has(name)) {
          this.failed = true;
          this.report(D.forbiddenKey, keyRange, { key: name });
          continue;
        }
        const first = seen.get(name);
        if (first) {
          this.report(D.duplicateKey, keyRange, { key: name }, [
            { source: this.source, range: first, label: 'firstKeyHere' },
          ]);
          continue;
        }
        seen.set(name, keyRange);
        const child = `${pointer}/${escapePointer(name)}`;
        this.locator.setKey(child, keyRange);
        const value = pair.value as YamlNode | null;
        if (value === null) this.locator.setValue(child, { start: keyRange.end, end: keyRange.end });
        Object.defineProperty(out, name, {
          value: this.convert(value, child, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => this.convert(item as YamlNode | null, `${pointer}/${i}`, depth + 1));
    }
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string' && node.type) this.locator.setScalarStyle(pointer, node.type as ScalarStyle);
      if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
      return String(v);
    }
    return null;
  }
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
