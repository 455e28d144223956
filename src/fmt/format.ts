import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseAllDocuments,
  Parser,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { applyEdits, type Edit, Lines, reorderEdit } from './layout.js';
import { fullWidthPunctuation, trimLineEnds } from './prose.js';
import {
  canonicalOrder,
  documentSchema,
  itemSchema,
  propertySchema,
  type SchemaAt,
  valueClass,
} from './schema.js';
import { type ChangeKind, normalizeValue } from './values.js';

/** The YAML reading fmt shares with the compiler's parser (src/parse/yaml.ts). */
const OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
} as const;

export interface FormatOptions {
  /** The file is a matterc.yaml project file (its document is `kind: Project`). */
  readonly projectFile?: boolean;
}

export type FormatResult =
  | {
      readonly ok: true;
      /** The formatted text: the same string when nothing changes. */
      readonly text: string;
      readonly changes: ReadonlySet<ChangeKind>;
    }
  /** The result failed the check that formatting kept the content: the file must be left as it is. */
  | { readonly ok: false; readonly reason: string };

/** A step of formatting, replaceable in tests of the safety check. */
export type Step = (
  text: string,
  options: FormatOptions,
  changes: Set<ChangeKind>,
  expected: Expected,
) => string;

/** Values the formatted documents must hold: the original values with the normalized strings replaced. */
export interface Expected {
  readonly replaced: Map<string, string>;
}

/**
 * Format the text of one YAML file (already decoded, without a BOM): canonical key order, normalized
 * durations, citations and prose punctuation, no trailing whitespace. Everything else is kept byte for
 * byte: comments, blank lines, quoting, block scalars, document markers, line endings (CRLF stays CRLF).
 * The text must parse without errors (the caller checks with parseYaml). The result is re-read and
 * compared with the original: the same documents with the same values (normalized strings aside) and
 * the same comments, or `ok: false` and the file is not to be written.
 */
export function formatText(
  text: string,
  options: FormatOptions = {},
  steps: readonly Step[] = [normalizeScalars, trimTrailingWhitespace, reorderKeys],
): FormatResult {
  try {
    return formatSteps(text, options, steps);
  } finally {
    memo = undefined; // not kept alive after the file is done
  }
}

function formatSteps(text: string, options: FormatOptions, steps: readonly Step[]): FormatResult {
  // Line breaks are written as the file's first one is (CRLF or LF).
  const crlf = text.indexOf('\r\n') >= 0 && text.indexOf('\r\n') === text.indexOf('\n') - 1;
  const lf = text.replace(/\r\n/g, '\n');
  const before = parse(lf);
  if (before === undefined) return { ok: false, reason: 'the text does not parse' };
  const run = (chosen: readonly Step[]) => {
    const changes = new Set<ChangeKind>();
    const expected: Expected = { replaced: new Map() };
    let out = lf;
    for (const step of chosen) out = step(out, options, changes, expected);
    return { out, changes, problem: out === lf ? undefined : compare(lf, before, out, expected) };
  };
  let result = run(steps);
  // Moving lines is the one step whose result depends on the layout around it (a `|+` block scalar keeps
  // the blank lines that follow it): when the result does not read back the same, keep the order.
  if (result.problem !== undefined && steps.includes(reorderKeys)) {
    const fallback = run(steps.filter((s) => s !== reorderKeys));
    if (fallback.problem === undefined) result = fallback;
  }
  if (result.problem !== undefined) return { ok: false, reason: result.problem };
  if (result.out === lf) return { ok: true, text, changes: new Set() };
  return { ok: true, text: crlf ? result.out.replace(/\n/g, '\r\n') : result.out, changes: result.changes };
}

/** The last text parsed and its documents: steps that change nothing hand the same text to the next. */
let memo: { text: string; docs: Document.Parsed[] | undefined } | undefined;

function parse(text: string): Document.Parsed[] | undefined {
  if (memo?.text === text) return memo.docs;
  const parsed = parseAllDocuments(text, OPTIONS);
  // An empty stream gives an empty document list; a text with errors gives undefined.
  const docs = !Array.isArray(parsed) ? [] : parsed.some((d) => d.errors.length > 0) ? undefined : parsed;
  memo = { text, docs };
  return docs;
}

// ── walking documents with their schema ─────────────────────────────────────────────────────────

type Path = readonly (string | number)[];

