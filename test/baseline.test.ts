import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/compile.js';
import { ROOT } from './helpers/run.js';

describe('shipped data', () => {
  const national = check({ paths: ['matters'], cwd: ROOT });

  it('matters/ checks clean', () => {
    expect(national.diagnostics.map((d) => `${d.entry.code} ${d.location?.source.path}`)).toEqual([]);
    expect(national.documents.length).toBeGreaterThan(10);
  });

  it('every national document records the source it comes from', () => {
    const unsourced = national.documents
      .filter((d) => {
        const source = (d.value as Record<string, unknown>)['source'] as { document?: string } | undefined;
        return !source?.document;
      })
      .map((d) => `${d.source.path} ${d.kind}:${d.id}`);
    expect(unsourced).toEqual([]);
  });

  it('ships the national lists, from 国发〔2024〕3号 on', () => {
    const lists = national.table!.all('List').map((d) => d.value as Record<string, unknown>);
    expect(lists.every((l) => l['level'] === '国家')).toBe(true);
    expect(lists.map((l) => (l['source'] as { document: string }).document)).toContain('国发〔2024〕3号');
  });

  for (const example of readdirSync(join(ROOT, 'examples')).filter((e) =>
    existsSync(join(ROOT, 'examples', e, 'matterc.yaml')),
  )) {
    it(`examples/${example} checks clean (warnings only for waived deviations)`, () => {
      const result = check({ paths: [join('examples', example)], cwd: ROOT });
      const problems = result.diagnostics.filter(
        (d) => d.entry.severity !== 'info' && d.entry.code !== 'MC6020',
      );
      expect(problems.map((d) => `${d.entry.code} ${d.location?.source.path}`)).toEqual([]);
    });
  }
});
