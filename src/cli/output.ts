import type { Diagnostic, Lang } from '../diagnostics/diagnostic.js';
import { formatJson, formatPretty, type Summary, summaryLine } from '../diagnostics/format.js';
import { formatGithub } from '../diagnostics/formats/github.js';
import { formatGitlab } from '../diagnostics/formats/gitlab.js';
import { formatJunit } from '../diagnostics/formats/junit.js';
import { formatSarif } from '../diagnostics/formats/sarif.js';

/** Every format `check` (and `diff`, for its findings) can write diagnostics in. */
export const DIAGNOSTIC_FORMATS = ['pretty', 'json', 'sarif', 'github', 'gitlab', 'junit'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

export interface OutputOptions {
  readonly lang: Lang;
  readonly color: boolean;
  /** The tool that produced the findings, for formats that name it (`check`, `diff`). */
  readonly command: string;
  /** The directory the diagnostics' relative paths start from (the repository root in CI), for SARIF. */
  readonly cwd?: string;
}

/** Diagnostics in the chosen format, as the text to print. */
export function formatDiagnostics(
  format: DiagnosticFormat,
  diagnostics: readonly Diagnostic[],
  summary: Summary,
  options: OutputOptions,
): string {
  const { lang, command } = options;
  switch (format) {
    case 'json':
      return formatJson(diagnostics, summary, lang);
    case 'pretty':
      return formatPretty(diagnostics, summary, { lang, color: options.color });
    case 'sarif':
      return formatSarif(diagnostics, { lang, command, cwd: options.cwd });
    case 'github':
      return formatGithub(diagnostics, summaryLine(diagnostics, summary, lang), lang);
    case 'gitlab':
      return formatGitlab(diagnostics, lang);
    case 'junit':
      return formatJunit(diagnostics, {
        lang,
        command,
        summaryLine: summaryLine(diagnostics, summary, lang),
      });
  }
}
