/**
 * The machine formats of `matterc check` (sarif, github, gitlab, junit) and the baselined marks in
 * pretty and json, each read by what consumes it: the SARIF 2.1.0 schema, the GitLab Code Quality shape,
 * the GitHub workflow-command grammar, an XML parser.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../src/cli/output.js';
import { check } from '../src/compile.js';
import { D } from '../src/diagnostics/catalogue.js';
import { type Diagnostic, diagnostic } from '../src/diagnostics/diagnostic.js';
import { SourceText } from '../src/diagnostics/source.js';
import {
  gitlabProblems,
  type GitlabIssue,
  parseGithub,
  parseJunit,
  type SarifLog,
  sarifProblems,
} from './helpers/consumers.js';
import { matterc, ROOT } from './helpers/run.js';

const tmp = mkdtempSync(join(tmpdir(), 'matterc-formats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HOSTILE_KEY = 'a\nb::c,d%0A%';
const HOSTILE_FILE = 'a,b:c%.yaml';

/** A repository with several kinds of problems, in files named with Chinese, spaces and URI characters. */
function fixture(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'registries'), { recursive: true });
  writeFileSync(join(dir, 'registries/甲 部门.yaml'), 'kind: Department\nid: d\nname: 甲\nlevel: 省级\n');
  // The same id twice more: two MC3001 with one semantic path and a related position each.
  writeFileSync(
    join(dir, 'registries/dup.yaml'),
    '# 第二个\nkind: Department\nid: d\nname: 乙\nlevel: 省级\n',
  );
  writeFileSync(join(dir, 'registries/dup2.yaml'), 'kind: Department\nid: d\nname: 丙\nlevel: 省级\n');
  // Three characters outside the BMP before the problem: UTF-16 columns are three ahead of code points.
  writeFileSync(
    join(dir, 'registries/astral.yaml'),
    '{kind: Department, id: d3, name: 𠮷𠮷𠮷, level: 省级, nmae: 甲}\n',
  );
  // Hostile text in a message: line breaks, `::`, a comma, `%`, a control character, markup.
  writeFileSync(
    join(dir, 'registries/hostile.yaml'),
    'kind: Department\nid: h\nname: 丁\nlevel: 省级\n"a\\nb::c,d%0A%": 1\n"<x>]]>&\\x01": 2\n',
  );
  writeFileSync(join(dir, HOSTILE_FILE), 'kind: Department\nid: e\nname: 戊\nlevel: 省级\nnmae: 1\n');
  // A warning: a document number written with 【】.
  cpSync(join(ROOT, 'test/cases/citations/citation-wrong-brackets'), join(dir, 'citations'), {
    recursive: true,
  });
  rmSync(join(dir, 'citations/expected.json'));
  return dir;
}

const repo = fixture('repo');
const run = (format: string, ...extra: string[]) =>
  matterc(['check', '.', '--format', format, ...extra], { cwd: repo });
const json = JSON.parse(run('json').stdout) as {
  summary: { errors: number; warnings: number; infos: number };
  diagnostics: {
    code: string;
    severity: string;
    file?: string;
    line?: number;
    column?: number;
    path?: string;
  }[];
};

describe('the fixture', () => {
  it('has errors with and without related positions, a warning, and astral characters', () => {
    const codes = json.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === 'MC3001')).toHaveLength(2);
    expect(codes).toContain('MC2001');
    expect(json.diagnostics.find((d) => d.code === 'MC5041')?.severity).toBe('warning');
    expect(json.diagnostics.find((d) => d.file === 'registries/astral.yaml')).toMatchObject({
      code: 'MC2001',
      line: 1,
      column: 50,
    });
  });
});

