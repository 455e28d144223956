/**
 * Data-driven cases: each folder under test/cases/<group>/<case>/ holds YAML inputs and an
 * `expected.json` listing every diagnostic the check must produce ({code, file, line, column}).
 * Folder names starting with `valid-` must expect nothing; every other case must expect something.
 * `UPDATE_EXPECTED=1 npx vitest run test/cases.test.ts` rewrites expected.json from the current output.
 * A case's README.md, when it has a diagnostics table (`| 代码 | 位置 | 说明 | 相关位置 |`), must list exactly
 * those diagnostics in that order (code and severity, position, related positions); only 说明 is free text.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/compile.js';
import { entryByCode } from '../src/diagnostics/catalogue.js';
import { ROOT } from './helpers/run.js';

interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
  related?: { file: string; line: number; column: number }[];
}

const CASES = join(ROOT, 'test/cases');

function listCases(): { group: string; name: string; dir: string }[] {
  const out: { group: string; name: string; dir: string }[] = [];
  for (const group of readdirSync(CASES).sort()) {
    const groupDir = join(CASES, group);
    for (const name of readdirSync(groupDir).sort()) out.push({ group, name, dir: join(groupDir, name) });
  }
  return out;
}

function actual(dir: string): Expected[] {
  const result = check({ paths: ['.'], cwd: dir });
  return result.diagnostics.map((d) => {
    const pos = d.location ? d.location.source.position(d.location.range.start) : { line: 0, column: 0 };
    const related = d.related.map((r) => {
      const p = r.source.position(r.range.start);
      return { file: r.source.path, line: p.line, column: p.column };
    });
    return {
      code: d.entry.code,
      file: d.location?.source.path ?? '',
      line: pos.line,
      column: pos.column,
      // The other side of a conflict (the parent's definition, the first occurrence) is part of the expectation.
      ...(related.length > 0 ? { related } : {}),
    };
  });
}

const SEVERITY_WORDS: Readonly<Record<string, string>> = { 错误: 'error', 警告: 'warning', 提示: 'info' };
const POSITION = /[\w./-]+\.ya?ml:\d+:\d+/g;

/**
 * The rows of a case README's diagnostics table (`| 代码 | 位置 | 说明 | 相关位置 |`), read back into the shape
 * of expected.json so that a README cannot drift from it: code and severity, position, related positions.
 */
function readmeRows(
  readme: string,
): { code: string; severity: string; at: string; related: string[] }[] | undefined {
  const lines = readme.split('\n');
  const header = lines.findIndex((l) => /^\|\s*代码\s*\|\s*位置\s*\|/.test(l));
  if (header < 0) return undefined;
  const rows = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1);
    const [code = '', severity = ''] = cells[0]!.trim().split(/\s+/);
    rows.push({
      code,
      severity: SEVERITY_WORDS[severity] ?? severity,
      at: cells[1]!.match(POSITION)?.[0] ?? '',
      related: cells.length > 3 ? (cells[3]!.match(POSITION) ?? []) : [],
    });
  }
  return rows;
}

describe('cases', () => {
  for (const c of listCases()) {
    it(`${c.group}/${c.name}`, () => {
      const file = join(c.dir, 'expected.json');
      const got = actual(c.dir);
      if (process.env['UPDATE_EXPECTED'] === '1') writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
      expect(existsSync(file), `${file} is missing`).toBe(true);
      const expected = JSON.parse(readFileSync(file, 'utf8')) as Expected[];
      if (c.name.startsWith('valid-')) expect(expected, 'a valid- case expects no diagnostics').toEqual([]);
      else expect(expected.length, 'an invalid case must expect at least one diagnostic').toBeGreaterThan(0);
      expect(got).toEqual(expected);
      const readme = join(c.dir, 'README.md');
      const rows = existsSync(readme) ? readmeRows(readFileSync(readme, 'utf8')) : undefined;
      if (rows)
        expect(rows, 'README.md lists exactly the diagnostics of expected.json, in order').toEqual(
          expected.map((e) => ({
            code: e.code,
            severity: entryByCode(e.code)?.severity,
            at: `${e.file}:${e.line}:${e.column}`,
            related: (e.related ?? []).map((r) => `${r.file}:${r.line}:${r.column}`),
          })),
        );
    });
  }
});
