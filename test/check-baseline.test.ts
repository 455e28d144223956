import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, matterc, ROOT } from './helpers/run.js';
import { expectCode } from './helpers/expect-code.js';

/** `check --baseline` (adopting matterc on a repository with problems) and `check --watch`. */

const tmp = mkdtempSync(join(tmpdir(), 'matterc-baseline-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const MATTER = 'matters/gd-birth-medical-certificate.yaml';
let repo: string;
let n = 0;

interface JsonOut {
  summary: { errors: number };
  diagnostics: { code: string; path?: string; baselined?: boolean; line?: number }[];
}

function edit(file: string, from: string, to: string): void {
  const path = join(repo, file);
  const text = readFileSync(path, 'utf8');
  expect(text.includes(from), `${file} contains ${from}`).toBe(true);
  writeFileSync(path, text.replace(from, to));
}

const check = (...args: string[]) => matterc(['check', '.', ...args], { cwd: repo });
const json = (...args: string[]) => {
  const r = check('--format', 'json', ...args);
  return { status: r.status, out: JSON.parse(r.stdout) as JsonOut, stderr: r.stderr };
};

beforeEach(() => {
  repo = join(tmp, `repo-${n++}`);
  cpSync(join(ROOT, 'examples/guangdong'), repo, { recursive: true });
  // Two problems the repository "already had" when it adopted matterc.
  edit(
    MATTER,
    '  - id: mother-id-card\n    material: resident-id-card\n',
    '  - id: mother-id-card\n    material: no-such-material\n',
  );
  edit(MATTER, 'department: gd-zs-health', 'department: no-such-department');
});

describe('matterc check --baseline', () => {
  it('records the current problems, then fails only on new ones', () => {
    const before = json();
    expect(before.status).toBe(1);
    const recorded = before.out.diagnostics.map((d) => d.code).sort();
    expect(recorded.length).toBeGreaterThanOrEqual(2);

    const write = check('--baseline', 'baseline.json', '--update-baseline');
    expect(write.status).toBe(0);
    expect(write.stderr).toContain(`已把 ${recorded.length} 个问题写入基线 baseline.json`);
    const file = readFileSync(join(repo, 'baseline.json'), 'utf8');
    // Keyed by semantic path with element ids, not lines or positions.
    expect(file).toContain(
      '"path": "Matter:gd-birth-medical-certificate/materials/@mother-id-card/material"',
    );
    expect(file).not.toMatch(/"line"/);
    check('--baseline', 'baseline.json', '--update-baseline');
    expect(readFileSync(join(repo, 'baseline.json'), 'utf8')).toBe(file); // deterministic

    const adopted = json('--baseline', 'baseline.json');
    expect(adopted.status).toBe(0);
    expect(adopted.out.diagnostics.every((d) => d.baselined === true)).toBe(true);
    expect(adopted.out.diagnostics.map((d) => d.code).sort()).toEqual(recorded);

    // Moving the problems (lines above, an item inserted before) keeps them recorded.
    edit(MATTER, 'kind: Matter\n', '# 新增注释\n\nkind: Matter\n');
    edit(
      MATTER,
      'materials:\n',
      'materials:\n  - id: extra-form\n    material: gd-birth-certificate-application-form\n    channel: 在线填报\n    form: 原件\n    necessity: 非必要\n',
    );
    const moved = json('--baseline', 'baseline.json');
    expect(moved.out.diagnostics.filter((d) => !d.baselined)).toEqual([]);
    expect(moved.status).toBe(0);

    // A new problem fails; the recorded ones are still listed as recorded.
    edit(
      MATTER,
      '  - id: parents-id-card\n    material: resident-id-card\n',
      '  - id: parents-id-card\n    material: another-missing-material\n',
    );
    const fresh = json('--baseline', 'baseline.json');
    expect(fresh.status).toBe(1);
    const unrecorded = fresh.out.diagnostics.filter((d) => !d.baselined);
    expect(unrecorded.map((d) => d.path)).toEqual([
      'Matter:gd-birth-medical-certificate/materials/2/material',
    ]);
    expect(fresh.out.diagnostics.filter((d) => d.baselined).length).toBe(recorded.length);
    const pretty = check('--baseline', 'baseline.json');
    expect(pretty.stdout).toContain('已记入基线');
  });

  it('reports recorded problems that no longer occur (MC7301)', () => {
    check('--baseline', 'baseline.json', '--update-baseline');
    edit(MATTER, 'department: no-such-department', 'department: gd-zs-health');
    const r = json('--baseline', 'baseline.json');
    expect(r.status).toBe(0);
    expect(r.out.diagnostics.find((d) => d.code === 'MC7301')).toBeDefined();
    expectCode(r.out, 'MC7301');
  });

  it('refuses a missing or malformed baseline (exit 2, MC9013)', () => {
    const missing = check('--baseline', 'none.json');
    expect(missing.status).toBe(2);
    expectCode(missing.stderr, 'MC9013');
    writeFileSync(join(repo, 'bad.json'), '{"version": 1, "problems": [{"code": 1}]}');
    const bad = check('--baseline', 'bad.json');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('problems[0]');
    expect(check('--update-baseline').status).toBe(2);
  });
});

describe('matterc check --watch', () => {
  it('checks again on save, parsing only the changed file', async () => {
    const child = spawn(process.execPath, [BIN, 'check', '.', '--watch'], {
      cwd: repo,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const until = async (test: () => boolean, what: string) => {
      const deadline = Date.now() + 30_000;
      while (!test()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await until(() => stderr.includes('正在监视'), 'the first run');
      const first = stdout;
      expectCode(first, 'MC3002');
      stdout = '';
      edit(MATTER, 'material: no-such-material', 'material: resident-id-card');
      await until(() => stderr.includes('重新检查：'), 'the second run');
      expect(stderr).toMatch(/重新检查：解析 1 个文件，复用 \d+ 个/);
      await until(() => stdout.includes('检查了'), 'the second report');
      expect(stdout).not.toContain('no-such-material');
      // The result is the same as a fresh check of the same files.
      const fresh = matterc(['check', '.'], { cwd: repo }).stdout;
      expect(stdout.trim()).toBe(fresh.trim());
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('close', r));
    }
  });
});