describe('--format sarif', () => {
  const r = run('sarif');
  const log = JSON.parse(r.stdout) as SarifLog;
  const sarifRun = log.runs[0]!;

  it('validates against the SARIF 2.1.0 schema, and exits as check does', () => {
    expect(r.status).toBe(1);
    expect(sarifProblems(r.stdout)).toEqual([]);
    expect(log.runs).toHaveLength(1);
    expect(sarifRun.tool.driver).toMatchObject({
      name: 'matterc',
      version: expect.stringMatching(/^\d+\.\d+/),
    });
    expect(sarifRun.columnKind).toBe('utf16CodeUnits');
    expect(sarifRun.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(repo).href}/` } });
  });

  it('has one rule per code that occurs, with the catalogue texts', () => {
    const codes = [...new Set(json.diagnostics.map((d) => d.code))].sort();
    expect(sarifRun.tool.driver.rules.map((rule) => rule.id)).toEqual(codes);
    const dup = sarifRun.tool.driver.rules.find((rule) => rule.id === 'MC3001')!;
    expect(dup.shortDescription.text).toBe(D.duplicateId.message.zh);
    expect(dup.fullDescription.text).toBe(D.duplicateId.summary.zh);
    expect(dup.help.text).toContain(D.duplicateId.hint.zh);
    expect(dup.defaultConfiguration.level).toBe('error');
    expect(sarifRun.tool.driver.rules.find((rule) => rule.id === 'MC5041')!.defaultConfiguration.level).toBe(
      'warning',
    );
  });

  it('reports every problem with its level, position in UTF-16 columns, related positions and semantic path', () => {
    expect(sarifRun.results).toHaveLength(json.diagnostics.length);
    const astral = sarifRun.results.find(
      (x) => x.locations?.[0]?.physicalLocation?.artifactLocation.uri === 'registries/astral.yaml',
    )!;
    expect(astral.locations![0]!.physicalLocation!.region).toEqual({
      startLine: 1,
      startColumn: 53,
      endLine: 1,
      endColumn: 57,
    });
    const dup = sarifRun.results.find(
      (x) =>
        x.ruleId === 'MC3001' &&
        x.locations![0]!.physicalLocation!.artifactLocation.uri.includes('%E7%94%B2'),
    )!;
    expect(dup.level).toBe('error');
    // The file `registries/甲 部门.yaml`, percent-encoded as a URI reference.
    expect(dup.locations![0]!.physicalLocation!.artifactLocation).toEqual({
      uri: 'registries/%E7%94%B2%20%E9%83%A8%E9%97%A8.yaml',
      uriBaseId: '%SRCROOT%',
    });
    expect(dup.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'registries/dup.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 6 },
        },
        message: { text: '首次定义于此' },
      },
    ]);
    expect(dup.locations![0]!.logicalLocations).toEqual([{ fullyQualifiedName: 'Department:d/id' }]);
    expect(dup.properties).toEqual({ semanticPath: 'Department:d/id' });
    expect(sarifRun.results.find((x) => x.ruleId === 'MC5041')!.level).toBe('warning');
    const uris = sarifRun.results.map((x) => x.locations![0]!.physicalLocation!.artifactLocation.uri);
    expect(uris).toContain('a%2Cb%3Ac%25.yaml');
  });

  it('gives the two duplicates of one semantic path different fingerprints', () => {
    const prints = sarifRun.results
      .filter((x) => x.ruleId === 'MC3001')
      .map((x) => x.partialFingerprints['matterc/v1']);
    expect(new Set(prints).size).toBe(2);
  });

  it('speaks English with --lang en', () => {
    const en = run('sarif', '--lang', 'en');
    expect(sarifProblems(en.stdout)).toEqual([]);
    const enLog = JSON.parse(en.stdout) as SarifLog;
    expect(enLog.runs[0]!.tool.driver.rules.find((rule) => rule.id === 'MC3001')!.shortDescription.text).toBe(
      D.duplicateId.message.en,
    );
    expect(enLog.runs[0]!.results.find((x) => x.ruleId === 'MC3001')!.message.text).toMatch(/already used/);
  });

  it('turns a problem that stopped the tool (MC9001) into a tool notification, still valid SARIF', () => {
    const fatal = matterc(['check', 'nowhere', '--format', 'sarif'], { cwd: repo });
    expect(fatal.status).toBe(2);
    expect(sarifProblems(fatal.stdout)).toEqual([]);
    const invocation = (JSON.parse(fatal.stdout) as SarifLog).runs[0]!.invocations![0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications![0]!.message.text).toContain('nowhere');
  });

  it('is byte-identical from run to run', () => {
    expect(run('sarif').stdout).toBe(r.stdout);
  });
});

describe('--format github', () => {
  const r = run('github');
  const { annotations, problems } = parseGithub(r.stdout);

  it('writes one workflow command per problem, exactly in the documented syntax', () => {
    expect(r.status).toBe(1);
    expect(problems).toEqual([]);
    expect(annotations).toHaveLength(json.diagnostics.length);
    const commandLines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commandLines).toHaveLength(json.diagnostics.length);
    const dup = commandLines.find((l) => l.includes('MC3001'))!;
    expect(dup).toMatch(
      /^::error file=registries\/dup2\.yaml,line=2,endLine=2,col=5,endColumn=6,title=matterc MC3001::\S/,
    );
    expect(annotations.find((a) => a.properties['title'] === 'matterc MC5041')!.command).toBe('warning');
    // Columns count code points, as the pretty output does.
    expect(
      annotations.find((a) => a.properties['file'] === 'registries/astral.yaml')!.properties,
    ).toMatchObject({
      line: '1',
      col: '50',
      endColumn: '54',
    });
  });

  it('escapes hostile text so that it round-trips through the runner', () => {
    const hostile = annotations.find((a) => a.message.includes(HOSTILE_KEY));
    expect(hostile, r.stdout).toBeDefined();
    expect(r.stdout).toContain('a%0Ab::c,d%250A%25');
    const file = annotations.find((a) => a.properties['file'] === HOSTILE_FILE);
    expect(file, r.stdout).toBeDefined();
    expect(r.stdout).toContain('file=a%2Cb%3Ac%25.yaml,');
  });

  it('puts the hint and related positions under the message, and omits file for a problem with no position', () => {
    const dup = annotations.find((a) => a.properties['title'] === 'matterc MC3001')!;
    expect(dup.message.split('\n')).toEqual([
      expect.stringContaining('已被使用'),
      expect.stringMatching(/^提示：/),
      '相关：registries/dup.yaml:3:5 首次定义于此',
    ]);
    const fatal = matterc(['check', 'nowhere', '--format', 'github'], { cwd: repo });
    expect(fatal.status).toBe(2);
    const parsed = parseGithub(fatal.stdout);
    expect(parsed.problems).toEqual([]);
    expect(parsed.annotations).toEqual([
      {
        command: 'error',
        properties: { title: 'matterc MC9001' },
        message: '路径不存在：nowhere\n提示：检查路径的拼写，并确认在清单仓库的根目录下运行命令。',
      },
    ]);
  });
});

describe('--format gitlab', () => {
  const r = run('gitlab');
  const report = JSON.parse(r.stdout) as GitlabIssue[];

  it('validates against the documented Code Quality shape, one issue per problem, unique fingerprints', () => {
    expect(r.status).toBe(1);
    expect(gitlabProblems(r.stdout)).toEqual([]);
    expect(report).toHaveLength(json.diagnostics.length);
    expect(report.find((i) => i.check_name === 'MC5041')!.severity).toBe('minor');
    expect(report.find((i) => i.check_name === 'MC3001')).toMatchObject({
      severity: 'critical',
      location: { path: 'registries/dup2.yaml', lines: { begin: 2 } },
    });
  });

  it('keeps every fingerprint when problems move to other lines', () => {
    const moved = fixture('moved');
    const shift = (file: string, prefix: string) =>
      writeFileSync(join(moved, file), prefix + readFileSync(join(moved, file), 'utf8'));
    shift('registries/dup.yaml', '# 注释\n\n# 又一行\n');
    shift('registries/hostile.yaml', '\n\n\n\n');
    shift('citations/matter.yaml', '# 前言\n');
    writeFileSync(
      join(moved, 'registries/astral.yaml'),
      '# 改成块样式\nkind: Department\nid: d3\nname: 𠮷𠮷𠮷\nlevel: 省级\nnmae: 甲\n',
    );
    const after = JSON.parse(
      matterc(['check', '.', '--format', 'gitlab'], { cwd: moved }).stdout,
    ) as GitlabIssue[];
    const key = (i: GitlabIssue) => `${i.check_name} ${i.location.path}`;
    const lines = (issues: GitlabIssue[]) => issues.map((i) => `${key(i)}:${i.location.lines.begin}`).sort();
    expect(lines(after)).not.toEqual(lines(report));
    expect(after.map((i) => i.fingerprint).sort()).toEqual(report.map((i) => i.fingerprint).sort());
  });

  it('does not depend on --lang', () => {
    const en = JSON.parse(run('gitlab', '--lang', 'en').stdout) as GitlabIssue[];
    expect(en.map((i) => i.fingerprint)).toEqual(report.map((i) => i.fingerprint));
    expect(en[0]!.description).not.toBe(report[0]!.description);
  });
});

describe('--format junit', () => {
  const r = run('junit');
  const { report, problems } = parseJunit(r.stdout);

  it('is well-formed XML whose counts add up: a failure per error, a passing case per warning and for the run', () => {
    expect(r.status).toBe(1);
    expect(problems).toEqual([]);
    const suites = report.testsuites.testsuite;
    const cases = suites.flatMap((s) => s.testcase);
    expect(Number(report.testsuites['@_failures'])).toBe(json.summary.errors);
    expect(cases).toHaveLength(json.diagnostics.length + 1);
    expect(suites.map((s) => s['@_name'])).toContain('registries/dup2.yaml');
    const warning = cases.find((c) => c['@_name'].startsWith('MC5041'))!;
    expect(warning.failure).toBeUndefined();
    expect(warning['system-out']).toContain('MC5041');
    const last = suites[suites.length - 1]!;
    expect(last['@_name']).toBe('matterc check');
    expect(last.testcase.at(-1)!['system-out']).toMatch(/^检查了 \d+ 个文件/);
  });

  it('carries hostile text escaped, with characters XML cannot hold removed', () => {
    expect(r.stdout).not.toContain('\u0001');
    const hostile = report.testsuites.testsuite
      .flatMap((s) => s.testcase)
      .find((c) => c.failure?.['#text']?.includes('<x>]]>&'));
    expect(hostile, r.stdout).toBeDefined();
    expect(hostile!.failure!['@_message']).toContain('<x>]]>&');
  });
});

describe('problems recorded in a baseline', () => {
  const result = check({ paths: ['.'], cwd: repo });
  // Mark the duplicates as recorded, as `check --baseline` does.
  const marked: Diagnostic[] = result.diagnostics.map((d) =>
    d.entry === D.duplicateId ? { ...d, baselined: true } : d,
  );
  const summary = { files: result.files, documents: result.documents.length };
  const out = (format: Parameters<typeof formatDiagnostics>[0], lang: 'zh-CN' | 'en' = 'zh-CN') =>
    formatDiagnostics(format, marked, summary, { lang, color: false, command: 'check', cwd: repo });
  const errors = result.diagnostics.filter((d) => d.entry.severity === 'error').length;

  it('are marked in the pretty output and counted apart in its summary', () => {
    const pretty = out('pretty');
    expect(pretty).toContain('registries/dup2.yaml:2:5 错误 [已记入基线] MC3001');
    expect(pretty).toContain(`${errors - 2} 个错误，1 个警告，2 个已记入基线。`);
    expect(out('pretty', 'en')).toContain('error [baselined] MC3001');
  });

  it('carry "baselined": true in JSON, and the summary counts them apart', () => {
    const body = JSON.parse(out('json')) as {
      summary: Record<string, number>;
      diagnostics: Record<string, unknown>[];
    };
    expect(body.summary).toMatchObject({ errors: errors - 2, baselined: 2 });
    expect(body.diagnostics.filter((d) => d['baselined'] === true).map((d) => d['code'])).toEqual([
      'MC3001',
      'MC3001',
    ]);
  });

  it('are suppressed results in SARIF, unchanged against the baseline, the others new', () => {
    const text = out('sarif');
    expect(sarifProblems(text)).toEqual([]);
    const results = (JSON.parse(text) as SarifLog).runs[0]!.results;
    for (const x of results) {
      if (x.ruleId === 'MC3001') {
        expect(x.suppressions).toEqual([{ kind: 'external' }]);
        expect(x.baselineState).toBe('unchanged');
      } else {
        expect(x.suppressions).toBeUndefined();
        expect(x.baselineState).toBe('new');
      }
    }
  });

  it('are notices in GitHub, skipped cases in JUnit and marked in GitLab', () => {
    const gh = parseGithub(out('github'));
    expect(gh.problems).toEqual([]);
    expect(
      gh.annotations
        .filter((a) => a.properties['title'] === '[已记入基线] matterc MC3001')
        .map((a) => a.command),
    ).toEqual(['notice', 'notice']);
    const junit = parseJunit(out('junit'));
    expect(junit.problems).toEqual([]);
    expect(Number(junit.report.testsuites['@_skipped'])).toBe(2);
    expect(Number(junit.report.testsuites['@_failures'])).toBe(errors - 2);
    const gitlab = out('gitlab');
    expect(gitlabProblems(gitlab)).toEqual([]);
    expect(
      (JSON.parse(gitlab) as GitlabIssue[]).filter((i) => i.description.startsWith('[已记入基线] MC3001')),
    ).toHaveLength(2);
  });
});

describe('a problem with no position of its own', () => {
  const source = new SourceText('registries/x.yaml', 'kind: Law\nid: l\n');
  const related = { source, range: { start: 14, end: 15 }, label: 'firstDefinedHere' as const };
  const summary = { files: 1, documents: 1 };
  const options = { lang: 'zh-CN' as const, color: false, command: 'diff' };

  it('is shown at its first related position where a platform needs a file', () => {
    const d = diagnostic(D.fileUnreadable, undefined, { reason: '测试' }, { related: [related] });
    const sarif = formatDiagnostics('sarif', [d], summary, options);
    expect(sarifProblems(sarif)).toEqual([]);
    const result = (JSON.parse(sarif) as SarifLog).runs[0]!.results[0]!;
    expect(result.locations![0]!.physicalLocation!.region.startLine).toBe(2);
    expect(gitlabProblems(formatDiagnostics('gitlab', [d], summary, options))).toEqual([]);
    expect(
      parseGithub(formatDiagnostics('github', [d], summary, options)).annotations[0]!.properties,
    ).toEqual({
      title: 'matterc MC1001',
    });
  });

  it('without any position, still gives valid SARIF, GitLab and JUnit output', () => {
    const d = diagnostic(D.fileUnreadable, undefined, { reason: '测试' });
    expect(sarifProblems(formatDiagnostics('sarif', [d], summary, options))).toEqual([
      'results/0: no physical location (GitHub code scanning refuses it)',
    ]);
    expect(gitlabProblems(formatDiagnostics('gitlab', [d], summary, options))).toEqual([]);
    const junit = parseJunit(formatDiagnostics('junit', [d], summary, options));
    expect(junit.problems).toEqual([]);
    expect(junit.report.testsuites.testsuite.map((s) => s['@_name'])).toEqual(['matterc diff']);
  });
});

describe('the consumers used above', () => {
  const repoRun = (format: string) => matterc(['check', '.', '--format', format], { cwd: repo }).stdout;

  it('refuse output that breaks their rules', () => {
    const sarif = JSON.parse(repoRun('sarif')) as { runs: { results: Record<string, unknown>[] }[] };
    sarif.runs[0]!.results[0]!['level'] = 'fatal';
    expect(sarifProblems(JSON.stringify(sarif)).join('\n')).toMatch(
      /must be equal to one of the allowed values/,
    );

    const gitlab = JSON.parse(repoRun('gitlab')) as GitlabIssue[];
    gitlab[0]!.location.path = `./${gitlab[0]!.location.path}`;
    gitlab[1]!.fingerprint = gitlab[0]!.fingerprint;
    const gitlabText = JSON.stringify(gitlab);
    expect(gitlabProblems(gitlabText)).toHaveLength(2);
    expect(gitlabProblems(`\uFEFF${gitlabText}`)).toContain('starts with a byte order mark');

    expect(parseGithub('::error line=1,file=a.yaml::x\n::error file=a,b.yaml::x\n').problems).toHaveLength(2);

    expect(parseJunit('<testsuites><testsuite name="a"></testsuites>').problems).toHaveLength(1);
  });
});

describe('check --baseline, end to end', () => {
  const dir = fixture('baselined');
  const recorded = matterc(['check', '.', '--baseline', 'baseline.json', '--update-baseline'], { cwd: dir });
  writeFileSync(
    join(dir, 'registries/new.yaml'),
    'kind: Department\nid: n\nname: 庚\nlevel: 省级\nnmae: 1\n',
  );
  const withBaseline = (format: string) =>
    matterc(['check', '.', '--baseline', 'baseline.json', '--format', format], { cwd: dir });

  it('lists the recorded problems marked in every format, and fails only on the new one', () => {
    expect(recorded.status).toBe(0);
    const body = JSON.parse(withBaseline('json').stdout) as {
      summary: { errors: number; baselined: number };
      diagnostics: { file?: string; baselined?: boolean }[];
    };
    expect(body.summary.errors).toBe(1);
    expect(body.summary.baselined).toBe(json.diagnostics.length);
    expect(body.diagnostics.filter((d) => !d.baselined).map((d) => d.file)).toEqual(['registries/new.yaml']);

    const sarif = withBaseline('sarif');
    expect(sarif.status).toBe(1);
    expect(sarifProblems(sarif.stdout)).toEqual([]);
    const results = (JSON.parse(sarif.stdout) as SarifLog).runs[0]!.results;
    expect(results.filter((x) => x.baselineState === 'new')).toHaveLength(1);
    expect(results.filter((x) => x.suppressions !== undefined)).toHaveLength(json.diagnostics.length);

    const github = parseGithub(withBaseline('github').stdout);
    expect(github.problems).toEqual([]);
    expect(github.annotations.filter((a) => a.command === 'error').map((a) => a.properties['file'])).toEqual([
      'registries/new.yaml',
    ]);

    const junit = parseJunit(withBaseline('junit').stdout);
    expect(junit.problems).toEqual([]);
    expect(junit.report.testsuites['@_failures']).toBe('1');

    const gitlab = withBaseline('gitlab').stdout;
    expect(gitlabProblems(gitlab)).toEqual([]);
    expect(
      (JSON.parse(gitlab) as GitlabIssue[]).filter((i) => !i.description.startsWith('[已记入基线]')),
    ).toHaveLength(1);
  });
});
