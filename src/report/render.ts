import { printInterval } from '../compose/print.js';
import type { AggregateMetric, Composition, CountMetric, TimeMetric } from '../compose/types.js';
import { TERMS } from '../diagnostics/catalogue.js';
import { hintOf, type Lang, messageOf, pick, render } from '../diagnostics/diagnostic.js';
import type { BaselineReport, ListReport } from './report.js';
import { METRIC_NAMES } from './report.js';

/** A report as blocks, rendered once to Markdown and once to HTML so the two cannot drift apart. */
type Block =
  | { kind: 'h'; level: number; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'ul'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

const paren = (x: string, lang: Lang) => render(TERMS.parenthesized, { x }, lang);
const pct = (r: number | null, lang: Lang) =>
  r === null ? '' : paren(`${r > 0 ? '−' : '+'}${Math.abs(r)}%`, lang);

function countCell(m: CountMetric, lang: Lang): string {
  if (m.incomplete) return `${m.before} → ${m.after}${paren(pick(TERMS.reportIncomplete, lang), lang)}`;
  return `${m.before} → ${m.after}${pct(m.reduction, lang)}`;
}

function timeCell(m: TimeMetric, lang: Lang): string {
  const after = m.after ? printInterval(m.after, lang) : '—';
  return `${printInterval(m.before, lang)} → ${after}${m.incomplete ? paren(pick(TERMS.reportIncomplete, lang), lang) : pct(m.reduction, lang)}`;
}

function aggregateCell(m: AggregateMetric, time: boolean, lang: Lang): string {
  if (m.counted.length === 0) return `—${paren(pick(TERMS.reportIncomplete, lang), lang)}`;
  const fmt = (n: number) => (time ? printInterval({ shortest: n, longest: n }, lang) : String(n));
  return `${fmt(m.before)} → ${fmt(m.after)}${pct(m.reduction, lang)}`;
}

function blocks(r: ListReport, lang: Lang): Block[] {
  const out: Block[] = [{ kind: 'h', level: 1, text: render(TERMS.reportTitle, { name: r.name }, lang) }];
  out.push({ kind: 'h', level: 2, text: pick(TERMS.reportCoverage, lang) });
  for (const c of r.coverage) {
    out.push({
      kind: 'h',
      level: 3,
      text: render(
        TERMS.reportCoverageOf,
        { name: c.name, known: c.items.length, published: c.published ?? '—' },
        lang,
      ),
    });
    out.push({
      kind: 'table',
      head: [pick(TERMS.reportNationalItem, lang), pick(TERMS.reportImplementedBy, lang)],
      rows: c.items.map((i) => [i.name, i.implementedBy ?? `✗ ${pick(TERMS.reportMissing, lang)}`]),
    });
  }
  out.push({ kind: 'h', level: 2, text: pick(TERMS.reportConflicts, lang) });
  if (r.conflicts.length === 0) out.push({ kind: 'p', text: pick(TERMS.reportNone, lang) });
  else {
    out.push({
      kind: 'ul',
      items: r.conflicts.map(({ diagnostic: d }) => {
        const p = d.location ? d.location.source.position(d.location.range.start) : undefined;
        const where = p ? `${d.location!.source.path}:${p.line}:${p.column} ` : '';
        const hint = hintOf(d, lang);
        return `${where}${d.entry.code} ${pick(TERMS[d.entry.severity === 'fatal' ? 'error' : d.entry.severity], lang)}：${messageOf(d, lang)}${hint ? paren(hint, lang) : ''}`;
      }),
    });
  }
  out.push({ kind: 'h', level: 2, text: pick(TERMS.reportWaivers, lang) });
  if (r.waivers.length === 0) out.push({ kind: 'p', text: pick(TERMS.reportNone, lang) });
  else {
    const status = {
      'in-force': TERMS.reportWaiverInForce,
      expired: TERMS.reportWaiverExpired,
      unused: TERMS.reportWaiverUnused,
    };
    out.push({
      kind: 'table',
      head: pick(TERMS.reportWaiverColumns, lang).split('|'),
      rows: r.waivers.map(({ waiver: w, status: s }) => [
        w.id,
        w.code,
        w.subject,
        w.item ?? '—',
        w.document,
        w.approver,
        w.expires,
        pick(status[s], lang),
      ]),
    });
  }
  out.push({ kind: 'h', level: 2, text: pick(TERMS.reportMetrics, lang) });
  const rows = r.bundles
    .filter((b): b is typeof b & { composition: Composition } => b.composition !== undefined)
    .map((b) => {
      const m = b.composition.metrics;
      return [
        b.name,
        ...METRIC_NAMES.map((k) => (k === 'time' ? timeCell(m.time, lang) : countCell(m[k], lang))),
      ];
    });
  rows.push([
    pick(TERMS.reportTotal, lang),
    ...METRIC_NAMES.map((k) => aggregateCell(r.metrics[k], k === 'time', lang)),
  ]);
  out.push({ kind: 'table', head: pick(TERMS.reportMetricColumns, lang).split('|'), rows });
  return out;
}

function baselineBlocks(b: BaselineReport, lang: Lang): Block[] {
  const published = b.lists.reduce((n, l) => n + (l.published ?? 0), 0);
  const known = b.lists.reduce((n, l) => n + l.items.length, 0);
  const out: Block[] = [
    { kind: 'h', level: 1, text: pick(TERMS.baselineTitle, lang) },
    { kind: 'p', text: render(TERMS.baselineTotal, { lists: b.lists.length, published, known }, lang) },
  ];
  for (const l of b.lists) {
    out.push({
      kind: 'h',
      level: 2,
      text: render(
        TERMS.reportCoverageOf,
        { name: l.name, known: l.items.length, published: l.published ?? '—' },
        lang,
      ),
    });
    if (l.document)
      out.push({ kind: 'p', text: render(TERMS.baselineDocument, { document: l.document }, lang) });
    if (l.items.length === 0) {
      out.push({ kind: 'p', text: pick(TERMS.reportNone, lang) });
      continue;
    }
    out.push({
      kind: 'table',
      head: pick(TERMS.baselineColumns, lang).split('|'),
      rows: l.items.map((i) => [
        i.name,
        i.audience ?? '—',
        `${i.source ?? '—'}${i.inferred ? paren(pick(TERMS.baselineInferred, lang), lang) : ''}`,
      ]),
    });
  }
  return out;
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function reportMarkdown(
  reports: readonly ListReport[],
  lang: Lang,
  baseline?: BaselineReport,
): string {
  const out: string[] = [];
  const all = [...reports.map((r) => blocks(r, lang)), ...(baseline ? [baselineBlocks(baseline, lang)] : [])];
  for (const r of all) {
    for (const b of r) {
      if (b.kind === 'h') out.push(`${'#'.repeat(b.level)} ${b.text}`, '');
      else if (b.kind === 'p') out.push(b.text, '');
      else if (b.kind === 'ul') out.push(...b.items.map((i) => `- ${i}`), '');
      else {
        out.push(`| ${b.head.map(mdCell).join(' | ')} |`, `|${b.head.map(() => '---').join('|')}|`);
        for (const row of b.rows) out.push(`| ${row.map(mdCell).join(' | ')} |`);
        out.push('');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A standalone, accessible HTML page: no scripts, no external requests. */
export function reportHtml(reports: readonly ListReport[], lang: Lang, baseline?: BaselineReport): string {
  const body: string[] = [];
  const all = [...reports.map((r) => blocks(r, lang)), ...(baseline ? [baselineBlocks(baseline, lang)] : [])];
  for (const r of all) {
    body.push('<section>');
    for (const b of r) {
      if (b.kind === 'h') body.push(`<h${b.level}>${esc(b.text)}</h${b.level}>`);
      else if (b.kind === 'p') body.push(`<p>${esc(b.text)}</p>`);
      else if (b.kind === 'ul') body.push(`<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`);
      else {
        body.push(
          `<table><thead><tr>${b.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
            .map(
              (row) =>
                `<tr><th scope="row">${esc(row[0] ?? '')}</th>${row
                  .slice(1)
                  .map((c) => `<td>${esc(c)}</td>`)
                  .join('')}</tr>`,
            )
            .join('')}</tbody></table>`,
        );
      }
    }
    body.push('</section>');
  }
  const title =
    reports.length === 1
      ? render(TERMS.reportTitle, { name: reports[0]!.name }, lang)
      : reports.length === 0 && baseline
        ? pick(TERMS.baselineTitle, lang)
        : 'matterc';
  return `<!DOCTYPE html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; margin: 2rem; color: #1a1a1a; background: #fff; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #767676; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: #e8eef7; }
@media print { body { margin: 0; } section { break-after: page; } }
</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

export function reportJson(reports: readonly ListReport[], lang: Lang, baseline?: BaselineReport): string {
  const json = reports.map((r) => ({
    ...r,
    conflicts: r.conflicts.map(({ diagnostic: d }) => {
      const p = d.location ? d.location.source.position(d.location.range.start) : undefined;
      return {
        code: d.entry.code,
        severity: d.entry.severity,
        message: messageOf(d, lang),
        ...(p ? { file: d.location!.source.path, line: p.line, column: p.column } : {}),
        ...(d.path ? { path: d.path } : {}),
      };
    }),
  }));
  return `${JSON.stringify({ version: 1, reports: json, ...(baseline ? { baseline } : {}) }, null, 2)}\n`;
}
