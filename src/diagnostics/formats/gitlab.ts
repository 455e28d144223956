import { type Severity, TERMS } from '../catalogue.js';
import { type Diagnostic, hintOf, type Lang, labelOf, messageOf, pick } from '../diagnostic.js';
import { fingerprints } from './fingerprint.js';

const SEVERITY: Record<Severity, 'blocker' | 'critical' | 'minor' | 'info'> = {
  fatal: 'blocker',
  error: 'critical',
  warning: 'minor',
  info: 'info',
};

/**
 * A GitLab Code Quality report (docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
 * a JSON array of `{description, check_name, fingerprint, severity, location: {path, lines: {begin}}}`.
 * The fingerprint comes from the code and the semantic path (fingerprint.ts), so the merge-request widget
 * does not report a problem as fixed and new again when its document is reformatted. A problem without a
 * position is placed at its first related position, else at the repository root (`.`), at line 1.
 * `content.body` carries the hint and related positions in Markdown for the report page.
 */
export function formatGitlab(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const ids = fingerprints(diagnostics);
  const issues = diagnostics.map((d, i) => {
    const anchor = d.location ?? d.related[0];
    const begin = anchor ? anchor.source.position(anchor.range.start).line : 1;
    const path = anchor ? anchor.source.path.replace(/\\/g, '/').replace(/^(\.\/)+/, '') : '.';
    const body: string[] = [];
    const hint = hintOf(d, lang);
    if (hint) body.push(`${pick(TERMS.hintPrefix, lang)}${hint}`);
    for (const r of d.related) {
      const p = r.source.position(r.range.start);
      body.push(
        `${pick(TERMS.relatedPrefix, lang)}\`${r.source.path}:${p.line}:${p.column}\` ${labelOf(r.label, lang)}`,
      );
    }
    if (d.path) body.push(`\`${d.path}\``);
    const marker = d.baselined ? `${pick(TERMS.baselinedMarker, lang)} ` : '';
    return {
      description: `${marker}${d.entry.code} ${messageOf(d, lang)}`,
      check_name: d.entry.code,
      fingerprint: ids[i]!,
      severity: SEVERITY[d.entry.severity],
      location: { path, lines: { begin } },
      ...(body.length > 0 ? { content: { body: body.join('\n\n') } } : {}),
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
