import { type CatalogueEntry, D, TERMS } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic, type Location, type Related } from '../diagnostics/diagnostic.js';
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
  /** Files with errors whose documents could not be compared: what changed in them is unknown. */
  readonly notCompared: readonly NotCompared[];
  /**
   * The change cannot be merged as it is: a change fails, or (unless `--fail-on none`) a document
   * could not be compared. A diff never calls mergeable what it could not read.
   */
  readonly failed: boolean;
}

/** A file on one side with errors that kept its documents out of the comparison. */
export interface NotCompared {
  readonly side: 'base' | 'head';
  readonly file: string;
  /** The error codes reported in it, sorted. */
  readonly codes: readonly string[];
  /** Its first error, where the report points. */
  readonly at: Location | undefined;
}

/**
 * Classify every change from `base` to `head`, mark the burden increases covered by a waiver in force
 * on `today` in the head revision, and pick those that fail at `failOn`.
 */
export function diffRevisions(base: Revision, head: Revision, today: string, failOn: FailOn): DiffResult {
  const notCompared = [...notComparedIn(base, 'base'), ...notComparedIn(head, 'head')];
  const unreadable = (side: NotCompared['side']) =>
    new Set(notCompared.filter((n) => n.side === side).map((n) => n.file));
  const changes = compareRevisions(base, head, { base: unreadable('base'), head: unreadable('head') });
  applyWaivers(changes, head.table, today);
  const failing =
    failOn === 'none'
      ? []
      : changes.filter((c) => CLASS_RANK[c.class] >= CLASS_RANK[failOn] && c.waiver === undefined);
  const failed = failing.length > 0 || (failOn !== 'none' && notCompared.length > 0);
  return { changes, failing, notCompared, failed };
}

/**
 * The files of a revision whose documents take no part in the comparison: a document failing the
 * schema, or a file with errors that gave no document at all (YAML it could not read, an unknown
 * kind). Errors in valid documents (links, refinement) do not keep them out.
 */
function notComparedIn(revision: Revision, side: NotCompared['side']): NotCompared[] {
  const withDocument = new Set(revision.documents.map((d) => d.source.path));
  const invalid = new Set(revision.documents.filter((d) => !d.schemaValid).map((d) => d.source.path));
  const errors = new Map<string, Diagnostic[]>();
  for (const d of revision.diagnostics ?? []) {
    const file = d.location?.source.path;
    if (d.entry.severity !== 'error' || file === undefined) continue;
    if (!invalid.has(file) && withDocument.has(file)) continue;
    errors.set(file, [...(errors.get(file) ?? []), d]);
  }
  for (const file of invalid) if (!errors.has(file)) errors.set(file, []);
  return [...errors]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, ds]) => ({
      side,
      file,
      codes: [...new Set(ds.map((d) => d.entry.code))].sort(),
      at: ds[0]?.location,
    }));
}

/** Each file not compared as a diagnostic (MC7120), for the machine formats and the terminal. */
export function notComparedDiagnostics(notCompared: readonly NotCompared[]): Diagnostic[] {
  return notCompared.map((n) =>
    diagnostic(D.notCompared, n.at, {
      side: n.side === 'base' ? TERMS.diffBaseSide : TERMS.diffHeadSide,
      path: n.file,
      codes: n.codes.join(', ') || 'schema',
    }),
  );
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
