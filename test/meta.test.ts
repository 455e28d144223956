/** Conventions kept true by tests: the catalogue, the rule registry and the places messages may come from. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { SPECIFIED_RULES } from '../src/check/rules.js';
import { ALL_ENTRIES, LABELS, PAGE, TERMS } from '../src/diagnostics/catalogue.js';
import { diagnosticsReference } from '../src/diagnostics/reference.js';
import { ROOT } from './helpers/run.js';

/** The values at a dotted schema path (`steps[].name`), `[]` standing for every item of a list. */
function valuesAt(value: unknown, path: string): unknown[] {
  let current = [value];
  for (const part of path.split('.')) {
    const key = part.replace(/\[\]$/, '');
    current = current
      .map((v) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined))
      .filter((v) => v !== undefined && v !== null);
    if (part.endsWith('[]')) current = current.flatMap((v) => (Array.isArray(v) ? v : []));
  }
  return current;
}

function walk(dir: string, filter: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full, filter));
    else if (filter(e.name)) out.push(full);
  }
  return out.sort();
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * Folders whose code holds no Chinese literal (the form generator's client script included: its messages
 * travel in the page's spec). The rest of src/ still has some: CLI help, the init scaffold, compose/diff
 * vocabulary and a few rules, still to move.
 */
const CJK_FREE = ['src/generate/site', 'src/generate/bpmn', 'src/generate/forms', 'src/report'];

/** A call of the test helper expectCode with a literal code: the record of which codes tests produce. */
const EXPECT_CODE = /\bexpectCode\((?:[^()]|\([^()]*\))*?,\s*'(MC\d{4})'\s*\)/g;
/** An `it.each` table and the body of its test, up to the test's closing line. */
const EACH_TABLE = /\bit\.each\(\[([\s\S]*?)\n\s*\]\)\([^\n]*\n([\s\S]*?)\n\s*\}\);/g;

