import { memoByText } from '../../util/memo.js';
import { normalizeLoose, suggest } from '../../util/suggest.js';
import type { Citation } from './ast.js';

export interface LawEntry {
  readonly id: string;
  readonly title: string;
  readonly aliases?: readonly string[];
}

export interface LawResolution {
  /** The law's id, when one matched. */
  id?: string;
  /**
   * True when the citation does not use the registered full title: it matched an alias, or the title
   * with 中华人民共和国 in front. The caller reports this as the `short-title` irregularity.
   */
  viaAlias: boolean;
  /** The closest registered titles (at most three) when nothing matched; empty otherwise. */
  candidates: string[];
}

/** Titles compare loosely: whitespace, full/half width, and 《》 versus 〈〉 for an inner title. */
const key = memoByText((s: string): string =>
  normalizeLoose(s.replace(/[《〈]/g, '<').replace(/[》〉]/g, '>')),
);

/** The registered law a citation names: by exact title, then alias, then 中华人民共和国 + title. */
export function resolveLaw(c: Citation, laws: readonly LawEntry[]): LawResolution {
  if (c.title === undefined) return { viaAlias: false, candidates: [] };
  const title = key(c.title);
  const exact = laws.find((l) => key(l.title) === title);
  if (exact) return { id: exact.id, viaAlias: false, candidates: [] };
  const alias = laws.find((l) => (l.aliases ?? []).some((a) => key(a) === title));
  if (alias) return { id: alias.id, viaAlias: true, candidates: [] };
  const prefixed = key(`中华人民共和国${c.title}`);
  const full = laws.find((l) => key(l.title) === prefixed);
  if (full) return { id: full.id, viaAlias: true, candidates: [] };
  const candidates = suggest(
    c.title,
    laws.map((l) => (l.aliases ? { value: l.title, aliases: l.aliases } : { value: l.title })),
  );
  return { viaAlias: false, candidates };
}
