import type { CheckResult } from '../compile.js';
import type { Composition } from '../compose/types.js';
import type { Lang } from '../diagnostics/diagnostic.js';
import type { ListReport } from '../report/report.js';

/**
 * What every generator receives: the checked model, the bundles' compositions and the list reports.
 * Generators are pure: they return files (posix relative path → content) and never touch the disk;
 * `matterc build` writes them atomically. Output is deterministic: no timestamps, stable order.
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

export interface Generator {
  readonly name: string;
  generate(input: BuildInput): OutputFiles;
}