interface Visit {
  map?(map: YAMLMap, at: SchemaAt, path: Path, docIndex: number): boolean | void;
  scalar?(
    pair: Pair<Node, Node | null>,
    value: Scalar,
    at: SchemaAt,
    parent: SchemaAt,
    path: Path,
    docIndex: number,
  ): void;
}

/** Walk every document whose kind has a schema, with the schema of each node. `map` returning true skips its children. */
function walk(docs: readonly Document.Parsed[], options: FormatOptions, visit: Visit): void {
  docs.forEach((doc, docIndex) => {
    const root = doc.contents;
    if (!isMap(root)) return;
    const kind = root.get('kind');
    const at = documentSchema(kind, options.projectFile === true);
    if (at) walkNode(root, at, [], docIndex, visit);
  });
}

function walkNode(node: Node | null, at: SchemaAt, path: Path, docIndex: number, visit: Visit): void {
  if (isMap(node)) {
    if (visit.map?.(node, at, path, docIndex) === true) return;
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const child = propertySchema(at, key);
      if (!child) continue;
      const childPath = [...path, key];
      if (isScalar(pair.value)) visit.scalar?.(pair, pair.value, child, at, childPath, docIndex);
      else walkNode(pair.value, child, childPath, docIndex, visit);
    }
  } else if (isSeq(node)) {
    const items = itemSchema(at);
    if (!items) return;
    node.items.forEach((item, i) => walkNode(item as Node | null, items, [...path, i], docIndex, visit));
  }
}

const pathKey = (docIndex: number, path: Path) => JSON.stringify([docIndex, ...path]);

// ── step 1: normalized strings ──────────────────────────────────────────────────────────────────

/** Durations, citations and prose in canonical form, each written in the scalar style it had. */
function normalizeScalars(
  text: string,
  options: FormatOptions,
  changes: Set<ChangeKind>,
  expected: Expected,
): string {
  const docs = parse(text);
  if (!docs) return text;
  const lines = new Lines(text);
  const edits: Edit[] = [];
  walk(docs, options, {
    scalar(pair, scalar, at, parent, path, docIndex) {
      const cls = valueClass(at, parent.file);
      if (cls === undefined || typeof scalar.value !== 'string' || scalar.tag || scalar.anchor) return;
      const normalized = normalizeValue(cls, scalar.value);
      if (!normalized || !scalar.range || !pair.key || !isScalar(pair.key) || !pair.key.range) return;
      const [start, end] = scalar.range;
      const raw = text.slice(start, end);
      const keyStart = pair.key.range[0];
      const lead = ' '.repeat(lines.column(keyStart)) + text.slice(keyStart, start);
      for (const candidate of candidates(raw, scalar.type, normalized.value, cls === 'prose')) {
        if (readsAs(lead + candidate, normalized.value)) {
          edits.push({ start, end, text: candidate });
          expected.replaced.set(pathKey(docIndex, path), normalized.value);
          for (const kind of normalized.kinds) changes.add(kind);
          return;
        }
      }
    },
  });
  return applyEdits(text, edits);
}

/**
 * Source texts that may hold the new value, best first: the old style kept (characters replaced in place
 * for prose, so escapes and line breaks stay), then a double-quoted string (YAML reads JSON strings).
 */
function candidates(raw: string, type: Scalar['type'], value: string, prose: boolean): string[] {
  const json = JSON.stringify(value);
  if (raw.includes('\n')) {
    if (!prose) return [];
    if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
      const header = raw.indexOf('\n') + 1;
      return [raw.slice(0, header) + proseInPlace(raw.slice(header))];
    }
    return [proseInPlace(raw)];
  }
  switch (type) {
    case 'PLAIN':
      return [value, json];
    case 'QUOTE_SINGLE':
      return [`'${value.replace(/'/g, "''")}'`, json];
    case 'QUOTE_DOUBLE':
      return prose ? [`"${proseInPlace(raw.slice(1, -1))}"`, json] : [json];
    default:
      return [];
  }
}

function proseInPlace(raw: string): string {
  return trimLineEnds(fullWidthPunctuation(raw));
}

/** The one-entry mapping `lead + value` parses, and its value is exactly `value`. */
function readsAs(source: string, value: string): boolean {
  const docs = parse(`${source}\n`);
  const root = docs?.length === 1 ? docs[0]!.contents : undefined;
  if (!isMap(root) || root.items.length !== 1) return false;
  const v = (root.items[0] as Pair<Node, Node | null>).value;
  return isScalar(v) && v.value === value;
}

