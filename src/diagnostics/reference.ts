import { ALL_ENTRIES, type CatalogueEntry, TERMS } from './catalogue.js';
import { pick, render } from './diagnostic.js';

const GROUPS: readonly [string, string][] = [
  ['MC1', '读取与解析 / Reading and parsing'],
  ['MC2', '模式 / Schema'],
  ['MC3', '引用与链接 / Linking'],
  ['MC4', '实践规则 / Checks from practice'],
  ['MC5', '子语言 / Sub-languages'],
  ['MC6', '细化、豁免、覆盖与一件事组合 / Refinement, waivers, coverage and bundles'],
  ['MC7', '变更审查、格式化与基线 / Diff, fmt and baselines'],
  ['MC9', '无法运行 / The tool could not run'],
];

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function section(e: CatalogueEntry): string[] {
  const lines = [
    `### ${e.code}`,
    '',
    `- 级别 / severity: \`${e.severity}\``,
    `- ${escapeCell(render(e.message, {}, 'zh-CN'))}`,
  ];
  lines.push(`- ${escapeCell(render(e.message, {}, 'en'))}`, '', e.summary.zh, '', e.summary.en, '');
  lines.push(
    `${pick(TERMS.whatToDo, 'zh-CN')}${render(e.hint, {}, 'zh-CN')}`,
    '',
    `${pick(TERMS.whatToDo, 'en')}${render(e.hint, {}, 'en')}`,
    '',
  );
  return lines;
}

/** docs/diagnostics.md, generated from the catalogue (`matterc explain --markdown`). */
export function diagnosticsReference(): string {
  const lines = [
    '# 诊断代码 / Diagnostic codes',
    '',
    '由诊断目录生成（`matterc explain --markdown`），请勿手工编辑。代码一经发布不再改作他用。',
    '*Generated from the catalogue; do not edit by hand. Codes are never reused.*',
    '',
  ];
  for (const [prefix, title] of GROUPS) {
    const entries = ALL_ENTRIES.filter((e) => e.code.startsWith(prefix));
    if (entries.length === 0) continue;
    lines.push(`## ${title}`, '');
    for (const e of entries) lines.push(...section(e));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
