/** Every HTML page `matterc build` writes — guide site and forms — checked by html-validate and axe-core. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/compile.js';
import { generate } from '../../src/generate/build.js';
import { htmlValidateErrors } from '../helpers/html.js';
import { matterc, ROOT } from '../helpers/run.js';
import { launchChromium } from '../helpers/browser.js';
import { requireTool } from '../helpers/tools.js';

const files = generate(check({ paths: ['examples/zhongshan'], cwd: ROOT }), 'zh-CN');
const pages = [...files.keys()].filter((p) => p.endsWith('.html')).sort();

describe('built pages', () => {
  it('include guide pages and forms', () => {
    expect(pages.some((p) => p.startsWith('site/'))).toBe(true);
    expect(pages.some((p) => p.startsWith('forms/'))).toBe(true);
  });

  it('all pass html-validate:recommended', async () => {
    expect(await htmlValidateErrors(pages.map((p) => [p, files.get(p)!]))).toEqual([]);
  });

  it('include the HTML list report, which passes html-validate too', async () => {
    const html = matterc(['report', 'examples/zhongshan', '--format', 'html', '--date', '2026-01-01']).stdout;
    expect(await htmlValidateErrors([['report.html', html]])).toEqual([]);
  });
});

describe.runIf(
  requireTool('chromium', 'test/generate/pages.test.ts › built forms and the HTML report in Chromium'),
)('built forms and the HTML report in Chromium', () => {
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'matterc-pages-'));

  beforeAll(async () => {
    for (const [path, content] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('have no serious or critical axe-core violations', async () => {
    const axe = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    // The form's Content-Security-Policy admits only its own scripts; axe is injected by the test.
    const context = await browser!.newContext({ bypassCSP: true });
    writeFileSync(
      join(dir, 'report.html'),
      matterc(['report', 'examples/zhongshan', '--format', 'html', '--date', '2026-01-01']).stdout,
    );
    for (const path of [...pages.filter((p) => p.startsWith('forms/')), 'report.html']) {
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(dir, path)).href);
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
    await context.close();
  }, 60_000);
});
