import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { matterc, ROOT } from './helpers/run.js';
import { expectCode } from './helpers/expect-code.js';
import { mulberry32 } from './helpers/random.js';

/**
 * No command line is an internal error. Random and hostile argument vectors go to every subcommand:
 * the answer is never "内部错误" nor a stack trace, and a vector with an invalid option (unknown, value
 * missing or refused) exits 2 with a message naming that option. Most run in process through `main`
 * (fast); a few through the real binary. Everything runs in a temporary directory holding a copy of an
 * example, with relative paths that stay inside it, so commands that write touch nothing else.
 */

/** What an option takes, to make a valid value and know which hostile ones it must refuse. */
type Value =
  | { kind: 'flag' }
  | { kind: 'choice'; choices: readonly string[] }
  | { kind: 'date' }
  | { kind: 'number' }
  | { kind: 'path'; valid: readonly string[] }
  | { kind: 'directory'; valid: readonly string[] }
  | { kind: 'region' }
  | { kind: 'text'; valid: readonly string[] };

interface CommandSpec {
  /** Positional arguments that are valid (nonexistent paths included: they are reported, not crashes). */
  readonly positional: (pick: <T>(xs: readonly T[]) => T) => string[];
  readonly options: Readonly<Record<string, Value>>;
}

const LANG: Value = { kind: 'choice', choices: ['zh-CN', 'en'] };
const DATE: Value = { kind: 'date' };
const FLAG: Value = { kind: 'flag' };
const REPO_PATHS = ['repo', 'repo/matters', '.', 'no/such/dir', '中文目录', 'a b', '-'];
const OUT_PATHS = ['out', 'out/nested', '新目录'];

/** Never --watch (it does not return); paths stay inside the temporary directory. */
const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  check: {
    positional: () => ['repo'],
    options: {
      '--format': { kind: 'choice', choices: ['pretty', 'json', 'sarif', 'github', 'gitlab', 'junit'] },
      '--lang': LANG,
      '--fail-on': { kind: 'choice', choices: ['error', 'warning', 'info'] },
      '--max-file-size': { kind: 'number' },
      '--date': DATE,
      '--baseline': { kind: 'path', valid: ['baseline.json', 'no-such-baseline.json'] },
      '--no-cache': FLAG,
      '--no-color': FLAG,
    },
  },
  schema: {
    positional: () => [],
    options: { '--out': { kind: 'path', valid: OUT_PATHS }, '--lang': LANG },
  },
  explain: {
    positional: () => ['MC9002'],
    options: { '--list': FLAG, '--markdown': FLAG, '--lang': LANG },
  },
  init: {
    positional: () => ['scaffold'],
    options: {
      '--name': { kind: 'text', valid: ['示例省', 'x'] },
      '--region': { kind: 'region' },
      '--force': FLAG,
      '--lang': LANG,
    },
  },
  'validate-application': {
    positional: (pick) => [
      'gd-newborn-zs',
      pick(['application.json', 'repo', 'repo/matters/gd-birth-medical-certificate.yaml']),
      'repo',
    ],
    options: { '--format': { kind: 'choice', choices: ['pretty', 'json'] }, '--lang': LANG },
  },
  build: {
    positional: () => ['repo'],
    options: {
      '--out': { kind: 'path', valid: OUT_PATHS },
      '--templates': { kind: 'directory', valid: ['repo/matters', 'repo'] },
      '--date': DATE,
      '--lang': LANG,
    },
  },
  fmt: {
    positional: () => ['repo'],
    options: { '--check': FLAG, '--diff': FLAG, '--lang': LANG },
  },
  diff: {
    positional: () => ['repo', 'repo'],
    options: {
      '--format': {
        kind: 'choice',
        choices: ['pretty', 'markdown', 'json', 'sarif', 'github', 'gitlab', 'junit'],
      },
      '--fail-on': {
        kind: 'choice',
        choices: ['burden-increased', 'burden-reduced', 'neutral', 'editorial', 'none'],
      },
      '--date': DATE,
      '--lang': LANG,
      '--no-color': FLAG,
    },
  },
  why: {
    positional: () => ['gd-newborn-zs', 'promisedLimit', 'repo'],
    options: {
      '--list': { kind: 'text', valid: ['gd-example-2024', 'no-such-list'] },
      '--format': { kind: 'choice', choices: ['pretty', 'json'] },
      '--lang': LANG,
    },
  },
  report: {
    positional: () => ['repo'],
    options: {
      '--format': { kind: 'choice', choices: ['md', 'json', 'html'] },
      '--date': DATE,
      '--lang': LANG,
    },
  },
  compare: {
    positional: () => ['repo', 'repo'],
    options: { '--format': { kind: 'choice', choices: ['md', 'json'] }, '--lang': LANG },
  },
};

