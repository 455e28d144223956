// End-to-end check of the editor setup documented in docs/editor.md: the schemas that matterc writes are
// served by yaml-language-server (the engine of the Red Hat YAML extension for VS Code) and give authors
// diagnostics, Chinese hover text and completion. The server is driven over stdio LSP, as an editor would.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompletionList, type Diagnostic, type Hover, LspClient } from './lsp-client.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const serverBin = join(repo, 'node_modules/yaml-language-server/bin/yaml-language-server');

// Where the schemas come from. docs/editor.md tells authors to run `matterc schema --out`, so the test
// uses the CLI ('cli'; needs `npm run build`). 'copy' takes schemas/*.json straight from the repository.
const SCHEMA_SOURCE: 'cli' | 'copy' = 'cli';

const SCHEMA_FILES = [
  'bundle.schema.json',
  'defs.schema.json',
  'department.schema.json',
  'document.schema.json',
  'field.schema.json',
  'law.schema.json',
  'list.schema.json',
  'material.schema.json',
  'matter.schema.json',
  'project.schema.json',
];

function writeSchemas(outDir: string): void {
  if (SCHEMA_SOURCE === 'cli') {
    try {
      execFileSync(process.execPath, [join(repo, 'bin/matterc'), 'schema', '--out', outDir], {
        cwd: repo,
        stdio: 'pipe',
        timeout: 15_000,
      });
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
      throw new Error(`matterc schema --out failed (has \`npm run build\` been run?)\n${stderr}`, {
        cause: error,
      });
    }
  } else {
    mkdirSync(outDir, { recursive: true });
    for (const file of SCHEMA_FILES) copyFileSync(join(repo, 'schemas', file), join(outDir, file));
  }
}

// A Matter with one unknown key (colour) and two values outside their enums: `type` is a property of
// matter.schema.json whose enum lives in defs.schema.json, `levels` an array whose items are a $ref into
// defs.schema.json, so both problems are only found if the cross-file $refs resolve.
const BAD_MATTER = [
  'kind: Matter', //           +0
  'id: 出生医学证明', //       +1
  'name: 出生医学证明首次签发', // +2
  'type: 行政许', //           +3  not one of 行政许可, 行政给付, …
  'levels: [省]', //           +4  not one of 国家级, 省级, …
  'colour: 红', //             +5  no such property
  '',
].join('\n');

// Two Field documents in one file, as in the registries (matters/registries/*.yaml).
const FIELD_REGISTRY = [
  'kind: Field', //       0
  'id: 申请人.姓名', //   1
  'name: 申请人姓名', //  2
  'type: 文字', //        3  not one of 文本, 整数, …
  '---', //               4
  'kind: Field', //       5
  'id: 申请人.性别', //   6
  'name: 申请人性别', //  7
  'type: 性别', //        8  not one of 文本, 整数, …
  'colour: 红', //        9  no such property
  '',
].join('\n');

/**
 * The three problems of BAD_MATTER, and nothing else (in particular no "Problems loading reference"
 * error, which the server reports when a $ref cannot be resolved), with `first` the line of `kind`.
 */
function expectMatterProblems(diagnostics: Diagnostic[], first: number): void {
  const byLine = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
  expect(byLine.map((d) => d.range)).toEqual([
    { start: { line: first + 3, character: 6 }, end: { line: first + 3, character: 9 } },
    { start: { line: first + 4, character: 9 }, end: { line: first + 4, character: 10 } },
    { start: { line: first + 5, character: 0 }, end: { line: first + 5, character: 6 } },
  ]);
  const [type, level, colour] = byLine as [Diagnostic, Diagnostic, Diagnostic];
  expect(type.message).toContain('"行政许可"');
  expect(type.source).toBe('yaml-schema: 事项类型');
  expect(level.message).toContain('"省级"');
  expect(level.source).toBe('yaml-schema: 行使层级');
  expect(colour.message).toContain('colour');
  expect(colour.source).toBe('yaml-schema: 政务服务事项（Matter）');
  // The client asked for locale zh-cn, so the server's own wording is Chinese as well.
  expect(colour.message).toMatch(/[\u4e00-\u9fff]/);
  for (const d of byLine) expect(d.severity).toBe(1);
}

