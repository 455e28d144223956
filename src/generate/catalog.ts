import type { Bundle, List, Matter } from '../model/types.js';
import { effectiveList } from '../refine/index.js';
import { type BuildInput, type Generator, type Emit, streaming } from './types.js';

/**
 * `catalog.json`: every effective list with its items' bundles and component matters, for platforms to
 * import; and `report.json`, the list reports.
 */
export const catalogGenerator: Generator = streaming({
  name: 'catalog',
  emit(input: BuildInput, files: Emit): void {
    const table = input.result.table!;
    const lists = table
      .all('List')
      .filter((d) => d.schemaValid)
      .sort((a, b) => (a.id! < b.id! ? -1 : 1))
      .map((d) => {
        const list = d.value as unknown as List;
        const items = [...effectiveList(table, list.id).values()]
          .sort((a, b) => (a.key < b.key ? -1 : 1))
          .map((item) => {
            const bundle = table.get('Bundle', item.bundle)?.value as unknown as Bundle | undefined;
            const matters = (bundle?.components ?? []).map((c) => ({
              component: c.id,
              matter: (table.get('Matter', c.matter)?.value as unknown as Matter | undefined) ?? {
                id: c.matter,
              },
            }));
            return {
              key: item.key,
              bundle: bundle ?? { id: item.bundle },
              layers: item.layers.map((l) => l.list),
              matters,
            };
          });
        return {
          id: list.id,
          name: list.name,
          level: list.level,
          region: list.region ?? null,
          extends: list.extends ?? [],
          items,
        };
      });
    files('catalog.json', `${JSON.stringify({ version: 1, lists }, null, 2)}\n`);
    files(
      'report.json',
      `${JSON.stringify({ version: 1, reports: input.reports.map(stripDiagnostics) }, null, 2)}\n`,
    );
  },
});

function stripDiagnostics(r: BuildInput['reports'][number]) {
  return {
    ...r,
    conflicts: r.conflicts.map((c) => ({
      code: c.code,
      severity: c.severity,
      path: c.diagnostic.path ?? null,
    })),
  };
}
