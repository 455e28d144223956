import type { SymbolTable } from '../link/link.js';
import type { Doc } from '../model/document.js';
import type { Bundle, List } from '../model/types.js';
import { refinesChain } from '../refine/index.js';
import { findItem } from './layers.js';

/** One layer on the way to an effective value. */
export interface WhyLayer {
  readonly list: string;
  readonly level: string;
  /** The document the value is read from at this layer (the bundle, or a component's matter). */
  readonly doc: Doc;
  /** JSON pointer of the value in `doc`, when this layer sets it. */
  readonly pointer?: string;
  readonly value?: unknown;
}

export type WhyResult =
  | {
      readonly ok: true;
      readonly item: string;
      readonly path: string;
      readonly layers: readonly WhyLayer[];
      readonly effective?: WhyLayer;
    }
  | {
      readonly ok: false;
      readonly problem: 'unknown-item' | 'unknown-path';
      readonly candidates: readonly string[];
    };

const KEYS = ['id', 'field', 'material'] as const;

/** Walk `segments` from `value`, addressing list elements by id (or field/material); pointer of the result. */
function walk(
  value: unknown,
  segments: readonly string[],
  pointer = '',
): { value: unknown; pointer: string } | undefined {
  let current = value;
  let at = pointer;
  for (const seg of segments) {
    if (Array.isArray(current)) {
      const index = current.findIndex(
        (x) =>
          x !== null && typeof x === 'object' && KEYS.some((k) => (x as Record<string, unknown>)[k] === seg),
      );
      const i = index >= 0 ? index : /^\d+$/.test(seg) ? Number(seg) : -1;
      if (i < 0 || i >= current.length) return undefined;
      current = current[i];
      at += `/${i}`;
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, seg)) {
      current = (current as Record<string, unknown>)[seg];
      at += `/${seg}`;
    } else return undefined;
  }
  return { value: current, pointer: at };
}

const COMPONENT_KEYS = new Set(['id', 'matter', 'optional', 'note', 'when']);

/**
 * Which layer set the effective value at `path` (segments separated by `/`; list elements by id) of
 * an item: the bundle chain from the national definition to the innermost layer, each with the value
 * it sets, if any. `components/<id>/<rest>` continues into that component's matter at each layer.
 */
export function why(table: SymbolTable, listId: string, itemRef: string, path: string): WhyResult {
  const item = findItem(table, listId, itemRef);
  if (!item) return { ok: false, problem: 'unknown-item', candidates: [] };
  const listOf = new Map(item.layers.map((l) => [l.bundle, l.list]));
  const chain = [item.bundle, ...refinesChain(table, 'Bundle', item.bundle)].reverse();
  const segments = path.split('/').filter((s) => s !== '');
  const layers: WhyLayer[] = [];
  let anyPath = false;
  for (const bundleId of chain) {
    const bundleDoc = table.get('Bundle', bundleId);
    if (!bundleDoc?.schemaValid) continue;
    const listDoc = table.get('List', listOf.get(bundleId) ?? '');
    const list = listDoc?.schemaValid ? (listDoc.value as unknown as List) : undefined;
    const base = { list: list?.id ?? '—', level: list?.level ?? '—' };
    let doc = bundleDoc;
    let rest = segments;
    if (segments[0] === 'components' && segments.length > 2 && !COMPONENT_KEYS.has(segments[2]!)) {
      const comp = ((bundleDoc.value as unknown as Bundle).components ?? []).find(
        (c) => c.id === segments[1],
      );
      const matter = comp ? table.get('Matter', comp.matter) : undefined;
      if (!matter?.schemaValid) {
        layers.push({ ...base, doc: bundleDoc });
        continue;
      }
      doc = matter;
      rest = segments.slice(2);
    }
    const found = walk(doc.value, rest);
    if (found) anyPath = true;
    layers.push(found ? { ...base, doc, pointer: found.pointer, value: found.value } : { ...base, doc });
  }
  if (!anyPath) return { ok: false, problem: 'unknown-path', candidates: [] };
  const effective = [...layers].reverse().find((l) => l.pointer !== undefined);
  return { ok: true, item: item.key, path, layers, ...(effective ? { effective } : {}) };
}
