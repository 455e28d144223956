import { type Diagnostic, SEVERITY_RANK } from '../diagnostics/diagnostic.js';

export const FAIL_ON = ['error', 'warning', 'info'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** 2 when the tool could not run; 1 when a problem not in the baseline reaches the failing severity; else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], failOn: FailOn): number {
  if (diagnostics.some((d) => d.entry.severity === 'fatal')) return 2;
  return diagnostics.some((d) => !d.baselined && SEVERITY_RANK[d.entry.severity] >= SEVERITY_RANK[failOn])
    ? 1
    : 0;
}
