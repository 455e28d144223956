import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Write a build atomically and as it is made: each file goes at once into a sibling temporary
 * directory (so no more than one file's content is held), which `commit` then puts in place of `out`
 * by rename. A build that fails (`abort`) or is killed midway leaves the previous `out` untouched (and
 * at worst a temporary directory that the next build removes).
 */
export class AtomicWriter {
  private readonly tmp: string;
  private readonly paths = new Set<string>();
  private readonly pauseAfter = Number(process.env['MATTERC_TEST_PAUSE_AFTER_FILES'] ?? Number.NaN);

  constructor(private readonly out: string) {
    const parent = dirname(out);
    const base = basename(out);
    this.tmp = join(parent, `.${base}.tmp-${process.pid}`);
    failing(() => {
      mkdirSync(parent, { recursive: true });
      // Left-overs of builds that were killed midway.
      for (const name of readdirSync(parent)) {
        if (name.startsWith(`.${base}.tmp-`) || name.startsWith(`.${base}.old-`))
          rmSync(join(parent, name), { recursive: true, force: true });
      }
      mkdirSync(this.tmp, { recursive: true });
    });
  }

  /** Files written (a path written twice counts once: the last content stays). */
  get size(): number {
    return this.paths.size;
  }

  readonly write = (rel: string, content: string): void => {
    const path = join(this.tmp, ...rel.split('/'));
    failing(() => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    });
    this.paths.add(rel);
    // Test hook: hold still midway so a test can kill the build there.
    if (this.paths.size === this.pauseAfter)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000);
  };

  commit(): void {
    const out = this.out;
    failing(() => {
      if (existsSync(out)) {
        const old = join(dirname(out), `.${basename(out)}.old-${process.pid}`);
        renameSync(out, old);
        renameSync(this.tmp, out);
        rmSync(old, { recursive: true, force: true });
      } else renameSync(this.tmp, out);
    });
  }

  /** Remove what was written; the previous output stays. */
  abort(): void {
    try {
      rmSync(this.tmp, { recursive: true, force: true });
    } catch {
      // the next build removes it
    }
  }
}

/** The disk refused a write (full, read-only, a file where a directory should be…). */
export class WriteError extends Error {}

function failing(write: () => void): void {
  try {
    write();
  } catch (error) {
    throw new WriteError((error as Error).message);
  }
}
