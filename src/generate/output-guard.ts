import {
  copyFileSync,
  constants,
  type Dirent,
  existsSync,
  linkSync,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { D, TERMS } from '../diagnostics/catalogue.js';
import { type Arg, type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath, NATIONAL_DIR, PROJECT_FILE } from '../load/files.js';

/**
 * "May matterc write here?" — the one answer every command that writes asks for. The rule: matterc never
 * destroys what it did not make.
 *
 * - A directory matterc replaces as a whole (`build`, `schema --out`) must be new, empty, or its own: it
 *   holds a manifest ({@link MANIFEST}) listing the files matterc wrote there, and nothing else. It may
 *   not be, contain or lie inside what the command reads (its input paths, their source folders), nor be
 *   or contain the working directory, a project root, a git work tree, the home directory or matterc's
 *   own files.
 * - With `--force`, a directory holding other files is written alongside them: files of the previous
 *   manifest may be replaced or removed, every other file is kept, and an output that would overwrite one
 *   of them (with different content) is refused.
 * - A single file (`init`) is created only where no file is, or left as it is when its content is the
 *   same; an existing file is never overwritten.
 */
export const MANIFEST = '.matterc-build.json';
const MANIFEST_FORMAT = 1;

export interface Manifest {
  readonly tool: 'matterc';
  readonly format: number;
  /** Paths relative to the output directory, '/'-separated, sorted. */
  readonly files: readonly string[];
}

/** The manifest's text: deterministic (no dates), so that equal builds are byte-identical. */
export function manifestText(files: Iterable<string>): string {
  const manifest: Manifest = { tool: 'matterc', format: MANIFEST_FORMAT, files: [...new Set(files)].sort() };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The manifest in `dir`, when it has one matterc can read. */
export function readManifest(dir: string): Manifest | undefined {
  try {
    const value = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Partial<Manifest>;
    if (
      value.tool === 'matterc' &&
      value.format === MANIFEST_FORMAT &&
      Array.isArray(value.files) &&
      value.files.every((f) => typeof f === 'string')
    )
      return value as Manifest;
  } catch {
    // absent or not ours
  }
  return undefined;
}

/** What a command reads; its output must stay clear of it. */
export interface Reads {
  readonly cwd: string;
  /** Paths given on the command line (relative to `cwd`); none means `cwd`. */
  readonly inputs?: readonly string[];
  /** Files read (absolute or relative to `cwd`). */
  readonly files?: readonly string[];
}

/** The compiled tool itself (dist/ when installed), and the national baseline shipped with it. */
const TOOL_DIR = fileURLToPath(new URL('../', import.meta.url));

/**
 * Why `out` may not become a directory matterc generates (replacing what is there), or undefined when
 * it may. Only the place is judged here; what the directory holds is {@link planOutputDir}'s question.
 */
export function refusePlace(out: string, reads: Reads): Diagnostic | undefined {
  const cwd = resolve(reads.cwd);
  const target = real(resolve(cwd, out));
  const shown = displayPath(resolve(cwd, out), cwd);
  const at = (p: string) => displayPath(p, cwd);
  const term = (template: (typeof TERMS)[keyof typeof TERMS], path: string): Arg => ({
    template,
    args: { path: at(path) },
  });

  // Is it, or does it contain, something that must not be replaced?
  const kept: [string, Arg][] = [];
  for (const input of reads.inputs?.length ? reads.inputs : ['.'])
    kept.push([resolve(cwd, input), term(TERMS.placeInput, resolve(cwd, input))]);
  kept.push([cwd, TERMS.placeCwd]);
  kept.push([homedir(), TERMS.placeHome]);
  kept.push([TOOL_DIR, TERMS.placeTool]);
  kept.push([NATIONAL_DIR, TERMS.placeTool]);
  const sourceDirs = new Set((reads.files ?? []).map((f) => dirname(resolve(cwd, f))));
  for (const dir of sourceDirs) kept.push([dir, term(TERMS.placeSources, dir)]);
  for (const [path, what] of kept) {
    if (within(real(path), target)) return diagnostic(D.outputReplaces, undefined, { path: shown, what });
  }
  if (existsSync(join(target, '.git')))
    return diagnostic(D.outputReplaces, undefined, { path: shown, what: term(TERMS.placeGit, target) });
  if (existsSync(join(target, PROJECT_FILE)))
    return diagnostic(D.outputReplaces, undefined, { path: shown, what: term(TERMS.placeProject, target) });

  // Does it lie inside what must not receive generated files? A folder holding input files (other
  // than an input path itself, such as a project root whose `dist/` is the usual output) or `.git`.
  const roots = new Set((reads.inputs?.length ? reads.inputs : ['.']).map((p) => real(resolve(cwd, p))));
  for (const dir of sourceDirs) {
    const r = real(dir);
    if (!roots.has(r) && within(target, r))
      return diagnostic(D.outputInside, undefined, { path: shown, what: term(TERMS.placeSources, dir) });
  }
  const gitDir = target.split(sep).indexOf('.git');
  if (gitDir >= 0) {
    const dir = target
      .split(sep)
      .slice(0, gitDir + 1)
      .join(sep);
    return diagnostic(D.outputInside, undefined, { path: shown, what: term(TERMS.placeGitDir, dir) });
  }
  return undefined;
}

/** How a directory output is written, once its place is allowed. */
export type DirPlan =
  /** Absent, empty, or holding only the files of its manifest: replaced as a whole (atomically). */
  | { readonly mode: 'replace' }
  /** Holding other files too (`--force`): written alongside them; only `owned` files may be replaced or removed. */
  | { readonly mode: 'alongside'; readonly owned: ReadonlySet<string> };

/**
 * What may be done with the directory `out` (its place already allowed): a plan, or the refusal.
 * `ours` recognises files that matterc wrote before it kept manifests (the schemas `init` writes).
 */
export function planOutputDir(
  out: string,
  options: { force: boolean; ours?: (rel: string, path: string) => boolean; cwd: string },
): DirPlan | Diagnostic {
  const shown = displayPath(out, options.cwd);
  let st;
  try {
    st = statSync(out);
  } catch {
    return { mode: 'replace' };
  }
  if (!st.isDirectory()) return diagnostic(D.notOverwritten, undefined, { path: shown });
  const listed = new Set(readManifest(out)?.files ?? []);
  const foreign = listFiles(out).filter(
    (rel) => rel !== MANIFEST && !listed.has(rel) && !(options.ours?.(rel, join(out, rel)) ?? false),
  );
  if (foreign.length === 0) return { mode: 'replace' };
  if (!options.force) return diagnostic(D.targetNotEmpty, undefined, { path: shown, file: foreign[0]! });
  return { mode: 'alongside', owned: listed };
}

/**
 * For a write alongside other files: the first path among `writes` where a file matterc did not write
 * (not in `owned`) would be overwritten with different content, or undefined.
 */
export function firstClash(
  out: string,
  writes: Iterable<[rel: string, from: string]>,
  owned: ReadonlySet<string>,
): string | undefined {
  for (const [rel, from] of writes) {
    const parts = rel.split('/');
    // A file where the output needs a directory is in the way as well.
    for (let i = 1; i < parts.length; i++) {
      const dir = join(out, ...parts.slice(0, i));
      if (existsSync(dir) && !lstatSync(dir).isDirectory()) return dir;
    }
    const target = join(out, ...parts);
    if (!existsSync(target) || owned.has(rel)) continue;
    if (!lstatSync(target).isFile() || !sameContent(target, readFileSync(from))) return target;
  }
  return undefined;
}

/** A file at `path`: absent, present with the same content, or present with other content. */
export function fileState(path: string, content: string | Buffer): 'absent' | 'same' | 'other' {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return 'absent';
  }
  return st.isFile() && sameContent(path, content) ? 'same' : 'other';
}

/**
 * Create `path` with `content`, never replacing a file: the content goes to a temporary file first and
 * is then linked into place, which fails if anything appeared there meanwhile (returns false then).
 */
export function createFile(path: string, content: string): boolean {
  const tmp = join(dirname(path), `.${basename(path)}.matterc-${process.pid}.tmp`);
  writeFileSync(tmp, content, { flag: 'wx' });
  try {
    try {
      linkSync(tmp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      // a file system without hard links: an exclusive copy refuses an existing file as well
      copyFileSync(tmp, path, constants.COPYFILE_EXCL);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Whether `name`, a sibling of an output `base`, is a temporary or previous output that matterc left
 * behind (a build killed midway): named by a process that no longer runs, and holding a manifest.
 */
export function isLeftover(parent: string, name: string, base: string): boolean {
  const m = /^\.(.+)\.(?:tmp|old)-(\d+)$/.exec(name);
  if (!m || m[1] !== base) return false;
  const pid = Number(m[2]);
  if (pid !== process.pid && running(pid)) return false;
  return readManifest(join(parent, name)) !== undefined;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sameContent(path: string, content: string | Buffer): boolean {
  try {
    const bytes = readFileSync(path);
    return bytes.equals(typeof content === 'string' ? Buffer.from(content) : content);
  } catch {
    return false;
  }
}

/** Every non-directory entry under `dir`, relative and '/'-separated (symbolic links are not followed). */
export function listFiles(dir: string, prefix = ''): string[] {
  const found: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(join(dir, prefix), { withFileTypes: true });
  } catch {
    return [prefix || '.']; // unreadable: not known to be ours
  }
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) found.push(...listFiles(dir, rel));
    else found.push(rel);
  }
  return found.sort();
}

/** The real path of `path`, or of its nearest existing ancestor followed by the rest. */
function real(path: string): string {
  const missing: string[] = [];
  let p = path;
  for (;;) {
    try {
      return join(realpathSync.native(p), ...missing.reverse());
    } catch {
      const parent = dirname(p);
      if (parent === p) return path;
      missing.push(basename(p));
      p = parent;
    }
  }
}

/** `inner` is `outer` or lies below it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
