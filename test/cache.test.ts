import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_DIR, PersistentCache } from '../src/cache/persistent.js';
import { CheckCache, check } from '../src/compile.js';
import { formatJson } from '../src/diagnostics/format.js';
import { matterc, ROOT } from './helpers/run.js';

/** The caches (`.matterc-cache/` and the `--watch` memory) can never change a result. */

const tmp = mkdtempSync(join(tmpdir(), 'matterc-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CASES = join(ROOT, 'test/cases');
const caseDirs = readdirSync(CASES).flatMap((group) =>
  readdirSync(join(CASES, group)).map((name) => join(CASES, group, name)),
);

/** A copy of the Guangdong example without any cache other tests left in it. */
const copyExample = (to: string) =>
  cpSync(join(ROOT, 'examples/guangdong'), to, {
    recursive: true,
    filter: (src) => !src.includes(CACHE_DIR),
  });

const output = (dir: string, extra: { persistent?: PersistentCache; cache?: CheckCache } = {}) => {
  const result = check({ paths: [dir], cwd: ROOT, today: '2026-01-01', ...extra });
  return formatJson(result.diagnostics, { files: result.files, documents: result.documents.length }, 'en');
};

describe('the caches', () => {
  it('give every fixture the same diagnostics cold, warm and without a cache', () => {
    expect(caseDirs.length).toBeGreaterThan(100);
    const root = join(tmp, 'fixtures');
    const memory = new CheckCache();
    for (const dir of caseDirs) {
      const plain = output(dir);
      const cold = output(dir, { persistent: PersistentCache.open(root) });
      const warm = output(dir, { persistent: PersistentCache.open(root) });
      const watched = output(dir, { cache: memory });
      const watchedAgain = output(dir, { cache: memory });
      expect(cold, dir).toBe(plain);
      expect(warm, dir).toBe(plain);
      expect(watched, dir).toBe(plain);
      expect(watchedAgain, dir).toBe(plain);
    }
    expect(existsSync(join(root, CACHE_DIR))).toBe(true);
  });

  it('give the shipped data and examples the same result cold and warm through the CLI', () => {
    const repo = join(tmp, 'guangdong');
    copyExample(repo);
    const run = (...args: string[]) => matterc(['check', repo, '--format', 'json', ...args], { cwd: tmp });
    const none = run('--no-cache');
    expect(existsSync(join(repo, CACHE_DIR))).toBe(false);
    const cold = run();
    expect(existsSync(join(repo, CACHE_DIR))).toBe(true);
    const warm = run();
    expect(cold.stdout).toBe(none.stdout);
    expect(warm.stdout).toBe(none.stdout);
    expect(warm.status).toBe(none.status);
    // A changed file is read again: its new problem shows, warm.
    const file = join(repo, 'matters/gd-birth-medical-certificate.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('department: gd-zs-health', 'department: nowhere'),
    );
    const changed = run();
    expect(changed.status).toBe(1);
    expect(changed.stdout).toBe(run('--no-cache').stdout);
    expect(changed.stdout).toContain('nowhere');
  });

  it('ignores a corrupt, altered or foreign cache', () => {
    const repo = join(tmp, 'corrupt');
    copyExample(repo);
    const expected = matterc(['check', repo, '--format', 'json', '--no-cache'], { cwd: tmp }).stdout;
    matterc(['check', repo], { cwd: tmp });
    const file = join(repo, CACHE_DIR, readdirSync(join(repo, CACHE_DIR))[0]!);
    const good = readFileSync(file, 'utf8');
    // Another version's cache, intact.
    const foreign = good.replace(/^\{"key":"[^"]*"\}/, '{"key":"another version"}');
    expect(foreign).not.toBe(good);
    const variants = [
      'not json at all',
      good.slice(0, good.length / 2), // truncated
      good.replace('出生医学证明', '出生医学证明（篡改）'), // altered without its checksum
      '', // empty
      foreign,
    ];
    for (const variant of variants) {
      writeFileSync(file, variant);
      const r = matterc(['check', repo, '--format', 'json'], { cwd: tmp });
      expect(r.stdout).toBe(expected);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
