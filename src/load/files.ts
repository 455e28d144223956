import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The national baseline shipped with matterc. */
export const NATIONAL_DIR = fileURLToPath(new URL('../../matters/', import.meta.url));
export const PROJECT_FILE = 'matterc.yaml';
const SKIP_DIRS = new Set(['node_modules', '.git', '.matterc-cache', 'dist']);

export interface InputFile {
  /** Absolute path. */
  readonly path: string;
  /** Path shown to users: relative to the working directory when below it. */
  readonly display: string;
}

export interface Inputs {
  readonly files: InputFile[];
  /** Project files found (matterc.yaml), validated separately. */
  readonly projects: InputFile[];
  readonly missing: string[];
  readonly empty: string[];
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}

function isYaml(name: string): boolean {
  return (name.endsWith('.yaml') || name.endsWith('.yml')) && name !== PROJECT_FILE;
}

/**
 * Files to check, from the paths given. A directory is searched recursively for *.yaml / *.yml; when it
 * holds a matterc.yaml, that project file says what to include (and whether to add the national
 * baseline). Symlinked directories are followed once (a loop is visited only once).
 */
export function collectInputs(
  paths: readonly string[],
  cwd: string,
  readProject: (file: InputFile) => ProjectSettings,
): Inputs {
  const files = new Map<string, InputFile>();
  const projects: InputFile[] = [];
  const missing: string[] = [];
  const empty: string[] = [];
  const visitedDirs = new Set<string>();

  /** `knownReal`: the real path when the caller knows it (a regular file in a resolved directory). */
  const addFile = (abs: string, knownReal?: string) => {
    let real = knownReal ?? abs;
    if (knownReal === undefined) {
      try {
        real = realpathSync.native(abs);
      } catch {
        real = abs;
      }
    }
    if (!files.has(real)) files.set(real, { path: abs, display: displayPath(abs, cwd) });
  };

  const walk = (dir: string, excludes: readonly string[]): void => {
    let real: string;
    try {
      real = realpathSync.native(dir);
    } catch {
      return;
    }
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable directory: nothing to list (the files in it cannot be named)
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (excludes.some((x) => full === x || full.startsWith(`${x}${sep}`))) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full, excludes);
      } else if (isFile && isYaml(entry.name) && !entry.name.startsWith('.')) {
        // not .gitlab-ci.yml; a regular file's real path is its resolved directory's, plus its name
        addFile(full, entry.isSymbolicLink() ? undefined : join(real, entry.name));
      }
    }
  };

  const addProject = (projectFile: string) => {
    const input = { path: projectFile, display: displayPath(projectFile, cwd) };
    projects.push(input);
    const settings = readProject(input);
    const base = dirname(projectFile);
    const excludes = (settings.exclude ?? []).map((x) => resolve(base, x));
    const before = files.size;
    for (const inc of settings.include ?? ['.']) {
      const abs = resolve(base, inc);
      addPath(abs, excludes, inc);
    }
    if (settings.national) walk(NATIONAL_DIR, []);
    if (files.size === before) empty.push(displayPath(base, cwd));
  };

  const addPath = (abs: string, excludes: readonly string[], shown: string): void => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(abs);
    } catch {
      missing.push(shown);
      return;
    }
    if (st.isDirectory()) {
      const before = files.size;
      walk(abs, excludes);
      if (files.size === before) empty.push(displayPath(abs, cwd));
    } else addFile(abs);
  };

  for (const p of paths.length > 0 ? paths : ['.']) {
    const abs = resolve(cwd, p);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory() && isProjectDir(abs)) addProject(join(abs, PROJECT_FILE));
    else if (st.isFile() && abs.endsWith(`${sep}${PROJECT_FILE}`)) addProject(abs);
    else addPath(abs, [], p);
  }
  const sorted = [...files.values()].sort((a, b) =>
    a.display < b.display ? -1 : a.display > b.display ? 1 : 0,
  );
  return { files: sorted, projects, missing, empty };
}

function isProjectDir(dir: string): boolean {
  try {
    return statSync(join(dir, PROJECT_FILE)).isFile();
  } catch {
    return false;
  }
}

export interface ProjectSettings {
  include?: string[];
  exclude?: string[];
  national?: boolean;
}
