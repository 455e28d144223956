/** Conventions kept true by tests: the catalogue, the rule registry and the places messages may come from. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPECIFIED_RULES } from '../src/check/rules.js';
import { ALL_ENTRIES, LABELS, TERMS } from '../src/diagnostics/catalogue.js';
import { ROOT } from './helpers/run.js';

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
    for (const table of [LABELS, TERMS]) {
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

  it('has every code produced by at least one test', () => {
    const produced = new Set<string>();
    for (const f of walk(join(ROOT, 'test/cases'), (n) => n === 'expected.json')) {
      for (const d of JSON.parse(readFileSync(f, 'utf8')) as { code: string }[]) produced.add(d.code);
    }
    for (const f of walk(join(ROOT, 'test'), (n) => n.endsWith('.test.ts') && n !== 'meta.test.ts')) {
      for (const m of readFileSync(f, 'utf8').matchAll(/MC\d{4}/g)) produced.add(m[0]);
    }
    const missing = ALL_ENTRIES.map((e) => e.code).filter((c) => !produced.has(c));
    expect(missing).toEqual([]);
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

  it('has, for every rule, a case that produces each of its codes and a valid case', () => {
    const cases = walk(join(ROOT, 'test/cases'), (n) => n === 'expected.json');
    const produced = new Set<string>();
    for (const f of cases)
      for (const d of JSON.parse(readFileSync(f, 'utf8')) as { code: string }[]) produced.add(d.code);
    for (const rule of SPECIFIED_RULES)
      for (const e of rule.codes) expect(produced.has(e.code), `${rule.name}: ${e.code}`).toBe(true);
    expect(cases.some((f) => /\/valid-[^/]+\/expected\.json$/.test(f))).toBe(true);
  });
});
