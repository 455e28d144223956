import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gitlabProblems,
  parseGithub,
  parseJunit,
  type SarifLog,
  sarifProblems,
} from './helpers/consumers.js';
import { matterc, ROOT } from './helpers/run.js';
import { expectCode } from './helpers/expect-code.js';
import { GIT_IDENTITY } from './helpers/git.js';

/**
 * A provincial list repository with a commit history made here with git, one commit per kind of
 * change; `matterc diff` must classify every change and point at it on both sides.
 */

interface Position {
  file: string;
  line: number;
  column: number;
}
interface JsonChange {
  class: string;
  code: string;
  message: string;
  path: string;
  base?: Position;
  head?: Position;
  waiver?: { id: string };
}
interface JsonDiff {
  failed: boolean;
  summary: Record<string, number>;
  changes: JsonChange[];
}

let repo: string;
const rev: Record<string, string> = {};
const MATTER = 'matters/gd-birth-medical-certificate.yaml';
const BUNDLE = 'bundles/gd-newborn-zs.yaml';
const LIST = 'lists/gd-example-2024.yaml';

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...GIT_IDENTITY,
    },
  }).trim();
}

function edit(file: string, from: string, to: string): void {
  const path = join(repo, file);
  const text = readFileSync(path, 'utf8');
  expect(text.includes(from), `${file} contains ${from}`).toBe(true);
  writeFileSync(path, text.replace(from, to));
}

function commit(name: string): void {
  git('add', '-A');
  git('commit', '-q', '-m', name);
  git('tag', name);
  rev[name] = git('rev-parse', 'HEAD');
}

