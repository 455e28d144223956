/** matterc build: deterministic, atomic, and never publishes invalid data. */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, benchCorpus, matterc, ROOT } from '../helpers/run.js';

const tmp = mkdtempSync(join(tmpdir(), 'matterc-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out.set(`${prefix}${e.name}`, readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(dir, '');
  return out;
}

describe('matterc build', () => {
  it('builds the examples, and two builds are byte-identical', () => {
    const a = join(tmp, 'a');
    const b = join(tmp, 'b');
    expect(matterc(['build', 'examples/zhongshan', '--out', a]).status).toBe(0);
    expect(matterc(['build', 'examples/zhongshan', '--out', b]).status).toBe(0);
    const sa = snapshot(a);
    expect(sa.has('catalog.json')).toBe(true);
    expect(sa.has('report.json')).toBe(true);
    expect(sa.has('bpmn/gd-newborn-zs.bpmn')).toBe(true);
    expect(sa.has('site/index.html')).toBe(true);
    expect(sa.has('forms/gd-newborn-zs.schema.json')).toBe(true);
    expect(sa.has('forms/gd-newborn-zs.html')).toBe(true);
    expect(sa.has('site/bundles/gd-newborn-zs.html')).toBe(true);
    expect(sa).toEqual(snapshot(b));
    const catalog = JSON.parse(sa.get('catalog.json')!);
    const city = catalog.lists.find((l: { id: string }) => l.id === 'zs-example-2025');
    expect(city.items.map((i: { key: string }) => i.key)).toContain('restaurant-opening');
  });

  it('publishes nothing when the data has errors, leaving the previous output', () => {
    const src = join(tmp, 'broken');
    cpSync(join(ROOT, 'test/cases/rules/instant-but-promise-case'), src, { recursive: true });
    const out = join(tmp, 'kept');
    expect(matterc(['build', 'examples/guangdong', '--out', out]).status).toBe(0);
    const before = snapshot(out);
    const r = matterc(['build', src, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('MC4001');
    expect(snapshot(out)).toEqual(before);
  });

  it('a build killed midway leaves the previous output intact, and the next build completes', async () => {
    const out = join(tmp, 'killed');
    expect(matterc(['build', 'examples/guangdong', '--out', out]).status).toBe(0);
    // The previous output is guangdong's; the killed build is zhongshan's (a file of its own would be
    // foreign to matterc's manifest, and the next build would rightly refuse the directory).
    const before = snapshot(out);
    const child = spawn(process.execPath, [BIN, 'build', 'examples/zhongshan', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, MATTERC_TEST_PAUSE_AFTER_FILES: '1' },
      stdio: 'ignore',
    });
    // Wait until the build has written into its temporary directory, then kill it there.
    const parent = join(out, '..');
    for (let i = 0; i < 200; i++) {
      if (readdirSync(parent).some((n) => n.startsWith('.killed.tmp-'))) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(snapshot(out)).toEqual(before);
    expect(matterc(['build', 'examples/zhongshan', '--out', out]).status).toBe(0);
    expect(snapshot(out)).not.toEqual(before);
    expect(readdirSync(parent).filter((n) => n.startsWith('.killed.'))).toEqual([]);
  });

  it('writes each file as it is made: 900 matters (52 MB of output) build in an 80 MB heap', () => {
    // Holding the whole output before writing it needed more than 128 MB here.
    const corpus = join(tmp, 'corpus-900');
    benchCorpus(900, corpus);
    const out = join(tmp, 'out-900');
    const r = matterc(['build', corpus, '--out', out], {
      env: { NODE_OPTIONS: '--max-old-space-size=80' },
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(join(out, 'site/matters')).length).toBeGreaterThanOrEqual(1800);
  }, 180_000);
});
