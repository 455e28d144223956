/**
 * The mutation fuzzer (test/fuzz/fuzz.mjs; docs/fuzzing.md) for a bounded budget, and every crasher it
 * ever saved in test/fixtures/fuzz-crashers/, replayed: each must now keep every invariant. Runs the
 * built dist/ (`npm run build` first). MATTERC_FUZZ_MS sets the budget, MATTERC_FUZZ_SEED the seed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run.js';

const FUZZ = join(ROOT, 'test/fuzz/fuzz.mjs');
const CRASHERS = join(ROOT, 'test/fixtures/fuzz-crashers');
const BUDGET_MS = Number(process.env['MATTERC_FUZZ_MS'] ?? 240_000);
/** A fixed number of cases, so that every machine runs the same ones (the budget only guards the time). */
const CASES = Number(process.env['MATTERC_FUZZ_CASES'] ?? 1_200);
/** A fixed seed: CI explores the same cases every run (the on-demand run, `npm run fuzz`, takes a new one). */
const SEED = process.env['MATTERC_FUZZ_SEED'] ?? 'matterc-ci';

/**
 * Bugs the fuzzer found that are not fixed yet, by the key prefix of the invariant they break: the fuzz run
 * does not count them, and their crashers are expected to fail until the fix lands (then delete the entry).
 */
/**
 * Bugs found by the fuzzer and not fixed yet, by the prefix of their crash key: the CI run ignores them
 * and their crashers are expected to fail (each entry names the bug). Empty: every crasher passes.
 */
const KNOWN: Record<string, string> = {};
const isKnown = (key: string) => Object.keys(KNOWN).some((prefix) => key.startsWith(prefix));

interface CrasherRecord {
  invariant: string;
  key: string;
  detail: string;
}

const crashers = existsSync(CRASHERS)
  ? readdirSync(CRASHERS)
      .filter((name) => existsSync(join(CRASHERS, name, 'case.json')))
      .sort()
  : [];

function fuzz(args: readonly string[], timeout: number) {
  return spawnSync(process.execPath, [FUZZ, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('fuzzing', () => {
  it(
    `a fuzz run of ${CASES} cases (seed ${SEED}) keeps every invariant`,
    () => {
      const out = mkdtempSync(join(tmpdir(), 'matterc-fuzz-crashers-'));
      try {
        const r = fuzz(
          [
            ...[
              '--budget-ms',
              String(BUDGET_MS),
              '--cases',
              String(CASES),
              '--seed',
              SEED,
              '--out',
              out,
              '--workers',
              '1',
            ],
            ...Object.keys(KNOWN).flatMap((prefix) => ['--ignore', prefix]),
          ],
          BUDGET_MS + 240_000,
        );
        // A failure is printed with its case number: `node test/fuzz/fuzz.mjs --seed S --case N` rebuilds it,
        // and the saved crasher (shown here) goes to test/fixtures/fuzz-crashers/ once the bug is fixed.
        const saved = readdirSync(out).map((name) => readFileSync(join(out, name, 'case.json'), 'utf8'));
        const report = `${r.stdout}\n${r.stderr}\n${saved.join('\n')}`;
        expect(r.status, report).toBe(0);
        expect(r.stdout, report).toMatch(/^no failures$/m);
        const cases = Number(/^(\d+) cases in/m.exec(r.stdout)?.[1] ?? 0);
        console.log(r.stdout.trim());
        expect(cases, report).toBeGreaterThan(0);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    BUDGET_MS + 300_000,
  );

  it('has crashers to replay (test/fixtures/fuzz-crashers)', () => {
    expect(crashers.length).toBeGreaterThan(0);
  });

  for (const name of crashers) {
    const record = JSON.parse(readFileSync(join(CRASHERS, name, 'case.json'), 'utf8')) as CrasherRecord;
    const known = isKnown(record.key);
    // A known bug's crasher fails until it is fixed (it.fails then reports the fix: remove the KNOWN entry).
    (known ? it.fails : it)(
      `crasher ${name} (once ${record.key}) now keeps every invariant`,
      () => {
        const r = fuzz(['--replay', join(CRASHERS, name)], 180_000);
        expect(r.status, `${r.stdout}\n${r.stderr}\nonce: ${record.detail}`).toBe(0);
        expect(r.stdout).toContain('1 crasher(s) replayed, 0 failing');
      },
      240_000,
    );
  }
});