// The server reports a schema it cannot load, resolve or meta-validate as a diagnostic whose code is at
// least ErrorCode.SchemaResolveError (0x10000), e.g. "Problems loading reference '…defs.schema.json'".
const SCHEMA_RESOLVE_ERROR = 0x10000;
const isSchemaProblem = (diagnostics: Diagnostic[]) =>
  diagnostics.some((d) => typeof d.code === 'number' && d.code >= SCHEMA_RESOLVE_ERROR);

const hasMatterProblems = (first: number) => (diagnostics: Diagnostic[]) =>
  diagnostics.length >= 3 &&
  [first + 3, first + 4, first + 5].every((line) => diagnostics.some((d) => d.range.start.line === line));

function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const { contents } = hover;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  return contents.value;
}

function documentationText(documentation: string | { value: string } | undefined): string {
  return typeof documentation === 'string' ? documentation : (documentation?.value ?? '');
}

/** yaml-language-server settings, as a VS Code user would put them in .vscode/settings.json. */
function yamlSettings(schemaDir: string) {
  return {
    schemas: {
      // A file URI to one kind's schema, matched against a glob.
      [pathToFileURL(join(schemaDir, 'matter.schema.json')).href]: ['by-uri/*.yaml'],
      // A plain absolute path.
      [join(schemaDir, 'field.schema.json')]: ['by-path/*.yaml'],
      // The form docs/editor.md recommends: a workspace-relative path to the kind-dispatching schema.
      './.matterc/schemas/document.schema.json': ['matters/**/*.yaml'],
    },
    // Keep the server offline: no schemastore.org catalog, no Kubernetes CRD catalog.
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    validate: true,
    hover: true,
    completion: true,
  };
}

/** The documents the test opens, by path relative to the workspace root. */
function documents(matterSchemaUri: string) {
  return {
    byUri: { path: 'by-uri/出生医学证明.yaml', text: BAD_MATTER },
    byRelative: { path: 'matters/卫生健康/出生医学证明.yaml', text: BAD_MATTER },
    modelineUri: {
      path: 'loose/modeline-uri.yaml',
      text: `# yaml-language-server: $schema=${matterSchemaUri}\n${BAD_MATTER}`,
    },
    modelineRelative: {
      path: 'loose/modeline-relative.yaml',
      text: `# yaml-language-server: $schema=../.matterc/schemas/matter.schema.json\n${BAD_MATTER}`,
    },
    bundle: {
      path: 'matters/一件事/新生儿出生.yaml',
      text: [
        'kind: Bundle',
        'id: 新生儿出生',
        'name: 新生儿出生一件事',
        'audience: 个人',
        'source:',
        '  document: 国办发〔2024〕3号',
        'stage: 婴儿', // not one of 出生, 教育, …
        'visitz: 0', // no such property
        '',
      ].join('\n'),
    },
    registryBySettings: { path: 'matters/registries/fields.yaml', text: FIELD_REGISTRY },
    registryByPath: { path: 'by-path/fields.yaml', text: FIELD_REGISTRY },
    registryByModeline: {
      path: 'loose/fields.yaml',
      text: `# yaml-language-server: $schema=../.matterc/schemas/document.schema.json\n${FIELD_REGISTRY}`,
    },
    newDocument: { path: 'matters/新文档.yaml', text: 'kind: \n' },
    completion: {
      path: 'matters/补全.yaml',
      text: ['kind: Matter', 'id: 补全', 'type: ', '', ''].join('\n'),
    },
  };
}

