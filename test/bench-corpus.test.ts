/** The benchmark corpus generator (bench/corpus.mjs): deterministic, one Matter per file, and it checks clean. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matterc, ROOT } from './helpers/run.js';

const GENERATOR = join(ROOT, 'bench/corpus.mjs');
const N = 300;

function generate(args: readonly string[]) {
  const r = spawnSync(process.execPath, [GENERATOR, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

interface Doc {
  kind: string;
  id: string;
  refines?: string;
  materials?: unknown[];
  steps?: unknown[];
  components?: unknown[];
  extends?: string[];
}

describe('bench/corpus.mjs', () => {
  let tmp: string;
  let first: string;
  let second: string;
  let summary: string;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'matterc-corpus-'));
    first = join(tmp, 'first');
    second = join(tmp, 'second');
    const a = generate(['--matters', String(N), '--out', first]);
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
    summary = a.stdout;
    expect(generate(['--matters', String(N), '--out', second]).status).toBe(0);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes byte-identical files for the same N and seed, and says what it wrote', () => {
    const listing = files(first);
    expect(files(second)).toEqual(listing);
    for (const f of listing) expect(readFileSync(join(second, f)), f).toEqual(readFileSync(join(first, f)));
    expect(summary).toMatch(
      new RegExp(`^corpus: ${N} matters, ${listing.length} files, [\\d.]+ MB in .+ s\\)\\n$`),
    );
  });

  it('a different seed gives a different corpus', () => {
    const other = join(tmp, 'other-seed');
    expect(generate(['--matters', '20', '--out', other, '--seed', 'another']).status).toBe(0);
    const small = join(tmp, 'small');
    expect(generate(['--matters', '20', '--out', small]).status).toBe(0);
    const differs = files(small).some((f) => {
      try {
        return !readFileSync(join(small, f)).equals(readFileSync(join(other, f)));
      } catch {
        return true;
      }
    });
    expect(differs).toBe(true);
  });

  it('puts every Matter in its own file under matters/, with the other kinds in their own places', () => {
    const byKind = new Map<string, { file: string; doc: Doc }[]>();
    for (const f of files(first)) {
      const text = readFileSync(join(first, f), 'utf8');
      expect(text.startsWith('# 合成数据（非官方）'), `${f} is marked as synthetic`).toBe(true);
      const docs = parseAllDocuments(text).map((d) => d.toJS() as Doc);
      for (const doc of docs) byKind.set(doc.kind, [...(byKind.get(doc.kind) ?? []), { file: f, doc }]);
      if (f.startsWith('matters/')) {
        expect(
          docs.map((d) => d.kind),
          f,
        ).toEqual(['Matter']);
        expect(f).toBe(`${f.slice(0, f.lastIndexOf('/'))}/${docs[0]!.id}.yaml`);
      }
    }
    const matters = byKind.get('Matter')!.map((x) => x.doc);
    expect(matters).toHaveLength(N);
    expect(byKind.get('Matter')!.every((x) => x.file.startsWith('matters/'))).toBe(true);
    for (const m of matters) {
      expect(m.materials!.length, m.id).toBeGreaterThanOrEqual(5);
      expect(m.materials!.length, m.id).toBeLessThanOrEqual(15);
      expect(m.steps!.length, m.id).toBeGreaterThanOrEqual(4);
      expect(m.steps!.length, m.id).toBeLessThanOrEqual(6);
    }
    // Refinements of national matters and of provincial standards are both present.
    expect(matters.some((m) => m.refines !== undefined && !m.refines.startsWith('sl-'))).toBe(true);
    expect(matters.some((m) => m.refines?.startsWith('sl-std-'))).toBe(true);
    // About one local bundle per twenty matters, each of 3–8 components.
    const local = byKind.get('Bundle')!.filter((x) => x.file.startsWith('bundles/99'));
    expect(local.length).toBe(N / 20);
    for (const { doc } of local) expect(doc.components!.length).toBeGreaterThanOrEqual(3);
    for (const { doc } of local) expect(doc.components!.length).toBeLessThanOrEqual(8);
    // One provincial list extending every national list.
    const lists = byKind.get('List')!;
    expect(lists.map((l) => l.file)).toEqual(['lists/sl-key-list-2025.yaml']);
    expect(lists[0]!.doc.extends!.length).toBeGreaterThan(0);
    for (const kind of ['Department', 'Law', 'Material', 'Field'])
      expect(
        byKind.get(kind)!.every((x) => x.file.startsWith('registries/')),
        kind,
      ).toBe(true);
  });

  it('checks clean: no diagnostic at all (every reference resolves, every rule holds)', () => {
    const r = matterc(['check', first, '--format', 'json', '--fail-on', 'info'], { timeout: 120_000 });
    const out = JSON.parse(r.stdout) as { summary: { documents: number }; diagnostics: unknown[] };
    expect(out.diagnostics).toEqual([]);
    expect(r.status).toBe(0);
    expect(out.summary.documents).toBeGreaterThan(N);
  });

  it('refuses bad options and a non-empty directory (exit 2), and --force replaces its own corpus', () => {
    expect(generate(['--out', join(tmp, 'x')]).status).toBe(2);
    expect(generate(['--matters', 'many', '--out', join(tmp, 'x')]).stderr).toMatch(/--matters/);
    expect(generate(['--matters', '0', '--out', join(tmp, 'x')]).status).toBe(2);
    expect(generate(['--matters', '5']).status).toBe(2);
    const busy = join(tmp, 'busy');
    expect(generate(['--matters', '40', '--out', busy]).status).toBe(0);
    writeFileSync(join(busy, 'keep.txt'), 'not the generator’s');
    const refused = generate(['--matters', '20', '--out', busy]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/not empty/);
    expect(generate(['--matters', '20', '--out', busy, '--force']).status).toBe(0);
    const after = files(busy);
    expect(after).toContain('keep.txt');
    expect(after.filter((f) => f.startsWith('matters/'))).toHaveLength(20);
  });
});
