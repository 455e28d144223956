import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from '../compile.js';
import { D } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { NATIONAL_DIR } from '../load/files.js';
import type { List } from '../model/types.js';
import { createFile, fileState, listFiles } from '../generate/output-guard.js';
import { schemaFiles } from '../schema/schemas.js';
import { VERSION } from '../version.js';

export interface ScaffoldOptions {
  readonly name: string;
  readonly region: string;
  readonly force: boolean;
}

export type ScaffoldResult =
  { ok: true; files: string[]; kept: string[] } | { ok: false; diagnostic: Diagnostic };

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

/**
 * The CI recipes documented in docs/ci.md; the scaffold writes them as they are, so a new repository
 * runs what the documentation (and test/ci-recipes.test.ts) describes.
 */
const CI_RECIPES = fileURLToPath(new URL('../../examples/ci/', import.meta.url));
export const SCAFFOLD_CI_FILES: Readonly<Record<string, string>> = {
  '.github/workflows/matterc.yml': 'github-actions.yml',
  '.gitlab-ci.yml': 'gitlab-ci.yml',
};

/**
 * An npm package name for the repository (it is never published: `private: true`): the directory's
 * name reduced to what npm accepts (lower-case ASCII letters, digits, `-`, `.`, `_`, not starting
 * with `.` or `_`), or `matterc-list-<region>` when nothing usable is left (a Chinese name).
 */
export function packageNameFor(dir: string, region: string): string {
  const name = basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+/, '')
    .replace(/[-.]+$/, '')
    .slice(0, 100);
  return /[a-z0-9]/.test(name) && name !== 'node_modules' && name !== 'favicon.ico'
    ? name
    : `matterc-list-${region}`;
}

/** The repository's package.json: matterc pinned to this very version, and the commands as scripts. */
function packageJson(o: Pick<ScaffoldOptions, 'name'> & { packageName: string }): string {
  const manifest = {
    name: o.packageName,
    version: '0.0.0',
    private: true,
    description: `${o.name}“高效办成一件事”重点事项清单`,
    scripts: {
      check: 'matterc check',
      fmt: 'matterc fmt',
      'fmt:check': 'matterc fmt --check',
      diff: 'matterc diff',
      build: 'matterc build --out site',
    },
    devDependencies: { matterc: VERSION },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Files of a new provincial repository, as pure content. */
export function scaffoldFiles(
  o: Pick<ScaffoldOptions, 'name' | 'region'> & { packageName?: string },
): Record<string, string> {
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
      'source:',
      '  document: 待填写：确定本一件事的文号',
      'audience: 个人',
      'stage: 生活',
      'leadDepartment: local-service-office',
      'components:',
      '  - id: sample-component',
      '    matter: local-sample-matter',
      'promisedLimit: 5个工作日',
      'visits: 0',
      'modes: [集成办]',
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
    'package.json': packageJson({ name: o.name, packageName: o.packageName ?? `matterc-list-${o.region}` }),
    '.gitignore': ['node_modules/', 'site/', '.matterc-cache/', ''].join('\n'),
    'README.md': [
      `# ${province}“高效办成一件事”重点事项清单`,
      '',
      '由 `matterc init` 生成。在本目录运行：',
      '',
      '```sh',
      'npm install        # 安装 package.json 中固定版本的 matterc（提交生成的 package-lock.json）',
      'npm run check      # 检查清单',
      'npm run fmt        # 统一格式；CI 中以 npm run fmt:check 检查',
      'npm run diff -- origin/main   # 与目标分支比较，说明加重还是减轻了群众负担',
      '```',
      '',
      'CI 配置（`.github/workflows/matterc.yml`、`.gitlab-ci.yml`）先 `npm ci`，再用 `npx --no-install matterc` 运行已安装的版本；升级 matterc 时修改 `package.json` 中的版本并重新 `npm install`。',
      '',
      '- `lists/`：本省拓展清单（覆盖国家各批次清单）',
      '- `bundles/`、`matters/`：本省的一件事与事项',
      '- `registries/`：本省部门、材料等登记表',
      '- 编辑器：安装 Red Hat YAML 扩展后即有中文补全与悬停说明（模式文件在 `.matterc/schemas/`，可用 `npx matterc schema --out .matterc/schemas` 更新）。',
      '',
    ].join('\n'),
  };
  for (const [target, recipe] of Object.entries(SCAFFOLD_CI_FILES))
    files[target] = readFileSync(join(CI_RECIPES, recipe), 'utf8');
  for (const f of schemaFiles()) files[`.matterc/schemas/${f.name}`] = f.text;
  return files;
}

/**
 * Write the scaffold, never overwriting a file (output-guard.ts): a file is created where none is and
 * left alone where one is. A non-empty directory is refused unless all it holds is this scaffold's
 * files as init writes them (running init again is harmless); with `force`, the missing files are added
 * next to whatever is there, and existing files are kept (`kept`) as they are.
 */
export function scaffold(dir: string, o: ScaffoldOptions): ScaffoldResult {
  const files = scaffoldFiles({ ...o, packageName: packageNameFor(dir, o.region) });
  if (!o.force) {
    const foreign = firstForeign(dir, files);
    if (foreign !== undefined)
      return { ok: false, diagnostic: diagnostic(D.targetNotEmpty, undefined, { path: dir, file: foreign }) };
  }
  const written: string[] = [];
  const kept: string[] = [];
  try {
    for (const [rel, content] of Object.entries(files)) {
      const path = join(dir, rel);
      if (fileState(path, content) !== 'absent') {
        if (fileState(path, content) === 'other') kept.push(rel);
        continue;
      }
      mkdirSync(dirname(path), { recursive: true });
      if (createFile(path, content)) written.push(rel);
      else kept.push(rel);
    }
  } catch (error) {
    return {
      ok: false,
      diagnostic: diagnostic(D.cannotWrite, undefined, { path: dir, reason: (error as Error).message }),
    };
  }
  return { ok: true, files: written.sort(), kept: kept.sort() };
}

/** The first entry of `dir` that is not one of `files` with the same content, or undefined. */
function firstForeign(dir: string, files: Readonly<Record<string, string>>): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return undefined; // absent (an unreadable directory fails when written)
  }
  const tops = new Set(Object.keys(files).map((rel) => rel.split('/')[0]!));
  const stray = entries.find((e) => !tops.has(e));
  if (stray !== undefined) return stray;
  return listFiles(dir).find(
    (rel) => files[rel] === undefined || fileState(join(dir, rel), files[rel]) !== 'same',
  );
}
