import { TERMS } from '../catalogue.js';
import { type Diagnostic, hintOf, type Lang, labelOf, messageOf, pick } from '../diagnostic.js';

// Characters XML 1.0 does not allow at all (controls other than tab, LF and CR; lone surrogates;
// U+FFFE and U+FFFF) are dropped: no escape makes them legal.
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content: the five markup characters escaped, illegal characters removed. */
export function xmlText(s: string): string {
  return s
    .replace(ILLEGAL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An attribute value: as text, and tab and line breaks as references so they survive normalization. */
const xmlAttr = (s: string): string =>
  xmlText(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

const attrs = (pairs: readonly [string, string | number][]) =>
  pairs.map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join('');

interface Case {
  readonly name: string;
  readonly file?: string;
  readonly line?: number;
  /** failure: an error that fails the run; skipped: recorded in the baseline; passed: a warning or info. */
  readonly outcome: 'failure' | 'skipped' | 'passed';
  readonly code: string;
  readonly message: string;
  readonly details: string;
}

export interface JunitOptions {
  readonly lang: Lang;
  readonly command: string;
  /** The run's summary line, shown as the output of the run's own test case. */
  readonly summaryLine: string;
}

/**
 * JUnit XML, as GitLab and Jenkins read it: a test suite per file with problems, a test case per
 * problem (a `failure` for an error, `skipped` for a problem recorded in the baseline, a passing case
 * with the text as output for a warning or info), and one suite named after the run whose single case
 * passes and carries the summary, so that a clean run shows one passed test rather than none.
 * Case names use the semantic path when there is one, so a CI history follows a problem across
 * reformatting.
 */
export function formatJunit(diagnostics: readonly Diagnostic[], o: JunitOptions): string {
  const lang = o.lang;
  const run = `matterc ${o.command}`;
  const suites = new Map<string, Case[]>();
  for (const d of diagnostics) {
    const file = d.location?.source.path;
    const pos = d.location ? d.location.source.position(d.location.range.start) : undefined;
    const where = file && pos ? `${file}:${pos.line}:${pos.column}` : undefined;
    const details = [
      ...(where ? [where] : []),
      `${pick(TERMS[d.entry.severity], lang)} ${d.entry.code} ${messageOf(d, lang)}`,
      ...(hintOf(d, lang) ? [`${pick(TERMS.hintPrefix, lang)}${hintOf(d, lang)}`] : []),
      ...d.related.map((r) => {
        const p = r.source.position(r.range.start);
        return `${pick(TERMS.relatedPrefix, lang)}${r.source.path}:${p.line}:${p.column} ${labelOf(r.label, lang)}`;
      }),
    ].join('\n');
    const failing = d.entry.severity === 'error' || d.entry.severity === 'fatal';
    const c: Case = {
      name: `${d.entry.code} ${d.path ?? where ?? messageOf(d, lang)}`,
      ...(file ? { file } : {}),
      ...(pos ? { line: pos.line } : {}),
      outcome: d.baselined ? 'skipped' : failing ? 'failure' : 'passed',
      code: d.entry.code,
      message: messageOf(d, lang),
      details,
    };
    const suite = file ?? run;
    const cases = suites.get(suite);
    if (cases) cases.push(c);
    else suites.set(suite, [c]);
  }
  const runCases = suites.get(run) ?? [];
  suites.delete(run);
  const ordered: [string, Case[]][] = [
    ...[...suites.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    [run, [...runCases, { name: run, outcome: 'passed', code: '', message: '', details: o.summaryLine }]],
  ];
  const count = (cases: readonly Case[], outcome: Case['outcome']) =>
    cases.filter((c) => c.outcome === outcome).length;
  const all = ordered.flatMap(([, cases]) => cases);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs([
      ['name', run],
      ['tests', all.length],
      ['failures', count(all, 'failure')],
      ['errors', 0],
      ['skipped', count(all, 'skipped')],
    ])}>`,
  ];
  for (const [name, cases] of ordered) {
    out.push(
      `  <testsuite${attrs([
        ['name', name],
        ['tests', cases.length],
        ['failures', count(cases, 'failure')],
        ['errors', 0],
        ['skipped', count(cases, 'skipped')],
      ])}>`,
    );
    for (const c of cases) {
      const head = `    <testcase${attrs([
        ['classname', run],
        ['name', c.name],
        ...(c.file ? ([['file', c.file]] as [string, string][]) : []),
        ...(c.line ? ([['line', c.line]] as [string, number][]) : []),
      ])}`;
      if (c.outcome === 'failure') {
        out.push(`${head}>`);
        out.push(
          `      <failure${attrs([
            ['message', c.message],
            ['type', c.code],
          ])}>${xmlText(c.details)}</failure>`,
        );
        out.push('    </testcase>');
      } else if (c.outcome === 'skipped') {
        out.push(`${head}>`);
        out.push(
          `      <skipped${attrs([['message', `${pick(TERMS.baselinedMarker, lang)} ${c.message}`]])}/>`,
        );
        out.push(`      <system-out>${xmlText(c.details)}</system-out>`);
        out.push('    </testcase>');
      } else {
        out.push(`${head}>`);
        out.push(`      <system-out>${xmlText(c.details)}</system-out>`);
        out.push('    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
