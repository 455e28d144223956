import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/compile.js';
import { composeAll } from '../../src/compose/index.js';
import { siteGenerator } from '../../src/generate/site/index.js';
import type { BuildInput, OutputFiles } from '../../src/generate/types.js';
import { buildReports } from '../../src/report/report.js';
import { ROOT } from '../helpers/run.js';
import { launchChromium } from '../helpers/browser.js';
import { requireTool } from '../helpers/tools.js';
import { htmlValidateErrors } from '../helpers/html.js';

function inputFor(
  paths: string[],
  patch?: (docs: ReturnType<typeof check>['documents']) => void,
): BuildInput {
  const result = check({ paths, cwd: ROOT, today: '2025-06-01' });
  patch?.(result.documents);
  const compositions = composeAll(result.documents, result.table!, []);
  return {
    result,
    compositions,
    reports: buildReports(result.table!, result.diagnostics, compositions),
    lang: 'zh-CN',
  };
}

const zhongshan = inputFor(['examples/zhongshan']);
const site: OutputFiles = siteGenerator.generate(zhongshan);
const htmlPages = [...site.keys()].filter((p) => p.endsWith('.html'));

describe('site generator', () => {
  it('produces the index, bundle and matter pages in HTML and Markdown', () => {
    expect(site.has('site/index.html')).toBe(true);
    expect(site.has('site/bundles/gd-newborn-zs.html')).toBe(true);
    expect(site.has('site/bundles/gd-newborn-zs.md')).toBe(true);
    expect(site.has('site/matters/gd-birth-medical-certificate.html')).toBe(true);
    expect(site.has('site/matters/gd-birth-medical-certificate.md')).toBe(true);
    const page = site.get('site/bundles/gd-newborn-zs.html')!;
    for (const text of ['我需要准备什么', '改革成效', '委托', '关键路径', '申请材料', '办理流程'])
      expect(page).toContain(text);
    const matter = site.get('site/matters/gd-birth-medical-certificate.html')!;
    for (const text of [
      '《中华人民共和国母婴保健法》第二十三条',
      '法定办结时限',
      '承诺办结时限',
      '0760-12320',
      '出生医学证明',
    ])
      expect(matter).toContain(text);
    const index = site.get('site/index.html')!;
    expect(index.indexOf('个人')).toBeLessThan(index.indexOf('经营主体'));
  });

  it('is deterministic', () => {
    const again = siteGenerator.generate(inputFor(['examples/zhongshan']));
    expect([...again.entries()]).toEqual([...site.entries()]);
  });

  it('passes html-validate:recommended on every page', async () => {
    expect(await htmlValidateErrors(htmlPages.map((p) => [p, site.get(p)!]))).toEqual([]);
  });

  it('escapes hostile data in every HTML and Markdown page and drops non-http URLs', () => {
    const hostile = siteGenerator.generate(
      inputFor(['test/generate/fixtures/hostile'], (docs) => {
        for (const d of docs) {
          const v = d.value as { source?: { url?: string } };
          if (v.source) v.source.url = 'javascript:alert(1)';
        }
      }),
    );
    expect(hostile.size).toBeGreaterThan(4);
    let seen = 0;
    for (const [path, raw] of hostile) {
      // Embedded JSON (checklist, search index) holds the text JSON-escaped, with no `<` at all.
      const json = [...raw.matchAll(/<script type="application\/json"[^>]*>([^<]*)<\/script>/g)].map(
        (m) => m[1]!,
      );
      for (const j of json) expect(() => JSON.parse(j) as unknown).not.toThrow();
      const content = raw.replace(/<script type="application\/json"[^>]*>[^<]*<\/script>/g, '');
      expect(raw, path).not.toContain('<script>alert(1)</script>');
      expect(raw, path).not.toMatch(/javascript:/i);
      expect(content, path).not.toMatch(/javascript:/i);
      expect(content, path).not.toContain('"onerror=');
      if (path.endsWith('.html')) {
        expect(content, path).not.toMatch(/<script>alert/i);
        // Outside the embedded JSON, the text appears only as entities.
        if (content.includes('&lt;script&gt;alert(1)&lt;/script&gt;')) seen++;
      } else {
        expect(content, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      }
      // `{{x}}` in data is text, never a template.
      if (path.includes('hostile-matter')) expect(content, path).toContain('{{x}}');
    }
    expect(seen).toBeGreaterThan(0);
  });
});

const skipBrowser = !requireTool('chromium', 'test/generate/site.test.ts › site in headless Chromium');

describe.skipIf(skipBrowser)('site in headless Chromium', () => {
  let dir: string;
  let browser: import('playwright-core').Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'matterc-site-'));
    for (const [path, content] of site) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(path: string) {
    const page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(dir, path)).href);
    return page;
  }

  async function visibleItems(page: import('playwright-core').Page): Promise<string[]> {
    return page.$$eval('#ck-items li:not([hidden]) strong', (els) => els.map((e) => e.textContent ?? ''));
  }

  it('updates the newborn checklist as answers change', async () => {
    const page = await open('site/bundles/gd-newborn-zs.html');
    const label = page.getByLabel('是否委托他人代为领取');
    const before = await visibleItems(page);
    await label.check();
    const delegated = await visibleItems(page);
    expect(delegated.length).toBe(before.length + 1);
    await label.uncheck();
    expect(await visibleItems(page)).toEqual(before);
    const father = page.getByLabel('父亲姓名', { exact: true });
    await father.fill('张三');
    const withFather = await visibleItems(page);
    expect(withFather).not.toEqual(before);
    await father.fill('');
    expect(await visibleItems(page)).toEqual(before);
    expect(await page.textContent('#ck-status')).toContain(String(before.length));
    mkdirSync(join(ROOT, 'coverage'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'coverage', 'site-newborn.png'), fullPage: false });
    await page.close();
  }, 60_000);

  it('has no serious or critical axe-core violations', async () => {
    const axe = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const path of [
      'site/index.html',
      'site/bundles/gd-newborn-zs.html',
      'site/matters/gd-birth-medical-certificate.html',
    ]) {
      const page = await open(path);
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const w = globalThis as unknown as {
          axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> };
        };
        const r = await w.axe.run();
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect(violations, path).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it('filters the search index', async () => {
    const page = await open('site/index.html');
    await page.getByLabel('搜索一件事或事项').fill('新生儿');
    const hits = await page.$$eval('#search-results a', (els) => els.map((e) => e.textContent ?? ''));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.includes('新生儿') || h.length > 0)).toBe(true);
    expect(hits.some((h) => h.includes('新生儿出生一件事'))).toBe(true);
    await page.getByLabel('搜索一件事或事项').fill('餐饮');
    const other = await page.$$eval('#search-results a', (els) => els.map((e) => e.textContent ?? ''));
    expect(other.some((h) => h.includes('新生儿'))).toBe(false);
    expect(other.length).toBeGreaterThan(0);
    await page.close();
  }, 60_000);

  it('makes no network request', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  });
});
