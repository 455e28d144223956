import { D } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { SymbolTable } from '../link/link.js';
import type { Doc } from '../model/document.js';
import type { List, Waiver } from '../model/types.js';
import { refinement } from './lists.js';
import type { Violation } from './violation.js';

/**
 * Apply the lists' waivers: a violation matched by a waiver in force becomes a warning (MC6020) that
 * names the waiver; an expired waiver (MC6021) leaves its violation an error; a waiver matching
 * nothing (MC6022) is reported. `today` is YYYY-MM-DD.
 *
 * No judgement rests on a document with errors: a violation that a waiver in a schema-invalid list
 * may have approved is not reported, nor is a waiver unused whose subject was left out.
 */
export function applyWaivers(
  table: SymbolTable,
  violations: readonly Violation[],
  today: string,
  out: Diagnostic[],
): void {
  const waivers: { waiver: Waiver; doc: Doc; index: number; used: boolean }[] = [];
  const unreadable: { doc: Doc; code: unknown; subject: unknown }[] = [];
  for (const doc of table.all('List')) {
    if (!doc.schemaValid) {
      const raw = (doc.value as { waivers?: unknown }).waivers;
      if (Array.isArray(raw))
        for (const w of raw as { code?: unknown; subject?: unknown }[])
          unreadable.push({ doc, code: w?.code, subject: w?.subject });
      continue;
    }
    ((doc.value as unknown as List).waivers ?? []).forEach((waiver, index) =>
      waivers.push({ waiver, doc, index, used: false }),
    );
  }
  for (const v of violations) {
    const maybe = unreadable.find((w) => w.code === v.entry.code && w.subject === v.subject);
    if (maybe) {
      table.leaveOut(maybe.doc);
      continue;
    }
    const matches = waivers.filter(
      (w) =>
        w.waiver.code === v.entry.code &&
        w.waiver.subject === v.subject &&
        (w.waiver.item === undefined || w.waiver.item === v.item),
    );
    for (const m of matches) m.used = true;
    const inForce = matches.find((m) => m.waiver.expires >= today);
    const original = diagnostic(v.entry, v.location, v.args, { related: v.related, path: v.path });
    if (inForce) {
      const w = inForce.waiver;
      out.push(
        diagnostic(
          D.waived,
          v.location,
          {
            document: w.document,
            approver: w.approver,
            expires: w.expires,
            problem: { template: original.entry.message, args: original.args },
          },
          {
            path: v.path,
            related: [
              ...v.related,
              {
                source: inForce.doc.source,
                range: inForce.doc.locator.nearest(`/waivers/${inForce.index}/id`),
                label: 'waiverHere',
              },
            ],
          },
        ),
      );
    } else out.push(original);
  }
  for (const w of waivers) {
    const at = { source: w.doc.source, range: w.doc.locator.nearest(`/waivers/${w.index}/id`) };
    const path = `List:${w.doc.id}/waivers/${w.index}`;
    if (w.waiver.expires < today)
      out.push(
        diagnostic(
          D.waiverExpired,
          { source: w.doc.source, range: w.doc.locator.nearest(`/waivers/${w.index}/expires`) },
          { id: w.waiver.id, expires: w.waiver.expires },
          { path },
        ),
      );
    // MC7101 waivers approve burden increases found by `matterc diff`; check has nothing to match them with.
    else if (!w.used && w.waiver.code !== D.burdenIncreased.code && !subjectLeftOut(table, w.waiver.subject))
      out.push(diagnostic(D.waiverUnused, at, { id: w.waiver.id }, { path }));
  }
}

/**
 * The subject of a waiver, or a document it is judged against, has errors: its violations were not
 * looked for, so the waiver cannot be called unused.
 */
function subjectLeftOut(table: SymbolTable, subject: string): boolean {
  for (const kind of ['Matter', 'Bundle'] as const) {
    if (table.get(kind, subject) && !refinement(table, kind, subject).complete) return true;
  }
  const list = table.get('List', subject);
  if (!list) return false;
  if (!table.isSound(list)) {
    table.leaveOut(list);
    return true;
  }
  const parents = (list.value as unknown as List).extends ?? [];
  return parents.some((id) => table.get('List', id) !== undefined && table.sound('List', id) === undefined);
}