// ── step 2: whitespace at line ends ─────────────────────────────────────────────────────────────

/** Spaces and tabs before a line break or the end, except inside a scalar (where they may be content). */
function trimTrailingWhitespace(text: string, _options: FormatOptions, changes: Set<ChangeKind>): string {
  const docs = parse(text);
  if (!docs) return text;
  const scalars: [number, number][] = [];
  const collect = (node: unknown): void => {
    if (isPair(node)) {
      collect(node.key);
      collect(node.value);
    } else if (isMap(node) || isSeq(node)) node.items.forEach(collect);
    else if (isScalar(node) && node.range) scalars.push([node.range[0], node.range[1]]);
  };
  for (const doc of docs) collect(doc.contents);
  // Scalars never overlap: sorted by start, the one that could hold a run is the last starting before it.
  scalars.sort((a, b) => a[0] - b[0]);
  const inScalar = (start: number, end: number) => {
    let lo = 0;
    let hi = scalars.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (scalars[mid]![0] < end) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && scalars[found]![1] > start;
  };
  const edits: Edit[] = [];
  for (const m of text.matchAll(/[ \t]+(?=\n|$)/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!inScalar(start, end)) edits.push({ start, end, text: '' });
  }
  if (edits.length > 0) changes.add('whitespace');
  return applyEdits(text, edits);
}

// ── step 3: canonical key order ─────────────────────────────────────────────────────────────────

/**
 * Mappings in schema order, outermost first: each round reorders the outermost mappings that are out of
 * order (their lines move as a whole, nested mappings with them), then reads the text again for the next.
 */
function reorderKeys(text: string, options: FormatOptions, changes: Set<ChangeKind>): string {
  let out = text;
  for (let round = 0; round < 256; round++) {
    const docs = parse(out);
    if (!docs) return out;
    const lines = new Lines(out);
    const edits: Edit[] = [];
    walk(docs, options, {
      map(map, at) {
        const keys = map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
        const order = canonicalOrder(at, keys);
        if (!order || order.join('\n') === keys.join('\n') || keys.includes('')) return false;
        const edit = reorderEdit(map, lines, order);
        if (!edit) return false;
        edits.push(edit);
        return true;
      },
    });
    if (edits.length === 0) return out;
    changes.add('order');
    out = applyEdits(out, edits);
  }
  return out;
}

// ── the safety check ────────────────────────────────────────────────────────────────────────────

/** Undefined when `after` holds the same documents, values (normalized strings aside) and comments. */
function compare(
  beforeText: string,
  before: readonly Document.Parsed[],
  afterText: string,
  expected: Expected,
): string | undefined {
  const after = parse(afterText);
  if (after === undefined) return 'the formatted text does not parse';
  if (after.length !== before.length) return 'the number of documents changed';
  for (let i = 0; i < before.length; i++) {
    const want = replace(before[i]!.toJS({ maxAliasCount: -1 }) as unknown, [i], expected.replaced);
    if (!sameValue(want, after[i]!.toJS({ maxAliasCount: -1 }) as unknown))
      return `document ${i + 1} changed`;
  }
  const a = comments(beforeText);
  const b = comments(afterText);
  if (a.join('\n') !== b.join('\n')) return 'the comments changed';
  return undefined;
}

function replace(value: unknown, path: (string | number)[], replaced: ReadonlyMap<string, string>): unknown {
  const hit = replaced.get(JSON.stringify(path));
  if (hit !== undefined) return hit;
  if (Array.isArray(value)) return value.map((v, i) => replace(v, [...path, i], replaced));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = replace(v, [...path, k], replaced);
    return out;
  }
  return value;
}

/** Deep equality where mappings compare as sets of entries (order aside) and sequences in order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]))
    );
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return (
    ka.join('\n') === kb.join('\n') &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Every comment's text (trailing whitespace aside), sorted: moving keys reorders them, never loses one. */
function comments(text: string): string[] {
  const out: string[] = [];
  const visit = (token: unknown): void => {
    if (Array.isArray(token)) token.forEach(visit);
    else if (token !== null && typeof token === 'object') {
      const t = token as { type?: unknown; source?: unknown };
      if (t.type === 'comment' && typeof t.source === 'string') out.push(t.source.trimEnd());
      for (const v of Object.values(token)) if (v !== null && typeof v === 'object') visit(v);
    }
  };
  for (const token of new Parser().parse(text)) visit(token);
  return out.sort();
}
