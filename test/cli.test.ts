import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_ENTRIES } from '../src/diagnostics/catalogue.js';
import { matterc, ROOT } from './helpers/run.js';
import { expectCode } from './helpers/expect-code.js';

const tmp = mkdtempSync(join(tmpdir(), 'matterc-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('matterc check', () => {
  it('exits 0 on the shipped national baseline', () => {
    const r = matterc(['check', 'matters']);
    expect(r.stdout).toMatch(/0 个错误/);
    expect(r.status).toBe(0);
  });

  it('prints file:line:col, a code frame and a hint, and exits 1 on errors', () => {
    const dir = join(tmp, 'typo');
    mkdirSync(dir);
    writeFileSync(join(dir, 'm.yaml'), 'kind: Matter\nid: m\nnmae: 示例\n');
    const r = matterc(['check', dir], { cwd: tmp });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('typo/m.yaml:3:1 错误 MC2001');
    expect(r.stdout).toContain('> 3 | nmae: 示例');
    expect(r.stdout).toContain('是否指“name（事项名称）”？');
    expect(r.stdout).toContain('typo/m.yaml:1:1 错误 MC2002');
    noStack(r.stdout + r.stderr);
  });

  it('speaks English with --lang en', () => {
    const r = matterc(['check', join(tmp, 'typo'), '--lang', 'en'], { cwd: tmp });
    expect(r.stdout).toContain('has no property "nmae"');
    expect(r.stdout).toContain('Did you mean “name（事项名称）”?');
    expect(r.stdout).toMatch(/2 error\(s\), 0 warning\(s\) in 1 file\(s\)/);
  });

  it('writes JSON with positions, paths and related locations', () => {
    const dir = join(tmp, 'dup');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.yaml'), 'kind: Department\nid: d\nname: 甲\nlevel: 省级\n');
    writeFileSync(join(dir, 'b.yaml'), '# 第二个\nkind: Department\nid: d\nname: 乙\nlevel: 省级\n');
    const r = matterc(['check', '.', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toMatchObject({ files: 2, documents: 2, errors: 1 });
    expect(out.diagnostics).toEqual([
      expect.objectContaining({
        code: 'MC3001',
        file: 'b.yaml',
        line: 3,
        column: 5,
        path: 'Department:d/id',
        related: [expect.objectContaining({ file: 'a.yaml', line: 2, column: 5, message: '首次定义于此' })],
      }),
    ]);
  });

  it('fails on warnings only with --fail-on warning', () => {
    const dir = join(tmp, 'warn');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'm.yaml'),
      'kind: Matter\nid: m\nname: 示例\ncontacts: { consultation: "12345678", complaint: "0571-87654321" }\n',
    );
    const lenient = matterc(['check', dir]);
    expectCode(lenient.stdout, 'MC4046');
    expect(lenient.status).toBe(0);
    expect(matterc(['check', dir, '--fail-on', 'warning']).status).toBe(1);
  });

  it('exits 2 when the tool cannot run: missing path, bad option, no YAML', () => {
    const missing = matterc(['check', join(tmp, 'nope')]);
    expect(missing.status).toBe(2);
    expectCode(missing.stdout, 'MC9001');
    const bad = matterc(['check', 'matters', '--max-file-size', 'lots']);
    expect(bad.status).toBe(2);
    expectCode(bad.stderr, 'MC9002');
    expect(matterc(['check', 'matters', '--format', 'xml']).status).toBe(2);
    const emptyDir = join(tmp, 'empty');
    mkdirSync(emptyDir);
    const none = matterc(['check', emptyDir]);
    expect(none.status).toBe(2);
    expectCode(none.stdout, 'MC9005');
    expect(matterc(['frobnicate']).status).toBe(2);
  });

  it('follows a matterc.yaml project file and adds the national baseline', () => {
    const r = matterc(['check', 'examples/guangdong']);
    expect(r.status).toBe(0);
    const files = Number(/检查了 (\d+) 个文件/.exec(r.stdout)?.[1]);
    const national = Number(/检查了 (\d+) 个文件/.exec(matterc(['check', 'matters']).stdout)?.[1]);
    expect(files).toBeGreaterThan(national);
  });
});

