import { type Dirent, type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

const IGNORED = new Set(['node_modules', '.git', '.matterc-cache', 'dist']);

/**
 * Watch the given paths (directories recursively) for changes to YAML files and call `onChange`
 * with the changed absolute paths, debounced so that an editor's save (often several events) is one
 * run. Resolves when the process is asked to stop (SIGINT, SIGTERM).
 */
export function watchPaths(
  paths: readonly string[],
  cwd: string,
  onChange: (changed: readonly string[]) => void,
  debounceMs = 60,
): Promise<void> {
  const watchers: FSWatcher[] = [];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    timer = undefined;
    const changed = [...pending].sort();
    pending.clear();
    onChange(changed);
  };
  const roots = (paths.length > 0 ? paths : ['.']).map((p) => resolve(cwd, p));
  const notice = (full: string) => {
    if (!/\.ya?ml$/.test(full)) return;
    pending.add(full);
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  };
  for (const root of roots) {
    let isDir = false;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      continue; // reported by the first check
    }
    if (isDir && process.platform === 'linux') {
      watchTree(root, { watchers, watched: new Set(), notice });
      continue;
    }
    const base = isDir ? root : dirname(root);
    const watcher = watch(base, { recursive: isDir, persistent: true }, (_event, name) => {
      if (name === null) return;
      const full = join(base, name.toString());
      if (!isDir && full !== root) return;
      if (
        name
          .toString()
          .split(sep)
          .some((p) => IGNORED.has(p))
      )
        return;
      notice(full);
    });
    watcher.on('error', () => {}); // a vanished directory stops its watcher, not the tool
    watchers.push(watcher);
  }
  return new Promise((done) => {
    const stop = () => {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * On Linux, Node sets up a recursive watch one directory at a time, after `watch` has returned: a file
 * saved in the first moments could go unnoticed. So every directory gets its own watcher here, before
 * the tool says it is watching; a directory created later is watched as soon as it appears.
 */
interface Tree {
  readonly watchers: FSWatcher[];
  /** Directories with a watcher (never unwatched before the tool stops). */
  readonly watched: Set<string>;
  readonly notice: (full: string) => void;
}

function watchTree(dir: string, tree: Tree): void {
  const { watchers, watched, notice } = tree;
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { persistent: true }, (_event, name) => {
      if (name === null) return;
      const full = join(dir, name.toString());
      if (IGNORED.has(name.toString()) || name.toString().startsWith('.')) return;
      let isDir = false;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        isDir = false; // removed
      }
      if (isDir) {
        if (!watched.has(full)) watchTree(full, tree);
      } else notice(full);
    });
  } catch {
    return; // unreadable or vanished
  }
  watcher.on('error', () => {});
  watched.add(dir);
  watchers.push(watcher);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries)
    if (entry.isDirectory() && !IGNORED.has(entry.name) && !entry.name.startsWith('.'))
      watchTree(join(dir, entry.name), tree);
}
