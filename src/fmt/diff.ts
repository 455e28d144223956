/** A line of an edit script: kept (' '), removed ('-') or added ('+'). */
type Op = readonly [' ' | '-' | '+', string];

/** Beyond this many differing lines the diff shows the changed middle as one removal and one addition. */
const MAX_EDIT_DISTANCE = 1000;

/**
 * The shortest edit script between two line lists (Myers' O((N+M)·D) algorithm), after the common
 * prefix and suffix are set aside.
 */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const middle = myers(x, y) ?? [...x.map((l): Op => ['-', l]), ...y.map((l): Op => ['+', l])];
  return [
    ...a.slice(0, head).map((l): Op => [' ', l]),
    ...middle,
    ...a.slice(a.length - tail).map((l): Op => [' ', l]),
  ];
}

function myers(a: readonly string[], b: readonly string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let px: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) px = v[offset + k + 1]!;
      else px = v[offset + k - 1]! + 1;
      let py = px - k;
      while (px < n && py < m && a[px] === b[py]) {
        px++;
        py++;
      }
      next[offset + k] = px;
      if (px >= n && py >= m) return backtrack(a, b, [...trace, next], offset, d);
    }
    v = next;
  }
  return undefined;
}

function backtrack(
  a: readonly string[],
  b: readonly string[],
  trace: Int32Array[],
  offset: number,
  end: number,
): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = end; d > 0; d--) {
    const v = trace[d]!; // the furthest points reached after d-1 edits
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > (down ? prevX : prevX + 1) && y > (down ? prevY + 1 : prevY)) {
      y--;
      ops.push([' ', a[--x]!]);
    }
    if (down) ops.push(['+', b[--y]!]);
    else ops.push(['-', a[--x]!]);
  }
  while (x > 0 && y > 0) {
    y--;
    ops.push([' ', a[--x]!]);
  }
  return ops.reverse();
}

function split(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A unified diff (`diff -u` style, 3 lines of context) from `before` to `after`; '' when they are equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = editScript(split(before.replace(/\r\n/g, '\n')), split(after.replace(/\r\n/g, '\n')));
  const changed = ops.map((op, i) => (op[0] !== ' ' ? i : -1)).filter((i) => i >= 0);
  const out = [`--- ${path}`, `+++ ${path}`];
  let i = 0;
  while (i < changed.length) {
    const first = changed[i]!;
    let last = first;
    while (i + 1 < changed.length && changed[i + 1]! - last <= 2 * context + 1) last = changed[++i]!;
    i++;
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length, last + context + 1);
    let aLine = 1;
    let bLine = 1;
    for (const op of ops.slice(0, from)) {
      if (op[0] !== '+') aLine++;
      if (op[0] !== '-') bLine++;
    }
    const hunk = ops.slice(from, to);
    const aCount = hunk.filter((op) => op[0] !== '+').length;
    const bCount = hunk.filter((op) => op[0] !== '-').length;
    out.push(
      `@@ -${aCount === 0 ? aLine - 1 : aLine},${aCount} +${bCount === 0 ? bLine - 1 : bLine},${bCount} @@`,
    );
    for (const [sign, line] of hunk) out.push(`${sign}${line}`);
  }
  return `${out.join('\n')}\n`;
}
