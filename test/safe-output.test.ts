/**
 * Outputs never destroy what matterc did not make (src/generate/output-guard.ts): every command that
 * writes is refused, with exit 2 and every file as it was, where its output would replace or overwrite
 * something else; its own previous output it replaces, byte for byte the same.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matterc, ROOT } from './helpers/run.js';
import { expectCode } from './helpers/expect-code.js';

const tmp = mkdtempSync(join(tmpdir(), 'matterc-safe-output-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A province repository as a clerk has it: the examples (zhongshan includes ../guangdong) and a .git. */
const examples = join(tmp, 'examples');
const repo = join(examples, 'zhongshan');
beforeAll(() => {
  cpSync(join(ROOT, 'examples/zhongshan'), repo, { recursive: true });
  cpSync(join(ROOT, 'examples/guangdong'), join(examples, 'guangdong'), { recursive: true });
  mkdirSync(join(repo, '.git/refs'), { recursive: true });
  writeFileSync(join(repo, '.git/HEAD'), 'ref: refs/heads/main\n');
});

/** One hash of every path and content under `dir` (hidden files included). */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      hash.update(`${path}\0`);
      if (e.isDirectory()) walk(path);
      else hash.update(readFileSync(join(dir, path)));
    }
  };
  walk('');
  return hash.digest('hex');
}

/** Run matterc and require a refusal (exit 2, the code, no stack trace) that changed nothing under tmp. */
/** Run a command that must be refused (exit 2, no stack trace, nothing changed); its result, for expectCode. */
function refused(args: string[], cwd = tmp) {
  const before = treeHash(tmp);
  const r = matterc(args, { cwd });
  expect(r.status).toBe(2);
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(treeHash(tmp)).toBe(before);
  return r;
}

describe('build refuses outputs that would destroy what matterc did not make', () => {
  it('a non-empty directory without a manifest', () => {
    const foreign = join(tmp, 'foreign');
    mkdirSync(join(foreign, 'sub'), { recursive: true });
    writeFileSync(join(foreign, 'notes.txt'), '我的笔记\n');
    writeFileSync(join(foreign, 'sub/data.csv'), 'a,b\n');
    const r = refused(['build', repo, '--out', foreign]);
    expectCode(r, 'MC9006');
    expect(r.stderr).toContain('notes.txt');
    const en = refused(['build', repo, '--out', foreign, '--lang', 'en']);
    expectCode(en, 'MC9006');
    expect(en.stderr).toContain('holds files matterc did not write');
  });

  it('the repository itself (--out . in a province repository with .git)', () => {
    expectCode(refused(['build', '--out', '.'], repo), 'MC9020');
  });

  it('a source folder, and a folder inside one', () => {
    expectCode(refused(['build', '--out', 'matters'], repo), 'MC9020');
    expectCode(refused(['build', '--out', 'matters/site'], repo), 'MC9021');
    expectCode(refused(['build', '--out', '../guangdong'], repo), 'MC9020');
  });

  it('a parent of the inputs', () => {
    expectCode(refused(['build', '--out', '..'], repo), 'MC9020');
    expectCode(refused(['build', 'examples/zhongshan', '--out', 'examples'], tmp), 'MC9020');
    expectCode(refused(['build', 'examples/zhongshan', '--out', '.'], tmp), 'MC9020');
  });

  it('a git work tree root, and the inside of .git', () => {
    const other = join(tmp, 'other-repo');
    mkdirSync(join(other, '.git'), { recursive: true });
    writeFileSync(join(other, '.git/HEAD'), 'ref: refs/heads/main\n');
    expectCode(refused(['build', repo, '--out', other]), 'MC9020');
    expectCode(refused(['build', '--out', '.git/site'], repo), 'MC9021');
  });

  it("matterc's own compiled files", () => {
    const r = matterc(['build', join(tmp, 'examples/zhongshan'), '--out', 'dist'], { cwd: ROOT });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/MC9020|MC9006/);
    expect(existsSync(join(ROOT, 'dist/cli/main.js'))).toBe(true);
  });
});

describe('build replaces its own output', () => {
  it('rebuilds into its previous output, byte-identical, with a deterministic manifest', () => {
    const r1 = matterc(['build', '--out', 'site'], { cwd: repo });
    expect(r1.status).toBe(0);
    const site = join(repo, 'site');
    const manifest = JSON.parse(readFileSync(join(site, '.matterc-build.json'), 'utf8'));
    expect(manifest.tool).toBe('matterc');
    expect(manifest.files).toEqual([...manifest.files].sort());
    expect(manifest.files).toContain('catalog.json');
    const first = treeHash(site);
    const r2 = matterc(['build', '--out', 'site'], { cwd: repo });
    expect(r2.status).toBe(0);
    expect(treeHash(site)).toBe(first);
    rmSync(site, { recursive: true });
  });

  it('refuses its own output once someone else put a file there', () => {
    const out = join(tmp, 'own');
    expect(matterc(['build', repo, '--out', out]).status).toBe(0);
    writeFileSync(join(out, 'CNAME'), 'guide.example.cn\n');
    expectCode(refused(['build', repo, '--out', out]), 'MC9006');
  });

  it('with --force writes next to foreign files, never deleting or overwriting them', () => {
    const out = join(tmp, 'pages');
    mkdirSync(out);
    writeFileSync(join(out, 'CNAME'), 'guide.example.cn\n');
    const r = matterc(['build', repo, '--out', out, '--force']);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('guide.example.cn\n');
    expect(existsSync(join(out, 'catalog.json'))).toBe(true);
    const once = treeHash(out);
    // Again: its own files (listed in the manifest) are replaced; the result is the same.
    expect(matterc(['build', repo, '--out', out, '--force']).status).toBe(0);
    expect(treeHash(out)).toBe(once);
    // A foreign file where an output file goes: refused, nothing written.
    const clash = join(tmp, 'clash');
    mkdirSync(clash);
    writeFileSync(join(clash, 'catalog.json'), '{"mine": true}\n');
    expectCode(refused(['build', repo, '--out', clash, '--force']), 'MC9022');
  });

  it('removes only left-overs matterc made next to the output', () => {
    const parent = join(tmp, 'leftovers');
    mkdirSync(join(parent, '.out.tmp-99999999'), { recursive: true });
    writeFileSync(
      join(parent, '.out.tmp-99999999/.matterc-build.json'),
      '{"tool":"matterc","format":1,"files":[]}\n',
    );
    mkdirSync(join(parent, '.out.old-99999998'), { recursive: true });
    writeFileSync(join(parent, '.out.old-99999998/mine.txt'), 'not matterc’s\n');
    expect(matterc(['build', repo, '--out', join(parent, 'out')]).status).toBe(0);
    expect(existsSync(join(parent, '.out.tmp-99999999'))).toBe(false);
    expect(readFileSync(join(parent, '.out.old-99999998/mine.txt'), 'utf8')).toBe('not matterc’s\n');
  });
});

