import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_DIR } from '../src/cache/persistent.js';
import { formatJson } from '../src/diagnostics/format.js';
import { helperCount } from '../src/parallel/pool.js';
import { benchCorpus, matterc, ROOT } from './helpers/run.js';

/**
 * Helper threads (src/parallel/) read, parse and validate files beside the main thread. Which thread
 * did which file must never show: every fixture and a corpus with broken files give byte-identical
 * output with one thread and with several.
 *
 * The compile is imported from dist/ (built by `npm test` first): the helper thread is a plain Node
 * worker running dist/parallel/helper.js, which a test of src/ would not have.
 */
type Compile = typeof import('../src/compile.js');
const { check } = (await import(join(ROOT, 'dist/compile.js'))) as Compile;

const saved = process.env['MATTERC_THREADS'];
afterEach(() => {
  if (saved === undefined) delete process.env['MATTERC_THREADS'];
  else process.env['MATTERC_THREADS'] = saved;
  delete process.env['MATTERC_THREADS_HELPERS_ONLY'];
});

/** `helpersOnly`: the main thread claims no files itself, so even a small fixture goes through a helper. */
const run = (dir: string, threads: number, helpersOnly = false) => {
  process.env['MATTERC_THREADS'] = String(threads);
  if (helpersOnly) process.env['MATTERC_THREADS_HELPERS_ONLY'] = '1';
  else delete process.env['MATTERC_THREADS_HELPERS_ONLY'];
  const result = check({ paths: [dir], cwd: ROOT, today: '2026-01-01', parallel: true });
  return {
    json: formatJson(result.diagnostics, { files: result.files, documents: result.documents.length }, 'en'),
    parallel: result.parallel,
  };
};

const CASES = join(ROOT, 'test/cases');
const caseDirs = readdirSync(CASES).flatMap((group) =>
  readdirSync(join(CASES, group)).map((name) => join(CASES, group, name)),
);

describe('helper threads', () => {
  it('start one per core, one per 400 files at most; MATTERC_THREADS decides when set', () => {
    expect(helperCount(10, {})).toBe(0);
    expect(helperCount(100_000, { MATTERC_THREADS: '0' })).toBe(0);
    expect(helperCount(100_000, { MATTERC_THREADS: '3' })).toBe(3);
    expect(helperCount(2, { MATTERC_THREADS: '4' })).toBe(2);
    expect(helperCount(100_000, { MATTERC_THREADS: 'many' })).toBeGreaterThanOrEqual(0);
  });

  it('give every fixture the same output as the main thread alone', () => {
    expect(caseDirs.length).toBeGreaterThan(100);
    let helped = 0;
    for (const dir of caseDirs) {
      const one = run(dir, 0);
      const three = run(dir, 1, true);
      expect(one.parallel).toBeUndefined();
      expect(three.json, dir).toBe(one.json);
      helped += three.parallel?.fromHelpers ?? 0;
    }
    expect(helped).toBeGreaterThan(caseDirs.length);
  }, 240_000);
});

describe('helper threads on a corpus with broken files', () => {
  let tmp: string;
  let corpus: string;
  /** The i-th matter file of the corpus, by path. */
  let at: (i: number) => string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'matterc-parallel-'));
    corpus = join(tmp, 'corpus');
    benchCorpus(900, corpus);
    const dir = join(corpus, 'matters');
    const some = (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(some.length).toBe(900);
    at = (i) => join(dir, some[i]!);
    // A schema problem, a syntax error, GBK bytes, an anchor (the fast path declines), an unreadable file.
    writeFileSync(at(10), 'kind: Matter\nid: broken-schema\nname: 1\n');
    writeFileSync(at(200), 'kind: Matter\nid: [unclosed\n');
    writeFileSync(at(400), Buffer.from([0x6b, 0x3a, 0x20, 0xc4, 0xe3, 0xba, 0xc3, 0x0a]));
    writeFileSync(at(600), 'kind: Matter\nid: &a anchored\nname: *a\n');
    chmodSync(at(800), 0o000);
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('report the same problems, byte for byte, without helpers and with two', () => {
    const one = run(corpus, 0);
    const three = run(corpus, 2);
    expect(three.parallel?.helpers).toBe(2);
    expect(three.parallel?.fromHelpers).toBeGreaterThan(0);
    expect(three.json).toBe(one.json);
    const codes = new Set(
      (JSON.parse(one.json) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code),
    );
    expect(codes.size).toBeGreaterThan(3);
  }, 120_000);

  it('through the CLI: same output and exit code with MATTERC_THREADS=0 and 4', () => {
    const one = matterc(['check', corpus, '--format', 'json', '--no-cache'], {
      cwd: tmp,
      env: { MATTERC_THREADS: '0' },
    });
    const many = matterc(['check', corpus, '--format', 'json', '--no-cache'], {
      cwd: tmp,
      env: { MATTERC_THREADS: '4' },
    });
    expect(one.status).toBe(1);
    expect(many.status).toBe(1);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr).toBe(one.stderr);
  }, 120_000);

  it('with the persistent cache: the helpers take unchanged files from it, and nothing changes the result', () => {
    const check = (...args: string[]) =>
      matterc(['check', corpus, '--format', 'json', ...args], { cwd: tmp, env: { MATTERC_THREADS: '2' } });
    const expected = check('--no-cache');
    const first = check();
    const warm = check();
    expect(first.stdout).toBe(expected.stdout);
    expect(warm.stdout).toBe(expected.stdout);
    // One file changed: its line is stale; one line altered: its checksum fails. Both are parsed again.
    const cacheFile = join(corpus, CACHE_DIR, readdirSync(join(corpus, CACHE_DIR))[0]!);
    const lines = readFileSync(cacheFile, 'utf8').split('\n');
    lines[5] = lines[5]!.replace(/"name":"/, '"name":"篡改');
    writeFileSync(cacheFile, lines.join('\n'));
    const changed = at(300);
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}未知字段: 1\n`);
    const after = check('--no-cache');
    expect(after.stdout).not.toBe(expected.stdout);
    expect(check().stdout).toBe(after.stdout);
    expect(check().stdout).toBe(after.stdout);
  }, 120_000);
});
