import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { SPECIFIED_RULES } from '../check/rules.js';
import { KINDS, type Kind } from '../model/kinds.js';
import { schemaFiles } from './schemas.js';

/**
 * docs/fields.md: every key of every kind, generated from the schemas (title, description, type,
 * allowed values), with an example taken from the shipped national baseline and the examples, and the
 * rules that read it (each rule's `reads`). test/docs.test.ts keeps the file in sync.
 */

interface Node {
  title?: string;
  description?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  examples?: unknown[];
  format?: string;
  pattern?: string;
  $ref?: string;
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  oneOf?: Node[];
  anyOf?: Node[];
  minimum?: number;
  maximum?: number;
  $defs?: Record<string, Node>;
  /** The shared definition (defs.schema.json) this node refers to, set while resolving. */
  def?: string;
}

/** Keys a clerk confuses, said once at the top of the reference. */
const CONFUSABLE: readonly { kind: Kind; keys: readonly [string, string]; text: string }[] = [
  {
    kind: 'Bundle',
    keys: ['eligible', 'eligibility'],
    text:
      '`eligible`（申请资格）是**条件表达式**，matterc 解析、检查字段引用，细化时比较宽严，并在办事指南的“需要带什么”清单中计算；' +
      '`eligibility`（适用对象）是**给人看的一句话**，只在办事指南中展示，不参与任何检查。要让机器判断谁能办，写 `eligible`。',
  },
];

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  integer: '整数',
  number: '数值',
  boolean: '布尔（true / false）',
  array: '列表',
  object: '对象',
  null: '空',
};

/** Strings with a grammar of their own (defs.schema.json), named by what they are. */
const DEF_TYPES: Record<string, string> = {
  duration: '时限（如 5个工作日、即办）',
  condition: '条件表达式',
  date: '日期（YYYY-MM-DD）',
  ref: '引用（另一文档的标识）',
  id: '标识',
  url: '网址',
  phone: '电话号码',
};

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Row {
  path: string;
  node: Node;
  required: boolean;
}

export function fieldsReference(): string {
  const byFile = new Map(schemaFiles().map((f) => [f.name, JSON.parse(f.text) as Node]));
  const resolve = (node: Node, file: string): { node: Node; file: string } => {
    let current = { node, file };
    for (let i = 0; i < 8 && current.node.$ref; i++) {
      const [refFile, fragment] = current.node.$ref.split('#');
      const target = refFile ? refFile : current.file;
      let n: Node | undefined = byFile.get(target);
      for (const part of (fragment ?? '').split('/').filter(Boolean))
        n = (n as Record<string, Node> | undefined)?.[part];
      if (!n) break;
      // The referring node's own title and description win over the definition's.
      const { $ref: _ref, ...own } = current.node;
      const def = fragment?.startsWith('/$defs/') ? fragment.split('/').pop() : undefined;
      current = { node: { ...n, ...own, $ref: n.$ref, def: own.def ?? def }, file: target };
      if (!n.$ref) delete current.node.$ref;
    }
    return current;
  };

  const examples = collectExamples();
  const readers = new Map<string, string[]>();
  for (const rule of SPECIFIED_RULES)
    for (const path of rule.reads as readonly string[]) {
      const key = `${rule.kind as string}:${path}`;
      readers.set(key, [...(readers.get(key) ?? []), rule.name]);
    }

  const out: string[] = [
    '# 字段参考 / Field reference',
    '',
    '<!-- 由 src/schema/fields-doc.ts 从 schemas/*.schema.json 生成，请勿手改；更新：UPDATE_EXPECTED=1 npx vitest run test/docs.test.ts -->',
    '',
    '每种文档（`kind`）的每个键：中文名称（编辑器悬停时显示的标题）、说明、类型、允许的取值、一个示例（取自随 matterc',
    '发布的国家基线 `matters/` 或 `examples/`），以及读取它的检查规则（规则见 `src/check/rules/`，诊断代码见',
    '[diagnostics.md](diagnostics.md)）。`[]` 表示列表中的每一项，`*` 表示必填。语法见 [language.md](language.md)。',
    '',
    '## 容易混淆的键',
    '',
  ];
  for (const c of CONFUSABLE) out.push(`- ${c.kind}：${c.text}`);
  out.push('');

  for (const kind of [...KINDS, 'Project'] as const) {
    const file = `${kind.toLowerCase()}.schema.json`;
    const root = byFile.get(file);
    if (!root) continue;
    out.push(`## ${kind} — ${root.title ?? ''}`, '', root.description ?? '', '');
    out.push('| 键 | 名称 | 类型 | 取值 | 示例 | 读取它的规则 | 说明 |', '|---|---|---|---|---|---|---|');
    const rows: { row: Row; file: string }[] = [];
    const walk = (node: Node, nodeFile: string, prefix: string, depth: number) => {
      const r = resolve(node, nodeFile);
      const props = r.node.properties;
      if (props && depth < 6) {
        for (const [key, child] of Object.entries(props)) {
          const path = prefix ? `${prefix}.${key}` : key;
          const c = resolve(child, r.file);
          rows.push({
            row: { path, node: c.node, required: r.node.required?.includes(key) ?? false },
            file: c.file,
          });
          walk(child, r.file, path, depth + 1);
        }
      } else if (r.node.items && depth < 6) {
        walk(r.node.items, r.file, `${prefix}[]`, depth);
      }
      if (props && r.node.items) walk(r.node.items, r.file, `${prefix}[]`, depth);
    };
    walk(root, file, '', 0);
    for (const { row, file: rowFile } of rows) {
      const n = row.node;
      const rules = rulesReading(readers, kind, row.path);
      out.push(
        `| \`${row.path}\`${row.required ? ' *' : ''} | ${cell(n.title ?? '')} | ${cell(typeOf(n, rowFile, resolve))} | ${cell(valuesOf(n, rowFile, resolve))} | ${cell(exampleOf(examples, kind, row.path, n, rowFile, resolve))} | ${rules.map((x) => `\`${x}\``).join('、')} | ${cell(n.description ?? '')} |`,
      );
    }
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

type Resolver = (node: Node, file: string) => { node: Node; file: string };

function rulesReading(readers: Map<string, string[]>, kind: string, path: string): string[] {
  const names = new Set<string>();
  for (const [key, rules] of readers) {
    const [k, p] = key.split(':') as [string, string];
    if (k !== kind) continue;
    // A rule reading contacts.complaint also reads contacts; a rule reading steps reads steps[].phase.
    if (p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[]`))
      rules.forEach((r) => names.add(r));
  }
  return [...names].sort();
}

