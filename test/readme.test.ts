/**
 * The README and docs/tutorial.md are executable documentation: every command in their ```sh blocks is
 * run here the way a person runs it, in one fresh clone of the work tree (copied, so uncommitted changes
 * are tested too, and made a git repository whose origin has main, for `diff origin/main`).
 *
 * - README first screen: the set-up line `npm ci && npm start` (offline, from the npm cache), `npm start`
 *   a second time, then `npx matterc --help`.
 * - README Development block: `npm run lint` runs (before the Usage lines write files into the clone);
 *   `npm ci` is the set-up line's first half, already run; `npm test` and `bash .ci/run` are not run —
 *   they would run this test again (and .ci/run installs system packages). Instead .ci/run must run the
 *   README's test line, read from the README by the same extractor.
 * - README Usage: every line, with its own arguments; an optional `[--option]` is run both with (first)
 *   and without it, an optional placeholder such as `[路径...]` is left out. Each run's exit code is
 *   looked up in USAGE_EXIT below: a README line missing there fails the test.
 * - docs/tutorial.md: in a fresh directory, in order, with matterc installed as a clerk would have it
 *   (`npm install -g`, into a private prefix); files the tutorial asks to save are saved; a ```text
 *   block after a command is its output, compared with the real one.
 *
 * Nothing may print a stack trace or “内部错误”.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script shared with .ci/run; no declarations
import { extractCommands, extractSteps, testLine } from '../.ci/readme-commands.mjs';
import { ROOT } from './helpers/run.js';

interface DocCommand {
  command: string;
  comment: string;
  heading: string;
  block: number;
  line: number;
  output: string[];
}
type Step =
  { type: 'run'; step: DocCommand } | { type: 'write'; file: string; content: string; line: number };

/**
 * Expected exit code of each run of a README Usage line (after optional groups are expanded). 0 and 1
 * are the documented outcomes (README: 0 no problems, 1 problems at the failing severity); 2 is never
 * expected of a documented line.
 */
const USAGE_EXIT: Record<string, 0 | 1> = {
  // The checkout holds test fixtures that are wrong on purpose: checking the whole checkout finds them.
  'npx matterc check': 1,
  'npx matterc check --format json': 1,
  'npx matterc check --lang en': 1,
  'npx matterc check --fail-on warning': 1,
  'npx matterc check --no-cache': 1,
  'MATTERC_THREADS=0 npx matterc check': 1,
  // Recording every problem first makes the same check pass; then only new problems fail.
  'npx matterc check --baseline 基线.json --update-baseline': 0,
  'npx matterc check --baseline 基线.json': 0,
  // The clone is origin/main itself, but the checkout's broken fixtures cannot be compared: diff does
  // not call that mergeable.
  'npx matterc diff origin/main --format markdown': 1,
  'npx matterc diff origin/main': 1,
  // Fixtures are deliberately unformatted or unparsable: --check reports them, fmt cannot fix them all.
  'npx matterc fmt --check': 1,
  'npx matterc fmt': 1,
  'npx matterc build examples/zhongshan --out demo': 0,
  'npx matterc validate-application gd-newborn-zs examples/guangdong/申请示例.json examples/guangdong': 0,
  'npx matterc report examples/zhongshan': 0,
  'npx matterc why newborn promisedLimit examples/guangdong': 0,
  'npx matterc compare examples/guangdong examples/fujian': 0,
  'npx matterc explain MC4009': 0,
  'npx matterc explain --list': 0,
  'npx matterc schema --out .matterc/schemas': 0,
  'npx matterc init 我的省份 --name 某省 --region 990000': 0,
};

/** Development block lines not run here, and why. */
const DEVELOPMENT_NOT_RUN: Record<string, string> = {
  'npm ci': 'the first half of the set-up line, already run in this clone',
  'npm test': 'would run this test again',
  'bash .ci/run':
    'runs npm test (this test again) and installs Debian packages; checked to run the README test line',
};

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const TUTORIAL_FILE = join(ROOT, 'docs/tutorial.md');
const commands = extractCommands(README) as DocCommand[];
const firstScreen = commands.filter((c) => c.block === 0);
const usage = commands.filter((c) => /Usage/.test(c.heading));
const development = commands.filter((c) => /Development/.test(c.heading));

const STACK = /^\s+at .+[(\s].*:\d+:\d+\)?$|ERR_MODULE_NOT_FOUND|node:internal|内部错误|internal error/im;

interface Run {
  status: number | null;
  out: string;
}

let top: string;
let clone: string;
const env: Record<string, string> = {
  ...(process.env as Record<string, string>),
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  GIT_AUTHOR_NAME: 'matterc readme test',
  GIT_AUTHOR_EMAIL: 'readme@example.invalid',
  GIT_COMMITTER_NAME: 'matterc readme test',
  GIT_COMMITTER_EMAIL: 'readme@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-05T09:00:00+08:00',
  GIT_COMMITTER_DATE: '2026-01-05T09:00:00+08:00',
};
delete env['VITEST'];
delete env['VITEST_WORKER_ID'];
delete env['NODE_OPTIONS'];

