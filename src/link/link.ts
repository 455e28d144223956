import { D, type Text } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { aliasesOf, type Doc } from '../model/document.js';
import { KIND_LABELS, KINDS, type Kind } from '../model/kinds.js';
import { firstLine } from '../parse/yaml.js';
import { titleAt } from '../schema/titles.js';
import { quoteAll, suggest } from '../util/suggest.js';
import { REFERENCES, type Reference, select } from './references.js';

/**
 * One symbol table across all loaded files: per kind, id → the document that defines it. It also
 * knows which documents are sound — schema-valid and without link errors — the only ones the
 * cross-document phases (compose, refine) may judge or draw conclusions from.
 */
export class SymbolTable {
  private readonly byKind = new Map<Kind, Map<string, Doc>>(KINDS.map((k) => [k, new Map()]));
  private readonly faulty = new Set<Doc>();
  private readonly left = new Set<Doc>();

  define(doc: Doc): Doc | undefined {
    if (doc.id === undefined) return undefined;
    const table = this.byKind.get(doc.kind)!;
    const first = table.get(doc.id);
    if (!first) table.set(doc.id, doc);
    return first;
  }

  get(kind: Kind, id: string): Doc | undefined {
    return this.byKind.get(kind)!.get(id);
  }

  all(kind: Kind): Doc[] {
    return [...this.byKind.get(kind)!.values()];
  }

  /** The link phase found errors in `doc`. */
  fault(doc: Doc): void {
    this.faulty.add(doc);
  }

  /** Schema-valid and without link errors: the cross-document phases may use it. */
  isSound(doc: Doc): boolean {
    return doc.schemaValid && !this.faulty.has(doc);
  }

  /**
   * The document a cross-document check needs, when it is sound. A document that exists but is not
   * sound is recorded as left out (see `leftOut`), and the check must then make no judgement.
   */
  sound(kind: Kind, id: string): Doc | undefined {
    const doc = this.get(kind, id);
    if (!doc) return undefined;
    if (this.isSound(doc)) return doc;
    this.left.add(doc);
    return undefined;
  }

  /** A cross-document check did not judge `doc`, or drew no conclusion from it, because it has errors. */
  leaveOut(doc: Doc): void {
    this.left.add(doc);
  }

  /** Documents left out of the cross-document checks, each with the kind of errors it has. */
  leftOut(): { doc: Doc; schema: boolean }[] {
    return [...this.left].map((doc) => ({ doc, schema: !doc.schemaValid }));
  }
}

const idRange = (doc: Doc) => firstLine(doc.source, doc.locator.nearest('/id'));

/**
 * Link phase: unique ids, resolved references of the right kind, unique item ids within lists, no
 * cycles in `extends` or `refines`. A document with any of these errors is marked faulty in the table.
 */
export function link(docs: readonly Doc[]): { table: SymbolTable; diagnostics: Diagnostic[] } {
  const table = new SymbolTable();
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    const first = table.define(doc);
    if (first) {
      table.fault(doc);
      diagnostics.push(
        diagnostic(
          D.duplicateId,
          { source: doc.source, range: idRange(doc) },
          { kind: KIND_LABELS[doc.kind], id: doc.id! },
          {
            related: [{ source: first.source, range: idRange(first), label: 'firstDefinedHere' }],
            path: `${doc.kind}:${doc.id}/id`,
          },
        ),
      );
    }
  }
  for (const doc of docs) {
    if (doc.broken) continue;
    const before = diagnostics.length;
    for (const ref of REFERENCES[doc.kind]) {
      for (const { pointer, value } of select(doc.value, ref.path)) {
        if (typeof value !== 'string' || table.get(ref.target, value)) continue;
        diagnostics.push(unresolved(doc, ref, pointer, value, table));
      }
    }
    checkItemIds(doc, doc.value, '', diagnostics);
    if (diagnostics.length > before) table.fault(doc);
  }
  for (const kind of KINDS) {
    for (const ref of REFERENCES[kind]) if (ref.acyclic) cycles(table, kind, ref, diagnostics);
  }
  return { table, diagnostics };
}