describe('diagnostics catalogue', () => {
  it('has unique, well-formed codes with both languages and a summary', () => {
    const codes = ALL_ENTRIES.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of ALL_ENTRIES) {
      expect(e.code).toMatch(/^MC\d{4}$/);
      expect(e.message.zh, e.code).toMatch(/[\u3400-\u9fff]/);
      expect(e.message.en, e.code).toMatch(/[A-Za-z]{3}/);
      expect(e.summary.zh.length, e.code).toBeGreaterThan(5);
      expect(e.summary.en.length, e.code).toBeGreaterThan(5);
      expect(placeholders(e.message.zh), e.code).toEqual(placeholders(e.message.en));
      if (e.hint) expect(placeholders(e.hint.zh), e.code).toEqual(placeholders(e.hint.en));
      expect(e.code.startsWith('MC9') === (e.severity === 'fatal'), `${e.code}: only MC9xxx are fatal`).toBe(
        true,
      );
    }
    for (const table of [LABELS, TERMS, PAGE]) {
      for (const [k, v] of Object.entries(table)) expect(placeholders(v.zh), k).toEqual(placeholders(v.en));
    }
  });

  it('never drops or reuses a code (test/catalogue-codes.txt records every code ever issued)', () => {
    const file = join(ROOT, 'test/catalogue-codes.txt');
    const issued = ALL_ENTRIES.map((e) => `${e.code} ${e.message.en.replace(/\{\w+\}/g, '…')}`);
    if (!existsSync(file) || process.env['UPDATE_EXPECTED'] === '1') {
      const before = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [];
      const merged = [...new Map([...before, ...issued].map((l) => [l.slice(0, 6), l])).values()].sort();
      writeFileSync(file, `${merged.join('\n')}\n`);
    }
    const recorded = readFileSync(file, 'utf8').trim().split('\n');
    const current = new Set(ALL_ENTRIES.map((e) => e.code));
    for (const line of recorded)
      expect(current.has(line.slice(0, 6)), `${line.slice(0, 6)} was removed`).toBe(true);
    for (const code of current)
      expect(
        recorded.some((l) => l.startsWith(code)),
        `${code} is not recorded`,
      ).toBe(true);
  });

  it('has every code produced by a test that expects exactly that code', () => {
    // A code counts when a case's expected.json lists it, or a test asserts it with
    // expectCode(…, 'MCxxxx') (test/helpers/expect-code.ts); merely mentioning it does not count.
    const produced = new Set<string>();
    for (const f of walk(join(ROOT, 'test/cases'), (n) => n === 'expected.json')) {
      for (const d of JSON.parse(readFileSync(f, 'utf8')) as { code: string }[]) produced.add(d.code);
    }
    for (const f of walk(join(ROOT, 'test'), (n) => n.endsWith('.test.ts') && n !== 'meta.test.ts')) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(EXPECT_CODE)) produced.add(m[1]!);
      // A table of cases (`it.each([['MC9030', …], …])`) counts when its test asserts the row's code with expectCode.
      for (const m of text.matchAll(EACH_TABLE))
        if (/\bexpectCode\(/.test(m[2]!))
          for (const row of m[1]!.matchAll(/^\s*\['(MC\d{4})'/gm)) produced.add(row[1]!);
    }
    const missing = ALL_ENTRIES.map((e) => e.code).filter((c) => !produced.has(c));
    expect(missing).toEqual([]);
  });

  it('lists every entry once, in code order, in explain --list and docs/diagnostics.md', () => {
    const codes = ALL_ENTRIES.map((e) => e.code);
    expect(codes).toEqual([...codes].sort());
    const documented = [...diagnosticsReference().matchAll(/^### (MC\d{4})$/gm)].map((m) => m[1]);
    expect(documented).toEqual(codes);
  });

  it('is the only source of localized text in src/', () => {
    const offenders: string[] = [];
    for (const f of walk(join(ROOT, 'src'), (n) => n.endsWith('.ts'))) {
      const rel = relative(ROOT, f);
      if (rel === 'src/diagnostics/catalogue.ts') continue;
      const text = readFileSync(f, 'utf8');
      if (/\bzh\s*:/.test(text) || /\ben\s*:\s*['"`]/.test(text))
        offenders.push(`${rel}: builds a localized text`);
      if (/severity\s*:\s*'(error|warning|info|fatal)'/.test(text))
        offenders.push(`${rel}: defines a diagnostic`);
      if (/diagnostic\(\s*\{/.test(text)) offenders.push(`${rel}: passes an inline entry to diagnostic()`);
    }
    expect(offenders).toEqual([]);
  });

  it('holds the wording of pages, forms, diagrams and reports: no Chinese literal in their code', () => {
    // Comments aside, Chinese text in these folders is wording a reader sees, which belongs in the catalogue
    // (PAGE, TERMS), or a value of the element model, which belongs in src/domain/vocabulary.ts. The site's
    // templates keep their own text: a province overrides a page by copying its template, wording included.
    const offenders: string[] = [];
    for (const dir of CJK_FREE) {
      for (const f of walk(join(ROOT, dir), (n) => n.endsWith('.ts'))) {
        const code = readFileSync(f, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/(^|[^:])\/\/.*$/gm, '$1');
        code.split('\n').forEach((line, i) => {
          if (/[\u3400-\u9fff]/.test(line)) offenders.push(`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('rules', () => {
  const files = readdirSync(join(ROOT, 'src/check/rules'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();

  it('registers every rule file, named as its file', () => {
    expect(SPECIFIED_RULES.map((r) => r.name).sort()).toEqual(files);
    expect(new Set(SPECIFIED_RULES.map((r) => r.name)).size).toBe(SPECIFIED_RULES.length);
  });

  it('has, for every rule, a case that produces each of its codes', () => {
    const cases = walk(join(ROOT, 'test/cases'), (n) => n === 'expected.json');
    const produced = new Set<string>();
    for (const f of cases)
      for (const d of JSON.parse(readFileSync(f, 'utf8')) as { code: string }[]) produced.add(d.code);
    for (const rule of SPECIFIED_RULES)
      for (const e of rule.codes) expect(produced.has(e.code), `${rule.name}: ${e.code}`).toBe(true);
  });

  it('has, for every rule, a valid case naming it that gives the rule something to read and expects none of its codes', () => {
    // A valid case names the rules it exercises in its README: `规则 / rules: \`rule-name\`, …`.
    const exercised = new Map<string, string[]>();
    for (const readme of walk(join(ROOT, 'test/cases'), (n) => n === 'README.md')) {
      const dir = readme.slice(0, -'/README.md'.length);
      if (!/\/valid-[^/]+$/.test(dir)) continue;
      const line = /^规则 \/ rules: (.+)$/m.exec(readFileSync(readme, 'utf8'));
      for (const m of line?.[1]!.matchAll(/`([\w-]+)`/g) ?? []) {
        exercised.set(m[1]!, [...(exercised.get(m[1]!) ?? []), dir]);
      }
    }
    const names = new Set(SPECIFIED_RULES.map((r) => r.name));
    for (const name of exercised.keys())
      expect(names.has(name), `a README names an unknown rule ${name}`).toBe(true);
    for (const rule of SPECIFIED_RULES) {
      const dirs = exercised.get(rule.name) ?? [];
      expect(dirs.length, `${rule.name} has no valid case naming it`).toBeGreaterThan(0);
      for (const dir of dirs) {
        const where = `${relative(ROOT, dir)} (${rule.name})`;
        const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { code: string }[];
        const codes = new Set(rule.codes.map((e) => e.code));
        expect(
          expected.filter((d) => codes.has(d.code)),
          where,
        ).toEqual([]);
        // The case gives the rule input: a document of its kind with a value at one of the keys it reads.
        const docs = readdirSync(dir)
          .filter((f) => /\.ya?ml$/.test(f))
          .flatMap((f) =>
            parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => d.toJS() as unknown),
          );
        const read = docs.some(
          (d) =>
            typeof d === 'object' &&
            d !== null &&
            (d as { kind?: unknown }).kind === rule.kind &&
            rule.reads.some((path) => valuesAt(d, path).length > 0),
        );
        expect(read, `${where}: no ${rule.kind} sets any of ${rule.reads.join(', ')}`).toBe(true);
      }
    }
  });
});
