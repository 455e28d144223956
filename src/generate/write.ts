import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { D } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../load/files.js';
import {
  type DirPlan,
  firstClash,
  isLeftover,
  MANIFEST,
  manifestText,
  planOutputDir,
  refusePlace,
} from './output-guard.js';

/**
 * Write a build atomically and as it is made: each file goes at once into a sibling temporary
 * directory (so no more than one file's content is held), which `commit` then puts in place of `out`
 * by rename. A build that fails (`abort`) or is killed midway leaves the previous `out` untouched (and
 * at worst a temporary directory that the next build removes). The output gets a manifest listing its
 * files ({@link MANIFEST}); the place and the plan come from output-guard.ts, which decides whether `out`
 * may be replaced (`replace`) or only written into next to files matterc did not write (`alongside`).
 */
export class AtomicWriter {
  private readonly tmp: string;
  private readonly paths = new Set<string>();
  private readonly pauseAfter = Number(process.env['MATTERC_TEST_PAUSE_AFTER_FILES'] ?? Number.NaN);

  constructor(
    private readonly out: string,
    private readonly plan: DirPlan = { mode: 'replace' },
  ) {
    const parent = dirname(out);
    const base = basename(out);
    this.tmp = join(parent, `.${base}.tmp-${process.pid}`);
    failing(() => {
      mkdirSync(parent, { recursive: true });
      // Left-overs of builds that were killed midway (only directories matterc made: see isLeftover).
      for (const name of readdirSync(parent))
        if (isLeftover(parent, name, base)) rmSync(join(parent, name), { recursive: true, force: true });
      mkdirSync(this.tmp);
      // Marks the temporary directory as matterc's until commit writes the full manifest.
      writeFileSync(join(this.tmp, MANIFEST), manifestText([]));
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

  /**
   * Put the output in place. Throws {@link OutputClash} (nothing written) when, writing alongside, a
   * file matterc did not write would be overwritten.
   */
  commit(): void {
    const out = this.out;
    if (this.plan.mode === 'alongside') return this.commitAlongside(this.plan.owned);
    failing(() => {
      writeFileSync(join(this.tmp, MANIFEST), manifestText(this.paths));
      if (existsSync(out)) {
        const old = join(dirname(out), `.${basename(out)}.old-${process.pid}`);
        renameSync(out, old);
        renameSync(this.tmp, out);
        rmSync(old, { recursive: true, force: true });
      } else renameSync(this.tmp, out);
    });
  }

  /** Move each file into `out`; remove files of the previous manifest that this build did not write. */
  private commitAlongside(owned: ReadonlySet<string>): void {
    const out = this.out;
    const sources = [...this.paths].map((rel): [string, string] => [rel, join(this.tmp, ...rel.split('/'))]);
    const clash = firstClash(out, sources, owned);
    if (clash !== undefined) throw new OutputClash(clash);
    failing(() => {
      for (const [rel, from] of sources) {
        const to = join(out, ...rel.split('/'));
        mkdirSync(dirname(to), { recursive: true });
        renameSync(from, to);
      }
      for (const rel of owned) {
        if (this.paths.has(rel)) continue;
        rmSync(join(out, ...rel.split('/')), { force: true });
        removeEmptyParents(out, rel);
      }
      writeFileSync(join(this.tmp, MANIFEST), manifestText(this.paths));
      renameSync(join(this.tmp, MANIFEST), join(out, MANIFEST));
    });
    this.abort();
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

/** Writing alongside other files, the output would have overwritten `path`, which matterc did not write. */
export class OutputClash extends Error {
  constructor(readonly path: string) {
    super(path);
  }
}

/** Remove the directories of `rel` below `out` that its removal left empty. */
function removeEmptyParents(out: string, rel: string): void {
  const parts = rel.split('/').slice(0, -1);
  for (let i = parts.length; i > 0; i--) {
    try {
      rmdirSync(join(out, ...parts.slice(0, i)));
    } catch {
      return; // not empty (or already gone): stop
    }
  }
}

function failing(write: () => void): void {
  try {
    write();
  } catch (error) {
    throw new WriteError((error as Error).message);
  }
}

/**
 * Write `files` (relative path → content) as the directory `out`, by the rule of output-guard.ts
 * (replaced atomically when the place allows and the directory is new, empty or matterc's own): the
 * refusal or write failure, or undefined when written. For commands whose output is small and in memory.
 */
export function writeOutputDir(
  out: string,
  files: Readonly<Record<string, string>>,
  options: { cwd: string; force?: boolean; ours?: (rel: string, path: string) => boolean },
): Diagnostic | undefined {
  const plan =
    refusePlace(out, { cwd: options.cwd }) ??
    planOutputDir(out, {
      force: options.force ?? false,
      cwd: options.cwd,
      ...(options.ours ? { ours: options.ours } : {}),
    });
  if ('entry' in plan) return plan;
  let writer: AtomicWriter | undefined;
  try {
    writer = new AtomicWriter(out, plan);
    for (const [rel, content] of Object.entries(files)) writer.write(rel, content);
    writer.commit();
    return undefined;
  } catch (error) {
    writer?.abort();
    if (error instanceof OutputClash)
      return diagnostic(D.notOverwritten, undefined, { path: displayPath(error.path, options.cwd) });
    if (error instanceof WriteError)
      return diagnostic(D.cannotWrite, undefined, { path: out, reason: error.message });
    throw error;
  }
}