/** Values every typed option must refuse (text options accept anything but NUL). */
const HOSTILE = [
  '',
  ' ',
  'a\u0000b',
  '\u0001\u001b[31m',
  '\n',
  '2025-13-01',
  '2025-00-10',
  '2025-02-30',
  '2025-02-29',
  '2025-1-1',
  '0000-00-00',
  '9999-99-99',
  '20250101',
  '2025-01-01T00:00:00Z',
  '-1',
  '0',
  '-0',
  '1e400',
  '1e3',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '0x10',
  '１２',
  '…',
  '中文',
  '😀',
  'PRETTY',
  'zh',
  'EN',
  '%s%n',
  "'; rm -rf ~",
  '$(id)',
  'x'.repeat(5000),
];
/** Random tokens for vectors with no oracle: whatever they mean, no crash. */
const JUNK = [
  ...HOSTILE,
  '--',
  '-',
  '-x',
  '-h',
  '--bogus',
  '--date',
  '--lang',
  '--format=',
  '--lang=en',
  'repo',
];
const UNKNOWN = ['--bogus', '--lnag', '--formatt', '--no-such', '-x', '--date-x', '--watchh', '-Z'];

function valueIsValid(value: Value, v: string): boolean {
  if (v.includes('\u0000')) return false;
  switch (value.kind) {
    case 'flag':
      return true;
    case 'choice':
      return value.choices.includes(v);
    case 'date':
      return (
        /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v) && !['2025-02-30', '2025-02-29'].includes(v)
      );
    case 'number':
      return /^\d+(\.\d+)?$/.test(v) && Number(v) > 0;
    case 'path':
      return v.trim() !== '';
    case 'directory':
      return false; // no hostile value names a directory there
    case 'region':
      return /^\d{6}$/.test(v);
    case 'text':
      return true;
  }
}

function validValue(value: Value, pick: <T>(xs: readonly T[]) => T): string {
  switch (value.kind) {
    case 'flag':
      return '';
    case 'choice':
      return pick(value.choices);
    case 'date':
      return pick(['2025-06-30', '2024-02-29', '2026-01-01']);
    case 'number':
      return pick(['4', '0.5', '100']);
    case 'path':
    case 'directory':
    case 'text':
      return pick(value.valid);
    case 'region':
      return pick(['440000', '990000']);
  }
}

interface Vector {
  readonly args: string[];
  /** The option or argument made invalid on purpose, which the message must name. */
  readonly bad: string | undefined;
  /** Random junk: only "no crash, exit 0/1/2" is asserted. */
  readonly junk: boolean;
}

