import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/compile.js';
import { matterc, ROOT } from './helpers/run.js';

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

  it('every national list item records the source of its membership; an inferred fact says why', () => {
    type Source = { document?: string; confidence?: string; note?: string };
    const problems: string[] = [];
    const inferredWithoutNote = (s: Source | undefined) => s?.confidence === '推断' && !s.note;
    for (const d of national.documents) {
      const v = d.value as { source?: Source; items?: { id: string; source?: Source }[] };
      if (inferredWithoutNote(v.source)) problems.push(`${d.source.path} ${d.id}: 推断 without a note`);
      if (d.kind !== 'List') continue;
      for (const item of v.items ?? []) {
        if (!item.source?.document) problems.push(`${d.source.path} ${item.id}: no source`);
        if (inferredWithoutNote(item.source))
          problems.push(`${d.source.path} ${item.id}: 推断 without a note`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the coverage lines of `report matters` are the counts matters/README.md states', () => {
    const r = matterc(['report', 'matters']);
    expect(r.status).toBe(0);
    const coverage = r.stdout.split('\n').filter((l) => /（收录 \d+ 项，发布 \d+ 项）$/.test(l));
    expect(coverage).toHaveLength(5);
    const readme = readFileSync(join(ROOT, 'matters/README.md'), 'utf8');
    for (const line of coverage) expect(readme).toContain(line.replace(/^#+ /, ''));
    const total = /国家清单共 \d+ 批，发布 \d+ 项，本基线收录 \d+ 项。/.exec(r.stdout)?.[0];
    expect(total).toBe('国家清单共 5 批，发布 55 项，本基线收录 20 项。');
    expect(readme).toContain(total);
  });

  it('a provincial list omitting a newly shipped national item gets MC6010', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matterc-baseline-'));
    try {
      const items = ['restaurant-opening', 'newborn', 'education-enrollment', 'social-security-card-services']
        .concat(['credit-repair', 'enterprise-deregistration', 'retirement']) // disability-services omitted
        .map((b) => `  - { id: ${b}, bundle: ${b} }`);
      writeFileSync(join(dir, 'matterc.yaml'), 'kind: Project\nname: 示例省\nnational: true\n');
      writeFileSync(
        join(dir, 'list.yaml'),
        [
          'kind: List',
          'id: sample-2024',
          'name: 示例省清单',
          'issuer: 示例省',
          'level: 省级',
          'source: { document: 示例 }',
          'extends: [national-2024-1]',
          'items:',
          ...items,
          '',
        ].join('\n'),
      );
      const result = check({ paths: [dir], cwd: dir });
      expect(result.diagnostics.map((d) => `${d.entry.code} ${String(d.args?.['item'] ?? '')}`)).toEqual([
        'MC6010 残疾人服务一件事',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a local bundle under an alias of a national one, not declaring the refinement, gets MC6012', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matterc-baseline-'));
    try {
      writeFileSync(join(dir, 'matterc.yaml'), 'kind: Project\nname: 示例省\nnational: true\n');
      writeFileSync(
        join(dir, 'list.yaml'),
        [
          'kind: List',
          'id: sample-2025',
          'name: 示例省清单',
          'issuer: 示例省',
          'level: 省级',
          'source: { document: 示例 }',
          'extends: [national-2025-1]',
          'items:',
          '  - { id: sole-proprietor-conversion, bundle: sole-proprietor-conversion }',
          '  - { id: after-death, bundle: after-death }',
          '  - { id: citizen-after-death, bundle: citizen-after-death }',
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(dir, 'bundle.yaml'),
        'kind: Bundle\nid: citizen-after-death\nname: 公民身后一件事\nsource: { document: 示例 }\n',
      );
      const result = check({ paths: [dir], cwd: dir });
      expect(result.diagnostics.map((d) => d.entry.code)).toEqual(['MC6012']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
