/**
 * Edit distance with adjacent transpositions (optimal string alignment) over code points, so that
 * `nmae` is one edit from `name`. Returns cap + 1 as soon as the distance must exceed cap.
 */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > cap) return cap + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/** Full-width ASCII → half-width, unify brackets and spaces, lower-case: for tolerant comparison only. */
export function normalizeLoose(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[（【〔[]/g, '(')
    .replace(/[）】〕\]]/g, ')')
    .replace(/\s+/g, '')
    .toLowerCase();
}

export interface Candidate {
  /** What the user should write. */
  readonly value: string;
  /** Other names the candidate is known by (a Chinese title, a full name, aliases). */
  readonly aliases?: readonly string[];
}

/**
 * Candidates close to `input`, best first: exact loose matches, then aliases that match or contain the
 * input, then small edit distances. At most `max` results.
 */
export function suggest(input: string, candidates: readonly Candidate[], max = 3): string[] {
  const needle = normalizeLoose(input);
  if (needle === '') return [];
  const scored: { value: string; score: number }[] = [];
  for (const c of candidates) {
    const names = [c.value, ...(c.aliases ?? [])].map(normalizeLoose);
    let best = Number.POSITIVE_INFINITY;
    for (const name of names) {
      if (name === '') continue;
      if (name === needle) best = Math.min(best, 0);
      else if (needle.length >= 2 && (name.includes(needle) || needle.includes(name))) {
        // A containing name ranks after a one-edit typo of the same length (Mater → Matter before Material).
        const lengths = [[...needle].length, [...name].length];
        best = Math.min(best, 2 + (Math.max(...lengths) - Math.min(...lengths)) / Math.max(...lengths));
      } else {
        const cap = Math.max(1, Math.floor(Math.max([...needle].length, [...name].length) / 3));
        const d = editDistance(needle, name, cap);
        if (d <= cap) best = Math.min(best, 1 + d);
      }
    }
    if (best < Number.POSITIVE_INFINITY) scored.push({ value: c.value, score: best });
  }
  scored.sort((a, b) => a.score - b.score || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const out: string[] = [];
  for (const s of scored) if (!out.includes(s.value) && out.length < max) out.push(s.value);
  return out;
}

export function quoteAll(values: readonly string[]): string[] {
  return values.map((v) => `“${v}”`);
}
