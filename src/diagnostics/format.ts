import { type Severity, TERMS } from './catalogue.js';
import { type Diagnostic, hintOf, type Lang, labelOf, messageOf, pick, render } from './diagnostic.js';
import type { SourceText } from './source.js';

export interface FormatOptions {
  readonly lang: Lang;
  readonly color: boolean;
}

export interface Summary {
  readonly files: number;
  readonly documents: number;
}

const ansi = (on: boolean, code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

function where(source: SourceText, offset: number): string {
  const p = source.position(offset);
  return `${source.path}:${p.line}:${p.column}`;
}

const FRAME_WIDTH = 160;

/** A code frame: the line before, the line itself with a caret under the range. */
function frame(source: SourceText, start: number, end: number, color: boolean): string[] {
  if (source.text === '') return [];
  const from = source.position(start);
  const to = source.position(Math.max(start, end));
  const lines: string[] = [];
  const width = String(from.line).length;
  if (from.line > 1) {
    const previous = [...source.lineText(from.line - 1)];
    const clipped =
      previous.length > FRAME_WIDTH ? `${previous.slice(0, FRAME_WIDTH).join('')}…` : previous.join('');
    lines.push(`  ${String(from.line - 1).padStart(width)} | ${clipped}`);
  }
  const full = [...source.lineText(from.line)];
  // A very long line (minified data, hostile input) is shown as a window around the caret.
  const first = full.length > FRAME_WIDTH ? Math.max(0, from.column - 1 - FRAME_WIDTH / 2) : 0;
  const shown = full.slice(first, first + FRAME_WIDTH);
  const text = `${first > 0 ? '…' : ''}${shown.join('')}${first + FRAME_WIDTH < full.length ? '…' : ''}`;
  lines.push(`${ansi(color, '1', '>')} ${String(from.line).padStart(width)} | ${text}`);
  const before = [...(first > 0 ? ['…'] : []), ...shown.slice(0, from.column - 1 - first)];
  const pad = before.map((c) => (isWide(c) ? '  ' : c === '\t' ? '\t' : ' ')).join('');
  const lastColumn = to.line === from.line ? to.column : full.length + 1;
  const marked = shown.slice(
    from.column - 1 - first,
    Math.max(from.column, Math.min(lastColumn, first + FRAME_WIDTH + 1)) - 1 - first,
  );
  const caretWidth = Math.max(
    1,
    marked.reduce((n, c) => n + (isWide(c) ? 2 : 1), 0),
  );
  lines.push(`  ${' '.repeat(width)} | ${pad}${ansi(color, '31', '^'.repeat(caretWidth))}`);
  return lines;
}

/** East Asian wide characters take two terminal columns. */
function isWide(c: string): boolean {
  const cp = c.codePointAt(0) ?? 0;
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function formatPretty(diagnostics: readonly Diagnostic[], summary: Summary, o: FormatOptions): string {
  const out: string[] = [];
  for (const d of diagnostics) {
    const sev = d.entry.severity;
    const sevText = pick(TERMS[sev], o.lang);
    const color = sev === 'warning' ? '33' : sev === 'info' ? '36' : '31';
    const head = d.location ? `${where(d.location.source, d.location.range.start)} ` : '';
    const marker = d.baselined ? `${ansi(o.color, '2', pick(TERMS.baselinedMarker, o.lang))} ` : '';
    out.push(
      `${head}${ansi(o.color, color, sevText)} ${marker}${ansi(o.color, '2', d.entry.code)} ${messageOf(d, o.lang)}`,
    );
    if (d.location)
      out.push(...frame(d.location.source, d.location.range.start, d.location.range.end, o.color));
    const hint = hintOf(d, o.lang);
    if (hint) out.push(`  ${pick(TERMS.hintPrefix, o.lang)}${hint}`);
    for (const r of d.related) {
      out.push(
        `  ${pick(TERMS.relatedPrefix, o.lang)}${where(r.source, r.range.start)} ${labelOf(r.label, o.lang)}`,
      );
    }
    out.push('');
  }
  out.push(summaryLine(diagnostics, summary, o.lang));
  return `${out.join('\n')}\n`;
}

/** Problems by severity; those recorded in a baseline are counted apart, as `baselined`. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity | 'baselined', number> {
  const counts: Record<Severity | 'baselined', number> = {
    fatal: 0,
    error: 0,
    warning: 0,
    info: 0,
    baselined: 0,
  };
  for (const d of diagnostics) counts[d.baselined ? 'baselined' : d.entry.severity]++;
  return counts;
}

/** The closing line of the pretty output (also used by the formats that carry a summary). */
export function summaryLine(diagnostics: readonly Diagnostic[], s: Summary, lang: Lang): string {
  const c = countBySeverity(diagnostics);
  const counts = [
    render(TERMS.countErrors, { n: c.error + c.fatal }, lang),
    render(TERMS.countWarnings, { n: c.warning }, lang),
  ];
  if (c.info > 0) counts.push(render(TERMS.countInfos, { n: c.info }, lang));
  if (c.baselined > 0) counts.push(render(TERMS.countBaselined, { n: c.baselined }, lang));
  return render(
    TERMS.summary,
    { files: s.files, documents: s.documents, counts: lang === 'en' ? counts.join(', ') : counts.join('，') },
    lang,
  );
}

/** Machine-readable output; positions are 1-based, columns in code points (utf16Column for UTF-16 tools). */
export function formatJson(diagnostics: readonly Diagnostic[], summary: Summary, lang: Lang): string {
  const pos = (source: SourceText, start: number, end: number) => {
    const a = source.position(start);
    const b = source.position(end);
    return {
      file: source.path,
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
      offset: a.offset,
      length: Math.max(0, b.offset - a.offset),
    };
  };
  const counts = countBySeverity(diagnostics);
  const body = {
    version: 1,
    summary: {
      ...summary,
      errors: counts.error + counts.fatal,
      warnings: counts.warning,
      infos: counts.info,
      baselined: counts.baselined,
    },
    diagnostics: diagnostics.map((d) => ({
      code: d.entry.code,
      severity: d.entry.severity,
      message: messageOf(d, lang),
      ...(hintOf(d, lang) ? { hint: hintOf(d, lang) } : {}),
      ...(d.location ? pos(d.location.source, d.location.range.start, d.location.range.end) : {}),
      ...(d.path ? { path: d.path } : {}),
      ...(d.baselined ? { baselined: true } : {}),
      related: d.related.map((r) => ({
        ...pos(r.source, r.range.start, r.range.end),
        message: labelOf(r.label, lang),
      })),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
