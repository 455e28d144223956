import { TERMS, type Text } from '../diagnostics/catalogue.js';
import { type Lang, type Location, messageOf, pick, render } from '../diagnostics/diagnostic.js';
import { type Change, CHANGE_CLASSES, type ChangeClass } from './change.js';
import { changeDiagnostics, type DiffResult, type FailOn, notComparedDiagnostics } from './index.js';

export interface DiffReportContext {
  readonly base: string;
  readonly head: string;
  readonly failOn: FailOn;
  readonly lang: Lang;
}

const CLASS_NAME: Record<ChangeClass, Text> = {
  'burden-increased': TERMS.diffClassBurdenIncreased,
  'burden-reduced': TERMS.diffClassBurdenReduced,
  neutral: TERMS.diffClassNeutral,
  editorial: TERMS.diffClassEditorial,
};

function where(l: Location | undefined): string {
  if (!l) return '—';
  const p = l.source.position(l.range.start);
  return `${l.source.path}:${p.line}:${p.column}`;
}

function position(l: Location | undefined) {
  if (!l) return undefined;
  const a = l.source.position(l.range.start);
  const b = l.source.position(l.range.end);
  return { file: l.source.path, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** The sentence describing a change, without the class prefix the diagnostic message adds. */
function sentence(c: Change, lang: Lang): string {
  return render(c.what.template, c.what.args, lang);
}

function counts(result: DiffResult, lang: Lang): string {
  const n = (cls: ChangeClass) => result.changes.filter((c) => c.class === cls).length;
  return render(
    TERMS.diffSummary,
    {
      increased: n('burden-increased'),
      waived: result.changes.filter((c) => c.waiver).length,
      reduced: n('burden-reduced'),
      neutral: n('neutral'),
      editorial: n('editorial'),
    },
    lang,
  );
}

/** Never "mergeable" while a document could not be compared, even under `--fail-on none`. */
function verdict(result: DiffResult, ctx: DiffReportContext): string {
  if (result.failing.length > 0)
    return render(TERMS.diffVerdictFail, { n: result.failing.length, failOn: ctx.failOn }, ctx.lang);
  if (result.notCompared.length > 0)
    return render(TERMS.diffVerdictIncomplete, { n: result.notCompared.length }, ctx.lang);
  return render(TERMS.diffVerdictPass, { failOn: ctx.failOn }, ctx.lang);
}

/** The Markdown section naming each file not compared, or nothing. */
function notComparedMarkdown(result: DiffResult, lang: Lang): string[] {
  if (result.notCompared.length === 0) return [];
  const side = (s: 'base' | 'head') => pick(s === 'base' ? TERMS.diffBaseSide : TERMS.diffHeadSide, lang);
  return [
    `### ${pick(TERMS.diffNotComparedTitle, lang)}（${result.notCompared.length}）`,
    '',
    `| ${pick(TERMS.diffSide, lang)} | ${pick(TERMS.diffFile, lang)} | ${pick(TERMS.diffProblems, lang)} |`,
    '| --- | --- | --- |',
    ...result.notCompared.map(
      (n) =>
        `| ${side(n.side)} | ${cell(where(n.at) === '—' ? n.file : where(n.at))} | ${n.codes.join(', ')} |`,
    ),
    '',
  ];
}

/** Text for a Markdown table cell: HTML and Markdown syntax inert, one line. */
function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~!])/g, '\\$1')
    .replace(/\r?\n|\r/g, ' ');
}