describe('build says what it did', () => {
  it('counts the warnings it saw', () => {
    const r = matterc(['build', '--out', join(tmp, 'summary')], { cwd: repo });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/已生成 \d+ 个文件到 .*（\d+ 个警告）/);
    const en = matterc(['build', '--out', join(tmp, 'summary'), '--lang', 'en'], { cwd: repo });
    expect(en.stdout).toMatch(/Built \d+ files into .* \(\d+ warning\(s\)\)/);
  });

  it('says what it did not write when errors stop it', () => {
    const broken = join(tmp, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'm.yaml'), 'kind: Matter\nid: m\nnmae: 示例\n');
    const r = matterc(['build', broken, '--out', join(tmp, 'never')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('未写出');
    expect(existsSync(join(tmp, 'never'))).toBe(false);
    const en = matterc(['build', broken, '--out', join(tmp, 'never'), '--lang', 'en']);
    expect(en.stdout).toContain('nothing was written to');
  });
});

describe('the other commands that write follow the same rule', () => {
  it('schema --out refuses foreign places and updates its own', () => {
    const foreign = join(tmp, 'foreign-schemas');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'matter.schema.json'), '{"$id": "my-own"}\n');
    expectCode(refused(['schema', '--out', foreign]), 'MC9006');
    expectCode(refused(['schema', '--out', '.'], repo), 'MC9020');
    const out = join(tmp, 'schemas');
    expect(matterc(['schema', '--out', out]).status).toBe(0);
    const once = treeHash(out);
    expect(matterc(['schema', '--out', out]).status).toBe(0);
    expect(treeHash(out)).toBe(once);
  });

  it('init refuses a foreign directory, and with --force adds files without overwriting any', () => {
    const dir = join(tmp, 'existing-repo');
    mkdirSync(dir);
    writeFileSync(join(dir, 'README.md'), '# 我们自己的说明\n');
    expectCode(refused(['init', dir, '--region', '990000']), 'MC9006');
    const r = matterc(['init', dir, '--region', '990000', '--force']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('README.md');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# 我们自己的说明\n');
    expect(existsSync(join(dir, 'matterc.yaml'))).toBe(true);
    // The scaffold's schemas (written before manifests) are recognised: schema --out updates them.
    expect(matterc(['schema', '--out', '.matterc/schemas'], { cwd: dir }).status).toBe(0);
  });

  it('init again over its own untouched scaffold is harmless; over edited files it refuses', () => {
    const dir = join(tmp, 'fresh');
    expect(matterc(['init', dir, '--region', '990000']).status).toBe(0);
    const once = treeHash(dir);
    expect(matterc(['init', dir, '--region', '990000']).status).toBe(0);
    expect(treeHash(dir)).toBe(once);
    writeFileSync(join(dir, 'matterc.yaml'), `${readFileSync(join(dir, 'matterc.yaml'), 'utf8')}# 已修改\n`);
    expectCode(refused(['init', dir, '--region', '990000']), 'MC9006');
    const forced = treeHash(tmp);
    expect(matterc(['init', dir, '--region', '990000', '--force']).status).toBe(0);
    expect(treeHash(tmp)).toBe(forced);
  });

  it('report writes to standard output only: there is no --out to misdirect', () => {
    const r = matterc(['report', '--out', join(tmp, 'report.md')], { cwd: repo });
    expect(r.status).toBe(2);
    expect(existsSync(join(tmp, 'report.md'))).toBe(false);
  });

  it('fmt rewrites YAML sources in place and leaves every other file alone', () => {
    const dir = join(tmp, 'fmt');
    mkdirSync(dir);
    writeFileSync(join(dir, 'd.yaml'), 'name: 甲\nkind: Department\nid: d\nlevel: 省级\n');
    writeFileSync(join(dir, 'notes.txt'), 'name: 不是 YAML\n');
    writeFileSync(join(dir, 'data.json'), '{"kind": "Department"}\n');
    const r = matterc(['fmt', '.'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'd.yaml'), 'utf8')).toMatch(/^kind: Department/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('name: 不是 YAML\n');
    expect(readFileSync(join(dir, 'data.json'), 'utf8')).toBe('{"kind": "Department"}\n');
    expect(readdirSync(dir).sort()).toEqual(['d.yaml', 'data.json', 'notes.txt']);
  });
});
