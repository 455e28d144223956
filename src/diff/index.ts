import { type CatalogueEntry, D } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic, type Related } from '../diagnostics/diagnostic.js';
import type { SymbolTable } from '../link/link.js';
import type { List } from '../model/types.js';
import { type Change, type ChangeClass, CLASS_RANK } from './change.js';
import { compareRevisions, type Revision } from './compare.js';

export { CHANGE_CLASSES, type Change, type ChangeClass, CLASS_RANK } from './change.js';
export { type Revision } from './compare.js';

export type FailOn = ChangeClass | 'none';

export interface DiffResult {
  readonly changes: readonly Change[];
  /** Changes at or above `failOn` not covered by a waiver. */
  readonly failing: readonly Change[];
}

/**
 * Classify every change from `base` to `head`, mark the burden increases covered by a waiver in force
 * on `today` in the head revision, and pick those that fail at `failOn`.
 */
export function diffRevisions(base: Revision, head: Revision, today: string, failOn: FailOn): DiffResult {
  const changes = compareRevisions(base, head);
  applyWaivers(changes, head.table, today);
  const failing =
    failOn === 'none'
      ? []
      : changes.filter((c) => CLASS_RANK[c.class] >= CLASS_RANK[failOn] && c.waiver === undefined);
  return { changes, failing };
}

/** A waiver names a refinement-law code, a subject and optionally an item, as for `check`. */
function applyWaivers(changes: Change[], table: SymbolTable, today: string): void {
  const waivers = table
    .all('List')
    .filter((d) => d.schemaValid)
    .flatMap((doc) =>
      ((doc.value as unknown as List).waivers ?? []).map((waiver, index) => ({ waiver, doc, index })),
    );
  for (const change of changes) {
    const law = change.law;
    if (change.class !== 'burden-increased' || !law) continue;
    const match = waivers.find(
      ({ waiver }) =>
        waiver.code === law.entry.code &&
        waiver.subject === law.subject &&
        (waiver.item === undefined || waiver.item === law.item) &&
        waiver.expires >= today,
    );
    if (match)
      change.waiver = {
        id: match.waiver.id,
        document: match.waiver.document,
        expires: match.waiver.expires,
        at: { source: match.doc.source, range: match.doc.locator.nearest(`/waivers/${match.index}/id`) },
      };
  }
}

const ENTRY: Record<ChangeClass, CatalogueEntry> = {
  'burden-increased': D.burdenIncreased,
  'burden-reduced': D.burdenReduced,
  neutral: D.neutralChange,
  editorial: D.editorialChange,
};

/**
 * Each change as a diagnostic, for the machine formats: at the head side when it exists (where a
 * reviewer can act), the other side as a related position; the semantic path as its path.
 */
export function changeDiagnostics(changes: readonly Change[]): Diagnostic[] {
  return changes.map((c) => {
    const location = c.head ?? c.base;
    const related: Related[] = [];
    if (c.head && c.base) related.push({ ...c.base, label: 'baseVersion' });
    if (c.waiver) related.push({ ...c.waiver.at, label: 'waiverHere' });
    const entry = c.waiver ? D.burdenIncreasedWaived : ENTRY[c.class];
    const args = {
      change: c.what,
      law: c.law?.entry.code ?? '',
      ...(c.waiver ? { waiver: c.waiver.id, document: c.waiver.document, expires: c.waiver.expires } : {}),
    };
    return diagnostic(entry, location, args, { related, path: c.path });
  });
}
