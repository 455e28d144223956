/**
 * Punctuation of Chinese prose: a half-width , ; : ? ! ( ) written next to Chinese text becomes its
 * full-width form (，；：？！（）), as GB/T 15834 writes it; whitespace at the end of a line goes. Text
 * that is not next to Chinese (English, numbers such as 1,000 or 9:00) and web addresses stay as they are.
 */
const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/** Han characters and the punctuation and full-width forms written with them. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60\u201c\u201d\u2018\u2019\u2014\u2026\u00b7]/u;

/** A web address, up to a space, a parenthesis or Chinese text. */
const URL = /https?:\/\/[^\s()\p{Script=Han}\u3000-\u303f\uff01-\uff60]+/gu;

function isCjk(c: string | undefined): boolean {
  return c !== undefined && CJK.test(c);
}

/** Indices of the characters inside web addresses, which are never changed. */
function protectedIndices(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(URL)) for (let i = m.index; i < m.index + m[0].length; i++) out.add(i);
  return out;
}

/** The matching `)` of every `(` (half- or full-width), for pairs to change together. */
function parenPairs(chars: readonly string[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  chars.forEach((c, i) => {
    if (c === '(' || c === '（') open.push(i);
    else if ((c === ')' || c === '）') && open.length > 0) {
      const o = open.pop()!;
      pairs.set(o, i);
      pairs.set(i, o);
    }
  });
  return pairs;
}

/**
 * The text with its punctuation next to Chinese made full-width. Applied until nothing changes, so that
 * the result is a fixed point (`，,` next to each other both become full-width): normalizing twice gives
 * the same text. A parenthesis changes together with its partner, so pairs never end up mixed.
 */
export function fullWidthPunctuation(text: string): string {
  // Code units, not code points: a character outside the BMP is never punctuation, and its halves are
  // not CJK, which is what the test needs (an astral Han character next to "," leaves it alone).
  const chars = text.split('');
  const keep = protectedIndices(text);
  const pairs = parenPairs(chars);
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      const wide = FULL_WIDTH[c];
      if (wide === undefined || keep.has(i)) continue;
      const partner = pairs.get(i);
      const nextToCjk =
        isCjk(chars[i - 1]) ||
        isCjk(chars[i + 1]) ||
        (partner !== undefined && (isCjk(chars[partner - 1]) || isCjk(chars[partner + 1])));
      if (!nextToCjk) continue;
      chars[i] = wide;
      if (partner !== undefined && !keep.has(partner))
        chars[partner] = FULL_WIDTH[chars[partner]!] ?? chars[partner]!;
      changed = true;
    }
  }
  return chars.join('');
}

/** Spaces and tabs at the end of each line and at the end of the text removed. */
export function trimLineEnds(text: string): string {
  return text.replace(/[ \t]+(?=\n|$)/g, '');
}

/** Canonical prose: full-width punctuation next to Chinese, no whitespace at line ends. */
export function normalizeProse(text: string): string {
  return trimLineEnds(fullWidthPunctuation(text));
}
