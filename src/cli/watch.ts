import { type FSWatcher, statSync, watch } from 'node:fs';
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
  for (const root of roots) {
    let isDir = false;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      continue; // reported by the first check
    }
    const base = isDir ? root : dirname(root);
    const watcher = watch(base, { recursive: isDir, persistent: true }, (_event, name) => {
      if (name === null) return;
      const full = join(base, name.toString());
      if (!isDir && full !== root) return;
      const parts = name.toString().split(sep);
      if (parts.some((p) => IGNORED.has(p))) return;
      if (!/\.ya?ml$/.test(full)) return;
      pending.add(full);
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, debounceMs);
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