function sh(command: string, cwd: string, timeout = 600_000): Run {
  const r = spawnSync('bash', ['-c', command], { cwd, env, encoding: 'utf8', timeout, maxBuffer: 256 << 20 });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function git(args: string, cwd: string): void {
  const r = sh(`git ${args}`, cwd, 120_000);
  if (r.status !== 0) throw new Error(`git ${args}: ${r.out}`);
}

function expectClean(what: string, r: Run): void {
  expect(r.out, `${what} printed a stack trace or an internal error`).not.toMatch(STACK);
}

/** Runs of one README line: each concrete optional group included (first), then all left out. */
function variants(line: string): string[] {
  const groups = [...line.matchAll(/\s*\[([^\]]+)\]/g)];
  const bare = line.replace(/\s*\[[^\]]+\]/g, '').trim();
  if (groups.length === 0) return [line];
  const concrete = groups.filter((g) => !g[1]!.includes('...') && !/[^\x20-\x7e]/.test(g[1]!));
  if (concrete.length === 0) return [bare];
  const full = line
    .replace(/\s*\[([^\]]+)\]/g, (all, inner: string) =>
      concrete.some((g) => g[0] === all) ? ` ${inner}` : '',
    )
    .trim();
  return [full, bare];
}

beforeAll(() => {
  // One clone for the whole file: copy what git would commit (tracked and untracked-but-not-ignored
  // files as they are now), make it the main branch of an "origin", and clone that.
  top = mkdtempSync(join(tmpdir(), 'matterc-readme-'));
  const origin = join(top, 'origin');
  mkdirSync(origin);
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files: ${listed.stderr}`);
  for (const file of new Set(listed.stdout.split('\0').filter(Boolean))) {
    const from = join(ROOT, file);
    if (!existsSync(from)) continue; // deleted but not yet committed
    mkdirSync(dirname(join(origin, file)), { recursive: true });
    cpSync(from, join(origin, file), { verbatim: true } as never);
  }
  git('init -q -b main', origin);
  git('add .', origin);
  git('commit -q -m snapshot', origin);
  git(`clone -q ${JSON.stringify(origin)} work`, top);
  clone = join(top, 'work');
}, 120_000);

afterAll(() => {
  if (top && process.env['KEEP_README_CLONE'] !== '1') rmSync(top, { recursive: true, force: true });
});

describe('README', () => {
  it('first screen: the set-up line, npm start a second time, then npx matterc --help', () => {
    const setUp = firstScreen.find((c) => /npm start/.test(c.command));
    expect(setUp?.command, 'the first screen has the set-up line').toBe('npm ci && npm start');
    const first = sh(setUp!.command, clone);
    expectClean(setUp!.command, first);
    expect(first.status, first.out).toBe(0);
    expect(existsSync(join(clone, 'demo/site/index.html')), 'npm start writes the demo into demo/').toBe(
      true,
    );
    const again = sh('npm start', clone);
    expectClean('npm start (again)', again);
    expect(again.status, again.out).toBe(0);
    const help = sh('npx matterc --help', clone);
    expectClean('npx matterc --help', help);
    expect(help.status, help.out).toBe(0);
    expect(help.out).toMatch(/Usage: matterc/);
  }, 900_000);

  it('Development: npm run lint passes in the fresh clone; the others are accounted for', () => {
    for (const c of development) {
      if (c.command === 'npm run lint') continue;
      expect(
        DEVELOPMENT_NOT_RUN,
        `README Development line “${c.command}” is neither run nor excused`,
      ).toHaveProperty([c.command]);
    }
    const lint = sh('npm run lint', clone);
    expectClean('npm run lint', lint);
    expect(lint.status, lint.out).toBe(0);
  }, 900_000);

  it('.ci/run runs the README test line, read from the README by the shared extractor', () => {
    expect(testLine(README)).toBe('npm ci && npm test');
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toMatch(/\$\(node \.ci\/readme-commands\.mjs --test-line README\.md\)/);
    expect(ci).toMatch(/bash -c "\$readme_test"/);
    const printed = spawnSync(process.execPath, ['.ci/readme-commands.mjs', '--test-line', 'README.md'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(printed.stdout.trim()).toBe(testLine(README));
  });

  it('every Usage line runs with its own arguments and exits as documented', async () => {
    expect(usage.length).toBeGreaterThan(10);
    const missing = usage
      .flatMap((c) => variants(c.command))
      .filter((v) => !(v in USAGE_EXIT) && !/--watch\b/.test(v));
    expect(
      missing,
      'README Usage lines without an expected exit code in USAGE_EXIT (test/readme.test.ts)',
    ).toEqual([]);
    for (const c of usage) {
      for (const run of variants(c.command)) {
        if (/--watch\b/.test(run)) {
          await watch(run);
          continue;
        }
        const r = sh(run, clone, 300_000);
        expectClean(run, r);
        expect(r.status, `${run} (README line ${c.line})\n${r.out.slice(-3000)}`).toBe(USAGE_EXIT[run]);
      }
    }
  }, 1_800_000);
});

/** A --watch line: wait for “watching”, save a file, see a re-check, stop it (all bounded). */
async function watch(command: string): Promise<void> {
  // Its own process group: npx runs matterc as a grandchild, and stopping must reach it.
  const child = spawn('bash', ['-c', `exec ${command}`], { cwd: clone, env, detached: true });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const waitFor = (re: RegExp, ms: number) =>
    new Promise<boolean>((resolve) => {
      const started = Date.now();
      const tick = () => {
        if (re.test(out)) return resolve(true);
        if (Date.now() - started > ms || child.exitCode !== null) return resolve(false);
        setTimeout(tick, 100);
      };
      tick();
    });
  const file = join(clone, 'examples/guangdong/lists/gd-example-2024.yaml');
  const before = readFileSync(file, 'utf8');
  try {
    expect(await waitFor(/正在监视文件变化/, 120_000), `${command}: no “watching” message\n${out}`).toBe(
      true,
    );
    writeFileSync(file, `${before}# saved while watching\n`);
    expect(await waitFor(/重新检查：/, 60_000), `${command}: no re-check after a save\n${out}`).toBe(true);
  } finally {
    writeFileSync(file, before);
    const group = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    group('SIGINT');
    await new Promise((r) => setTimeout(r, 1000));
    group('SIGKILL');
  }
  expectClean(command, { status: 0, out });
}