/** The report a legal reviewer reads, suitable as a merge-request comment. */
export function diffMarkdown(result: DiffResult, ctx: DiffReportContext): string {
  const { lang } = ctx;
  const out = [
    `## ${cell(render(TERMS.diffTitle, { base: ctx.base, head: ctx.head }, lang))}`,
    '',
    verdict(result, ctx),
    '',
  ];
  out.push(...notComparedMarkdown(result, lang));
  if (result.changes.length === 0) {
    if (result.notCompared.length === 0) out.push(pick(TERMS.diffNoChanges, lang), '');
    return `${out.join('\n')}\n`;
  }
  out.push(`| ${pick(TERMS.diffClass, lang)} | ${pick(TERMS.diffCount, lang)} |`, '| --- | ---: |');
  for (const cls of CHANGE_CLASSES) {
    const n = result.changes.filter((c) => c.class === cls).length;
    const waived = result.changes.filter((c) => c.class === cls && c.waiver).length;
    const extra = waived > 0 ? `（${render(TERMS.diffWaivedCount, { n: waived }, lang)}）` : '';
    out.push(
      `| ${pick(CLASS_NAME[cls], lang)} | ${n}${lang === 'en' ? extra.replace(/[（）]/g, (m) => (m === '（' ? ' (' : ')')) : extra} |`,
    );
  }
  out.push('');
  for (const cls of CHANGE_CLASSES) {
    const changes = result.changes.filter((c) => c.class === cls);
    if (changes.length === 0) continue;
    out.push(
      `### ${pick(CLASS_NAME[cls], lang)}（${changes.length}）`,
      '',
      `| ${pick(TERMS.diffChange, lang)} | ${pick(TERMS.diffWhere, lang)} | ${pick(TERMS.diffBefore, lang)} | ${pick(TERMS.diffAfter, lang)} |`,
      '| --- | --- | --- | --- |',
    );
    for (const c of changes) {
      const waiver = c.waiver
        ? `<br>${cell(render(TERMS.diffWaivedBy, { waiver: c.waiver.id, document: c.waiver.document, expires: c.waiver.expires }, lang))}`
        : '';
      out.push(
        `| ${cell(sentence(c, lang))}${waiver} | \`${c.path.replace(/`/g, "'")}\` | ${cell(where(c.base))} | ${cell(where(c.head))} |`,
      );
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** The terminal view: one line per change with both positions, grouped by class. */
export function diffPretty(result: DiffResult, ctx: DiffReportContext): string {
  const { lang } = ctx;
  const out = [render(TERMS.diffTitle, { base: ctx.base, head: ctx.head }, lang), ''];
  if (result.notCompared.length > 0) {
    out.push(`${pick(TERMS.diffNotComparedTitle, lang)} (${result.notCompared.length})`);
    for (const [i, d] of notComparedDiagnostics(result.notCompared).entries())
      out.push(`  ${d.entry.code} ${messageOf(d, lang)}`, `    ${where(result.notCompared[i]!.at)}`);
    out.push('');
  }
  const diagnostics = changeDiagnostics(result.changes);
  for (const cls of CHANGE_CLASSES) {
    const items = result.changes
      .map((c, i) => ({ c, d: diagnostics[i]! }))
      .filter(({ c }) => c.class === cls);
    if (items.length === 0) continue;
    out.push(`${pick(CLASS_NAME[cls], lang)} (${items.length})`);
    for (const { c, d } of items) {
      out.push(`  ${d.entry.code} ${messageOf(d, lang)}`);
      out.push(`    ${pick(TERMS.diffBefore, lang)}: ${where(c.base)}`);
      out.push(`    ${pick(TERMS.diffAfter, lang)}: ${where(c.head)}`);
    }
    out.push('');
  }
  if (result.changes.length === 0 && result.notCompared.length === 0)
    out.push(pick(TERMS.diffNoChanges, lang), '');
  out.push(counts(result, lang));
  out.push(verdict(result, ctx).replace(/\*\*/g, '').replace(/`/g, ''));
  return `${out.join('\n')}\n`;
}

/** Every change with its class, both positions and the waiver covering it. */
export function diffJson(result: DiffResult, ctx: DiffReportContext): string {
  const diagnostics = changeDiagnostics(result.changes);
  const n = (cls: ChangeClass) => result.changes.filter((c) => c.class === cls).length;
  const body = {
    version: 1,
    base: ctx.base,
    head: ctx.head,
    failOn: ctx.failOn,
    failed: result.failed,
    summary: {
      'burden-increased': n('burden-increased'),
      waived: result.changes.filter((c) => c.waiver).length,
      'burden-reduced': n('burden-reduced'),
      neutral: n('neutral'),
      editorial: n('editorial'),
    },
    notCompared: result.notCompared.map((n) => ({
      side: n.side,
      file: n.file,
      codes: n.codes,
      ...(n.at ? { at: position(n.at) } : {}),
    })),
    changes: result.changes.map((c, i) => ({
      class: c.class,
      code: diagnostics[i]!.entry.code,
      message: sentence(c, ctx.lang),
      path: c.path,
      ...(c.base ? { base: position(c.base) } : {}),
      ...(c.head ? { head: position(c.head) } : {}),
      ...(c.law
        ? {
            waivable: {
              code: c.law.entry.code,
              subject: c.law.subject,
              ...(c.law.item ? { item: c.law.item } : {}),
            },
          }
        : {}),
      ...(c.waiver
        ? {
            waiver: {
              id: c.waiver.id,
              document: c.waiver.document,
              expires: c.waiver.expires,
              at: position(c.waiver.at),
            },
          }
        : {}),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
