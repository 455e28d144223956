import { TERMS, type Text } from '../diagnostics/catalogue.js';
import { type Lang, pick, render } from '../diagnostics/diagnostic.js';
import type { ItemComparison } from './compare.js';
import type { WhyResult } from './why.js';

const ELEMENTS: Record<string, Text> = {
  components: TERMS.elementComponents,
  promisedLimit: TERMS.elementPromisedLimit,
  visits: TERMS.elementVisits,
  eligible: TERMS.elementEligible,
  materials: TERMS.elementMaterials,
  steps: TERMS.elementSteps,
  present: TERMS.elementPresent,
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The 同一件事不同标准 table as Markdown: only the rows that differ, per item. */
export function compareMarkdown(
  items: readonly ItemComparison[],
  labels: readonly string[],
  lang: Lang,
): string {
  const out: string[] = [];
  for (const item of items) {
    out.push(`## ${render(TERMS.compareHeading, { name: item.name }, lang)}`, '');
    const differing = item.rows.filter((r) => r.differs);
    out.push(`| ${pick(TERMS.compareElement, lang)} | ${labels.map(cell).join(' | ')} |`);
    out.push(`|---|${labels.map(() => '---').join('|')}|`);
    for (const r of differing) {
      const name = `${r.component ? `${r.component} · ` : ''}${ELEMENTS[r.element] ? pick(ELEMENTS[r.element]!, lang) : r.element}`;
      const values = r.values.map((v) => v ?? pick(TERMS.noSuchMatter, lang));
      out.push(`| ${cell(name)} | ${values.map(cell).join(' | ')} |`);
    }
    out.push('', render(TERMS.compareSame, { n: item.rows.length - differing.length }, lang), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function compareJson(items: readonly ItemComparison[], labels: readonly string[]): string {
  return `${JSON.stringify({ version: 1, sides: labels, items }, null, 2)}\n`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Each layer of a `why` answer with its file:line:column, then the effective value. */
export function whyText(result: Extract<WhyResult, { ok: true }>, lang: Lang): string {
  const lines = [render(TERMS.whyHeading, { item: result.item, path: result.path }, lang)];
  for (const l of result.layers) {
    const where = (pointer: string) => {
      const p = l.doc.source.position(l.doc.locator.nearest(pointer).start);
      return `${l.doc.source.path}:${p.line}:${p.column}`;
    };
    const mark = result.effective === l ? ' ←' : '';
    lines.push(
      l.pointer === undefined
        ? `  ${l.level} ${l.list}  ${where('')}  ${pick(TERMS.whyUnset, lang)}`
        : `  ${l.level} ${l.list}  ${where(l.pointer)}  ${show(l.value)}${mark}`,
    );
  }
  const e = result.effective;
  if (e?.pointer !== undefined) {
    const p = e.doc.source.position(e.doc.locator.nearest(e.pointer).start);
    lines.push(
      render(
        TERMS.whyEffective,
        { value: show(e.value), where: `${e.doc.source.path}:${p.line}:${p.column}` },
        lang,
      ),
    );
  } else lines.push(pick(TERMS.whyNone, lang));
  return `${lines.join('\n')}\n`;
}

export function whyJson(result: Extract<WhyResult, { ok: true }>): string {
  const layer = (l: (typeof result.layers)[number]) => {
    const at = l.doc.source.position(l.doc.locator.nearest(l.pointer ?? '').start);
    return {
      list: l.list,
      level: l.level,
      kind: l.doc.kind,
      id: l.doc.id,
      file: l.doc.source.path,
      line: at.line,
      column: at.column,
      sets: l.pointer !== undefined,
      value: l.value,
    };
  };
  return `${JSON.stringify({ version: 1, item: result.item, path: result.path, layers: result.layers.map(layer), effective: result.effective ? layer(result.effective) : null }, null, 2)}\n`;
}