/** The 1-based line of the first line containing `needle` in a file at a revision. */
function lineAt(revision: string, file: string, needle: string): number {
  const lines = git('show', `${revision}:${file}`).split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  expect(i, `${needle} in ${file}@${revision}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

function diff(...args: string[]): { status: number | null; json: JsonDiff; stderr: string } {
  const r = matterc(['diff', ...args, '--format', 'json', '--date', '2026-01-01'], { cwd: repo });
  return { status: r.status, json: JSON.parse(r.stdout) as JsonDiff, stderr: r.stderr };
}

function change(d: JsonDiff, path: string): JsonChange {
  const found = d.changes.filter((c) => c.path === path);
  expect(
    found.map((c) => c.path),
    `one change at ${path}; got ${d.changes.map((c) => c.path).join(', ')}`,
  ).toEqual([path]);
  return found[0]!;
}

/** The change is of this class and sits on the expected lines on both sides. */
function expectChange(
  d: JsonDiff,
  path: string,
  cls: string,
  base: [string, string, string] | undefined,
  head: [string, string, string] | undefined,
): JsonChange {
  const c = change(d, path);
  expect(c.class, path).toBe(cls);
  if (base)
    expect(c.base, `${path} base`).toMatchObject({ file: base[1], line: lineAt(base[0], base[1], base[2]) });
  else expect(c.base).toBeUndefined();
  if (head)
    expect(c.head, `${path} head`).toMatchObject({ file: head[1], line: lineAt(head[0], head[1], head[2]) });
  else expect(c.head).toBeUndefined();
  return c;
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'matterc-diff-'));
  cpSync(join(ROOT, 'examples/guangdong'), repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  commit('base');

  // Heavier for the citizen, in every element the reform counts.
  edit(
    MATTER,
    '  - id: parents-id-card\n',
    '  - id: household-register\n    material: household-register\n    name: 户口簿\n    channel: 申请人自备\n    form: 原件\n    necessity: 必要\n    originals: 1\n    copies: 0\n  - id: parents-id-card\n',
  );
  edit(MATTER, '    necessity: 必要\n    when: exists(父亲.姓名)\n', '    necessity: 必要\n');
  edit(MATTER, 'promisedLimit: 即办', 'promisedLimit: 3个工作日');
  edit(
    MATTER,
    '  - id: first-issuance\n',
    '  - id: local-residence\n    text: 申请人在本市居住满一年。\n  - id: first-issuance\n',
  );
  edit(BUNDLE, 'visits: 1', 'visits: 2');
  edit(BUNDLE, 'eligible: 新生儿.月龄 < 12', 'eligible: 新生儿.月龄 < 6');
  edit(LIST, '  - id: restaurant-opening\n    bundle: gd-restaurant-opening\n', '');
  commit('heavier');

  // Neutral: a new matter integrated into the bundle, a department changed.
  git('checkout', '-q', '-b', 'b-neutral', rev['base']!);
  writeFileSync(
    join(repo, 'matters/gd-extra.yaml'),
    readFileSync(join(repo, 'matters/gd-parenting-guidance-registration.yaml'), 'utf8')
      .replace('id: gd-parenting-guidance-registration', 'id: gd-extra')
      .replace(/\nname: .*\n/, '\nname: 新生儿家庭访视预约\n'),
  );
  edit(
    BUNDLE,
    '  - id: parenting-guidance\n',
    '  - id: home-visit\n    matter: gd-extra\n    optional: true\n  - id: parenting-guidance\n',
  );
  commit('neutral');

  // Editorial: a comment, wording, order.
  edit(MATTER, '# 不是广东省', '# 注释改动：不是广东省');
  edit(BUNDLE, 'name: 新生儿出生一件事（中山示例）', 'name: 新生儿出生“一件事”（中山示例）');
  const list = readFileSync(join(repo, LIST), 'utf8');
  const [a, b, c] = [
    list.indexOf('  - id: newborn'),
    list.indexOf('  - id: restaurant-opening'),
    list.indexOf('\nnote:') + 1,
  ];
  writeFileSync(join(repo, LIST), list.slice(0, a) + list.slice(b, c) + list.slice(a, b) + list.slice(c));
  commit('editorial');
  const registry = readFileSync(join(repo, 'registries/laws.yaml'), 'utf8');
  writeFileSync(join(repo, 'registries/laws.yaml'), `# 只改注释\n${registry}`);
  commit('comment-only');

  // More ways to be heavier: fee, step, online depth, handling form, form field, necessity, copies.
  git('checkout', '-q', '-b', 'b-heavier-2', rev['base']!);
  edit(
    MATTER,
    '    necessity: 必要\n    when: not exists(父亲.姓名)\n    originals: 1\n    copies: 0\n    paperSpec: A4\n',
    '    necessity: 非必要\n    when: not exists(父亲.姓名)\n    originals: 1\n    copies: 0\n    paperSpec: A4\n',
  );
  commit('base-2');
  edit(
    MATTER,
    'fee:\n  charged: false\n',
    'fee:\n  charged: true\n  basis:\n    - 《示例收费办法》\n  items:\n    - id: card-fee\n      name: 工本费\n      standard: 每证10元\n',
  );
  edit(
    MATTER,
    '  - id: print\n',
    '  - id: expert-review\n    name: 专家评审\n    phase: 审查\n    limit: 5个工作日\n  - id: print\n',
  );
  edit(MATTER, '  - 互联网预审\n', '');
  edit(MATTER, '  - 网上办理\n', '');
  edit(MATTER, '  - field: 父亲.姓名\n    required: false\n', '  - field: 父亲.姓名\n');
  edit(MATTER, '    necessity: 非必要\n', '    necessity: 必要\n');
  edit(
    MATTER,
    '    originals: 1\n    copies: 0\n    paperSpec: A4\n    acceptanceStandard: 填写完整',
    '    originals: 1\n    copies: 2\n    paperSpec: A4\n    acceptanceStandard: 填写完整',
  );
  commit('heavier-2');

  // A burden increase with an approved waiver.
  git('checkout', '-q', '-b', 'b-waived', rev['base']!);
  edit(
    BUNDLE,
    '  - id: parenting-guidance\n    matter: gd-parenting-guidance-registration\n    optional: true\n',
    '',
  );
  edit(
    LIST,
    'items:\n',
    'waivers:\n  - id: w-parenting\n    code: MC6008\n    subject: gd-newborn-zs\n    item: parenting-guidance\n    basis: 《示例条例》第十条\n    document: 示例〔2026〕1号\n    approver: 示例省政务服务管理局\n    expires: "2026-06-30"\nitems:\n',
  );
  commit('waived');
  git('checkout', '-q', 'main');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('matterc diff on a repository history', () => {
  it('classifies every burden increase, with the position on both sides', () => {
    const { status, json } = diff(rev['base']!, rev['heavier']!);
    expect(status).toBe(1);
    expect(json.failed).toBe(true);
    const [b, h] = [rev['base']!, rev['heavier']!];
    const m = 'Matter:gd-birth-medical-certificate';
    expectChange(
      json,
      `${m}/materials/household-register`,
      'burden-increased',
      [b, MATTER, '  - id: application-form'],
      [h, MATTER, '  - id: household-register'],
    );
    expectChange(
      json,
      `${m}/materials/parents-id-card/when`,
      'burden-increased',
      [b, MATTER, 'when: exists(父亲.姓名)'],
      [h, MATTER, '  - id: parents-id-card'],
    );
    expectChange(
      json,
      `${m}/promisedLimit`,
      'burden-increased',
      [b, MATTER, 'promisedLimit:'],
      [h, MATTER, 'promisedLimit:'],
    );
    expectChange(
      json,
      `${m}/conditions/local-residence`,
      'burden-increased',
      [b, MATTER, '  - id: born-in-licensed-facility'],
      [h, MATTER, '  - id: local-residence'],
    );
    expectChange(
      json,
      'Bundle:gd-newborn-zs/visits',
      'burden-increased',
      [b, BUNDLE, 'visits:'],
      [h, BUNDLE, 'visits:'],
    );
    expectChange(
      json,
      'Bundle:gd-newborn-zs/eligible',
      'burden-increased',
      [b, BUNDLE, 'eligible:'],
      [h, BUNDLE, 'eligible:'],
    );
    const dropped = expectChange(
      json,
      'List:gd-example-2024/items/restaurant-opening',
      'burden-increased',
      [b, LIST, '  - id: restaurant-opening'],
      [h, LIST, '  - id: newborn'],
    );
    expect(dropped.code).toBe('MC7101');
    expectCode([dropped], 'MC7101');
    expect(dropped.message).toContain('开办餐饮店');
    expect(json.changes.every((c) => c.class === 'burden-increased')).toBe(true);
    expect(json.summary['burden-increased']).toBe(7);
  });

  it('reads the same history backwards as burden reductions and a new item', () => {
    const { status, json } = diff(rev['heavier']!, rev['base']!);
    expect(status).toBe(0);
    const m = 'Matter:gd-birth-medical-certificate';
    const [h, b] = [rev['heavier']!, rev['base']!];
    expectChange(
      json,
      `${m}/materials/household-register`,
      'burden-reduced',
      [h, MATTER, '  - id: household-register'],
      [b, MATTER, '  - id: application-form'],
    );
    expectChange(
      json,
      `${m}/materials/parents-id-card/when`,
      'burden-reduced',
      [h, MATTER, '  - id: parents-id-card'],
      [b, MATTER, 'when: exists(父亲.姓名)'],
    );
    expectChange(
      json,
      `${m}/promisedLimit`,
      'burden-reduced',
      [h, MATTER, 'promisedLimit:'],
      [b, MATTER, 'promisedLimit:'],
    );
    expectChange(
      json,
      'Bundle:gd-newborn-zs/eligible',
      'burden-reduced',
      [h, BUNDLE, 'eligible:'],
      [b, BUNDLE, 'eligible:'],
    );
    expectChange(
      json,
      'List:gd-example-2024/items/restaurant-opening',
      'neutral',
      [h, LIST, '  - national-2024-1'],
      [b, LIST, '  - id: restaurant-opening'],
    );
    expect(json.summary['burden-increased']).toBe(0);
    expect(new Set(json.changes.map((c) => c.code))).toEqual(new Set(['MC7103', 'MC7104']));
    expectCode(json.changes, 'MC7104');
    expectCode(json.changes, 'MC7103');
  });

  it('classifies new matters and added integration as neutral', () => {
    const { status, json } = diff(rev['base']!, rev['neutral']!);
    expect(status).toBe(0);
    const [b, n] = [rev['base']!, rev['neutral']!];
    expectChange(json, 'Matter:gd-extra', 'neutral', undefined, [n, 'matters/gd-extra.yaml', 'kind: Matter']);
    expectChange(
      json,
      'Bundle:gd-newborn-zs/components/home-visit',
      'neutral',
      [b, BUNDLE, '  - id: fertility-registration-voucher'],
      [n, BUNDLE, '  - id: home-visit'],
    );
    expect(json.changes.map((c) => c.class)).toEqual(['neutral', 'neutral']);
    expect(json.changes.map((c) => c.code)).toEqual(['MC7104', 'MC7104']);
  });

  it('classifies wording, order and comments as editorial', () => {
    const { status, json } = diff('neutral', 'editorial');
    expect(status).toBe(0);
    const [n, e] = [rev['neutral']!, rev['editorial']!];
    expectChange(json, 'Bundle:gd-newborn-zs/name', 'editorial', [n, BUNDLE, 'name:'], [e, BUNDLE, 'name:']);
    expectChange(
      json,
      'List:gd-example-2024/items',
      'editorial',
      [n, LIST, '  - id: newborn'],
      [e, LIST, '  - id: restaurant-opening'],
    );
    expectChange(
      json,
      `${MATTER}#text`,
      'editorial',
      [n, MATTER, '# yaml-language-server'],
      [e, MATTER, '# yaml-language-server'],
    );
    expect(json.changes.every((c) => c.class === 'editorial')).toBe(true);
    expect(json.changes.every((c) => c.code === 'MC7105')).toBe(true);
    expectCode(json.changes, 'MC7105');
    const comment = diff('editorial', 'comment-only');
    expect(comment.json.changes.map((c) => [c.class, c.path])).toEqual([
      ['editorial', 'registries/laws.yaml#text'],
    ]);
  });

  it('classifies fees, steps, online depth, handling forms, fields, necessity and copies', () => {
    const { json } = diff('base-2', 'heavier-2');
    const [b, h] = [rev['base-2']!, rev['heavier-2']!];
    const m = 'Matter:gd-birth-medical-certificate';
    expectChange(
      json,
      `${m}/fee/charged`,
      'burden-increased',
      [b, MATTER, '  charged: false'],
      [h, MATTER, '  charged: true'],
    );
    expectChange(
      json,
      `${m}/fee/items/card-fee`,
      'burden-increased',
      [b, MATTER, '  charged: false'],
      [h, MATTER, '    - id: card-fee'],
    );
    expectChange(
      json,
      `${m}/steps/expert-review`,
      'burden-increased',
      [b, MATTER, '  - id: apply'],
      [h, MATTER, '  - id: expert-review'],
    );
    expectChange(
      json,
      `${m}/onlineDepth`,
      'burden-increased',
      [b, MATTER, '  - 互联网咨询'],
      [h, MATTER, '  - 互联网咨询'],
    );
    expectChange(
      json,
      `${m}/handlingForms`,
      'burden-increased',
      [b, MATTER, '  - 窗口办理'],
      [h, MATTER, '  - 窗口办理'],
    );
    expectChange(
      json,
      `${m}/fields/父亲.姓名/required`,
      'burden-increased',
      [b, MATTER, '    required: false'],
      [h, MATTER, '  - field: 父亲.姓名'],
    );
    expectChange(
      json,
      `${m}/materials/application-form/copies`,
      'burden-increased',
      [b, MATTER, '    copies: 0'],
      [h, MATTER, '    copies: 2'],
    );
    const necessity = json.changes.filter((c) => c.path.endsWith('/necessity'));
    expect(necessity.map((c) => c.class)).toEqual(necessity.map(() => 'burden-increased'));
    expect(necessity.length).toBeGreaterThan(0);
    // The fee's legal basis has no direction for the applicant.
    expectChange(
      json,
      `${m}/fee/basis`,
      'neutral',
      [b, MATTER, '  charged: false'],
      [h, MATTER, '    - 《示例收费办法》'],
    );
    expect(json.changes.filter((c) => c.class !== 'burden-increased').map((c) => c.path)).toEqual([
      `${m}/fee/basis`,
    ]);
  });

  it('writes its changes in the machine formats, read by their consumers', () => {
    const run = (format: string) => matterc(['diff', 'base', 'heavier', '--format', format], { cwd: repo });
    const sarif = run('sarif');
    expect(sarif.status).toBe(1);
    expect(sarifProblems(sarif.stdout)).toEqual([]);
    const log = JSON.parse(sarif.stdout) as SarifLog;
    const results = log.runs[0]!.results ?? [];
    expect(results.length).toBe(7);
    expect(results.every((r) => r.ruleId === 'MC7101' && r.level === 'error')).toBe(true);
    // The change sits at its head position, the base position is related.
    const added = results.find((r) => r.properties?.semanticPath?.endsWith('/materials/household-register'))!;
    expect(added.locations![0]!.physicalLocation!.region.startLine).toBe(
      lineAt(rev['heavier']!, MATTER, '  - id: household-register'),
    );
    expect(added.relatedLocations![0]!.physicalLocation.region.startLine).toBe(
      lineAt(rev['base']!, MATTER, '  - id: application-form'),
    );
    const gitlab = run('gitlab');
    expect(gitlabProblems(gitlab.stdout)).toEqual([]);
    const github = parseGithub(run('github').stdout);
    expect(github.problems).toEqual([]);
    expect(github.annotations.filter((a) => a.command === 'error').length).toBe(7);
    const junit = parseJunit(run('junit').stdout);
    expect(junit.problems).toEqual([]);
  });

  it('--fail-on sets the exit code by class', () => {
    const args = ['diff', 'neutral', 'editorial'];
    expect(matterc([...args, '--fail-on', 'editorial'], { cwd: repo }).status).toBe(1);
    expect(matterc([...args, '--fail-on', 'neutral'], { cwd: repo }).status).toBe(0);
    expect(matterc(['diff', 'base', 'neutral', '--fail-on', 'neutral'], { cwd: repo }).status).toBe(1);
    expect(matterc(['diff', 'base', 'heavier', '--fail-on', 'none'], { cwd: repo }).status).toBe(0);
  });

  it('does not fail on a burden increase covered by a waiver in force, and fails once it expired', () => {
    const { status, json } = diff('base', 'waived');
    expect(status).toBe(0);
    const c = change(json, 'Bundle:gd-newborn-zs/components/parenting-guidance');
    expect(c).toMatchObject({ class: 'burden-increased', code: 'MC7102', waiver: { id: 'w-parenting' } });
    expectCode(json.changes, 'MC7102');
    const later = matterc(['diff', 'base', 'waived', '--format', 'json', '--date', '2026-07-01'], {
      cwd: repo,
    });
    expect(later.status).toBe(1);
    expect((JSON.parse(later.stdout) as JsonDiff).changes[0]).toMatchObject({ code: 'MC7101' });
  });

  it('compares directories and the working tree, by id and not by position', () => {
    const dir = mkdtempSync(join(tmpdir(), 'matterc-diff-dir-'));
    try {
      cpSync(join(ROOT, 'examples/guangdong'), dir, { recursive: true });
      const same = matterc(['diff', join(ROOT, 'examples/guangdong'), dir, '--format', 'json'], {
        cwd: repo,
      });
      expect(same.status).toBe(0);
      expect((JSON.parse(same.stdout) as JsonDiff).changes).toEqual([]);
      git('checkout', '-q', 'heavier');
      // The working tree (no HEAD argument) against a directory holding the base.
      const r = matterc(['diff', dir, '--format', 'json'], { cwd: repo });
      expect(r.status).toBe(1);
      expect((JSON.parse(r.stdout) as JsonDiff).summary['burden-increased']).toBe(7);
    } finally {
      git('checkout', '-q', 'main');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a Markdown report for the merge request and a terminal report, in both languages', () => {
    const md = matterc(['diff', 'base', 'heavier', '--format', 'markdown'], { cwd: repo });
    expect(md.status).toBe(1);
    expect(md.stdout).toContain('**结论：不能合并。**');
    expect(md.stdout).toContain('### 加重负担（7）');
    expect(md.stdout).toMatch(
      /\| 新增必要材料“户口簿” \| `Matter:gd-birth-medical-certificate\/materials\/household-register` \| matters\/gd-birth-medical-certificate\.yaml:\d+:\d+ \| matters\/gd-birth-medical-certificate\.yaml:\d+:\d+ \|/,
    );
    const en = matterc(['diff', 'base', 'heavier', '--lang', 'en'], { cwd: repo });
    expect(en.stdout).toContain('Burden increased (7)');
    expect(en.stdout).toContain('New 必要 material "户口簿"');
    expect(en.stdout).toContain('Verdict: do not merge.');
  });

  it('keeps Markdown table cells inert', () => {
    git('checkout', '-q', '-b', 'hostile', 'base');
    try {
      edit(
        BUNDLE,
        'name: 新生儿出生一件事（中山示例）',
        'name: "a | b <script>x</script> `c` [l](javascript:x)"',
      );
      git('commit', '-q', '-am', 'hostile');
      const md = matterc(['diff', 'base', 'hostile', '--format', 'markdown'], { cwd: repo }).stdout;
      const row = md.split('\n').find((l) => l.includes('script'))!;
      expect(row).toContain('&lt;script&gt;');
      expect(row).toContain('a \\| b');
      expect(row).toContain('\\[l\\](javascript:x)');
      expect(row.split(/(?<!\\)\|/).length).toBe(6);
    } finally {
      git('checkout', '-q', 'main');
    }
  });

  it('reports a side that is neither a directory nor a revision (exit 2)', () => {
    const r = matterc(['diff', 'no-such-branch'], { cwd: repo });
    expect(r.status).toBe(2);
    expectCode(r.stderr, 'MC9011');
    expect(r.stderr).toContain('no-such-branch');
  });

  it('never calls mergeable a change it could not compare: a side with schema or YAML errors fails (MC7120)', () => {
    git('checkout', '-q', '-b', 'broken', 'base');
    try {
      // Heavier and misspelt: the matter fails the schema, so its burden increase cannot be seen.
      edit(MATTER, 'promisedLimit: 即办', 'promisedLimit: 3个工作日\npromisedLimt: 即办');
      writeFileSync(join(repo, 'matters/gd-unreadable.yaml'), 'kind: Matter\nid: [unclosed\n');
      git('add', '-A');
      git('commit', '-q', '-m', 'broken');
      const d = diff('base', 'broken');
      expect(d.status).toBe(1);
      expect(d.json.failed).toBe(true);
      const notCompared = (
        d.json as unknown as { notCompared: { side: string; file: string; codes: string[] }[] }
      ).notCompared;
      expect(notCompared.map((n) => [n.side, n.file])).toEqual([
        ['head', MATTER],
        ['head', 'matters/gd-unreadable.yaml'],
      ]);
      expect(notCompared[1]!.codes).toContain('MC1007');
      // The unreadable file is not taken for a removal or an addition.
      expect(
        d.json.changes.filter((c) => c.path.includes('gd-unreadable') && c.class !== 'editorial'),
      ).toEqual([]);

      const md = matterc(['diff', 'base', 'broken', '--format', 'markdown'], { cwd: repo });
      expect(md.status).toBe(1);
      expect(md.stdout).toContain('**结论：不能合并。**');
      expect(md.stdout).not.toContain('可以合并');
      expect(md.stdout).toContain('### 未能比较的文档（2）');
      expect(md.stdout).toMatch(
        /\| 新版本 \| matters\/gd-birth-medical-certificate\.yaml:\d+:\d+ \| MC\d{4}/,
      );
      expect(md.stdout).toContain('matters/gd-unreadable.yaml');
      const pretty = matterc(['diff', 'base', 'broken', '--lang', 'en', '--no-color'], { cwd: repo });
      expect(pretty.status).toBe(1);
      expectCode(pretty.stdout, 'MC7120');
      expect(pretty.stdout).toContain('Verdict: do not merge.');

      // --fail-on none: exit 0 as asked, but still not called mergeable.
      const none = matterc(['diff', 'base', 'broken', '--format', 'markdown', '--fail-on', 'none'], {
        cwd: repo,
      });
      expect(none.status).toBe(0);
      expect(none.stdout).not.toContain('可以合并');
      expect(none.stdout).toContain('### 未能比较的文档（2）');
      // Machine formats carry it as a finding.
      const github = matterc(['diff', 'base', 'broken', '--format', 'github'], { cwd: repo });
      expect(github.status).toBe(1);
      expect(github.stdout).toMatch(/::error file=matters\/gd-unreadable\.yaml.*MC7120/);

      // A base that failed to compile is no better: what it held is unknown.
      const backwards = diff('broken', 'base');
      expect(backwards.status).toBe(1);
      expect(backwards.json.failed).toBe(true);
    } finally {
      git('checkout', '-q', 'main');
    }
  });

  it('leaves a list item out when its bundle was not compared: no false dropped and new item', () => {
    git('checkout', '-q', '-b', 'broken-bundle', 'base');
    try {
      // The bundle refining the national newborn fails the schema: its list item is not known to be
      // the national one, and it is not dropped either. A real change in the same list still shows.
      edit(BUNDLE, 'visits: 1', 'visits: 1\nvists: 2');
      edit(LIST, '  - id: restaurant-opening\n    bundle: gd-restaurant-opening\n', '');
      git('add', '-A');
      git('commit', '-q', '-m', 'broken-bundle');
      const d = diff('base', 'broken-bundle');
      expect(d.status).toBe(1);
      expect(d.json.failed).toBe(true);
      const notCompared = (d.json as unknown as { notCompared: { side: string; file: string }[] })
        .notCompared;
      expect(notCompared.map((n) => [n.side, n.file])).toEqual([['head', BUNDLE]]);
      expect(d.json.changes.map((c) => c.path)).toEqual(['List:gd-example-2024/items/restaurant-opening']);
      // Nor is the file not compared said to have changed in layout only.
      expect(d.json.changes.filter((c) => c.path.startsWith(BUNDLE))).toEqual([]);

      // The other way round, the base side is the one not compared: the same item is left out.
      const backwards = diff('broken-bundle', 'base');
      expect(backwards.status).toBe(1);
      expect(backwards.json.changes.map((c) => c.path)).toEqual([
        'List:gd-example-2024/items/restaurant-opening',
      ]);
    } finally {
      git('checkout', '-q', 'main');
    }
  });

  it('warns that the head revision has errors (MC7110) and still compares', () => {
    const r = matterc(['diff', 'base', 'heavier'], { cwd: repo });
    expectCode(r.stderr, 'MC7110');
  });
});
