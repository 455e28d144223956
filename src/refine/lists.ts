import { D, TERMS } from '../diagnostics/catalogue.js';
import type { SymbolTable } from '../link/link.js';
import type { Doc } from '../model/document.js';
import type { Bundle, List } from '../model/types.js';
import { editDistance } from '../util/suggest.js';
import type { Violation } from './violation.js';

/** The chain of parents a document refines, nearest first (cycles and dangling links stop it). */
export function refinesChain(table: SymbolTable, kind: 'Matter' | 'Bundle', id: string): string[] {
  return refinement(table, kind, id).chain;
}

/**
 * The chain of parents a document refines, nearest first, and whether it is known to end there:
 * `complete` is false when a document on the way is missing or has errors (it is then left out).
 */
export function refinement(
  table: SymbolTable,
  kind: 'Matter' | 'Bundle',
  id: string,
): { chain: string[]; complete: boolean } {
  const chain: string[] = [];
  const seen = new Set([id]);
  let current = table.sound(kind, id);
  while (current) {
    const parent = (current.value as { refines?: string }).refines;
    if (parent === undefined) return { chain, complete: true };
    if (seen.has(parent)) break;
    chain.push(parent);
    seen.add(parent);
    current = table.sound(kind, parent);
  }
  return { chain, complete: false };
}

/**
 * Does bundle `id` implement `target` (is it, or does it refine it)? Undefined when that cannot be
 * known because a bundle on the way has errors: no judgement may be drawn from it.
 */
export function implementsBundle(table: SymbolTable, id: string, target: string): boolean | undefined {
  if (id === target) return true;
  const { chain, complete } = refinement(table, 'Bundle', id);
  return chain.includes(target) ? true : complete ? false : undefined;
}

export interface EffectiveItem {
  /** The item's identity across layers: the bundle at the top of its refinement chain. */
  readonly key: string;
  readonly bundle: string;
  /** Every layer that set this item, outermost (national) first. */
  readonly layers: readonly { list: string; item: string; bundle: string; doc: Doc; index: number }[];
}

/** The effective list of a layer: inherited items, each replaced by this layer's refinement of it, plus local items. */
export function effectiveList(
  table: SymbolTable,
  listId: string,
  seen = new Set<string>(),
): Map<string, EffectiveItem> {
  const doc = table.get('List', listId);
  const result = new Map<string, EffectiveItem>();
  if (!doc?.schemaValid || seen.has(listId)) return result;
  seen.add(listId);
  const list = doc.value as unknown as List;
  for (const parent of list.extends ?? []) {
    for (const [key, item] of effectiveList(table, parent, seen)) if (!result.has(key)) result.set(key, item);
  }
  (list.items ?? []).forEach((item, index) => {
    const chain = [item.bundle, ...refinesChain(table, 'Bundle', item.bundle)];
    const key = chain.find((b) => result.has(b)) ?? chain[chain.length - 1]!;
    const before = result.get(key);
    result.set(key, {
      key,
      bundle: item.bundle,
      layers: [...(before?.layers ?? []), { list: listId, item: item.id, bundle: item.bundle, doc, index }],
    });
  });
  return result;
}

