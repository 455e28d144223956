import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { OutputFiles } from './types.js';

/**
 * Write a build atomically: everything goes into a sibling temporary directory, which then replaces
 * `out` by rename. A build that fails or is killed midway leaves the previous `out` untouched (and a
 * temporary directory that the next build removes).
 */
export function writeAtomically(out: string, files: OutputFiles): void {
  const parent = dirname(out);
  const base = basename(out);
  mkdirSync(parent, { recursive: true });
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`.${base}.tmp-`) || name.startsWith(`.${base}.old-`))
      rmSync(join(parent, name), { recursive: true, force: true });
  }
  const tmp = join(parent, `.${base}.tmp-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const pauseAfter = Number(process.env['MATTERC_TEST_PAUSE_AFTER_FILES'] ?? Number.NaN);
  let written = 0;
  for (const [rel, content] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = join(tmp, ...rel.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    written++;
    // Test hook: hold still midway so a test can kill the build there.
    if (written === pauseAfter) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000);
  }
  if (existsSync(out)) {
    const old = join(parent, `.${base}.old-${process.pid}`);
    renameSync(out, old);
    renameSync(tmp, out);
    rmSync(old, { recursive: true, force: true });
  } else renameSync(tmp, out);
}
