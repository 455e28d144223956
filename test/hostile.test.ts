/**
 * Acceptance tests for hostile input, run through the built CLI (`npx tsc -p .` first). Whatever the file,
 * `matterc check` must name FILE:line:col in a catalogued diagnostic, exit 1 (2 when it cannot run at all),
 * finish in seconds and never show a JavaScript error or stack trace. Small inputs are committed in
 * test/fixtures/hostile/; big, deep and file-system ones are made at test time in a temporary directory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, matterc, ROOT } from './helpers/run.js';
import { expectCode } from './helpers/expect-code.js';

const FIXTURES = 'test/fixtures/hostile';
/** Every run must finish within this; almost all take under a second. */
const TIME_LIMIT_MS = 10_000;
/** For inputs built to exhaust memory: with a heap this small, anything that builds them up crashes. */
const SMALL_HEAP = { NODE_OPTIONS: '--max-old-space-size=64' };
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let tmp: string;
const timings: [string, number][] = [];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'matterc-hostile-'));
  chmodSync(tmp, 0o755); // readable by `nobody` too (see the unreadable-file case run as root)
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  const total = timings.reduce((n, [, ms]) => n + ms, 0);
  console.log(
    [
      ...timings.map(([label, ms]) => `${String(ms).padStart(6)} ms  ${label}`),
      `${String(total).padStart(6)} ms  total`,
    ].join('\n'),
  );
});

