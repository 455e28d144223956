import type { CatalogueEntry } from '../diagnostics/catalogue.js';
import type { Location, Template } from '../diagnostics/diagnostic.js';

/**
 * What a change does to the citizen, from worst to harmless. `--fail-on X` fails on any change at or
 * above X in this order.
 */
export const CHANGE_CLASSES = ['burden-increased', 'burden-reduced', 'neutral', 'editorial'] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

/** Rank for `--fail-on`: a higher rank is at least as serious. */
export const CLASS_RANK: Record<ChangeClass, number> = {
  editorial: 0,
  neutral: 1,
  'burden-reduced': 2,
  'burden-increased': 3,
};

export interface Change {
  readonly class: ChangeClass;
  /** One sentence saying what changed, in the catalogue's words. */
  readonly what: Template;
  /**
   * Semantic path by ids, not positions: `Matter:id/materials/<entry id>/necessity`. Stable across
   * reformatting and reordering, so that CI fingerprints and baselines survive them.
   */
  readonly path: string;
  /** Where the change is on the base side (absent for something new). */
  readonly base?: Location;
  /** Where the change is on the head side (absent when the whole file is gone). */
  readonly head?: Location;
  /**
   * For a burden increase: the refinement-law problem a waiver names (code, subject, item), so that a
   * waiver approved for the deviation also covers the change that introduces it.
   */
  readonly law?: { readonly entry: CatalogueEntry; readonly subject: string; readonly item?: string };
  /** The waiver in force that covers this burden increase (it then does not fail). */
  waiver?: {
    readonly id: string;
    readonly document: string;
    readonly expires: string;
    readonly at: Location;
  };
}
