/**
 * Hostile input at scale, through the built CLI (`npm run build` first): tens of thousands of files, a
 * 100 MB file, a tree of symbolic-link loops, hundreds of unreadable files, files deleted while the check
 * runs, tens of thousands of problems in one file. Each is reported, nothing hangs or runs out of memory,
 * and the exit code stays right. test/hostile.test.ts has the same inputs at small scale; everything here
 * is generated in a temporary directory and never committed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, matterc } from './helpers/run.js';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
/** Generous: the machine running CI may be busy; the point is that nothing hangs. */
const TIME_LIMIT_MS = 120_000;
const MB = 1024 * 1024;

let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'matterc-hostile-scale-'));
  chmodSync(tmp, 0o755); // readable by `nobody` (the unreadable-files case, run as root)
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

interface Json {
  summary: { files: number; documents: number; errors: number };
  diagnostics: {
    code: string;
    severity: string;
    message: string;
    file?: string;
    line?: number;
  }[];
}

/** Ended by itself, in time, without a JavaScript error or a V8 crash on either stream. */
function expectClean(label: string, r: CliResult): void {
  const output = `${r.stdout.slice(0, 4000)}\n${r.stderr.slice(0, 4000)}`;
  expect(r.status, `${label}: killed (time limit, signal or out of memory)\n${output}`).not.toBeNull();
  expect(r.stderr, `${label}: a JavaScript error`).not.toMatch(
    /^\s+at |[A-Za-z]*Error:|FATAL ERROR|内部错误|internal error/m,
  );
}

function check(label: string, dir: string, args: readonly string[], env: Record<string, string> = {}): Json {
  const r = matterc(['check', ...args, '--format', 'json', '--no-cache'], {
    cwd: dir,
    timeout: TIME_LIMIT_MS,
    env,
  });
  expectClean(label, r);
  const out = JSON.parse(r.stdout) as Json;
  expect(r.status, label).toBe(out.summary.errors > 0 ? 1 : 0);
  return out;
}

const matter = (id: string) => `kind: Matter\nid: ${id}\nname: 食品经营许可${id}\n`;
/** An unclosed quote (MC1007): a broken file. */
const broken = (id: string) => `kind: Matter\nid: ${id}\nname: "食品经营许可\n`;

/** `count` files in directories of 200: d000/m00000.yaml …, every `brokenEvery`-th broken. */
function manyFiles(dir: string, count: number, brokenEvery = 0): string[] {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const sub = `d${String(Math.floor(i / 200)).padStart(3, '0')}`;
    if (i % 200 === 0) mkdirSync(join(dir, sub), { recursive: true });
    const name = `${sub}/m${String(i).padStart(5, '0')}.yaml`;
    const id = `m${i}`;
    writeFileSync(join(dir, name), brokenEvery > 0 && i % brokenEvery === 7 ? broken(id) : matter(id));
    names.push(name);
  }
  return names;
}

