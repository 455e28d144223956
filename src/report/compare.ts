import type { SymbolTable } from '../link/link.js';
import type { Bundle, List, Matter } from '../model/types.js';
import { effectiveList } from '../refine/index.js';
import { innermostLists } from './layers.js';
import { REQUIRED } from '../domain/vocabulary.js';

/** One side of a comparison: a repository (province) and the list whose effective items it compares. */
export interface Side {
  readonly label: string;
  readonly table: SymbolTable;
  readonly list: string;
}

export interface ComparisonRow {
  /** The element compared, e.g. `components`, `materials:birth-registration`. */
  readonly element: string;
  /** The component the row is about, when it is about one. */
  readonly component?: string;
  /** One value per side; null where the side has no such component. */
  readonly values: readonly (string | null)[];
  readonly differs: boolean;
}

export interface ItemComparison {
  readonly item: string;
  readonly name: string;
  readonly rows: readonly ComparisonRow[];
}

export function sideOf(label: string, table: SymbolTable, list?: string): Side | undefined {
  const chosen = list ?? innermostLists(table)[0];
  return chosen === undefined ? undefined : { label, table, list: chosen };
}

const join = (xs: readonly string[]) => (xs.length === 0 ? '—' : xs.join('、'));

/**
 * The same national item in several effective lists, element by element: components, the bundle's
 * promise, visits and eligibility, and per component the required materials, steps, promise and visits.
 * Rows where the sides disagree are marked: 同一件事不同标准.
 */
export function compareItems(sides: readonly Side[]): ItemComparison[] {
  const effective = sides.map((s) => effectiveList(s.table, s.list));
  const keys = [...effective[0]!.keys()].filter((k) => effective.every((e) => e.has(k))).sort();
  return keys.map((key) => {
    const bundles = sides.map(
      (s, i) => s.table.get('Bundle', effective[i]!.get(key)!.bundle)!.value as unknown as Bundle,
    );
    const rows: ComparisonRow[] = [];
    const row = (element: string, values: (string | null)[], component?: string) =>
      rows.push({ element, values, differs: new Set(values).size > 1, ...(component ? { component } : {}) });
    row(
      'components',
      bundles.map((b) => join((b.components ?? []).map((c) => c.id))),
    );
    row(
      'promisedLimit',
      bundles.map((b) => b.promisedLimit ?? '—'),
    );
    row(
      'visits',
      bundles.map((b) => (b.visits === undefined ? '—' : String(b.visits))),
    );
    row(
      'eligible',
      bundles.map((b) => b.eligible ?? '—'),
    );
    const componentIds = [...new Set(bundles.flatMap((b) => (b.components ?? []).map((c) => c.id)))].sort();
    for (const cid of componentIds) {
      const matters = sides.map((s, i) => {
        const comp = (bundles[i]!.components ?? []).find((c) => c.id === cid);
        const doc = comp ? s.table.get('Matter', comp.matter) : undefined;
        return doc?.schemaValid ? (doc.value as unknown as Matter) : undefined;
      });
      // A component some side does not have is one row, not one per element.
      if (matters.some((m) => m === undefined)) {
        row(
          'present',
          matters.map((m) => (m ? m.name : null)),
          cid,
        );
        continue;
      }
      const cell = (f: (m: Matter, side: number) => string) => matters.map((m, i) => f(m!, i));
      const materialName = (side: number, id: string, override?: string) => {
        if (override) return override;
        const doc = sides[side]!.table.get('Material', id);
        return doc?.schemaValid ? (doc.value as { name: string }).name : id;
      };
      row(
        'materials',
        cell((m, i) =>
          join(
            (m.materials ?? [])
              .filter((x) => x.necessity === REQUIRED)
              .map((x) => materialName(i, x.material, x.name)),
          ),
        ),
        cid,
      );
      row(
        'steps',
        cell((m) => join((m.steps ?? []).map((x) => x.name))),
        cid,
      );
      row(
        'promisedLimit',
        cell((m) => m.promisedLimit ?? '—'),
        cid,
      );
      row(
        'visits',
        cell((m) => (m.visits === undefined ? '—' : String(m.visits))),
        cid,
      );
      row(
        'eligible',
        cell((m) => m.eligible ?? '—'),
        cid,
      );
    }
    // The national item's own name heads the comparison, not one side's local variant.
    const root = sides[0]!.table.get('Bundle', key);
    const name = root?.schemaValid ? (root.value as unknown as Bundle).name : bundles[0]!.name;
    return { item: key, name, rows };
  });
}

export function listLabel(table: SymbolTable, list: string): string {
  const doc = table.get('List', list);
  return doc?.schemaValid ? (doc.value as unknown as List).name : list;
}
