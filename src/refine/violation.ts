import type { CatalogueEntry } from '../diagnostics/catalogue.js';
import type { Args, Location, Related } from '../diagnostics/diagnostic.js';

/** A refinement problem before waivers are applied: who it is about, so that a waiver can match it. */
export interface Violation {
  readonly entry: CatalogueEntry;
  readonly location: Location;
  readonly args: Args;
  readonly related: readonly Related[];
  /** The matter or bundle the problem is about. */
  readonly subject: string;
  /** The item (material entry, step, component, fee item, basis) when there is one. */
  readonly item?: string;
  readonly path: string;
}
