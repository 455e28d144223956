import {
  closeSync,
  fchmodSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { D } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/source.js';
import { collectInputs, type InputFile, type ProjectSettings } from '../load/files.js';
import { DEFAULT_MAX_FILE_SIZE, readSource } from '../load/read.js';
import { parseYaml } from '../parse/yaml.js';
import { validateDocument } from '../schema/validate.js';
import { formatText } from './format.js';
import type { ChangeKind } from './values.js';

export interface FmtOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  /** Report what would change, write nothing. */
  readonly check: boolean;
  readonly maxFileSize?: number;
  /** The formatter (formatText); replaceable so that tests can exercise the safety check's refusal. */
  readonly format?: typeof formatText;
}

export interface FileOutcome {
  readonly file: InputFile;
  /** The text as read (decoded, without a BOM). */
  readonly source: SourceText;
  /** The formatted text, when it differs from the source. */
  readonly formatted?: string;
  readonly changes: ReadonlySet<ChangeKind>;
}

export interface FmtResult {
  /** Every file that could be formatted, changed or not, in path order. */
  readonly files: readonly FileOutcome[];
  /** Files that could not be read, parsed or safely formatted: their problems. They were not touched. */
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the command could not run (a missing path, no input, a file that could not be written). */
  readonly fatal?: Diagnostic;
}

/**
 * `matterc fmt`: format every YAML file under the paths, as `check` finds them (a directory with a
 * matterc.yaml follows its include/exclude and the project file is formatted too; the national baseline a
 * project adds is never written to). Unless `check`, each changed file is replaced atomically.
 */
export function fmt(options: FmtOptions): FmtResult {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const inputs = collectInputs(options.paths, options.cwd, (f) => projectSettings(f, maxFileSize));
  const missing = inputs.missing[0];
  if (missing !== undefined) return fatal(diagnostic(D.pathNotFound, undefined, { path: missing }));
  const projects = new Set(inputs.projects.map((p) => p.path));
  const all = [...inputs.files, ...inputs.projects].sort((a, b) =>
    a.display < b.display ? -1 : a.display > b.display ? 1 : 0,
  );
  if (inputs.files.length === 0) {
    const path = inputs.empty.join(' ') || options.paths.join(' ') || '.';
    return fatal(diagnostic(D.noInput, undefined, { path }));
  }
  const files: FileOutcome[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of all) {
    const read: Diagnostic[] = [];
    const source = readSource(file, maxFileSize, read);
    if (!source) {
      diagnostics.push(...read);
      continue;
    }
    const bom = read.some((d) => d.entry === D.byteOrderMark);
    const parseProblems = parseYaml(source).diagnostics.filter((d) => d.entry.severity !== 'info');
    if (parseProblems.length > 0) {
      diagnostics.push(...parseProblems);
      continue;
    }
    const result = (options.format ?? formatText)(source.text, { projectFile: projects.has(file.path) });
    if (!result.ok) {
      diagnostics.push(
        diagnostic(D.fmtUnsafe, { source, range: { start: 0, end: 0 } }, { reason: result.reason }),
      );
      continue;
    }
    if (result.text === source.text) {
      files.push({ file, source, changes: result.changes });
      continue;
    }
    if (!options.check) {
      try {
        replaceFile(file.path, bom ? `\ufeff${result.text}` : result.text);
      } catch (error) {
        return {
          files,
          diagnostics,
          fatal: diagnostic(D.cannotWrite, undefined, {
            path: file.display,
            reason: (error as Error).message,
          }),
        };
      }
    }
    files.push({ file, source, formatted: result.text, changes: result.changes });
  }
  return { files, diagnostics };
}

function fatal(d: Diagnostic): FmtResult {
  return { files: [], diagnostics: [], fatal: d };
}

/**
 * A project's include and exclude, so that fmt walks what check walks. `national: true` is dropped: the
 * national baseline shipped with matterc is checked with a project, never rewritten by it.
 */
function projectSettings(file: InputFile, maxFileSize: number): ProjectSettings {
  const source = readSource(file, maxFileSize, []);
  if (!source) return {};
  const doc = parseYaml(source).documents[0];
  if (!doc || doc.broken || validateDocument(doc, 'Project', 'Project:').length > 0) return {};
  const { include, exclude } = doc.value as ProjectSettings;
  return { ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) };
}

/**
 * Replace a file's content atomically: write a temporary file next to it (with its permissions), flush
 * it, and rename it over the file. A symbolic link is kept: the file it points to is replaced.
 */
function replaceFile(path: string, text: string): void {
  const target = realpathSync(path);
  const tmp = join(dirname(target), `.${basename(target)}.matterc-fmt-${process.pid}.tmp`);
  const mode = statSync(target).mode & 0o7777;
  const fd = openSync(tmp, 'w', mode);
  try {
    try {
      fchmodSync(fd, mode);
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
