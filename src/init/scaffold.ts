import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { check } from '../compile.js';
import { D } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { NATIONAL_DIR } from '../load/files.js';
import type { List } from '../model/types.js';
import { schemaFiles } from '../schema/schemas.js';

export interface ScaffoldOptions {
  readonly name: string;
  readonly region: string;
  readonly force: boolean;
}

export type ScaffoldResult = { ok: true; files: string[] } | { ok: false; diagnostic: Diagnostic };

/** YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (s: string) => JSON.stringify(s);

/** The national lists shipped with matterc, with their items: a provincial list must implement each. */
function nationalLists(): { id: string; items: { id: string; bundle: string }[] }[] {
  const result = check({ paths: [NATIONAL_DIR], cwd: NATIONAL_DIR });
  return (result.table?.all('List') ?? [])
    .map((d) => ({
      id: d.id!,
      items: ((d.value as unknown as List).items ?? []).map((i) => ({ id: i.id, bundle: i.bundle })),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Files of a new provincial repository, as pure content. */
export function scaffoldFiles(o: Pick<ScaffoldOptions, 'name' | 'region'>): Record<string, string> {
  const national = nationalLists();
  const lists = national.map((l) => l.id);
  const province = o.name;
  const files: Record<string, string> = {
    'matterc.yaml': [
      '# matterc 项目文件：检查本仓库并载入随 matterc 发布的国家基线。',
      'kind: Project',
      `name: ${q(`${province}“高效办成一件事”重点事项清单`)}`,
      'include: [lists, bundles, matters, registries]',
      'national: true',
      '',
    ].join('\n'),
    [`lists/${o.region}.yaml`]: [
      '# 本省拓展清单：覆盖国家各批次重点事项清单，并列出本省新增的一件事。',
      'kind: List',
      `id: ${q(`list-${o.region}`)}`,
      `name: ${q(`${province}“高效办成一件事”拓展重点事项清单`)}`,
      `issuer: ${q(`${province}人民政府办公厅`)}`,
      'level: 省级',
      `region: ${q(o.region)}`,
      'source:',
      '  document: 待填写：印发本清单的文号',
      '  note: 由 matterc init 生成的模板，发布前请替换为真实文号。',
      `extends: [${lists.join(', ')}]`,
      '# 国家清单的每一项都须实施：先直接采用国家的一件事，细化时改为指向本省细化它的一件事（refines）。',
      'items:',
      ...national.flatMap((l) => l.items.map((i) => `  - { id: ${q(i.id)}, bundle: ${q(i.bundle)} }`)),
      '  - id: sample-item',
      '    bundle: local-sample-bundle',
      '',
    ].join('\n'),
    'bundles/local-sample-bundle.yaml': [
      '# 示例：一件本地新增的一件事。请按实际情况修改或删除。',
      'kind: Bundle',
      'id: local-sample-bundle',
      `name: ${q('示例一件事（请修改）')}`,
      'audience: 个人',
      'stage: 生活',
      'leadDepartment: local-service-office',
      'components:',
      '  - id: sample-component',
      '    matter: local-sample-matter',
      'promisedLimit: 5个工作日',
      'visits: 0',
      'modes: [集成办]',
      'source:',
      '  document: 待填写：确定本一件事的文号',
      '',
    ].join('\n'),
    'matters/local-sample-matter.yaml': [
      '# 示例事项：演示各要素的写法。请按实际情况修改或删除。',
      'kind: Matter',
      'id: local-sample-matter',
      `name: ${q('示例事项（请修改）')}`,
      'type: 公共服务',
      'levels: [省级]',
      'department: local-service-office',
      'audience: [自然人]',
      'conditions:',
      '  - id: c1',
      `    text: ${q('申请人为本省户籍居民')}`,
      'materials:',
      '  - id: id-card',
      '    material: local-id-card',
      '    channel: 调取电子证照库',
      '    form: 电子化',
      '    necessity: 必要',
      'steps:',
      '  - { id: accept, name: 受理, phase: 受理, limit: 1个工作日 }',
      '  - { id: decide, name: 办结, phase: 办结, limit: 4个工作日 }',
      'statutoryLimit: 20个工作日',
      'promisedLimit: 5个工作日',
      'caseType: 承诺件',
      'reviewType: 前审后批',
      'handlingForms: [网上办理, 窗口办理]',
      'visits: 0',
      'onlineDepth: [互联网咨询, 互联网收件, 互联网受理, 互联网办理]',
      'fee: { charged: false }',
      'result: { type: 其他, name: 办理结果告知书 }',
      'contacts: { consultation: "12345", complaint: "0000-12345678" }',
      '',
    ].join('\n'),
    'registries/departments.yaml': [
      'kind: Department',
      'id: local-service-office',
      `name: ${q(`${province}政务服务管理办公室`)}`,
      'level: 省级',
      `region: ${q(o.region)}`,
      '',
    ].join('\n'),
    'registries/materials.yaml': [
      'kind: Material',
      'id: local-id-card',
      'name: 居民身份证',
      'eLicense: true',
      '',
    ].join('\n'),
    '.vscode/settings.json': `${JSON.stringify(
      {
        'yaml.schemas': {
          './.matterc/schemas/document.schema.json': [
            'lists/**/*.yaml',
            'bundles/**/*.yaml',
            'matters/**/*.yaml',
            'registries/**/*.yaml',
          ],
          './.matterc/schemas/project.schema.json': ['matterc.yaml'],
        },
        'files.encoding': 'utf8',
        'editor.insertSpaces': true,
      },
      null,
      2,
    )}\n`,
    '.vscode/extensions.json': `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`,
    '.github/workflows/matterc.yml': [
      'name: matterc',
      'on: [push, pull_request]',
      'jobs:',
      '  check:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: actions/setup-node@v4',
      '        with: { node-version: 20 }',
      '      - run: npx --yes matterc check',
      '',
    ].join('\n'),
    '.gitlab-ci.yml': ['matterc:', '  image: node:20', '  script:', '    - npx --yes matterc check', ''].join(
      '\n',
    ),
    'README.md': [
      `# ${province}“高效办成一件事”重点事项清单`,
      '',
      '由 `matterc init` 生成。检查：`npx matterc check`（在本目录运行）。',
      '',
      '- `lists/`：本省拓展清单（覆盖国家各批次清单）',
      '- `bundles/`、`matters/`：本省的一件事与事项',
      '- `registries/`：本省部门、材料等登记表',
      '- 编辑器：安装 Red Hat YAML 扩展后即有中文补全与悬停说明（模式文件在 `.matterc/schemas/`，可用 `npx matterc schema --out .matterc/schemas` 更新）。',
      '',
    ].join('\n'),
  };
  for (const f of schemaFiles()) files[`.matterc/schemas/${f.name}`] = f.text;
  return files;
}

/** Write the scaffold; existing non-empty targets are refused unless forced. Files are written via rename. */
export function scaffold(dir: string, o: ScaffoldOptions): ScaffoldResult {
  if (!o.force && existsSync(dir) && readdirSync(dir).length > 0) {
    return { ok: false, diagnostic: diagnostic(D.targetNotEmpty, undefined, { path: dir }) };
  }
  const files = scaffoldFiles(o);
  const written: string[] = [];
  try {
    for (const [rel, content] of Object.entries(files)) {
      const path = join(dir, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.tmp`, content);
      renameSync(`${path}.tmp`, path);
      written.push(rel);
    }
  } catch (error) {
    return {
      ok: false,
      diagnostic: diagnostic(D.cannotWrite, undefined, { path: dir, reason: (error as Error).message }),
    };
  }
  return { ok: true, files: written.sort() };
}
