/** The benchmark runner (bench/run.mjs): a quick run prints and saves the table, and its baselines really validate. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run.js';

const RUNNER = join(ROOT, 'bench/run.mjs');

interface Row {
  command: string;
  label: string;
  n: number;
  runs: number;
  medianSeconds: number;
  ratioToAjvCli: number;
  ratioToFloor: number;
  peakRssMB: number | null;
  seconds: number[];
  argv: string[];
}

interface Result {
  machine: { cpu: string; cores: number; ramGB: number; node: string; os: string };
  method: { sizes: number[]; noCacheFlag: boolean };
  results: Row[];
  targets: { target: string; n: number; status: string; value: number | null }[];
}

function node(args: readonly string[], timeout = 60_000) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

describe('npm run bench -- --quick', () => {
  let work: string;
  let json: string;
  let run: { status: number | null; stdout: string; stderr: string };
  let result: Result;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'matterc-bench-test-'));
    json = join(work, 'latest.json');
    run = node([RUNNER, '--quick', '--work', work, '--json', json], 170_000);
    result = JSON.parse(readFileSync(json, 'utf8')) as Result;
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs every command on a corpus of 300 matters and prints the table of medians and the targets', () => {
    expect(run.stderr).toMatch(/generating a corpus of 300 matters/);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^command +N +median s +× ajv-cli +× floor +peak RSS MB +runs$/);
    for (const row of result.results) {
      const line = lines.find((l) => l.startsWith(row.label));
      expect(line, row.label).toMatch(/ 300 +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d +(\d+|–) +1$/);
    }
    expect(run.stdout).toMatch(/^cold check ≤ 1\.0× ajv-cli +300 +(PASS|MISS): /m);
    expect(run.stdout).toMatch(/^warm check after a one-file change ≤ 0\.1× cold +300 +(PASS|MISS): /m);
    expect(run.stdout).toMatch(/^peak RSS of check ≤ 1 GB at 50,000 +50,000 +n\/a: /m);
    expect(run.stdout).toContain(`${result.machine.cpu}, ${result.machine.cores} cores`);
    expect(run.stdout.trimEnd().endsWith(`wrote ${json}`)).toBe(true);
  });

  it('saves every command with its samples, ratios and the machine as JSON', () => {
    const expected = ['check-cold', 'check-warm', 'check-changed', 'ajv-cli', 'floor', 'build'];
    if (result.method.noCacheFlag) expected.splice(1, 0, 'check-first');
    expect(result.results.map((r) => r.command)).toEqual(expected);
    expect(Object.keys(result)).toEqual([
      'date',
      'matterc',
      'revision',
      'machine',
      'method',
      'results',
      'targets',
    ]);
    for (const row of result.results) {
      expect(row.n).toBe(300);
      expect(row.runs).toBe(1);
      expect(row.seconds).toHaveLength(1);
      expect(row.medianSeconds, row.command).toBeGreaterThan(0);
      if (process.platform === 'linux') expect(row.peakRssMB, row.command).toBeGreaterThan(10);
    }
    const at = (command: string) => result.results.find((r) => r.command === command)!;
    expect(at('ajv-cli').ratioToAjvCli).toBe(1);
    expect(at('floor').ratioToFloor).toBe(1);
    expect(at('check-cold').ratioToAjvCli).toBeCloseTo(
      at('check-cold').medianSeconds / at('ajv-cli').medianSeconds,
      1,
    );
    if (result.method.noCacheFlag) expect(at('check-cold').argv).toContain('--no-cache');
    expect(result.targets.map((t) => [t.n, t.status === 'n/a'])).toEqual([
      [300, false],
      [300, false],
      [50_000, true],
    ]);
    expect(result.machine.node).toBe(process.version);
    expect(result.machine.ramGB).toBeGreaterThan(0);
  });

  it('its ajv-cli and floor really validate: one Matter file broken against the schema fails both', () => {
    const corpus = join(work, 'corpus-300');
    const broken = join(work, 'broken');
    cpSync(corpus, broken, { recursive: true });
    const victim = join(broken, 'matters/990000/agriculture/sl-std-000122001002.yaml');
    const text = readFileSync(victim, 'utf8');
    expect(text).toMatch(/^type: 行政许可$/m);
    writeFileSync(victim, text.replace(/^type: 行政许可$/m, 'type: 不存在的事项类型'));
    const swap = (argv: string[]) => argv.slice(1).map((a) => a.split(corpus).join(broken));

    const ajv = node(swap(result.results.find((r) => r.command === 'ajv-cli')!.argv));
    expect(ajv.status).toBe(1);
    expect(ajv.stderr).toContain(`${victim} invalid`);
    expect(ajv.stdout.split('\n').filter((l) => l.endsWith(' valid'))).toHaveLength(299);

    const floor = node(swap(result.results.find((r) => r.command === 'floor')!.argv));
    expect(floor.status).toBe(1);
    expect(floor.stdout).toBe('floor: 300 files, 1 invalid (js-yaml)\n');
    expect(floor.stderr).toContain(`${victim} invalid: /type must be equal to one of the allowed values`);
  });

  it('prints a saved result as Markdown or into a doc without running anything, and refuses bad options', () => {
    const md = node([RUNNER, '--from', json, '--markdown']);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(
      /^\| command \| N \| median s \| × ajv-cli \| × floor \| peak RSS MB \| runs \|\n\|/,
    );
    expect(md.stdout).toContain(`| ${result.results[0]!.label} | 300 | `);
    const doc = join(work, 'performance.md');
    const start = '<!-- bench:results:start (node bench/run.mjs --from FILE --doc docs/performance.md) -->';
    writeFileSync(doc, `# Before\n\n${start}\n\nold figures\n\n<!-- bench:results:end -->\n\n## After\n`);
    expect(node([RUNNER, '--from', json, '--doc', doc]).status).toBe(0);
    const updated = readFileSync(doc, 'utf8');
    expect(updated).not.toContain('old figures');
    expect(updated).toMatch(/^# Before\n\n<!-- bench:results:start .*-->\n\n\| command +\| +N \|/);
    expect(updated).toMatch(/\| cold check ≤ 1\.0× ajv-cli +\| +300 \| (PASS|MISS): /);
    expect(updated).toMatch(/\nMachine: .+\n\n<!-- bench:results:end -->\n\n## After\n$/);
    writeFileSync(doc, '# no markers\n');
    expect(node([RUNNER, '--from', json, '--doc', doc]).stderr).toMatch(/has no <!-- bench:results:start/);
    const bad = node([RUNNER, '--sizes', 'many']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--sizes must be whole numbers/);
    expect(node([RUNNER, '--from', join(work, 'missing.json')]).status).toBe(2);
  });
});