function makeVector(random: () => number): Vector {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const name = pick(Object.keys(COMMANDS));
  const spec = COMMANDS[name]!;
  const args: string[] = [name];
  if (random() < 0.1) {
    // Random junk after the command: no oracle but "no crash".
    const n = 1 + Math.floor(random() * 5);
    for (let i = 0; i < n; i++) args.push(pick(JUNK));
    return { args, bad: undefined, junk: true };
  }
  const positional = spec.positional(pick);
  args.push(...(random() < 0.2 ? [pick(REPO_PATHS)].slice(0, positional.length) : positional));
  // Some valid options first.
  const names = Object.keys(spec.options);
  for (let i = Math.floor(random() * 3); i > 0; i--) {
    const option = pick(names);
    const value = spec.options[option]!;
    if (value.kind === 'flag') args.push(option);
    else args.push(option, validValue(value, pick));
  }
  if (name === 'schema' && !args.includes('--out')) args.push('--out', 'out');
  // At most one invalid thing, which the message must name.
  const mode = random();
  if (mode < 0.25) return { args, bad: undefined, junk: false };
  if (mode < 0.4) {
    const option = pick(UNKNOWN);
    args.splice(1 + Math.floor(random() * args.length), 0, option);
    // An unknown option right after an option taking a value is that option's value, not an option.
    const before = args[args.indexOf(option) - 1]!;
    const takesValue = spec.options[before] !== undefined && spec.options[before]!.kind !== 'flag';
    return { args, bad: takesValue ? undefined : option, junk: takesValue };
  }
  const typed = names.filter((o) => spec.options[o]!.kind !== 'flag');
  if (typed.length === 0) return { args, bad: undefined, junk: false };
  const option = pick(typed);
  const value = spec.options[option]!;
  if (mode < 0.5) {
    // The value is missing: the option ends the command line.
    args.push(option);
    return { args, bad: option, junk: false };
  }
  const hostile = pick(HOSTILE);
  if (random() < 0.3) args.push(`${option}=${hostile}`);
  else args.push(option, hostile);
  return { args, bad: valueIsValid(value, hostile) ? undefined : option, junk: false };
}

const INTERNAL = /内部错误|internal error/i;
const STACK = /\n\s+at \S.*:\d+:\d+\)?\s*(\n|$)|(^|\n)\s*(?:[A-Z]\w*)?Error(?: \[[A-Z_]+\])?: /;

let cwd: string;

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'matterc-args-'));
  cpSync(join(ROOT, 'examples/guangdong'), join(cwd, 'repo'), { recursive: true });
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function runInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    cwd,
    color: false,
  };
  try {
    const code = await main(['node', 'matterc', ...args], io);
    return { code, stdout, stderr };
  } catch (error) {
    // What bin/matterc reports as an internal error.
    return { code: -1, stdout, stderr: `${stderr}内部错误 ${(error as Error).stack ?? String(error)}` };
  }
}

/** Fixed by default; ARGS_SEED and ARGS_COUNT explore further (a failure names its vector's index). */
const SEED = Number(process.env['ARGS_SEED'] ?? 0x6d617474);
const COUNT = Number(process.env['ARGS_COUNT'] ?? 300);

