import jsYaml from 'js-yaml';
import type { SourceText } from '../diagnostics/source.js';
import { Locator } from './locator.js';
import { MAX_DEPTH, type ParsedDocument, type ParseResult, parseYaml, type Value } from './yaml.js';

/**
 * The fast path: a file that is plainly a single well-formed YAML mapping is parsed by js-yaml (about
 * eight times faster than yaml, without positions); its positions are computed by the full parser
 * (`parseYaml`) only when a diagnostic asks for one. Anything the full parser would report on — and
 * anything where the two parsers could read the text differently — is left to the full parser:
 * anchors and aliases, tags, directives, tabs, complex or null keys, duplicate keys, forbidden keys,
 * empty documents, a top level that is not a mapping, excessive nesting. A differential test
 * (test/parse-fast.test.ts) checks that both give the same value on every shipped, fixture and
 * benchmark file.
 */
export function parseFast(source: SourceText): ParseResult | undefined {
  const text = source.text;
  if (RISKY.test(text) || RISKY_NUMBER.test(text) || oddQuotes(text)) return undefined;
  let documents: unknown[];
  try {
    documents = jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined; // the full parser says what is wrong, and where
  }
  if (documents.length === 0) return undefined;
  for (const value of documents)
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !plain(value, 0))
      return undefined;
  return { documents: lazyDocuments(source, documents as Value[]), diagnostics: [] };
}

/**
 * Documents whose values are known (read by the fast path or from the cache) and whose positions
 * come from one full parse of the file, made only if a position is ever needed.
 */
export function lazyDocuments(source: SourceText, values: readonly Value[]): ParsedDocument[] {
  let full: ParseResult | undefined;
  const positions = (index: number) => () => {
    full ??= parseYaml(source);
    return full.documents.find((d) => d.index === index)?.locator;
  };
  return values.map((value, index) => ({
    source,
    index,
    value,
    locator: Locator.lazy(positions(index)),
    broken: false,
  }));
}

/**
 * Text features the fast path does not take: anchors and aliases (`&a`, `*a` where a node may start),
 * tags (`!`), directives (`%` at a line start), tabs, complex keys (`? `), merge keys, and the keys the
 * full parser forbids.
 */
const RISKY =
  /(?:^|[\s[{,:-])[&*!][^\s]|^%|\t|(?:^|\n)[ ]*\?(?:[ \n]|$)|<<|__proto__|constructor|prototype|\r(?!\n)|\{\{|[|>][-+]?[1-9]/;

/**
 * Numbers the two parsers read differently (js-yaml's YAML 1.1 heritage): binary `0b…`, digit
 * separators `1_000`, exponents (`1e400` is text to one and Infinity to the other) and fractions
 * written without a leading digit (`+.5`). Anything that may be one goes to the full parser.
 */
const RISKY_NUMBER = /(?:^|[\s:[{,-])[-+]?(?:0b|\.\d|\d[\d_]*(?:\.\d*)?[eE]|\d+_)/;

/**
 * A line with an odd number of unescaped quote marks may hold a quoted scalar that continues on the
 * next line, which js-yaml accepts in places where the full parser reports an error (MC1007); so may
 * a line longer than the 1024 characters YAML allows an implicit key.
 */
function oddQuotes(text: string): boolean {
  let double = 0;
  let single = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (double % 2 !== 0 || single % 2 !== 0) return true;
      // An implicit key may not be longer than 1024 characters; js-yaml does not enforce it.
      if (i - lineStart > 1024) return true;
      double = 0;
      single = 0;
      lineStart = i + 1;
    } else if (c === 34 && text.charCodeAt(i - 1) !== 92) double++;
    else if (c === 39) single++;
  }
  return double % 2 !== 0 || single % 2 !== 0 || text.length - lineStart > 1024;
}

/** Only mappings, sequences and scalars the full parser would produce; keys that are real names. */
function plain(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (value === null || typeof value !== 'object') {
    // Non-finite numbers and the like are left to the full parser's reading.
    return typeof value !== 'number' || Number.isFinite(value);
  }
  if (Array.isArray(value)) return value.every((v) => plain(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const [key, v] of Object.entries(value)) {
    if (NULL_KEYS.has(key) || !plain(v, depth + 1)) return false;
  }
  return true;
}

/** A key js-yaml turns into text but the full parser reports as not a name (`~: x`, `null: x`, `: x`). */
const NULL_KEYS = new Set(['null', 'Null', 'NULL', '~', '']);
