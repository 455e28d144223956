import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';

/** Line arithmetic over a text with `\n` line breaks. */
export class Lines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset where a line starts; the text's length for the line after the last. */
  start(line: number): number {
    return line < this.starts.length ? this.starts[line]! : this.text.length;
  }

  column(offset: number): number {
    return offset - this.start(this.lineOf(offset));
  }

  /** The line's text without its line break. */
  line(line: number): string {
    return this.text.slice(this.start(line), this.start(line + 1)).replace(/\n$/, '');
  }
}

/** A text replacement: `[start, end)` of the text becomes `text`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Apply non-overlapping edits. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Where the last character that belongs to a node's value is (comments after it excluded). */
function contentEnd(node: Node | null | undefined): number | undefined {
  if (node === null || node === undefined) return undefined;
  if (isMap(node) || isSeq(node)) {
    if (node.flow) return node.range?.[1];
    const last = node.items[node.items.length - 1];
    if (last === undefined) return node.range?.[1];
    return isPair(last) ? pairEnd(last as Pair<Node, Node | null>) : contentEnd(last as Node | null);
  }
  return node.range?.[1];
}

function pairEnd(pair: Pair<Node, Node | null>): number {
  const keyEnd = pair.key?.range?.[1] ?? 0;
  return Math.max(keyEnd, contentEnd(pair.value) ?? keyEnd);
}

const isBlank = (line: string) => line.trim() === '';
const isComment = (line: string) => line.trimStart().startsWith('#');
const indentOf = (line: string) => line.length - line.trimStart().length;

/**
 * Comment lines that move above a `- ` entry start (the comment of a key that becomes the first of a
 * mapping in a sequence), indented as the `-`.
 */
function above(lead: string, prefix: string): string {
  const dash = prefix.search(/\S/);
  if (dash < 0 || lead === '') return lead;
  return lead.replace(/^[ ]*(?=#)/gm, ' '.repeat(dash));
}

/**
 * The edit that puts a block mapping's entries in the given key order by moving whole lines, or undefined
 * when the mapping is not laid out one key per line (then it is left as it is).
 *
 * Each entry takes with it the lines of its value and the comment lines and blank lines just above its
 * key: a comment written above a key moves with that key. Comment lines after an entry that are indented
 * deeper than the keys belong to that entry's value; comment lines at the keys' indentation or less belong
 * to the entry that follows. Lines above the first key (a file's header comment) stay where they are.
 */
export function reorderEdit(map: YAMLMap, lines: Lines, order: readonly string[]): Edit | undefined {
  const text = lines.text;
  const pairs = map.items as Pair<Node, Node | null>[];
  if (map.flow || pairs.length < 2) return undefined;
  const keyStarts: number[] = [];
  for (const pair of pairs) {
    const key = pair.key;
    if (!isScalar(key) || key.anchor || key.tag || !key.range) return undefined;
    keyStarts.push(key.range[0]);
  }
  const indent = lines.column(keyStarts[0]!);
  const firstLineStart = lines.start(lines.lineOf(keyStarts[0]!));
  const prefix = text.slice(firstLineStart, keyStarts[0]);
  if (!/^[ -]*$/.test(prefix)) return undefined;
  for (const start of keyStarts.slice(1)) {
    if (text.slice(lines.start(lines.lineOf(start)), start) !== ' '.repeat(indent)) return undefined;
  }

  // chunkEnd[i]: where entry i's lines end (after its value and the comments indented under it).
  const chunkEnd: number[] = [];
  for (let i = 0; i < pairs.length; i++) {
    const last = lines.lineOf(Math.max(keyStarts[i]!, pairEnd(pairs[i]!) - 1));
    const limit = i + 1 < pairs.length ? lines.lineOf(keyStarts[i + 1]!) : lines.count;
    let split = last + 1;
    for (let l = last + 1; l < limit; l++) {
      const line = lines.line(l);
      if (isBlank(line)) continue;
      if (!isComment(line)) {
        if (i + 1 < pairs.length) return undefined; // something other than comments between two keys
        break;
      }
      if (indentOf(line) > indent) split = l + 1;
      else if (i + 1 === pairs.length) break;
    }
    chunkEnd.push(lines.start(split));
  }

  const regionStart = firstLineStart;
  const regionEnd = chunkEnd[pairs.length - 1]!;
  const keyOf = (p: Pair<Node, Node | null>) => String((p.key as unknown as { value: unknown }).value);
  const index = new Map(pairs.map((p, i) => [keyOf(p), i]));
  const newline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
  let out = '';
  order.forEach((key, k) => {
    const i = index.get(key)!;
    const lead = i === 0 ? '' : text.slice(chunkEnd[i - 1], lines.start(lines.lineOf(keyStarts[i]!)));
    const body =
      i === 0
        ? ' '.repeat(indent) + text.slice(keyStarts[0], chunkEnd[0])
        : text.slice(lines.start(lines.lineOf(keyStarts[i]!)), chunkEnd[i]);
    out += k === 0 ? above(lead, prefix) + prefix + newline(body).slice(indent) : lead + newline(body);
  });
  if (!text.slice(regionStart, regionEnd).endsWith('\n')) out = out.replace(/\n$/, '');
  return { start: regionStart, end: regionEnd, text: out };
}
