import type { Diagnostic, Lang } from '../diagnostics/diagnostic.js';
import { formatJson, formatPretty, type Summary } from '../diagnostics/format.js';

/** Every format `check` (and `diff`, for its findings) can write diagnostics in. */
export const DIAGNOSTIC_FORMATS = ['pretty', 'json'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

export interface OutputOptions {
  readonly lang: Lang;
  readonly color: boolean;
  /** The tool that produced the findings, for formats that name it (`check`, `diff`). */
  readonly command: string;
}

/** Diagnostics in the chosen format, as the text to print. */
export function formatDiagnostics(
  format: DiagnosticFormat,
  diagnostics: readonly Diagnostic[],
  summary: Summary,
  options: OutputOptions,
): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics, summary, options.lang);
    case 'pretty':
      return formatPretty(diagnostics, summary, { lang: options.lang, color: options.color });
  }
}
