/**
 * Map offsets inside a YAML scalar's value back to offsets in the source, so that a problem found in a
 * condition, a duration or a citation is reported where it was typed — correctly for plain,
 * single-quoted, double-quoted (with escapes) and block (`|`, `>`) scalars.
 *
 * Each style is decoded again here, recording the source offset of every value character; when the
 * result differs from what the YAML parser produced (an exotic construct), the mapping falls back to
 * the start of the scalar rather than pointing somewhere wrong.
 */
export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface ScalarMap {
  /** Source offset of the value character at `index` (the end of the scalar for index = value.length). */
  offsetOf(index: number): number;
  /** True when the mapping is exact; false when it fell back to the scalar's start. */
  readonly exact: boolean;
}

interface Decoded {
  chars: string[];
  at: number[];
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/** Split [start, end) of `text` into lines: [lineStart, lineEnd) without the break. */
function lines(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    if (text[i] === '\n') {
      out.push([s, i > s && text[i - 1] === '\r' ? i - 1 : i]);
      s = i + 1;
    }
  }
  out.push([s, end]);
  return out;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** Flow scalars (plain and quoted): fold line breaks; `inner` decodes one line's content. */
function decodeFlow(
  text: string,
  start: number,
  end: number,
  inner: (from: number, to: number, out: Decoded, last: boolean) => boolean,
): Decoded | undefined {
  const out: Decoded = { chars: [], at: [] };
  const ls = lines(text, start, end);
  let pendingBreaks = 0;
  let breakAt = start;
  let joinNext = false;
  for (let k = 0; k < ls.length; k++) {
    let [a, b] = ls[k]!;
    if (k > 0) while (a < b && isBlank(text[a])) a++;
    const lastLine = k === ls.length - 1;
    if (!lastLine) while (b > a && isBlank(text[b - 1]) && text[b - 2] !== '\\') b--;
    if (a === b && k > 0 && !lastLine) {
      pendingBreaks++;
      continue;
    }
    if (k > 0 && !joinNext) {
      if (pendingBreaks === 0) {
        out.chars.push(' ');
        out.at.push(breakAt);
      } else {
        for (let n = 0; n < pendingBreaks; n++) {
          out.chars.push('\n');
          out.at.push(breakAt);
        }
      }
    }
    pendingBreaks = 0;
    joinNext = inner(a, b, out, lastLine);
    breakAt = b;
  }
  return out;
}

function decodePlain(text: string, start: number, end: number): Decoded | undefined {
  return decodeFlow(text, start, end, (a, b, out) => {
    for (let i = a; i < b; i++) {
      out.chars.push(text[i]!);
      out.at.push(i);
    }
    return false;
  });
}

function decodeSingle(text: string, start: number, end: number): Decoded | undefined {
  return decodeFlow(text, start + 1, end - 1, (a, b, out) => {
    for (let i = a; i < b; i++) {
      out.chars.push(text[i]!);
      out.at.push(i);
      if (text[i] === "'" && text[i + 1] === "'") i++;
    }
    return false;
  });
}

function decodeDouble(text: string, start: number, end: number): Decoded | undefined {
  let bad = false;
  const result = decodeFlow(text, start + 1, end - 1, (a, b, out, last) => {
    for (let i = a; i < b; i++) {
      const c = text[i]!;
      if (c !== '\\') {
        out.chars.push(c);
        out.at.push(i);
        continue;
      }
      const e = text[i + 1];
      if (e === undefined || (i + 1 >= b && !last)) return true; // escaped line break: join without a space
      const hexLength = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (hexLength > 0) {
        const code = Number.parseInt(text.slice(i + 2, i + 2 + hexLength), 16);
        if (Number.isNaN(code)) bad = true;
        else {
          const s = String.fromCodePoint(code);
          for (const unit of s.split('')) {
            out.chars.push(unit);
            out.at.push(i);
          }
        }
        i += 1 + hexLength;
        continue;
      }
      const simple = SIMPLE_ESCAPES[e];
      if (simple === undefined) bad = true;
      else {
        out.chars.push(simple);
        out.at.push(i);
      }
      i++;
    }
    return false;
  });
  return bad ? undefined : result;
}

function decodeBlock(text: string, start: number, end: number, folded: boolean): Decoded | undefined {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return { chars: [], at: [] };
  const header = text
    .slice(start + 1, headerEnd)
    .replace(/\s+#.*$/, '')
    .trim();
  const chomp = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
  const explicit = /[1-9]/.exec(header)?.[0];
  const ls = lines(text, headerEnd + 1, end);
  let indent = explicit ? Number(explicit) : -1;
  if (indent < 0) {
    for (const [a, b] of ls) {
      let i = a;
      while (i < b && text[i] === ' ') i++;
      if (i < b) {
        indent = i - a;
        break;
      }
    }
    if (indent < 0) indent = 0;
  }
  // Explicit indentation is relative to the parent's; recover the absolute column from the header's line.
  if (explicit) {
    const lineStart = text.lastIndexOf('\n', start) + 1;
    let parent = 0;
    while (text[lineStart + parent] === ' ') parent++;
    indent += parent;
  }
  const out: Decoded = { chars: [], at: [] };
  const body: { a: number; b: number; empty: boolean; more: boolean }[] = [];
  for (const [a, b] of ls) {
    const empty = text.slice(a, b).trim() === '' && b - a <= indent;
    body.push({ a: Math.min(a + indent, b), b, empty, more: !empty && isBlank(text[a + indent]) });
  }
  while (
    body.length > 0 &&
    body[body.length - 1]!.empty &&
    body[body.length - 1]!.a === body[body.length - 1]!.b
  ) {
    // trailing empty lines are handled by chomping below
    break;
  }
  let lastContent = body.length - 1;
  while (lastContent >= 0 && body[lastContent]!.empty) lastContent--;
  for (let k = 0; k <= lastContent; k++) {
    const line = body[k]!;
    for (let i = line.a; i < line.b; i++) {
      out.chars.push(text[i]!);
      out.at.push(i);
    }
    if (k === lastContent) break;
    const next = body[k + 1]!;
    // Folding: a break between two ordinary lines becomes a space; empty lines become breaks.
    if (folded && !line.empty && !line.more && !next.empty && !next.more) {
      out.chars.push(' ');
      out.at.push(line.b);
    } else if (folded && !line.empty && !line.more && next.empty) {
      // the break itself is dropped; the following empty lines each contribute one
    } else {
      out.chars.push('\n');
      out.at.push(line.b);
    }
  }
  if (lastContent >= 0 && chomp !== 'strip') {
    out.chars.push('\n');
    out.at.push(body[lastContent]!.b);
    if (chomp === 'keep') {
      for (let k = lastContent + 1; k < body.length; k++) {
        if (k === body.length - 1 && body[k]!.a === body[k]!.b && text[body[k]!.b] !== '\n') break;
        out.chars.push('\n');
        out.at.push(body[k]!.b);
      }
    }
  }
  return out;
}

/**
 * Build the map for a scalar whose source is text[start, end) and whose decoded value is `value`.
 */
export function scalarMap(
  text: string,
  start: number,
  end: number,
  style: ScalarStyle,
  value: string,
): ScalarMap {
  let decoded: Decoded | undefined;
  try {
    if (style === 'PLAIN') decoded = decodePlain(text, start, end);
    else if (style === 'QUOTE_SINGLE') decoded = decodeSingle(text, start, end);
    else if (style === 'QUOTE_DOUBLE') decoded = decodeDouble(text, start, end);
    else decoded = decodeBlock(text, start, end, style === 'BLOCK_FOLDED');
  } catch {
    decoded = undefined;
  }
  if (decoded && decoded.chars.join('') === value) {
    const at = decoded.at;
    return {
      exact: true,
      offsetOf: (index) => (index < at.length ? at[index]! : at.length > 0 ? at[at.length - 1]! + 1 : start),
    };
  }
  return { exact: false, offsetOf: () => start };
}
