import type { CheckResult } from '../compile.js';
import { composeAll } from '../compose/compose.js';
import type { Lang } from '../diagnostics/diagnostic.js';
import { buildReports } from '../report/report.js';
import { bpmnGenerator } from './bpmn/index.js';
import { catalogGenerator } from './catalog.js';
import { formsGenerator } from './forms/index.js';
import { siteGenerator } from './site/index.js';
import type { BuildInput, Emit, Generator, OutputFiles } from './types.js';

/** Every generator, in the order their files are produced. */
export const GENERATORS: readonly Generator[] = [
  catalogGenerator,
  siteGenerator,
  formsGenerator,
  bpmnGenerator,
];

/** All output files of a checked model at once; pure (no disk I/O). */
export function generate(result: CheckResult, lang: Lang, templatesDir?: string): OutputFiles {
  const files: OutputFiles = new Map();
  generateTo(result, lang, templatesDir, (path, content) => files.set(path, content));
  return files;
}

/** Every output file of a checked model, handed to `out` one at a time as it is made. */
export function generateTo(
  result: CheckResult,
  lang: Lang,
  templatesDir: string | undefined,
  out: Emit,
): void {
  const table = result.table!;
  const compositions = composeAll(result.documents, table, []);
  const input: BuildInput = {
    result,
    compositions,
    reports: buildReports(table, result.diagnostics, compositions),
    lang,
    ...(templatesDir !== undefined ? { templatesDir } : {}),
  };
  for (const g of GENERATORS) g.emit(input, out);
}
