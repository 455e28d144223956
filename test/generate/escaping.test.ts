/**
 * Hostile data through every output of a build: `<script>`, `"onerror=`, `javascript:` and `{{` in every
 * text field must come out inert in HTML, Markdown, BPMN XML and JSON alike.
 */
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { check } from '../../src/compile.js';
import { generate } from '../../src/generate/build.js';
import { ROOT } from '../helpers/run.js';

const require = createRequire(import.meta.url);
const { BpmnModdle } = require('bpmn-moddle') as {
  BpmnModdle: new () => { fromXML(xml: string): Promise<{ warnings: unknown[] }> };
};

it('keeps hostile text inert in every output file', async () => {
  const result = check({ paths: ['test/generate/fixtures/hostile'], cwd: ROOT });
  const files = generate(result, 'zh-CN');
  const kinds = new Set([...files.keys()].map((p) => p.slice(p.lastIndexOf('.'))));
  expect([...kinds].sort()).toEqual(expect.arrayContaining(['.bpmn', '.html', '.json', '.md']));
  for (const [path, content] of files) {
    if (path.endsWith('.html') || path.endsWith('.bpmn')) {
      expect(content, path).not.toContain('<script>alert(1)</script>');
      expect(content, path).not.toMatch(/href\s*=\s*"javascript:/i);
      // No attribute was opened by the data: every quote in it is escaped.
      expect(content, path).not.toMatch(/(?<!\\)"onerror=/);
    }
    if (path.endsWith('.md')) expect(content, path).not.toContain('<script>alert(1)</script>');
    if (path.endsWith('.json')) expect(() => JSON.parse(content), path).not.toThrow();
    if (path.endsWith('.bpmn')) {
      const { warnings } = await new BpmnModdle().fromXML(content);
      expect(warnings, path).toEqual([]);
    }
  }
  // The data is still there, as text.
  expect([...files.values()].some((c) => c.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))).toBe(true);
});
