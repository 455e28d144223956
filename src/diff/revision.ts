import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** One side of `matterc diff`, materialised as a directory to check. */
export interface Side {
  /** As the user wrote it: a directory or a git revision. */
  readonly spec: string;
  /** What to call it in reports: the directory, or the revision with its short commit id. */
  readonly label: string;
  /** The project directory to check (inside a temporary checkout for a revision). */
  readonly dir: string;
  /** Remove the temporary checkout, if any. */
  dispose(): void;
}

export type SideResult = { ok: true; side: Side } | { ok: false; reason: string };

/**
 * A directory is used as it is. Anything else is a git revision of the repository containing `cwd`:
 * its tree is written to a temporary directory through a private index (`git read-tree` +
 * `checkout-index`), so that the working tree and the user's index are never touched, and the
 * project is the same subdirectory `cwd` is in the working tree.
 */
export function openSide(spec: string, cwd: string): SideResult {
  const asDir = resolve(cwd, spec);
  if (isDirectory(asDir)) return { ok: true, side: { spec, label: spec, dir: asDir, dispose: () => {} } };
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!top.ok) return { ok: false, reason: top.error };
  const commit = git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${spec}^{commit}`]);
  if (!commit.ok) return { ok: false, reason: commit.error || `unknown revision` };
  const prefix = git(cwd, ['rev-parse', '--show-prefix']);
  const tmp = mkdtempSync(join(tmpdir(), 'matterc-diff-'));
  const dispose = () => rmSync(tmp, { recursive: true, force: true });
  const env = { ...process.env, GIT_INDEX_FILE: join(tmp, '.index') };
  const tree = join(tmp, 'tree');
  const read = git(top.out, ['read-tree', commit.out], env);
  const checkout = read.ok
    ? git(top.out, ['checkout-index', '--all', '--force', `--prefix=${tree}/`], env)
    : read;
  if (!checkout.ok) {
    dispose();
    return { ok: false, reason: checkout.error };
  }
  const dir = join(tree, prefix.ok ? prefix.out : '');
  const label = `${spec} (${commit.out.slice(0, 12)})`;
  if (!isDirectory(dir)) {
    // The project directory did not exist at that revision: an empty side.
    return { ok: true, side: { spec, label, dir: tree, dispose } };
  }
  return { ok: true, side: { spec, label, dir, dispose } };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

type GitResult = { ok: true; out: string } | { ok: false; error: string };

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env): GitResult {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return { ok: false, error: r.error.message };
  if (r.status !== 0) return { ok: false, error: (r.stderr || '').trim().split('\n')[0] ?? '' };
  return { ok: true, out: r.stdout.trim() };
}
