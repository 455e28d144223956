/**
 * The site's Handlebars environment: templates from `templates/site/` (pages) and
 * `templates/site/partials/` (partials), each overridable by a file of the same name in a province's
 * templates directory (`<dir>/site/…`, `<dir>/site/partials/…` or directly `<dir>/…`). Compiled once
 * per directory, in strict mode; every `{{…}}` is escaped: triple-stash and `{{& …}}` are refused.
 * Only two helpers emit raw text, both into `<script>` elements: `json` (JSON with `<`, `>`, `&`
 * and line separators escaped) and `interpreter` (the portable condition evaluator).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { safeUrl } from './view.js';

/** The package root, from src/generate/site or dist/generate/site alike. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SHIPPED_TEMPLATES = join(ROOT, 'templates');
const INTERPRETER = join(ROOT, 'dist', 'language', 'condition', 'interpreter.js');

const PAGES = ['index.html', 'bundle.html', 'matter.html', 'bundle.md', 'matter.md'] as const;
export type PageName = (typeof PAGES)[number];

export interface Templates {
  render(page: PageName, context: object): string;
}

let interpreterCode: string | undefined;

/** The compiled evaluator (dist/language/condition/interpreter.js), `export` stripped, for embedding. */
export function interpreterSource(): string {
  if (interpreterCode === undefined) {
    const code = readFileSync(INTERPRETER, 'utf8')
      .replace(/^\/\/# sourceMappingURL=.*$/gm, '')
      .replace(/^export /gm, '');
    if (/<\/script|<!--/i.test(code))
      throw new Error(`${INTERPRETER} cannot be embedded in a <script> element`);
    interpreterCode = code.trimEnd();
  }
  return interpreterCode;
}

/** JSON safe inside a `<script>` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Markdown punctuation escaped (HTML-significant characters are escaped by Handlebars after this). */
export function markdownText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/[\\*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

function read(dir: string, name: string): string | undefined {
  const file = join(dir, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function checkSource(file: string, text: string): string {
  if (/\{\{\{|\{\{~?\s*&/.test(text)) throw new TemplateError(file);
  return text;
}

function locate(name: string, partial: boolean, override: string | undefined): [string, string] {
  const rel = partial ? join('site', 'partials', name) : join('site', name);
  if (override !== undefined) {
    for (const candidate of [rel, name]) {
      const text = read(override, candidate);
      if (text !== undefined) return [join(override, candidate), text];
    }
  }
  const text = read(SHIPPED_TEMPLATES, rel);
  if (text === undefined) throw new Error(`template ${rel} not found`);
  return [join(SHIPPED_TEMPLATES, rel), text];
}

const cache = new Map<string, Templates>();

export function loadTemplates(override?: string): Templates {
  const key = override ?? '';
  const cached = cache.get(key);
  if (cached) return cached;
  const hb = Handlebars.create();
  hb.registerHelper('json', (value: unknown) => new hb.SafeString(scriptJson(value)));
  hb.registerHelper('interpreter', () => new hb.SafeString(interpreterSource()));
  hb.registerHelper('md', (value: unknown) => markdownText(value));
  // A Markdown code fence's body is shown literally; only a closing fence inside it could break out.
  hb.registerHelper(
    'fence',
    (value: unknown) => new hb.SafeString(String(value ?? '').replace(/```/g, '`\u200b``')),
  );
  hb.registerHelper('href', (value: unknown) => safeUrl(value) ?? '');
  hb.registerHelper('join', (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : '、') : '',
  );
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const partialNames = new Set<string>();
  for (const dir of [
    join(SHIPPED_TEMPLATES, 'site', 'partials'),
    ...(override ? [join(override, 'site', 'partials')] : []),
  ])
    if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith('.hbt')) partialNames.add(f);
  for (const f of [...partialNames].sort()) {
    const [file, text] = locate(f, true, override);
    hb.registerPartial(basename(f, '.hbt'), hb.compile(checkSource(file, text), { strict: true }));
  }
  const pages = new Map<string, Handlebars.TemplateDelegate>();
  for (const p of PAGES) {
    const [file, text] = locate(`${p}.hbt`, false, override);
    pages.set(p, hb.compile(checkSource(file, text), { strict: true }));
  }
  const templates: Templates = {
    render(page, context) {
      // Lines left blank by omitted sections are dropped, so output stays tidy and validator-clean.
      return pages.get(page)!(context)
        .replace(/[ \t]+$/gm, '')
        .replace(/\n{3,}/g, '\n\n');
    },
  };
  cache.set(key, templates);
  return templates;
}

/** A province template that would print data unescaped; `matterc build` reports it as MC9010. */
export class TemplateError extends Error {
  constructor(readonly file: string) {
    super(`${file}: unescaped output ({{{…}}} or {{&…}}) is not allowed in site templates`);
  }
}
