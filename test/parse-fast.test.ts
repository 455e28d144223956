import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceText } from '../src/diagnostics/source.js';
import { parseFast } from '../src/parse/fast.js';
import { parseYaml } from '../src/parse/yaml.js';
import { benchCorpus, ROOT } from './helpers/run.js';

/**
 * The fast parse path (js-yaml, positions later) must read every file exactly as the full parser
 * (yaml, with positions) does, or leave it to the full parser. Checked on every shipped, example,
 * fixture and benchmark-corpus file.
 */

const tmp = mkdtempSync(join(tmpdir(), 'matterc-parse-fast-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') out.push(...yamlFiles(full));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name) && statSync(full).size < 4 * 1024 * 1024)
      out.push(full);
  }
  return out;
}

function compare(files: readonly string[]): { fast: number; full: number } {
  let fast = 0;
  let full = 0;
  for (const file of files) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file)).replace(/^\uFEFF/, '');
    } catch {
      continue; // not UTF-8: the loader reports it before any parser sees it
    }
    const source = new SourceText(relative(ROOT, file), text);
    const quick = parseFast(source);
    if (!quick) {
      full++;
      continue;
    }
    fast++;
    const reference = parseYaml(source);
    const where = source.path;
    expect(
      reference.diagnostics.map((d) => d.entry.code),
      where,
    ).toEqual([]);
    expect(
      quick.documents.map((d) => ({ index: d.index, value: d.value, broken: d.broken })),
      where,
    ).toEqual(reference.documents.map((d) => ({ index: d.index, value: d.value, broken: d.broken })));
    // Positions, computed on demand, are the full parser's.
    const first = quick.documents[0]!;
    expect(first.locator.loaded).toBe(false);
    expect(first.locator.nearest('/kind')).toEqual(reference.documents[0]!.locator.nearest('/kind'));
    expect(first.locator.loaded).toBe(true);
  }
  return { fast, full };
}

describe('the fast parse path', () => {
  it('agrees with the full parser on every shipped, example and fixture file', () => {
    const files = ['matters', 'examples', 'test/cases', 'test/fixtures'].flatMap((d) =>
      yamlFiles(join(ROOT, d)),
    );
    const { fast, full } = compare(files);
    // Most files take the fast path; the hostile fixtures take the full one.
    expect(fast).toBeGreaterThan(files.length / 2);
    expect(full).toBeGreaterThan(0);
  });

  it('agrees with the full parser on a benchmark corpus', () => {
    const dir = join(tmp, 'corpus');
    benchCorpus(300, dir);
    const files = yamlFiles(dir);
    const { fast, full } = compare(files);
    expect(fast).toBe(files.length);
    expect(full).toBe(0);
  });

  it('leaves to the full parser what it would report or could read differently', () => {
    const cases = [
      'kind: Matter\nid: a\nname: &x 名称\nother: *x\n', // anchors and aliases
      'kind: Matter\nid: a\nid: b\n', // duplicate key
      'kind: Matter\nname: !!str 1\n', // tag
      '%YAML 1.2\n---\nkind: Matter\n', // directive
      'kind: Matter\n\tid: a\n', // tab
      '? [a]\n: b\n', // complex key
      '~: x\nkind: Matter\n', // null key
      'kind: Matter\n__proto__: x\n', // forbidden key
      '- a\n- b\n', // top level not a mapping
      '', // empty file
      '# 只有注释\n',
      'kind: Matter\n---\n# empty\n', // an empty document
      'kind: [a, b\n', // syntax error
    ];
    for (const text of cases)
      expect(parseFast(new SourceText('x.yaml', text)), JSON.stringify(text)).toBeUndefined();
    expect(
      parseFast(new SourceText('x.yaml', 'kind: Matter\nid: a\nurl: https://x.cn/?a=1&b=2\n')),
    ).toBeDefined();
  });
});
