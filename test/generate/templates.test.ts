/** A province overrides a shipped template or partial by a file of the same name in its own templates directory. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { matterc } from '../helpers/run.js';
import { readFileSync } from 'node:fs';
import { expectCode } from '../helpers/expect-code.js';

const tmp = mkdtempSync(join(tmpdir(), 'matterc-templates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('uses the province’s partial instead of the shipped one, escaping data as ever', () => {
  const own = join(tmp, 'templates', 'site', 'partials');
  mkdirSync(own, { recursive: true });
  writeFileSync(
    join(own, 'footer.hbt'),
    '<footer><p>广东省政务服务数据管理局 · {{site.title}}</p></footer>\n',
  );
  const out = join(tmp, 'dist');
  const r = matterc(['build', 'examples/guangdong', '--out', out, '--templates', join(tmp, 'templates')]);
  expect(r.status).toBe(0);
  const page = readFileSync(join(out, 'site', 'bundles', 'gd-newborn-zs.html'), 'utf8');
  expect(page).toContain('<footer><p>广东省政务服务数据管理局 · 办事指南</p></footer>');
  const shipped = readFileSync(join(out, 'site', 'index.html'), 'utf8');
  expect(shipped).toContain('广东省政务服务数据管理局');
});

it('refuses a province template that would bypass escaping', () => {
  const own = join(tmp, 'unsafe', 'site', 'partials');
  mkdirSync(own, { recursive: true });
  writeFileSync(join(own, 'footer.hbt'), '<footer>{{{site.title}}}</footer>\n');
  const r = matterc([
    'build',
    'examples/guangdong',
    '--out',
    join(tmp, 'dist2'),
    '--templates',
    join(tmp, 'unsafe'),
  ]);
  expect(r.status).toBe(2);
  expectCode(r.stderr, 'MC9010');
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|内部错误/);
});