interface Reported {
  /** FILE:line:col as printed. */
  readonly at: string;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

interface Run extends CliResult {
  readonly output: string;
  readonly reported: Reported[];
}

/** The head line of each diagnostic in the pretty output: `FILE:line:col severity MCxxxx message`. */
const HEAD = /^(?:(\S+:\d+:\d+) )?(\S+) (MC\d{4}) (.*)$/;

function heads(stdout: string): Reported[] {
  return stdout.split('\n').flatMap((line) => {
    const m = HEAD.exec(line);
    return m ? [{ at: m[1] ?? '', severity: m[2]!, code: m[3]!, message: m[4]! }] : [];
  });
}

/** What every run must satisfy, whatever the input: it ended by itself, in time, without a JavaScript error. */
function expectClean(label: string, r: CliResult, ms: number): Run {
  timings.push([label, ms]);
  const output = `${r.stdout}\n${r.stderr}`;
  expect(r.status, `${label}: killed (time limit or signal)\n${output.slice(0, 2000)}`).not.toBeNull();
  expect(output, `${label}: a stack trace`).not.toMatch(/^\s+at /m);
  expect(output, `${label}: a JavaScript error`).not.toMatch(
    /[A-Za-z]*Error:|FATAL ERROR|内部错误|internal error/,
  );
  expect(ms, `${label} took ${ms} ms`).toBeLessThan(TIME_LIMIT_MS);
  return { ...r, output, reported: heads(r.stdout) };
}

function run(
  label: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  const started = performance.now();
  const r = matterc(args, { timeout: 30_000, ...options });
  return expectClean(label, r, Math.round(performance.now() - started));
}

/** `matterc check FILE` on a committed fixture, from the repository root. */
function checkFixture(name: string, options: { env?: Record<string, string> } = {}): Run {
  return run(name, ['check', `${FIXTURES}/${name}`], options);
}

/** Where each diagnostic with this code was reported, as FILE:line:col. */
const where = (r: Run, code: string) => r.reported.filter((d) => d.code === code).map((d) => d.at);
const codes = (r: Run) => r.reported.map((d) => d.code);

function json(r: Run) {
  return JSON.parse(r.stdout) as {
    summary: { files: number; documents: number; errors: number };
    diagnostics: {
      code: string;
      severity: string;
      message: string;
      file?: string;
      line?: number;
      column?: number;
      related: { file: string; line: number; column: number; message: string }[];
    }[];
  };
}

describe('hostile input: matterc check FILE', () => {
  it('a YAML syntax error: an unclosed quote is reported where it opens, not at the end of the file (MC1007)', () => {
    for (const name of ['unclosed-quote.yaml', 'unclosed-single-quote.yaml']) {
      const r = checkFixture(name);
      expect(r.status).toBe(1);
      expect(where(r, 'MC1007')).toEqual([`${FIXTURES}/${name}:3:7`]);
      expectCode(r, 'MC1007');
      expect(r.stdout).toContain(`> 3 | name: ${name.includes('single') ? "'" : '"'}食品经营许可`);
    }
  });

  it('a YAML syntax error: bad indentation is reported on the line indented wrongly (MC1007)', () => {
    const r = checkFixture('bad-indent.yaml');
    expect(r.status).toBe(1);
    expect(where(r, 'MC1007')).toEqual([`${FIXTURES}/bad-indent.yaml:6:1`]);
  });

  it('a GBK-encoded file: MC1004 at its first Chinese character, showing the first line decoded as GBK', () => {
    const bytes = readFileSync(join(ROOT, FIXTURES, 'gbk.yaml'));
    // The fixture really is GBK: 食品 is CA B3 C6 B7, and the bytes are not UTF-8.
    expect([...bytes.subarray(2, 6)]).toEqual([0xca, 0xb3, 0xc6, 0xb7]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = checkFixture('gbk.yaml');
    expect(r.status).toBe(1);
    expect(codes(r)).toEqual(['MC1004']);
    expectCode(r, 'MC1004');
    // Column 3, where 食 starts (CA B3 would pass for a UTF-8 character: the position must not follow it).
    expect(where(r, 'MC1004')).toEqual([`${FIXTURES}/gbk.yaml:1:3`]);
    expect(r.reported[0]!.message).toContain('“# 食品经营许可”');
  });

  it('a UTF-8 BOM: noted (MC1015, info), and an error on line 3 keeps its exact column', () => {
    const bytes = readFileSync(join(ROOT, FIXTURES, 'bom-error-line3.yaml'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const r = checkFixture('bom-error-line3.yaml');
    expect(r.status).toBe(1);
    const file = `${FIXTURES}/bom-error-line3.yaml`;
    expect(r.reported.map((d) => [d.at, d.severity, d.code])).toEqual([
      [`${file}:1:1`, '提示', 'MC1015'],
      [`${file}:3:12`, '错误', 'MC1007'], // `name: "设立" 登记`: 登 is the 12th character
    ]);
    expectCode(r, 'MC1015');
    // The same text without the BOM: the very same position, and no note.
    writeFileSync(join(tmp, 'no-bom.yaml'), bytes.subarray(3));
    const plain = run('no-bom.yaml', ['check', 'no-bom.yaml'], { cwd: tmp });
    expect(plain.reported.map((d) => [d.at, d.code])).toEqual([['no-bom.yaml:3:12', 'MC1007']]);
  });

  it('an alias bomb (nine levels of nine): MC1010 for each anchor and alias, nothing expanded, small heap', () => {
    const r = checkFixture('alias-bomb.yaml', { env: SMALL_HEAP });
    expect(r.status).toBe(1);
    expect(new Set(codes(r))).toEqual(new Set(['MC1010']));
    expectCode(r, 'MC1010');
    expect(r.reported).toHaveLength(9 + 8 * 9); // nine anchors, 72 aliases
    expect(r.reported[0]!.at).toBe(`${FIXTURES}/alias-bomb.yaml:1:4`);
    expect(r.reported[1]!.at).toBe(`${FIXTURES}/alias-bomb.yaml:2:4`);
    expect(r.reported[2]!.at).toBe(`${FIXTURES}/alias-bomb.yaml:2:8`);
  });

  it('150,000 aliases: at most 100 problems reported for the file, and no crash', () => {
    // Once, each alias became a diagnostic and the pipeline's push(...all) overflowed the stack.
    const file = join(tmp, 'many-aliases.yaml');
    writeFileSync(
      file,
      `kind: Matter\nid: many-aliases\nname: &n 食品经营许可\nitems:\n${'  - *n\n'.repeat(150_000)}`,
    );
    const r = run('many-aliases.yaml (150,000 aliases)', ['check', 'many-aliases.yaml'], { cwd: tmp });
    expect(r.status).toBe(1);
    // The cap is said once (MC1019), where the first unreported problem is.
    expect(codes(r)).toEqual([...Array(100).fill('MC1010'), 'MC1019']);
    expectCode(r, 'MC1019');
    expect(where(r, 'MC1019')).toEqual(['many-aliases.yaml:104:5']);
    expect(where(r, 'MC1010').slice(0, 2)).toEqual(['many-aliases.yaml:3:7', 'many-aliases.yaml:5:5']);
  });

  it('20,000 levels of flow nesting: MC1011 where the nesting passes 64 levels', () => {
    writeFileSync(
      join(tmp, 'deep-flow.yaml'),
      `kind: Matter\nid: deep-flow\nitems: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    );
    const r = run('deep-flow.yaml (20,000 levels)', ['check', 'deep-flow.yaml'], {
      cwd: tmp,
      env: SMALL_HEAP,
    });
    expect(r.status).toBe(1);
    // `items: ` is 7 characters; the bracket at column 8 is level 1, so level 65 is at column 72.
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([['deep-flow.yaml:3:72', 'MC1011']]);
    expectCode(r, 'MC1011');
  });

  it('20,000 levels of block nesting (- - - …): MC1011 where the nesting passes 64 levels', () => {
    writeFileSync(join(tmp, 'deep-block.yaml'), `${'- '.repeat(20_000)}x\n`);
    const r = run('deep-block.yaml (20,000 levels)', ['check', 'deep-block.yaml'], {
      cwd: tmp,
      env: SMALL_HEAP,
    });
    expect(r.status).toBe(1);
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([['deep-block.yaml:1:131', 'MC1011']]);
  });

  it('2,000,000 levels of flow nesting (4 MB, under the size limit): MC1011 in seconds with a small heap', () => {
    // Before the parser was stopped at depth, this took about 20 s and 2 GB.
    writeFileSync(join(tmp, 'deeper.yaml'), `${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}\n`);
    const r = run('deeper.yaml (2,000,000 levels)', ['check', 'deeper.yaml'], { cwd: tmp, env: SMALL_HEAP });
    expect(r.status).toBe(1);
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([['deeper.yaml:1:66', 'MC1011']]);
  });

  it('deep nesting by indentation: the same position whether parsed (100 levels) or stopped (300 levels)', () => {
    const nest = (levels: number) =>
      `${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}a:\n`).join('')}${'  '.repeat(levels)}x\n`;
    const after = '---\nkind: Matter\nid: after-deep\nname: 食品经营许可\npromisedLimit: 五天左右\n';
    writeFileSync(join(tmp, 'indent-100.yaml'), nest(100) + after);
    writeFileSync(join(tmp, 'indent-300.yaml'), nest(300));
    const r = run('indent-100.yaml + indent-300.yaml', ['check', 'indent-100.yaml', 'indent-300.yaml'], {
      cwd: tmp,
    });
    expect(r.status).toBe(1);
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([
      ['indent-100.yaml:66:131', 'MC1011'],
      ['indent-100.yaml:106:16', 'MC5001'], // the next document is still checked
      ['indent-300.yaml:66:131', 'MC1011'],
    ]);
  });

  it('a 50 MB file: MC1002 without reading it (a 64 MB heap could not hold it as text)', () => {
    const file = join(tmp, 'huge.yaml');
    writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 'kind: Matter\nid: huge\nname: 食品经营许可\n'));
    try {
      const r = run('huge.yaml (50 MB)', ['check', 'huge.yaml'], { cwd: tmp, env: SMALL_HEAP });
      expect(r.status).toBe(1);
      expect(r.reported.map((d) => [d.at, d.code])).toEqual([['huge.yaml:1:1', 'MC1002']]);
      expectCode(r, 'MC1002');
      expect(r.reported[0]!.message).toContain('50.0 MB');
      expect(r.reported[0]!.message).toContain('4.0 MB');
    } finally {
      unlinkSync(file);
    }
  });

  it('a binary file (PNG header with NULs): MC1003 at the first NUL', () => {
    const r = checkFixture('binary.yaml');
    expect(r.status).toBe(1);
    // 89 P N G \r\n 1A \n 00: the NUL starts line 3.
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([[`${FIXTURES}/binary.yaml:3:1`, 'MC1003']]);
    expectCode(r, 'MC1003');
  });

  it('a NUL far into a text file: MC1003 at its exact line and column', () => {
    writeFileSync(join(tmp, 'late-nul.yaml'), `kind: Matter\n# ${'x'.repeat(5000)}\nid: a\u0000b\n`);
    const r = run('late-nul.yaml', ['check', 'late-nul.yaml'], { cwd: tmp });
    expect(r.status).toBe(1);
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([['late-nul.yaml:3:6', 'MC1003']]);
  });

  it('an empty file (0 bytes) and a file of comments only: MC1006', () => {
    for (const name of ['empty.yaml', 'comments-only.yaml']) {
      const r = checkFixture(name);
      expect(r.status).toBe(1);
      expect(r.reported.map((d) => [d.at, d.code])).toEqual([[`${FIXTURES}/${name}:1:1`, 'MC1006']]);
      expectCode(r, 'MC1006');
      expect(r.reported[0]!.message).toBe('文件中没有任何文档');
    }
  });

  it('a lone `---` is an empty file (MC1006), and a trailing `---` is not a document (no MC1013)', () => {
    writeFileSync(join(tmp, 'dashes.yaml'), '---\n# 只有注释\n');
    writeFileSync(join(tmp, 'trailing.yaml'), 'kind: Matter\nid: trailing\nname: 食品经营许可\n---\n');
    const dashes = run('dashes.yaml', ['check', 'dashes.yaml'], { cwd: tmp });
    expect(dashes.status).toBe(1);
    expect(dashes.reported.map((d) => [d.at, d.code])).toEqual([['dashes.yaml:1:1', 'MC1006']]);
    const trailing = run('trailing.yaml', ['check', 'trailing.yaml'], { cwd: tmp });
    expect(trailing.reported).toEqual([]);
    expect(trailing.status).toBe(0);
  });

  it('a top-level list: MC1013', () => {
    const r = checkFixture('top-level-list.yaml');
    expect(r.status).toBe(1);
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([
      [`${FIXTURES}/top-level-list.yaml:1:1`, 'MC1013'],
    ]);
    expectCode(r, 'MC1013');
  });

  it('duplicate keys: MC1008 at the repeat, related to the first occurrence (pretty and JSON)', () => {
    const file = `${FIXTURES}/duplicate-keys.yaml`;
    const r = checkFixture('duplicate-keys.yaml');
    expect(r.status).toBe(1);
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([[`${file}:4:1`, 'MC1008']]);
    expectCode(r, 'MC1008');
    expect(r.stdout).toContain(`相关：${file}:3:1`);
    const j = run('duplicate-keys.yaml --format json', ['check', file, '--format', 'json']);
    expect(j.status).toBe(1);
    const [d, ...rest] = json(j).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'MC1008', file, line: 4, column: 1 });
    expect(d!.related).toEqual([expect.objectContaining({ file, line: 3, column: 1 })]);
  });

  it('tab indentation: MC1009', () => {
    const r = checkFixture('tab-indent.yaml');
    expect(r.status).toBe(1);
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([[`${FIXTURES}/tab-indent.yaml:5:1`, 'MC1009']]);
    expectCode(r, 'MC1009');
  });

  it('__proto__, constructor and prototype keys: MC1012 each, and nothing is polluted', () => {
    const file = `${FIXTURES}/forbidden-keys.yaml`;
    const r = checkFixture('forbidden-keys.yaml');
    expect(r.status).toBe(1);
    expect(r.reported.filter((d) => d.code === 'MC1012').map((d) => [d.at, d.message])).toEqual([
      [`${file}:4:1`, '禁止使用键“__proto__”'],
      [`${file}:7:1`, '禁止使用键“constructor”'],
      [`${file}:12:5`, '禁止使用键“prototype”'],
    ]);
    expectCode(r, 'MC1012');
    const j = run('forbidden-keys.yaml --format json', ['check', file, '--format', 'json']);
    const out = json(j); // well-formed JSON
    expect(out.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['MC1012', 4, 1],
      ['MC1012', 7, 1],
      ['MC1012', 12, 5],
      // The next document has no kind: had `__proto__: {kind: Matter}` reached Object.prototype, it would.
      ['MC1016', 14, 1],
      // The last document is validated as usual: its rule still runs.
      ['MC5001', 20, 16],
    ]);
    expect(out.summary.documents).toBe(2);
  });

  it('keys that are a list, null or a mapping: MC1014 each', () => {
    const file = `${FIXTURES}/complex-keys.yaml`;
    const r = checkFixture('complex-keys.yaml');
    expect(r.status).toBe(1);
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([
      [`${file}:4:3`, 'MC1014'], // ? [营业执照, 身份证]
      [`${file}:6:1`, 'MC1014'], // ~: 空键
      [`${file}:7:1`, 'MC1014'], // {a: 1}: 映射键
    ]);
    expectCode(r, 'MC1014');
  });

  it('invalid UTF-8 that is not GBK: MC1005 at the first bad byte', () => {
    const r = checkFixture('invalid-utf8.yaml');
    expect(r.status).toBe(1);
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([[`${FIXTURES}/invalid-utf8.yaml:3:8`, 'MC1005']]);
    expectCode(r, 'MC1005');
  });

  it('several documents, one broken: the others are still validated and checked', () => {
    const file = `${FIXTURES}/multi-document.yaml`;
    const r = checkFixture('multi-document.yaml');
    expect(r.status).toBe(1);
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([
      [`${file}:3:16`, 'MC1007'], // document 1: text after the quoted name
      [`${file}:8:16`, 'MC5001'], // document 2: fine YAML, a rule finds its time limit unreadable
      [`${file}:12:7`, 'MC2003'], // document 3: fine YAML, the schema rejects a list as the name
    ]);
    expect(r.stdout).toContain('检查了 1 个文件、3 个文档');
  });

  it('a path that does not exist: exit 2, MC9001', () => {
    const r = run('missing path', ['check', join(tmp, 'no-such-file.yaml')]);
    expect(r.status).toBe(2);
    expect(codes(r)).toEqual(['MC9001']);
    expect(r.output).toContain('no-such-file.yaml');
  });

  it('a directory without YAML: exit 2, MC9005', () => {
    const dir = join(tmp, 'no-yaml');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'README.txt'), '不是 YAML\n');
    writeFileSync(join(dir, 'sub', 'data.json'), '{}\n');
    const r = run('directory without YAML', ['check', 'no-yaml'], { cwd: tmp });
    expect(r.status).toBe(2);
    expect(codes(r)).toEqual(['MC9005']);
  });

  it('a directory symlink loop: terminates and checks each real file once', () => {
    const dir = join(tmp, 'loop');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'a.yaml'), 'kind: Matter\nid: loop-a\nname: 食品经营许可\nname: 重复\n');
    writeFileSync(join(dir, 'sub', 'b.yaml'), 'kind: Matter\nid: loop-b\nname: 食品生产许可\n');
    symlinkSync('..', join(dir, 'sub', 'up')); // loop/sub/up → loop
    symlinkSync('.', join(dir, 'sub', 'here')); // loop/sub/here → loop/sub
    symlinkSync('self', join(dir, 'self')); // a link to itself
    symlinkSync('a.yaml', join(dir, 'same.yaml')); // the same file under another name
    const r = run('symlink loop', ['check', 'loop'], { cwd: tmp });
    expect(r.status).toBe(1);
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([['loop/a.yaml:4:1', 'MC1008']]);
    expect(r.stdout).toContain('检查了 2 个文件、2 个文档');
  });

  const lockedDir = () => {
    const dir = join(tmp, 'locked');
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'open.yaml'), 'kind: Matter\nid: open\nname: 食品经营许可\n', { mode: 0o644 });
    writeFileSync(join(dir, 'secret.yaml'), 'kind: Matter\nid: secret\nname: 食品生产许可\n');
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    return dir;
  };

  const expectLocked = (r: Run) => {
    expect(r.status).toBe(1);
    expect(r.reported.map((d) => [d.at, d.code])).toEqual([['locked/secret.yaml:1:1', 'MC1001']]);
    expectCode(r, 'MC1001');
    expect(r.reported[0]!.message).toContain('没有读取权限');
    expect(r.stdout).toContain('检查了 2 个文件、1 个文档'); // the readable one is still checked
  };

  it.skipIf(isRoot)('an unreadable file inside a directory: MC1001, the rest is checked', () => {
    lockedDir();
    expectLocked(run('unreadable file', ['check', 'locked'], { cwd: tmp }));
  });

  it.runIf(isRoot && process.platform !== 'win32')(
    'an unreadable file inside a directory: MC1001 (run as nobody, since root can read anything)',
    (ctx) => {
      lockedDir();
      const started = performance.now();
      const r = spawnSync(process.execPath, [BIN, 'check', 'locked'], {
        cwd: tmp,
        uid: NOBODY,
        gid: NOBODY,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      if (r.error || /EACCES|permission denied/i.test(r.stderr ?? ''))
        ctx.skip('running as root, and the user nobody cannot run matterc from this checkout');
      const ms = Math.round(performance.now() - started);
      expectLocked(
        expectClean(
          'unreadable file (as nobody)',
          { status: r.status, stdout: r.stdout, stderr: r.stderr },
          ms,
        ),
      );
    },
  );

  it.runIf(process.platform !== 'win32')(
    'a FIFO named on the command line: MC1001 at once, no hang',
    (ctx) => {
      const fifo = join(tmp, 'pipe.yaml');
      try {
        execFileSync('mkfifo', [fifo]);
      } catch {
        ctx.skip('mkfifo is not available here');
      }
      const r = run('FIFO', ['check', 'pipe.yaml'], { cwd: tmp });
      expect(r.status).toBe(1);
      expect(r.reported.map((d) => [d.at, d.code])).toEqual([['pipe.yaml:1:1', 'MC1001']]);
    },
  );

  it.runIf(process.platform === 'linux')(
    'an endless device (/dev/zero) named on the command line: MC1001',
    () => {
      const r = run('/dev/zero', ['check', '/dev/zero'], { env: SMALL_HEAP });
      expect(r.status).toBe(1);
      expect(r.reported.map((d) => [d.at, d.code])).toEqual([['/dev/zero:1:1', 'MC1001']]);
    },
  );
});
