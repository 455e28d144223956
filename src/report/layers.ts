import type { SymbolTable } from '../link/link.js';
import type { List } from '../model/types.js';
import { type EffectiveItem, effectiveList } from '../refine/index.js';
import { NATIONAL_LEVEL } from '../domain/vocabulary.js';

/** The lists no other list extends (the innermost layers), local ones first; national lists only if alone. */
export function innermostLists(table: SymbolTable): string[] {
  const lists = table.all('List').filter((d) => d.schemaValid);
  const extended = new Set(lists.flatMap((d) => (d.value as unknown as List).extends ?? []));
  const leaves = lists.filter((d) => !extended.has(d.id!));
  const local = leaves.filter((d) => (d.value as unknown as List).level !== NATIONAL_LEVEL);
  return (local.length > 0 ? local : leaves).map((d) => d.id!).sort();
}

/** Find an item of a list's effective list by its key, a bundle on its chain, or a list item id. */
export function findItem(table: SymbolTable, listId: string, ref: string): EffectiveItem | undefined {
  const items = effectiveList(table, listId);
  const direct = items.get(ref);
  if (direct) return direct;
  for (const item of items.values())
    if (item.layers.some((l) => l.bundle === ref || l.item === ref)) return item;
  return undefined;
}