describe('citation messages', () => {
  it('come from the catalogue in both languages (MC5040)', () => {
    const dir = 'test/cases/citations/citation-number-without-unit';
    expect(matterc(['check', dir]).stdout).toContain(
      'MC5040 无法识别的法律依据引用：“第三十五”后缺少“条”“款”“项”或“目”',
    );
    expect(matterc(['check', dir, '--lang', 'en']).stdout).toContain(
      'MC5040 Unrecognised legal citation: "第三十五" lacks 条, 款, 项 or 目',
    );
  });
});

describe('matterc explain', () => {
  it('prints the summary of a code in both languages', () => {
    const zh = matterc(['explain', 'MC4009']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('兜底条款');
    const en = matterc(['explain', 'mc4009', '--lang', 'en']);
    expect(en.stdout).toContain('catch-all');
  });

  it('lists every code', () => {
    const r = matterc(['explain', '--list']);
    for (const e of ALL_ENTRIES) expect(r.stdout).toContain(e.code);
  });

  it('exits 2 on an unknown code', () => {
    const r = matterc(['explain', 'MC0000']);
    expect(r.status).toBe(2);
    expectCode(r.stderr, 'MC9003');
  });
});

describe('matterc schema', () => {
  it('writes one schema per kind, identical to schemas/', () => {
    const out = join(tmp, 'schemas');
    const r = matterc(['schema', '--out', out]);
    expect(r.status).toBe(0);
    // Besides the schemas, the manifest that lets a later schema --out replace them (docs/output.md).
    const names = readdirSync(out)
      .filter((n) => n !== '.matterc-build.json')
      .sort();
    expect(readdirSync(out)).toContain('.matterc-build.json');
    for (const kind of [
      'matter',
      'bundle',
      'list',
      'department',
      'law',
      'material',
      'field',
      'defs',
      'document',
      'project',
    ]) {
      expect(names).toContain(`${kind}.schema.json`);
    }
    for (const n of names)
      expect(readFileSync(join(out, n), 'utf8')).toBe(readFileSync(join(ROOT, 'schemas', n), 'utf8'));
  });

  it('exits 2 when the output cannot be written', () => {
    const blocker = join(tmp, 'file-not-dir');
    writeFileSync(blocker, 'x');
    const r = matterc(['schema', '--out', join(blocker, 'sub')]);
    expect(r.status).toBe(2);
    expectCode(r.stderr, 'MC9004');
  });
});

describe('matterc init', () => {
  it('scaffolds a provincial repository that checks clean', () => {
    const dir = join(tmp, 'province');
    const r = matterc(['init', dir, '--name', '测试省', '--region', '990000']);
    expect(r.status).toBe(0);
    const files = readdirSync(dir, { recursive: true }).map(String);
    for (const f of [
      'matterc.yaml',
      'lists/990000.yaml',
      '.vscode/settings.json',
      '.github/workflows/matterc.yml',
      '.gitlab-ci.yml',
      '.matterc/schemas/matter.schema.json',
    ]) {
      expect(files).toContain(f);
    }
    const checked = matterc(['check'], { cwd: dir });
    expect(checked.stdout).toContain('0 个错误');
    expect(checked.status).toBe(0);
    const list = readFileSync(join(dir, 'lists/990000.yaml'), 'utf8');
    expect(list).toContain('extends: [national-2024-1');
  });

  it('refuses a non-empty directory unless forced', () => {
    const dir = join(tmp, 'province');
    const r = matterc(['init', dir]);
    expect(r.status).toBe(2);
    expectCode(r.stderr, 'MC9006');
    expect(matterc(['init', dir, '--force', '--region', '990000']).status).toBe(0);
  });

  it('rejects a malformed region code', () => {
    expect(matterc(['init', join(tmp, 'x'), '--region', '99']).status).toBe(2);
  });
});