const nameKey = (s: string) => s.replace(/一件事|“|”|"/g, '').replace(/\s+/g, '');

/**
 * Coverage of national lists, item-id collisions across layers, undeclared duplicates of parent items.
 * Only sound lists are judged, and no judgement is drawn from a document with errors.
 */
export function checkLists(table: SymbolTable, out: Violation[]): void {
  for (const doc of table.all('List')) {
    const list = doc.value as unknown as List;
    if (!table.isSound(doc)) {
      const parents = (doc.value as { extends?: unknown }).extends;
      if (Array.isArray(parents) && parents.length > 0) table.leaveOut(doc);
      continue;
    }
    const items = list.items ?? [];
    (list.extends ?? []).forEach((parentId, e) => {
      const parentDoc = table.sound('List', parentId);
      if (!parentDoc) return;
      const parent = parentDoc.value as unknown as List;
      if (parent.level !== '国家') return;
      (parent.items ?? []).forEach((pItem, j) => {
        const verdicts = items.map((i) => implementsBundle(table, i.bundle, pItem.bundle));
        if (verdicts.some((v) => v !== false)) return;
        out.push({
          entry: D.nationalItemMissing,
          location: { source: doc.source, range: doc.locator.nearest(`/extends/${e}`) },
          args: { list: parent.name, item: bundleName(table, pItem.bundle) },
          related: [
            {
              source: parentDoc.source,
              range: parentDoc.locator.nearest(`/items/${j}/bundle`),
              label: 'parentItemHere',
            },
          ],
          subject: list.id,
          item: pItem.id,
          path: `List:${list.id}/extends/${e}`,
        });
      });
    });
    // Item ids are compared with every layer above: only when all of them are sound.
    if (!ancestorsSound(table, list)) continue;
    const inherited = new Map<string, { bundle: string; doc: Doc; index: number }>();
    for (const parentId of list.extends ?? []) {
      for (const item of effectiveList(table, parentId).values()) {
        for (const layer of item.layers)
          inherited.set(layer.item, { bundle: layer.bundle, doc: layer.doc, index: layer.index });
      }
    }
    items.forEach((item, i) => {
      const same = inherited.get(item.id);
      if (same && implementsBundle(table, item.bundle, same.bundle) === false) {
        out.push({
          entry: D.itemIdCollision,
          location: { source: doc.source, range: doc.locator.nearest(`/items/${i}/id`) },
          args: { id: item.id },
          related: [
            {
              source: same.doc.source,
              range: same.doc.locator.nearest(`/items/${same.index}/id`),
              label: 'parentItemHere',
            },
          ],
          subject: list.id,
          item: item.id,
          path: `List:${list.id}/items/${i}/id`,
        });
      }
      const bundleDoc = same ? undefined : table.sound('Bundle', item.bundle);
      if (!bundleDoc) return;
      const local = bundleDoc.value as unknown as Bundle;
      if (local.refines !== undefined) return;
      for (const parent of inherited.values()) {
        if (parent.bundle === item.bundle) continue;
        const pDoc = table.sound('Bundle', parent.bundle);
        if (!pDoc) continue;
        const p = pDoc.value as unknown as Bundle;
        const mine = new Set((local.components ?? []).map((c) => c.matter));
        const theirs = new Set((p.components ?? []).map((c) => c.matter));
        const sameComponents =
          mine.size > 0 && mine.size === theirs.size && [...mine].every((m) => theirs.has(m));
        // Against the parent's name and its aliases (the local variants a province may use).
        const similar = [p.name, ...(p.aliases ?? [])].some(
          (n) => editDistance(nameKey(local.name), nameKey(n), 1) <= 1,
        );
        if (!sameComponents && !similar) continue;
        out.push({
          entry: D.duplicatesParentItem,
          // At what makes it a duplicate: the components, or the name.
          location: { source: bundleDoc.source, range: where(bundleDoc, sameComponents) },
          args: {
            local: local.id,
            parent: p.id,
            how: sameComponents ? TERMS.sameComponents : TERMS.similarName,
          },
          related: [
            { source: pDoc.source, range: where(pDoc, sameComponents), label: 'parentDefinitionHere' },
          ],
          subject: local.id,
          path: `Bundle:${local.id}/name`,
        });
        break;
      }
    });
  }
}

/** Are all the lists `list` extends, directly or not, sound? The first one that is not is left out. */
function ancestorsSound(table: SymbolTable, list: List, seen = new Set<string>()): boolean {
  for (const id of list.extends ?? []) {
    if (seen.has(id)) continue;
    seen.add(id);
    const parent = table.get('List', id);
    if (!parent) continue;
    if (!table.sound('List', id)) return false;
    if (!ancestorsSound(table, parent.value as unknown as List, seen)) return false;
  }
  return true;
}

function where(doc: Doc, components: boolean) {
  return components
    ? (doc.locator.keyRange('/components') ?? doc.locator.nearest('/components'))
    : doc.locator.nearest('/name');
}

function bundleName(table: SymbolTable, id: string): string {
  const doc = table.get('Bundle', id);
  return doc?.schemaValid ? (doc.value as unknown as Bundle).name : id;
}
