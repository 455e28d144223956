import { type Citation, parseCitation } from '../language/citation/index.js';
import { type Duration, parseDuration, printDuration } from '../language/duration.js';
import { fullWidthPunctuation, trimLineEnds } from './prose.js';
import type { ValueClass } from './schema.js';

/** What a normalization changed, for the report of a file (`--check`). */
export type ChangeKind = 'order' | 'duration' | 'citation' | 'punctuation' | 'whitespace';

export interface Normalized {
  readonly value: string;
  readonly kinds: readonly ChangeKind[];
}

/**
 * The canonical text of a string value of the given class, when it differs and provably means the same;
 * undefined otherwise. "Provably": the canonical text parses back to the very same duration or citation
 * (positions aside), so every rule, comparison and output that reads the parsed value is unaffected.
 */
export function normalizeValue(cls: ValueClass, value: string): Normalized | undefined {
  switch (cls) {
    case 'duration':
      return normalizeDuration(value);
    case 'citation':
      return normalizeCitation(value);
    case 'prose': {
      const punctuated = fullWidthPunctuation(value);
      const out = trimLineEnds(punctuated);
      if (out === value) return undefined;
      const kinds: ChangeKind[] = [];
      if (punctuated !== value) kinds.push('punctuation');
      if (out !== punctuated) kinds.push('whitespace');
      return { value: out, kinds };
    }
  }
}

function normalizeDuration(value: string): Normalized | undefined {
  const d = parseDuration(value);
  if (!d) return undefined;
  const text = printDuration(d);
  if (text === value || !sameDuration(parseDuration(text), d)) return undefined;
  return { value: text, kinds: ['duration'] };
}

function sameDuration(a: Duration | undefined, b: Duration): boolean {
  if (!a || a.unit !== b.unit) return false;
  return a.unit === 'instant' || b.unit === 'instant' || a.amount === b.amount;
}

/**
 * Only a citation that parses without problems and has irregular forms (wrong brackets, Arabic numerals
 * for articles, a title without 《》) is rewritten: to the normalized text MC5041 shows, which must parse
 * to the same citation with no irregularity left.
 */
function normalizeCitation(value: string): Normalized | undefined {
  const parsed = parseCitation(value);
  if (!parsed.citation || parsed.problems.length > 0 || parsed.irregularities.length === 0) return undefined;
  const text = parsed.normalized;
  if (text === undefined || text === value) return undefined;
  const again = parseCitation(text);
  if (!again.citation || again.problems.length > 0 || again.irregularities.length > 0) return undefined;
  if (citationKey(again.citation) !== citationKey(parsed.citation)) return undefined;
  return { value: text, kinds: ['citation'] };
}

/** A citation without its source positions and the way its title was quoted, for comparison. */
function citationKey(c: Citation): string {
  return JSON.stringify(c, (key, v: unknown) =>
    key === 'span' || key === 'titleSpan' || key === 'quoted' ? undefined : v,
  );
}