describe('yaml-language-server with the matterc schemas', { timeout: 30_000 }, () => {
  // Set up in beforeAll. The root has a space and Chinese characters, as authors' folders often do, so
  // URIs are percent-encoded.
  let root = '';
  let schemaDir = '';
  let docs = documents('');
  let settings: Record<string, unknown> = {};
  const uriOf = (relative: string) => pathToFileURL(join(root, relative)).href;

  let client: LspClient | undefined;
  const server = () => {
    if (!client) throw new Error('language server not started');
    return client;
  };
  const diagnosticsOf = (doc: { path: string }, predicate: (diagnostics: Diagnostic[]) => boolean) =>
    server().waitForDiagnostics(uriOf(doc.path), predicate, { timeoutMs: 10_000, rejectIf: isSchemaProblem });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'matterc lsp 事项-'));
    schemaDir = join(root, '.matterc', 'schemas');
    const matterSchemaUri = pathToFileURL(join(schemaDir, 'matter.schema.json')).href;
    docs = documents(matterSchemaUri);
    settings = {
      yaml: yamlSettings(schemaDir),
      http: { proxy: '', proxyStrictSSL: false },
      '[yaml]': {},
      editor: {},
    };
    writeSchemas(schemaDir);
    for (const { path, text } of Object.values(docs)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }

    client = new LspClient(process.execPath, [serverBin, '--stdio'], root, (method, params) => {
      // The server ignores initializationOptions and the didChangeConfiguration payload for its settings:
      // it always pulls the sections yaml, http, [yaml] and editor with workspace/configuration.
      if (method === 'workspace/configuration') {
        return (params as { items: { section?: string }[] }).items.map(
          (item) => settings[item.section ?? ''] ?? null,
        );
      }
      return null; // client/registerCapability, window/workDoneProgress/create, …
    });

    await server().request('initialize', {
      processId: process.pid, // the server exits by itself if this process dies
      clientInfo: { name: 'matterc-test' },
      locale: 'zh-cn',
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'matters-repo' }],
      initializationOptions: {},
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          publishDiagnostics: {},
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: {
            completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: true },
          },
        },
      },
    });
    server().notify('initialized', {});
    server().notify('workspace/didChangeConfiguration', { settings });
    for (const { path, text } of Object.values(docs)) {
      server().notify('textDocument/didOpen', {
        textDocument: { uri: uriOf(path), languageId: 'yaml', version: 1, text },
      });
    }
    // Gate: once one document shows schema diagnostics, settings and schemas are in place. If the schemas
    // cannot be resolved this fails here, fast and once, rather than in every test.
    await server().waitForDiagnostics(
      uriOf(docs.byUri.path),
      (ds) => ds.some((d) => d.source?.startsWith('yaml-schema:')),
      { timeoutMs: 20_000, rejectIf: isSchemaProblem },
    );
  }, 30_000);

  afterAll(async () => {
    await client?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  }, 15_000);

  it(`writes exactly the schema files (${SCHEMA_SOURCE})`, () => {
    // Besides the schemas, only the manifest that marks the directory as matterc's (docs/output.md).
    expect(readdirSync(schemaDir).sort()).toEqual(['.matterc-build.json', ...SCHEMA_FILES]);
  });

  it('takes its settings from workspace/configuration', () => {
    expect(server().serverRequests).toContain('workspace/configuration');
  });

  it('yaml.schemas, file URI of matter.schema.json: unknown key and wrong enum values at their lines', async () => {
    const diagnostics = await diagnosticsOf(docs.byUri, hasMatterProblems(0));
    expectMatterProblems(diagnostics, 0);
  });

  it('yaml.schemas, workspace-relative path of document.schema.json: same problems via the kind dispatch', async () => {
    const diagnostics = await diagnosticsOf(docs.byRelative, hasMatterProblems(0));
    expectMatterProblems(diagnostics, 0);
  });

  it('document.schema.json checks a Bundle against bundle.schema.json', async () => {
    const diagnostics = await diagnosticsOf(docs.bundle, (ds) => ds.length >= 2);
    const byLine = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
    expect(byLine.map((d) => [d.range.start.line, d.range.start.character, d.source])).toEqual([
      [6, 7, 'yaml-schema: 生命周期阶段'],
      [7, 0, 'yaml-schema: 一件事（Bundle）'],
    ]);
    expect(byLine[0]!.message).toContain('"出生"');
    expect(byLine[1]!.message).toContain('visitz');
  });

  it('modeline with a file URI', async () => {
    const diagnostics = await diagnosticsOf(docs.modelineUri, hasMatterProblems(1));
    expectMatterProblems(diagnostics, 1);
  });

  it('modeline with a path relative to the document', async () => {
    const diagnostics = await diagnosticsOf(docs.modelineRelative, hasMatterProblems(1));
    expectMatterProblems(diagnostics, 1);
  });

  it('yaml.schemas checks every document of a multi-document file (relative path or absolute path)', async () => {
    for (const doc of [docs.registryBySettings, docs.registryByPath]) {
      const diagnostics = await diagnosticsOf(doc, (ds) => ds.length >= 3);
      const byLine = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
      expect(byLine.map((d) => [d.range.start.line, d.source])).toEqual([
        [3, 'yaml-schema: 数据类型'],
        [8, 'yaml-schema: 数据类型'],
        [9, 'yaml-schema: 数据元（Field）'],
      ]);
    }
  });

  it('a modeline covers only the YAML document it heads, not those after ---', async () => {
    // Pins down a limitation docs/editor.md warns about: in a multi-document file only the first
    // document gets the modeline's schema; the others are checked only if yaml.schemas matches the file.
    const diagnostics = await diagnosticsOf(docs.registryByModeline, (ds) => ds.length > 0);
    expect(diagnostics.map((d) => [d.range.start.line, d.source])).toEqual([[4, 'yaml-schema: 数据类型']]);
  });

  it('hover shows the Chinese title and description', async () => {
    for (const doc of [docs.byUri, docs.byRelative]) {
      const uri = uriOf(doc.path);
      // Diagnostics prove the schema is attached; hovering earlier could race the settings.
      await diagnosticsOf(doc, hasMatterProblems(0));
      const name = await server().request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 2, character: 2 },
      });
      expect(hoverText(name)).toContain('事项名称');
      expect(hoverText(name)).toContain('事项名称，应与权力清单、基本目录一致。');
      expect(name?.range?.start).toEqual({ line: 2, character: 0 });

      // The enum of `type` lives in defs.schema.json: hover lists it, so the cross-file $ref resolved.
      const type = await server().request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 3, character: 1 },
      });
      expect(hoverText(type)).toContain('事项类型');
      expect(hoverText(type)).toContain('`行政许可`');
    }
  });

  it('completion offers keys with Chinese documentation and enum values', async () => {
    const uri = uriOf(docs.completion.path);
    await diagnosticsOf(docs.completion, (ds) => ds.some((d) => d.source?.startsWith('yaml-schema:')));

    const keys = await server().request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 3, character: 0 },
    });
    const name = keys.items.find((item) => item.label === 'name');
    expect(documentationText(name?.documentation)).toContain('事项名称，应与权力清单、基本目录一致。');
    const basicCode = keys.items.find((item) => item.label === 'basicCode');
    expect(documentationText(basicCode?.documentation)).toContain('12 位基本编码');
    // Keys already present are not offered again.
    expect(keys.items.map((item) => item.label)).not.toContain('kind');

    const values = await server().request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 6 },
    });
    expect(values.items.map((item) => item.label)).toEqual(expect.arrayContaining(['行政许可', '公共服务']));

    // document.schema.json chooses the kind's schema by `kind`, whose values are offered first.
    const kinds = await server().request<CompletionList>('textDocument/completion', {
      textDocument: { uri: uriOf(docs.newDocument.path) },
      position: { line: 0, character: 6 },
    });
    expect(kinds.items.map((item) => item.label)).toEqual(
      expect.arrayContaining([
        'Matter',
        'Bundle',
        'List',
        'Department',
        'Law',
        'Material',
        'Field',
        'Project',
      ]),
    );
  });
});
