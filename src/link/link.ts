import { D, type Text } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { aliasesOf, type Doc } from '../model/document.js';
import { KIND_LABELS, KINDS, type Kind } from '../model/kinds.js';
import { firstLine } from '../parse/yaml.js';
import { titleAt } from '../schema/titles.js';
import { quoteAll, suggest } from '../util/suggest.js';
import { REFERENCES, select } from './references.js';

/** One symbol table across all loaded files: per kind, id → the document that defines it. */
export class SymbolTable {
  private readonly byKind = new Map<Kind, Map<string, Doc>>(KINDS.map((k) => [k, new Map()]));

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
}

const idRange = (doc: Doc) => firstLine(doc.source, doc.locator.nearest('/id'));

/** Link phase: unique ids, resolved references, unique item ids within lists, no `extends` cycles. */
export function link(docs: readonly Doc[]): { table: SymbolTable; diagnostics: Diagnostic[] } {
  const table = new SymbolTable();
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    const first = table.define(doc);
    if (first) {
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
    for (const ref of REFERENCES[doc.kind]) {
      for (const { pointer, value } of select(doc.value, ref.path)) {
        if (typeof value !== 'string' || table.get(ref.target, value)) continue;
        const candidates = suggest(
          value,
          table.all(ref.target).map((d) => ({ value: d.id!, aliases: aliasesOf(d) })),
        );
        diagnostics.push(
          diagnostic(
            D.unresolvedRef,
            { source: doc.source, range: firstLine(doc.source, doc.locator.nearest(pointer)) },
            { kind: KIND_LABELS[ref.target], id: value },
            {
              path: `${doc.kind}:${doc.id ?? '?'}${pointer}`,
              ...(candidates.length > 0
                ? { hint: { label: 'didYouMean', args: { candidates: quoteAll(candidates) } } }
                : {}),
            },
          ),
        );
      }
    }
    checkItemIds(doc, doc.value, '', diagnostics);
  }
  for (const d of extendsCycles(table)) diagnostics.push(d);
  return { table, diagnostics };
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

function extendsCycles(table: SymbolTable): Diagnostic[] {
  const out: Diagnostic[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: Doc[] = [];
  const visit = (doc: Doc): void => {
    const id = doc.id!;
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = stack.slice(stack.indexOf(doc));
      const names = [...cycle.map((d) => d.id!), id].join(' → ');
      out.push(
        diagnostic(
          D.extendsCycle,
          { source: doc.source, range: firstLine(doc.source, doc.locator.nearest('/extends')) },
          {
            cycle: names,
          },
          {
            related: cycle
              .filter((d) => d !== doc)
              .map((d) => ({ source: d.source, range: idRange(d), label: 'cycleMember' as const })),
            path: `List:${id}/extends`,
          },
        ),
      );
      return;
    }
    state.set(id, 'visiting');
    stack.push(doc);
    const parents = (doc.value as Record<string, unknown>)['extends'];
    if (Array.isArray(parents)) {
      for (const p of parents) {
        const parent = typeof p === 'string' ? table.get('List', p) : undefined;
        if (parent) visit(parent);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const doc of table.all('List')) visit(doc);
  return out;
}
