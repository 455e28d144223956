/**
 * Diagnostics stay where the problem is: a document with schema or link errors takes no part in the
 * cross-document phases, so it never causes a diagnostic in another file.
 *
 * 1. Mutations of the examples (which compile without errors): one document at a time (matters,
 *    bundles, lists and the Field entries conditions use) gets a misspelt key, a bad enum value or an
 *    unknown `refines`. The mutated file must then have an error, and every
 *    other file may only lose diagnostics (judgements that needed the broken document), never gain one.
 * 2. Every fixture with a schema or link error: the diagnostics in the other files must be exactly
 *    those they have when the broken files are not there at all (ignoring the unresolved references to
 *    ids those files defined, conditions' unknown fields among them, and the MC6040 notes).
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../src/compile.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { ROOT } from './helpers/run.js';

const NOTE = 'MC6040';
/** Schema (2xxx) and link (3xxx) errors, and the parse errors (1xxx) that leave a document broken. */
const local = (d: Diagnostic) => d.entry.severity === 'error' && /^MC[123]/.test(d.entry.code);

const work = mkdtempSync(join(tmpdir(), 'matterc-no-cascade-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(dir: string): Diagnostic[] {
  return check({ paths: [dir], cwd: dir }).diagnostics;
}

const fileOf = (d: Diagnostic) => d.location?.source.path ?? '';
const key = (d: Diagnostic) => {
  const p = d.location ? d.location.source.position(d.location.range.start) : { line: 0, column: 0 };
  return `${d.entry.code} ${fileOf(d)}:${p.line}:${p.column}`;
};
const elsewhere = (ds: readonly Diagnostic[], broken: ReadonlySet<string>) =>
  ds
    .filter((d) => fileOf(d) !== '' && !broken.has(fileOf(d)) && d.entry.code !== NOTE)
    .map(key)
    .sort();

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name) && name !== 'matterc.yaml') out.push(path);
  }
  return out;
}

// ── 1. mutations of the examples ──────────────────────────────────────────────────────────────────

/** Each way to break one document: a line pattern and its replacement. */
const MUTATIONS: { name: string; kinds: readonly string[]; from: RegExp; to: string }[] = [
  { name: 'misspelt key', kinds: ['Matter', 'Bundle', 'List', 'Field'], from: /^name:/m, to: 'nmae:' },
  { name: 'bad enum value', kinds: ['Bundle'], from: /^audience: .*$/m, to: 'audience: 市民' },
  { name: 'bad enum value', kinds: ['Matter'], from: /^type: .*$/m, to: 'type: 行政许可证' },
  { name: 'bad enum value', kinds: ['List'], from: /^level: .*$/m, to: 'level: 省' },
  { name: 'bad enum value', kinds: ['Field'], from: /^type: .*$/m, to: 'type: 布林' },
  { name: 'unknown refines', kinds: ['Matter', 'Bundle'], from: /^refines: (.*)$/m, to: 'refines: $1-x' },
];

describe('a broken document in an example causes nothing in other files', () => {
  // zhongshan includes ../guangdong: copy the whole examples tree so that relative includes hold.
  const examples = join(work, 'examples');
  cpSync(join(ROOT, 'examples'), examples, { recursive: true });
  for (const example of ['guangdong', 'zhongshan', 'fujian']) {
    const dir = join(examples, example);
    const baseline = run(dir);
    it(`${example} compiles without errors before any mutation`, () => {
      expect(baseline.filter((d) => d.entry.severity === 'error').map(key)).toEqual([]);
    });
    for (const file of yamlFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      const docs = text.split(/^---$/m);
      docs.forEach((doc, i) => {
        const kind = /^kind: (\w+)/m.exec(doc)?.[1] ?? '';
        for (const m of MUTATIONS) {
          if (!m.kinds.includes(kind) || !m.from.test(doc)) continue;
          it(`${m.name} in ${relative(examples, file)} (document ${i + 1}, ${kind})`, () => {
            const mutated = docs.map((d, j) => (j === i ? d.replace(m.from, m.to) : d)).join('---');
            writeFileSync(file, mutated);
            try {
              const after = run(dir);
              const display = relative(dir, file);
              const broken = new Set([display]);
              expect(
                after.some((d) => local(d) && fileOf(d) === display),
                'the mutation is an error',
              ).toBe(true);
              const before = new Set(elsewhere(baseline, broken));
              const added = elsewhere(after, broken).filter((k) => !before.has(k));
              expect(added, 'diagnostics in other files caused by the broken document').toEqual([]);
            } finally {
              writeFileSync(file, text);
            }
          });
        }
      });
    }
  }
});

// ── 2. every fixture with a schema or link error ──────────────────────────────────────────────────

function fixtureDirs(): string[] {
  const out: string[] = [];
  for (const root of ['test/cases', 'test/fixtures']) {
    const walk = (dir: string) => {
      const entries = readdirSync(dir, { withFileTypes: true });
      if (entries.some((e) => e.isFile() && /\.ya?ml$/.test(e.name))) out.push(dir);
      for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name));
    };
    walk(join(ROOT, root));
  }
  return out.sort();
}

/** Ids defined in a file (top-level `id:` of each document), to ignore references to them once it is gone. */
function idsIn(file: string): Set<string> {
  const ids = new Set<string>();
  for (const m of readFileSync(file, 'utf8').matchAll(/^id:\s*['"]?([^'"\s#]+)/gm)) ids.add(m[1]!);
  return ids;
}

describe('a broken fixture file causes nothing in other files', () => {
  for (const dir of fixtureDirs()) {
    const name = relative(ROOT, dir);
    let diagnostics: Diagnostic[];
    try {
      diagnostics = run(dir);
    } catch {
      continue; // fixtures the compiler refuses as a whole (hostile inputs) are tested elsewhere
    }
    const broken = new Set(
      diagnostics
        .filter(local)
        .map(fileOf)
        .filter((f) => f !== ''),
    );
    if (broken.size === 0) continue;
    it(name, () => {
      const copy = mkdtempSync(join(work, 'fixture-'));
      cpSync(dir, copy, { recursive: true });
      const gone = new Set<string>();
      for (const file of broken) {
        if (!existsSync(join(copy, file)) || !statSync(join(copy, file)).isFile()) continue;
        for (const id of idsIn(join(copy, file))) gone.add(id);
        rmSync(join(copy, file), { force: true });
      }
      // A reference to a removed id: unresolved (MC3002, MC3005), or an unknown field in a condition (MC5014).
      const toGone = (d: Diagnostic) =>
        (['MC3002', 'MC3005'].includes(d.entry.code) && gone.has(String(d.args['id']))) ||
        (d.entry.code === 'MC5014' && gone.has(String(d.args['path'])));
      const without = run(copy).filter((d) => !toGone(d));
      expect(elsewhere(diagnostics, broken)).toEqual(elsewhere(without, broken));
    });
  }
});
