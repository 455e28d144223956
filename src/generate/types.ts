import type { CheckResult } from '../compile.js';
import type { Composition } from '../compose/types.js';
import type { Lang } from '../diagnostics/diagnostic.js';
import type { ListReport } from '../report/report.js';

/**
 * What every generator receives: the checked model, the bundles' compositions and the list reports.
 * Generators are pure: they emit files (posix relative path → content) and never touch the disk;
 * `matterc build` writes each as it comes, into a directory that replaces the output atomically. Output is deterministic: no timestamps, stable order.
 */
export interface BuildInput {
  readonly result: CheckResult;
  readonly compositions: readonly Composition[];
  readonly reports: readonly ListReport[];
  readonly lang: Lang;
  /** A province's own templates directory, overriding shipped templates/partials of the same name. */
  readonly templatesDir?: string;
}

export type OutputFiles = Map<string, string>;

/** Where a generator puts each file as soon as it is made (`matterc build` writes it at once). */
export type Emit = (path: string, content: string) => void;

export interface Generator {
  readonly name: string;
  /** Make every file, handing each to `out` as it is made: nothing needs to hold the whole output. */
  emit(input: BuildInput, out: Emit): void;
  /** Every file at once (for tests and small builds). */
  generate(input: BuildInput): OutputFiles;
}

/** A generator from its `emit`; `generate` collects what it emits. */
export function streaming(g: Omit<Generator, 'generate'>): Generator {
  return {
    ...g,
    generate(input) {
      const files: OutputFiles = new Map();
      g.emit(input, (path, content) => files.set(path, content));
      return files;
    },
  };
}
