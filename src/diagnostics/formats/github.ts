import { type Severity, TERMS } from '../catalogue.js';
import { type Diagnostic, hintOf, type Lang, labelOf, messageOf, pick } from '../diagnostic.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  fatal: 'error',
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

// The escaping of actions/toolkit packages/core/src/command.ts (escapeData, escapeProperty), which the
// runner undoes: a message may hold anything but a raw line break; a property value also no `:` or `,`.
export const escapeData = (s: string): string =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands, one line per problem:
 * `::error file={name},line={line},endLine={endLine},col={col},endColumn={endColumn},title={title}::{message}`
 * (`::warning` for warnings, `::notice` for infos). The hint and related positions follow the message
 * on lines of their own. Columns count code points, as in the pretty output; GitHub accepts columns only
 * for a range on one line, so a range over several lines is given by its lines alone. A problem without
 * a position has no file property and shows on the run's summary.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], summaryLine: string, lang: Lang): string {
  const out: string[] = [];
  for (const d of diagnostics) {
    const props: [string, string | number][] = [];
    if (d.location) {
      const { source, range } = d.location;
      const a = source.position(range.start);
      const b = source.position(Math.max(range.start, range.end));
      props.push(['file', source.path], ['line', a.line], ['endLine', b.line]);
      if (a.line === b.line) props.push(['col', a.column], ['endColumn', b.column]);
    }
    const marker = d.baselined ? `${pick(TERMS.baselinedMarker, lang)} ` : '';
    props.push(['title', `${marker}matterc ${d.entry.code}`]);
    const lines = [messageOf(d, lang)];
    const hint = hintOf(d, lang);
    if (hint) lines.push(`${pick(TERMS.hintPrefix, lang)}${hint}`);
    for (const r of d.related) {
      const p = r.source.position(r.range.start);
      lines.push(
        `${pick(TERMS.relatedPrefix, lang)}${r.source.path}:${p.line}:${p.column} ${labelOf(r.label, lang)}`,
      );
    }
    // A problem recorded in the baseline does not fail the run: it is shown as a notice.
    const command = d.baselined ? 'notice' : COMMAND[d.entry.severity];
    const properties = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
    out.push(`::${command} ${properties}::${escapeData(lines.join('\n'))}`);
  }
  // The summary is plain log text for a person reading the job log; the runner reads only `::` lines.
  out.push(summaryLine);
  return `${out.join('\n')}\n`;
}