describe('hostile input at scale', () => {
  it('20,000 small files, 40 of them broken: each broken one reported once, the rest checked, exit 1', () => {
    const dir = join(tmp, 'many');
    const names = manyFiles(dir, 20_000, 500);
    const out = check('20,000 files', dir, ['.']);
    expect(out.summary.files).toBe(20_000);
    expect(out.summary.documents).toBe(20_000); // a broken document is still counted
    const expected = names.filter((_, i) => i % 500 === 7);
    expect(out.diagnostics.map((d) => [d.file, d.code])).toEqual(expected.map((f) => [f, 'MC1007']));
  });

  describe('a 100 MB file', () => {
    it('is too large by default (MC1002), and is not read: a 64 MB heap is enough', () => {
      const dir = join(tmp, 'huge');
      mkdirSync(dir, { recursive: true });
      // Sparse: 100 MB of NULs that take no disk space.
      const fd = openSync(join(dir, 'huge.yaml'), 'w');
      ftruncateSync(fd, 100 * MB);
      closeSync(fd);
      const env = { NODE_OPTIONS: '--max-old-space-size=64' };
      const out = check('100 MB sparse file', dir, ['huge.yaml'], env);
      expect(out.diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([['huge.yaml', 1, 'MC1002']]);
      expect(out.diagnostics[0]!.message).toContain('100.0 MB');
      // With the limit raised, it is read and found to be binary (NUL bytes, MC1003), still in a small heap.
      const raised = check(
        '100 MB sparse file, --max-file-size 200',
        dir,
        ['huge.yaml', '--max-file-size', '200'],
        env,
      );
      expect(raised.diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([['huge.yaml', 1, 'MC1003']]);
      unlinkSync(join(dir, 'huge.yaml'));
    });

    /** 100 MB written in chunks: `head`, then `line(i)` until the size is reached. */
    const writeHuge = (path: string, head: string, line: (i: number) => string) => {
      const fd = openSync(path, 'w');
      try {
        writeSync(fd, head);
        for (let size = 0, i = 0; size < 100 * MB;) {
          const chunk = Array.from({ length: 1000 }, () => line(i++)).join('');
          size += writeSync(fd, chunk);
        }
      } finally {
        closeSync(fd);
      }
    };

    it('with --max-file-size 200, a 100 MB text in one scalar is checked in a 1 GB heap', () => {
      const dir = join(tmp, 'huge-scalar');
      mkdirSync(dir, { recursive: true });
      writeHuge(
        join(dir, 'huge.yaml'),
        'kind: Matter\nid: huge\nname: 食品经营许可\nnote: |\n',
        () => `  ${'食品经营许可证申请材料说明'.repeat(4)}\n`,
      );
      const env = { NODE_OPTIONS: '--max-old-space-size=1024' };
      const out = check('100 MB scalar', dir, ['huge.yaml', '--max-file-size', '200'], env);
      expect(out.summary).toMatchObject({ files: 1, documents: 1, errors: 0 });
      unlinkSync(join(dir, 'huge.yaml'));
    });

    // Skipped until the parser bounds its memory: today the whole file is composed into one YAML tree, and
    // 1.9 million items exhaust a 1 GB heap after about 30 s (V8 "FATAL ERROR … heap out of memory", exit
    // 134); with the default heap the check ran past 10 minutes at 4 GB. Reported to the lead (src/parse/).
    it.skip('with --max-file-size 200, a 100 MB list of 1.9 million items is reported, not a crash, in a 1 GB heap', () => {
      const dir = join(tmp, 'huge-items');
      mkdirSync(dir, { recursive: true });
      writeHuge(
        join(dir, 'huge.yaml'),
        'kind: Matter\nid: huge\nname: 食品经营许可\nmaterials:\n',
        (i) => `  - id: m${i}\n    material: 材料${i}\n`,
      );
      const env = { NODE_OPTIONS: '--max-old-space-size=1024' };
      const out = check('100 MB list', dir, ['huge.yaml', '--max-file-size', '200'], env);
      expect(out.summary.files).toBe(1);
      expect(out.diagnostics.length).toBeGreaterThan(0);
      unlinkSync(join(dir, 'huge.yaml'));
    });
  });

  it('a tree of directory symlink loops (a/b -> .., links across siblings): each file checked once', () => {
    const dir = join(tmp, 'loops');
    // 50 directories of 20 files; each directory links to its parent (a/b -> ..), to the root and to the
    // next sibling, so every directory is reachable along many paths and every path can go round forever.
    for (let d = 0; d < 50; d++) {
      const sub = join(dir, `a${d}`);
      mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 20; f++) writeFileSync(join(sub, `m${f}.yaml`), matter(`m${d}-${f}`));
      symlinkSync('..', join(sub, 'b'));
      symlinkSync(dir, join(sub, 'root'));
      symlinkSync(`../a${(d + 1) % 50}`, join(sub, 'next'));
    }
    writeFileSync(join(dir, 'a0', 'broken.yaml'), broken('loop-broken'));
    const out = check('symlink loops', dir, ['.']);
    expect(out.summary.files).toBe(50 * 20 + 1);
    expect(out.summary.documents).toBe(50 * 20 + 1);
    expect(out.diagnostics.map((d) => [d.file, d.code])).toEqual([['a0/broken.yaml', 'MC1007']]);
  });

  it.runIf(process.platform !== 'win32')(
    '5,000 files, 200 of them unreadable: MC1001 for each of those, the rest checked, exit 1',
    (ctx) => {
      const dir = join(tmp, 'locked');
      const names = manyFiles(dir, 5_000);
      const locked = names.filter((_, i) => i % 25 === 3);
      for (const name of locked) chmodSync(join(dir, name), 0o000);
      // Root reads anything: run as nobody then (as test/hostile.test.ts does), or skip when nobody cannot.
      const r = spawnSync(process.execPath, [BIN, 'check', '.', '--format', 'json', '--no-cache'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: TIME_LIMIT_MS,
        env: { ...process.env, NO_COLOR: '1' },
        maxBuffer: 64 * MB,
        ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      if (isRoot && (r.error || /EACCES|permission denied/i.test(r.stderr ?? '')))
        ctx.skip('running as root, and the user nobody cannot run matterc from this checkout');
      expectClean('unreadable files', {
        status: r.status,
        stdout: r.stdout,
        stderr: r.stderr,
      });
      expect(r.status).toBe(1);
      const out = JSON.parse(r.stdout) as Json;
      expect(out.summary.files).toBe(5_000);
      expect(out.summary.documents).toBe(5_000 - 200);
      expect(out.diagnostics.map((d) => [d.file, d.code])).toEqual(locked.map((f) => [f, 'MC1001']));
      expect(out.diagnostics.filter((d) => !d.message.includes('没有读取权限'))).toEqual([]);
    },
  );

  it.runIf(process.platform === 'linux')(
    '20,000 files, half deleted while the check runs: each is reported vanished (MC1001) or not seen, exit 1',
    async () => {
      const dir = join(tmp, 'vanishing');
      const names = manyFiles(dir, 20_000);
      const outFile = join(tmp, 'vanishing.json');
      const out = openSync(outFile, 'w');
      const child = spawn(process.execPath, [BIN, 'check', '.', '--format', 'json', '--no-cache'], {
        cwd: dir,
        stdio: ['ignore', out, 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      });
      closeSync(out);
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = once(child, 'exit');
      // Wait until it has listed the files and opened one of them (seen in /proc/PID/fd), then delete the
      // second half, last first: those it has not read yet are gone when it gets to them.
      const fds = `/proc/${child.pid}/fd`;
      const deadline = Date.now() + 30_000;
      let opened: string | undefined;
      const openFiles = () => {
        try {
          return readdirSync(fds).map((fd) => {
            try {
              return readlinkSync(join(fds, fd));
            } catch {
              return ''; // closed in the meantime
            }
          });
        } catch {
          return undefined; // it has already finished
        }
      };
      while (opened === undefined && Date.now() < deadline) {
        const files = openFiles();
        if (files === undefined) break;
        opened = files.find((f) => f.startsWith(dir) && f.endsWith('.yaml'));
      }
      const doomed = names.slice(10_000).reverse();
      for (const name of doomed) unlinkSync(join(dir, name));
      const [code] = (await exited) as [number | null];
      expect(opened, 'the check never opened a file while it was watched').toBeDefined();
      const r = { status: code, stdout: readFileSync(outFile, 'utf8'), stderr };
      expectClean('files deleted while checking', r);
      const json = JSON.parse(r.stdout) as Json;
      const gone = new Set(doomed);
      // Every problem is a deleted file, once, reported as vanished.
      const reported = json.diagnostics.map((d) => d.file ?? '');
      expect(json.diagnostics.filter((d) => d.code !== 'MC1001' || !gone.has(d.file ?? ''))).toEqual([]);
      expect(new Set(reported).size).toBe(reported.length);
      expect(json.diagnostics.filter((d) => !d.message.includes('检查期间被删除'))).toEqual([]);
      // Deleted while it read the first half: it cannot have read them all before.
      expect(reported.length).toBeGreaterThan(0);
      // Every file listed was either read (one document each) or reported.
      expect(json.summary.documents + reported.length).toBe(json.summary.files);
      expect(code).toBe(1);
    },
    TIME_LIMIT_MS + 60_000,
  );

  it('50,000 problems in one file: every format is written in bounded time (no quadratic grouping)', () => {
    const dir = join(tmp, 'many-problems');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'm.yaml'),
      `kind: Matter\nid: many-problems\nname: 食品经营许可\naudience:\n${'  - {}\n'.repeat(50_000)}`,
    );
    for (const format of ['pretty', 'json', 'sarif', 'github', 'gitlab', 'junit']) {
      const started = performance.now();
      const r = matterc(['check', 'm.yaml', '--format', format, '--no-cache'], {
        cwd: dir,
        timeout: TIME_LIMIT_MS,
      });
      const ms = performance.now() - started;
      expectClean(`50,000 problems, --format ${format}`, r);
      expect(r.status, format).toBe(1);
      // Linear work takes seconds; grouping by copying the array (as JUnit once did) took minutes.
      expect(ms, `--format ${format} took ${Math.round(ms)} ms`).toBeLessThan(60_000);
    }
  });
});