describe('docs/tutorial.md', () => {
  const normalize = (text: string) =>
    text
      .replace(/\x1b\[[0-9;]*m/g, '')
      .replace(/\b[0-9a-f]{12}\b/g, '<commit>')
      .replace(/\d+ 毫秒/g, 'N 毫秒')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trim();

  it('runs from matterc init to the published page, each shown output as shown', () => {
    expect(existsSync(TUTORIAL_FILE)).toBe(true);
    const steps = extractSteps(readFileSync(TUTORIAL_FILE, 'utf8')) as Step[];
    expect(steps.filter((s) => s.type === 'run').length).toBeGreaterThan(8);
    // matterc as a clerk has it: installed from this clone, into a private prefix.
    // (When this test runs alone, the clone is not yet set up by the README's first line.)
    if (!existsSync(join(clone, 'dist/cli/main.js'))) expect(sh('npm ci', clone).status).toBe(0);
    const prefix = join(top, 'prefix');
    const install = sh(
      `npm install -g --prefix ${JSON.stringify(prefix)} --offline --no-audit --no-fund ${JSON.stringify(clone)}`,
      top,
    );
    expect(install.status, install.out).toBe(0);
    expect(existsSync(join(prefix, 'bin/matterc')), 'matterc is installed into the private prefix').toBe(
      true,
    );
    const saved = { PATH: env['PATH'], npm_config_prefix: env['npm_config_prefix'] };
    env['PATH'] = `${join(prefix, 'bin')}:${env['PATH']}`;
    env['npm_config_prefix'] = prefix;
    try {
      let cwd = join(top, 'tutorial');
      mkdirSync(cwd);
      for (const s of steps) {
        if (s.type === 'write') {
          mkdirSync(dirname(join(cwd, s.file)), { recursive: true });
          writeFileSync(join(cwd, s.file), s.content);
          continue;
        }
        const { command, comment, line, output } = s.step;
        const cd = /^cd\s+(\S+)$/.exec(command);
        if (cd) {
          cwd = join(cwd, cd[1]!);
          expect(existsSync(cwd), `tutorial line ${line}: ${command}`).toBe(true);
          continue;
        }
        const r = sh(command, cwd, 300_000);
        expectClean(`tutorial line ${line}: ${command}`, r);
        // A command the tutorial expects to fail says so in its comment: “退出码 1”.
        const expected = /退出码\s*1/.test(comment) ? 1 : 0;
        expect(r.status, `tutorial line ${line}: ${command}\n${r.out}`).toBe(expected);
        if (output.length > 0)
          expect(normalize(r.out), `tutorial line ${line}: ${command} — the output shown differs`).toBe(
            normalize(output.join('\n')),
          );
      }
    } finally {
      env['PATH'] = saved.PATH!;
      if (saved.npm_config_prefix === undefined) delete env['npm_config_prefix'];
      else env['npm_config_prefix'] = saved.npm_config_prefix;
    }
  }, 900_000);
});
