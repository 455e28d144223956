import type { Composition, ListMetrics, MetricName } from '../compose/types.js';
import { listMetrics } from '../compose/metrics.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SymbolTable } from '../link/link.js';
import type { Bundle, List, Waiver } from '../model/types.js';
import { effectiveList } from '../refine/index.js';
import { INFERRED, NATIONAL_LEVEL } from '../domain/vocabulary.js';

/** What `matterc report` says about one local list: coverage, conflicts, waivers, metrics. */
export interface ListReport {
  readonly list: string;
  readonly name: string;
  readonly level: string;
  readonly coverage: readonly NationalCoverage[];
  readonly conflicts: readonly ConflictEntry[];
  readonly waivers: readonly WaiverEntry[];
  readonly bundles: readonly {
    readonly bundle: string;
    readonly name: string;
    readonly composition?: Composition;
  }[];
  readonly metrics: ListMetrics;
}

export interface NationalCoverage {
  readonly list: string;
  readonly name: string;
  readonly published?: number;
  readonly items: readonly {
    readonly item: string;
    readonly bundle: string;
    readonly name: string;
    readonly implementedBy?: string;
  }[];
}

export interface ConflictEntry {
  readonly code: string;
  readonly severity: string;
  readonly diagnostic: Diagnostic;
}

export interface WaiverEntry {
  readonly list: string;
  readonly waiver: Waiver;
  readonly status: 'in-force' | 'expired' | 'unused';
}

/** Lists reachable through `extends`, the list itself first. */
function ancestry(table: SymbolTable, id: string, seen = new Set<string>()): string[] {
  if (seen.has(id)) return [];
  seen.add(id);
  const doc = table.get('List', id);
  if (!doc?.schemaValid) return [];
  return [id, ...((doc.value as unknown as List).extends ?? []).flatMap((p) => ancestry(table, p, seen))];
}

export function buildReports(
  table: SymbolTable,
  diagnostics: readonly Diagnostic[],
  compositions: readonly Composition[],
): ListReport[] {
  const byBundle = new Map(compositions.map((c) => [c.bundle, c]));
  const reports: ListReport[] = [];
  for (const doc of table.all('List')) {
    if (!doc.schemaValid) continue;
    const list = doc.value as unknown as List;
    if (list.level === NATIONAL_LEVEL) continue;
    const chain = ancestry(table, list.id);
    const effective = effectiveList(table, list.id);
    const coverage = chain
      .map((id) => table.get('List', id)!.value as unknown as List)
      .filter((l) => l.level === NATIONAL_LEVEL)
      .map((l) => ({
        list: l.id,
        name: l.name,
        ...(l.publishedCount !== undefined ? { published: l.publishedCount } : {}),
        items: (l.items ?? []).map((item) => {
          const implemented = [...effective.values()].find(
            (e) => e.key === item.bundle || e.layers.some((x) => x.bundle === item.bundle),
          );
          const bundleDoc = table.get('Bundle', item.bundle);
          return {
            item: item.id,
            bundle: item.bundle,
            name: bundleDoc?.schemaValid ? (bundleDoc.value as unknown as Bundle).name : item.bundle,
            ...(implemented ? { implementedBy: implemented.bundle } : {}),
          };
        }),
      }));
    const subjects = new Set<string>([list.id]);
    for (const e of effective.values()) {
      for (const layer of e.layers) {
        subjects.add(layer.bundle);
        const b = table.get('Bundle', layer.bundle);
        for (const c of b?.schemaValid ? ((b.value as unknown as Bundle).components ?? []) : [])
          subjects.add(c.matter);
      }
    }
    const conflicts = diagnostics
      .filter(
        (d) => d.entry.code.startsWith('MC60') && d.path !== undefined && subjects.has(subjectOf(d.path)),
      )
      .map((d) => ({ code: d.entry.code, severity: d.entry.severity, diagnostic: d }));
    const waivers: WaiverEntry[] = chain.flatMap((id) =>
      ((table.get('List', id)!.value as unknown as List).waivers ?? []).map((waiver, i) => {
        const path = `List:${id}/waivers/${i}`;
        const status = diagnostics.some((d) => d.entry.code === 'MC6021' && d.path === path)
          ? ('expired' as const)
          : diagnostics.some((d) => d.entry.code === 'MC6022' && d.path === path)
            ? ('unused' as const)
            : ('in-force' as const);
        return { list: id, waiver, status };
      }),
    );
    const bundles = [...effective.values()]
      .map((e) => {
        const b = table.get('Bundle', e.bundle);
        const composition = byBundle.get(e.bundle);
        return {
          bundle: e.bundle,
          name: b?.schemaValid ? (b.value as unknown as Bundle).name : e.bundle,
          ...(composition ? { composition } : {}),
        };
      })
      .sort((a, b) => (a.bundle < b.bundle ? -1 : a.bundle > b.bundle ? 1 : 0));
    reports.push({
      list: list.id,
      name: list.name,
      level: list.level,
      coverage,
      conflicts,
      waivers,
      bundles,
      metrics: listMetrics(bundles.flatMap((b) => (b.composition ? [b.composition] : []))),
    });
  }
  return reports.sort((a, b) => (a.list < b.list ? -1 : a.list > b.list ? 1 : 0));
}

/** `Matter:gd-x/materials/0` → `gd-x`. */
function subjectOf(path: string): string {
  const colon = path.indexOf(':');
  const slash = path.indexOf('/', colon);
  return path.slice(colon + 1, slash < 0 ? undefined : slash);
}

/** What `matterc report` says about a project of national lists only (the shipped baseline). */
export interface BaselineReport {
  readonly lists: readonly {
    readonly list: string;
    readonly name: string;
    readonly document?: string;
    readonly published?: number;
    readonly items: readonly {
      readonly item: string;
      readonly bundle: string;
      readonly name: string;
      readonly audience?: string;
      readonly source?: string;
      readonly inferred: boolean;
    }[];
  }[];
}

/** The national lists of a project, in year and batch order, with what each records. */
export function buildBaseline(table: SymbolTable): BaselineReport | undefined {
  const lists = table
    .all('List')
    .filter((d) => d.schemaValid && (d.value as unknown as List).level === NATIONAL_LEVEL)
    .map((d) => d.value as unknown as List & { year?: number; batch?: number })
    .sort(
      (a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.batch ?? 0) - (b.batch ?? 0) || (a.id < b.id ? -1 : 1),
    );
  if (lists.length === 0) return undefined;
  return {
    lists: lists.map((l) => ({
      list: l.id,
      name: l.name,
      ...(l.source ? { document: l.source.document } : {}),
      ...(l.publishedCount !== undefined ? { published: l.publishedCount } : {}),
      items: (l.items ?? []).map((item) => {
        const doc = table.get('Bundle', item.bundle);
        const bundle = doc?.schemaValid ? (doc.value as unknown as Bundle) : undefined;
        const source = item.source ?? bundle?.source;
        return {
          item: item.id,
          bundle: item.bundle,
          name: bundle?.name ?? item.bundle,
          ...(bundle?.audience ? { audience: bundle.audience } : {}),
          ...(source ? { source: source.document } : {}),
          inferred: item.source?.confidence === INFERRED || bundle?.source?.confidence === INFERRED,
        };
      }),
    })),
  };
}

export const METRIC_NAMES: readonly MetricName[] = [
  'forms',
  'fields',
  'materials',
  'steps',
  'visits',
  'time',
];