describe('argument vectors never reach an internal error', () => {
  it(`${COUNT} random and hostile vectors, in process`, async () => {
    const random = mulberry32(SEED);
    const failures: string[] = [];
    const seen = { refused: 0, ran: 0 };
    for (let i = 0; i < COUNT; i++) {
      const v = makeVector(random);
      const r = await runInProcess(v.args);
      const shown = `#${i} ${JSON.stringify(v.args).slice(0, 300)} → ${r.code}: ${(r.stderr || r.stdout).slice(0, 300)}`;
      if (v.bad !== undefined) seen.refused++;
      else if (r.code === 0 || r.code === 1) seen.ran++;
      if (INTERNAL.test(r.stdout + r.stderr) || STACK.test(r.stdout + r.stderr))
        failures.push(`crash ${shown}`);
      else if (![0, 1, 2].includes(r.code)) failures.push(`exit ${shown}`);
      else if (v.bad !== undefined) {
        if (r.code !== 2) failures.push(`not refused ${shown}`);
        else if (!/MC9\d{3}/.test(r.stderr) || !r.stderr.includes(v.bad))
          failures.push(`does not name ${v.bad}: ${shown}`);
        else if (r.stderr.trim().split('\n').length > 2) failures.push(`more than one diagnostic: ${shown}`);
      }
    }
    expect(failures).toEqual([]);
    // The vectors exercise both sides: options refused, and commands that ran to a verdict.
    expect(seen.refused).toBeGreaterThan(COUNT / 3);
    expect(seen.ran).toBeGreaterThan(COUNT / 20);
  }, 600_000);

  it('names the option in both languages, once, without commander’s English', async () => {
    const en = await runInProcess(['check', 'repo', '--lang', 'en', '--date', '2025-13-01']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^fatal MC9002 Invalid value "2025-13-01" for --date/);
    const zh = await runInProcess(['check', 'repo', '--lnag', 'en']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('MC9030 matterc check 没有选项 --lnag；是否指 --lang？');
    expect(zh.stderr).not.toContain('error:');
    expect(zh.stderr).not.toContain('Usage');
  });

  it.each([
    ['MC9002', ['check', 'repo', '--fail-on', 'fatal'], '--fail-on'],
    ['MC9030', ['report', 'repo', '--colour'], '--colour'],
    ['MC9031', ['check', 'repo', '--format'], '--format'],
    ['MC9032', ['schema'], '--out'],
    ['MC9033', ['why', 'gd-newborn-zs'], 'path'],
    ['MC9034', ['explain', 'MC9002', 'MC9003'], 'explain'],
    ['MC9035', ['chek', 'repo'], 'chek'],
    ['MC9036', ['check', 'repo', '--date', '2025-01-01\u0000'], '--date'],
    ['MC9037', ['validate-application', 'gd-newborn-zs', 'repo', 'repo'], 'repo'],
  ])('%s: %j names %s', async (code, args, named) => {
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectCode(r.stderr, code);
    expect(r.stderr).toMatch(new RegExp(`^无法运行 ${code} .*${named.replace(/-/g, '\\-')}`));
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('diff takes the options check takes where they mean something (--no-color, --lang, --date)', async () => {
    const r = await runInProcess([
      'diff',
      'repo',
      'repo',
      '--no-color',
      '--lang',
      'en',
      '--date',
      '2025-06-30',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Verdict: mergeable.');
  });
});

describe('argument vectors through the real binary', () => {
  const cases: [string[], string][] = [
    [['check', 'repo', '--date', '2025-13-01'], '--date'],
    [['report', 'repo', '--date', '2025-02-30'], '--date'],
    [['build', 'repo', '--date', 'tomorrow', '--out', 'out'], '--date'],
    [['diff', 'repo', 'repo', '--date', '2025-00-01'], '--date'],
    [['check', 'repo', '--max-file-size', '1e400'], '--max-file-size'],
    [['check', 'repo', '--format', 'xml'], '--format'],
    [['diff', 'repo', '--fail-on', 'error'], '--fail-on'],
    [['explain', '--lang', 'fr'], '--lang'],
    [['init', 'scaffold', '--region', '12345'], '--region'],
    [['schema', '--out', ''], '--out'],
    [['check', 'repo', '--baseline'], '--baseline'],
    [['fmt', 'repo', '--bogus'], '--bogus'],
    [['build', 'repo', '--templates', 'no-such-templates', '--out', 'out'], '--templates'],
    [['validate-application', 'gd-newborn-zs', 'repo', 'repo'], 'repo'],
    [['frobnicate'], 'frobnicate'],
  ];
  it.each(cases)('%j names %s, exit 2', (args, option) => {
    const r = matterc(args, { cwd });
    expect(r.stderr).not.toMatch(INTERNAL);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^无法运行 MC9\d{3} /);
    expect(r.stderr).toContain(option);
  });

  it('diff accepts --no-color', () => {
    const r = matterc(['diff', 'repo', 'repo', '--no-color'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