/** A reference to nothing of its kind: a document of another kind with that id (MC3005), or nothing (MC3002). */
function unresolved(
  doc: Doc,
  ref: Reference,
  pointer: string,
  value: string,
  table: SymbolTable,
): Diagnostic {
  const at = { source: doc.source, range: firstLine(doc.source, doc.locator.nearest(pointer)) };
  const path = `${doc.kind}:${doc.id ?? '?'}${pointer}`;
  const candidates = suggest(
    value,
    table.all(ref.target).map((d) => ({ value: d.id!, aliases: aliasesOf(d) })),
  );
  const hint =
    candidates.length > 0
      ? { hint: { label: 'didYouMean' as const, args: { candidates: quoteAll(candidates) } } }
      : {};
  const other = KINDS.map((k) => table.get(k, value)).find((d) => d !== undefined);
  if (other) {
    return diagnostic(
      D.refWrongKind,
      at,
      { id: value, actual: KIND_LABELS[other.kind], kind: KIND_LABELS[ref.target] },
      {
        path,
        ...hint,
        related: [{ source: other.source, range: idRange(other), label: 'firstDefinedHere' }],
      },
    );
  }
  return diagnostic(D.unresolvedRef, at, { kind: KIND_LABELS[ref.target], id: value }, { path, ...hint });
}

/** Items of one list that can be referred to or refined must have distinct ids (fields: distinct `field`). */
function checkItemIds(doc: Doc, value: unknown, pointer: string, out: Diagnostic[]): void {
  if (Array.isArray(value)) {
    const seen = new Set<string>();
    value.forEach((item, i) => {
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
        const rec = item as Record<string, unknown>;
        const keyName =
          typeof rec['id'] === 'string' ? 'id' : typeof rec['field'] === 'string' ? 'field' : undefined;
        if (keyName) {
          const id = rec[keyName] as string;
          if (seen.has(id)) {
            const at = `${pointer}/${i}/${keyName}`;
            const title: Text | string = titleAt(doc.kind, pointer);
            out.push(
              diagnostic(
                D.duplicateItemId,
                { source: doc.source, range: firstLine(doc.source, doc.locator.nearest(at)) },
                {
                  id,
                  title,
                },
                { path: `${doc.kind}:${doc.id ?? '?'}${at}` },
              ),
            );
          }
          seen.add(id);
        }
      }
      checkItemIds(doc, item, `${pointer}/${i}`, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkItemIds(doc, v, `${pointer}/${k}`, out);
  }
}

/** The error for a cycle in each acyclic reference. */
const CYCLE_ENTRY = { List: D.extendsCycle, Matter: D.refinesCycle, Bundle: D.refinesCycle } as const;

/**
 * Cycles along an acyclic reference (`extends` between lists, `refines` between matters or bundles):
 * one error per cycle, at the reference of the document where the search entered it, with every other
 * reference in the cycle as a related position. Every document in a cycle is faulty.
 */
function cycles(table: SymbolTable, kind: Kind, ref: Reference, out: Diagnostic[]): void {
  const entry = (CYCLE_ENTRY as Partial<Record<Kind, (typeof CYCLE_ENTRY)[keyof typeof CYCLE_ENTRY]>>)[kind];
  if (!entry) throw new Error(`no cycle diagnostic for ${kind} ${ref.path}`);
  const state = new Map<Doc, 'visiting' | 'done'>();
  /** The documents on the current path, each with the reference it was left by. */
  const stack: { doc: Doc; pointer: string }[] = [];
  const at = (doc: Doc, pointer: string) => ({
    source: doc.source,
    range: firstLine(doc.source, doc.locator.nearest(pointer)),
  });
  const visit = (doc: Doc): void => {
    if (state.get(doc) === 'done') return;
    if (state.get(doc) === 'visiting') {
      const cycle = stack.slice(stack.findIndex((s) => s.doc === doc));
      const closing = cycle[0]!;
      for (const s of cycle) table.fault(s.doc);
      out.push(
        diagnostic(
          entry,
          at(closing.doc, closing.pointer),
          {
            cycle: [...cycle.map((s) => s.doc.id!), doc.id!].join(' → '),
          },
          {
            related: cycle
              .filter((s) => s !== closing)
              .map((s) => ({ ...at(s.doc, s.pointer), label: 'cycleMember' as const })),
            path: `${kind}:${closing.doc.id}${closing.pointer}`,
          },
        ),
      );
      return;
    }
    state.set(doc, 'visiting');
    for (const { pointer, value } of select(doc.value, ref.path)) {
      const next = typeof value === 'string' ? table.get(ref.target, value) : undefined;
      if (!next) continue;
      stack.push({ doc, pointer });
      visit(next);
      stack.pop();
    }
    state.set(doc, 'done');
  };
  for (const doc of table.all(kind)) visit(doc);
}