function typeOf(node: Node, file: string, resolve: Resolver): string {
  if (node.const !== undefined) return '固定值';
  if (node.oneOf || node.anyOf)
    return [
      ...new Set((node.oneOf ?? node.anyOf)!.map((n) => typeOf(resolve(n, file).node, file, resolve))),
    ].join(' 或 ');
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.length === 0 && node.enum) return '文本';
  if (types.length === 0 && node.properties) return TYPE_NAMES['object']!;
  return types
    .map((t) => {
      if (t === 'array' && node.items) {
        const item = resolve(node.items, file).node;
        return `列表（每项：${typeOf(item, file, resolve)}）`;
      }
      if (t === 'string' && node.def && DEF_TYPES[node.def]) return DEF_TYPES[node.def]!;
      if (t === 'string' && node.format === 'date') return '日期（YYYY-MM-DD）';
      return TYPE_NAMES[t] ?? t;
    })
    .join(' 或 ');
}

function valuesOf(node: Node, file: string, resolve: Resolver): string {
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  if (node.enum) return node.enum.map((v) => String(v)).join('、');
  if (node.items) {
    const item = resolve(node.items, file).node;
    if (item.enum) return item.enum.map((v) => String(v)).join('、');
  }
  const range = [
    node.minimum !== undefined ? `≥ ${node.minimum}` : '',
    node.maximum !== undefined ? `≤ ${node.maximum}` : '',
  ].filter(Boolean);
  return range.join('，');
}

function exampleOf(
  examples: Map<string, unknown>,
  kind: string,
  path: string,
  node: Node,
  file: string,
  resolve: Resolver,
): string {
  const found = examples.get(`${kind}:${path}`);
  if (found !== undefined) return show(found);
  if (node.examples?.length) return show(node.examples[0]);
  if (node.const !== undefined) return show(node.const);
  if (node.enum?.length) return show(node.enum[0]);
  if (node.items) {
    const item = resolve(node.items, file).node;
    if (item.enum?.length) return show([item.enum[0]]);
  }
  return '';
}

function show(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return '（见下方各键）';
  if (Array.isArray(value)) {
    if (value.some((v) => v !== null && typeof v === 'object')) return '（见下方各键）';
    return `\`[${value.map(String).join(', ')}]\``;
  }
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return `\`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The first value of every key path in the shipped baseline, then in examples/ (sorted file order). */
function collectExamples(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const files: string[] = [];
  const walkDir = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walkDir(full);
      else if (/\.ya?ml$/.test(entry.name)) files.push(full);
    }
  };
  walkDir(join(PACKAGE_ROOT, 'matters'));
  walkDir(join(PACKAGE_ROOT, 'examples'));
  const visit = (kind: string, path: string, value: unknown) => {
    if (path && !out.has(`${kind}:${path}`)) out.set(`${kind}:${path}`, value);
    if (Array.isArray(value)) for (const v of value) visit(kind, `${path}[]`, v);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        visit(kind, path ? `${path}.${k}` : k, v);
  };
  for (const file of files) {
    let docs: unknown[];
    try {
      docs = loadAll(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    for (const doc of docs) {
      const kind = (doc as { kind?: unknown } | null)?.kind;
      if (typeof kind === 'string') visit(kind, '', doc);
    }
  }
  return out;
}

/** Every dotted path a kind's schema has (for the test that holds each rule's `reads` to real keys). */
export function schemaPaths(kind: Kind): Set<string> {
  const lines = fieldsReference().split('\n');
  const heading = lines.findIndex((l) => l.startsWith(`## ${kind} `));
  const paths = new Set<string>();
  for (let i = heading + 1; i < lines.length && !lines[i]!.startsWith('## '); i++) {
    const m = /^\| `([^`]+)`/.exec(lines[i]!);
    if (m) paths.add(m[1]!);
  }
  return paths;
}
