import { PAGE } from '../../diagnostics/catalogue.js';
import { pick } from '../../diagnostics/diagnostic.js';
import { mermaidOf } from '../bpmn/index.js';
/**
 * The service guide site (DESIGN.md §5): `site/index.html` (bundles by audience and life-cycle stage,
 * with an offline search), one page per bundle and per matter in HTML and Markdown, with the
 * interactive "我需要准备什么" checklist evaluating the compiled `when` conditions in the page.
 *
 * Rendering uses the Handlebars templates in `templates/site/` (a province's `templatesDir` overrides
 * any of them by name). Pure: reads templates, returns files, writes nothing.
 */
import type { Matter } from '../../model/types.js';
import { type BuildInput, type Generator, type Emit, streaming } from '../types.js';
import { loadTemplates } from './templates.js';
import { bundleView, indexView, matterView, pageName } from './view.js';

export { safeUrl, pageName } from './view.js';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const siteGenerator: Generator = streaming({
  name: 'site',
  emit(input: BuildInput, files: Emit): void {
    const table = input.result.table;
    if (!table) return;
    const t = loadTemplates(input.templatesDir);
    const bundles = [...input.compositions]
      .filter((c) => table.get('Bundle', c.bundle)?.schemaValid)
      .sort((a, b) => (a.bundle < b.bundle ? -1 : a.bundle > b.bundle ? 1 : 0))
      .map((c) => ({
        ...bundleView(table, c, input.lang),
        mermaid: mermaidOf(c, table, input.result.conditions),
      }));
    const matters = table
      .all('Matter')
      .filter((d) => d.schemaValid)
      .map((d) => d.value as unknown as Matter)
      .sort(byId)
      .map((m) => matterView(table, m));
    const site = { title: pick(PAGE.siteTitle, 'zh-CN'), lang: 'zh-CN' };
    files('site/index.html', t.render('index.html', { site, root: '', page: indexView(bundles, matters) }));
    for (const b of bundles) {
      const name = pageName(b.id);
      const ctx = { site, root: '../', file: name, page: b };
      files(`site/bundles/${name}.html`, t.render('bundle.html', ctx));
      files(`site/bundles/${name}.md`, t.render('bundle.md', ctx));
    }
    for (const m of matters) {
      const name = pageName(m.id);
      const ctx = { site, root: '../', file: name, page: m };
      files(`site/matters/${name}.html`, t.render('matter.html', ctx));
      files(`site/matters/${name}.md`, t.render('matter.md', ctx));
    }
  },
});
