import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PAGE } from '../../diagnostics/catalogue.js';
import { type Lang, pick, render } from '../../diagnostics/diagnostic.js';
import { FIELD_TYPE } from '../../domain/vocabulary.js';
import { toPortable } from '../../language/condition/targets.js';
import { formatDescription, formatDescriptions, formatKind } from './formats.js';
import type { FormField, FormModel } from './model.js';
import { joinHelp } from './schema.js';

/** Text and attribute values: every markup character and template braces become references. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'{}`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a `<script>` element: no `<`, `>`, `&`, braces or line separators inside strings. */
export function scriptJson(value: unknown): string {
  // Inside a JSON string every `"` is the escape `\"`, so `"` → `u0022` leaves `\u0022`.
  return JSON.stringify(value).replace(/"(?:[^"\\]|\\.)*"/g, (s) => {
    const inner = s
      .slice(1, -1)
      .replace(/"/g, 'u0022')
      .replace(/[<>&{}\u2028\u2029`']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `"${inner}"`;
  });
}

let modules: string | undefined;

/**
 * The dependency-free evaluator of conditions and the format checks, as compiled: read from the
 * package's dist/ (the same JavaScript matterc runs), `export` keywords dropped.
 */
function embeddedModules(): string {
  if (modules === undefined) {
    const read = (rel: string) => {
      const text = readFileSync(new URL(`../../../dist/${rel}`, import.meta.url), 'utf8')
        .replace(/^\/\/# sourceMappingURL=.*$/gm, '')
        .replace(/^export (?=function|const|let|class)/gm, '');
      if (/^\s*(import|export)\b/m.test(text) || /<\/script/i.test(text) || /\beval\s*\(/.test(text))
        throw new Error(`${rel} cannot be embedded in a page`);
      return text.trim();
    };
    modules = `${read('language/condition/interpreter.js')}\n${read('generate/forms/checks.js')}`;
  }
  return modules;
}

const STYLE = `
:root { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; line-height: 1.6; color: #1a1a1a; }
body { margin: 0; background: #f5f6f8; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
fieldset { border: 1px solid #c8ccd2; border-radius: 4px; margin: 0 0 1rem; padding: .5rem 1rem 1rem; }
legend { font-weight: 600; padding: 0 .25rem; }
.field { margin: .75rem 0; }
.field[hidden] { display: none; }
label { display: block; font-weight: 500; }
input, select { font: inherit; width: 100%; max-width: 28rem; box-sizing: border-box; padding: .35rem .5rem; border: 1px solid #6b7280; border-radius: 3px; }
input:focus, select:focus, button:focus, a:focus { outline: 3px solid #1d4ed8; outline-offset: 1px; }
[aria-invalid="true"] { border-color: #b91c1c; }
.req { color: #b91c1c; }
.help { margin: .2rem 0 0; font-size: .9rem; color: #4b5563; }
.error { margin: .2rem 0 0; color: #b91c1c; font-size: .9rem; }
.error:empty { display: none; }
#summary { border: 2px solid #b91c1c; padding: .5rem 1rem; margin-bottom: 1rem; }
#summary[hidden], #output[hidden] { display: none; }
button { font: inherit; padding: .5rem 1.25rem; background: #1d4ed8; color: #fff; border: 0; border-radius: 3px; cursor: pointer; }
pre { background: #f3f4f6; padding: .75rem; overflow: auto; white-space: pre-wrap; }
@media print { body { background: #fff; } button, #summary { display: none; } }
`;

/**
 * The page's own script: reads the spec, shows and hides fields, validates, produces the JSON. Its messages
 * are the spec's `text` (catalogue templates in the page's language, `{title}` filled in here); a field's
 * `type` and `format` are the keys of `FIELD_TYPE` and `FIELD_FORMAT` (domain/vocabulary.ts).
 */
const SCRIPT = `
(function () {
  'use strict';
  var spec = JSON.parse(document.getElementById('form-spec').textContent);
  var fields = spec.fields;
  var text = spec.text;
  var form = document.getElementById('application');
  var summary = document.getElementById('summary');
  var summaryList = document.getElementById('summary-list');
  var output = document.getElementById('output');
  var result = document.getElementById('result');
  var download = document.getElementById('download');
  function el(f) { return document.getElementById(f.id); }
  function read(f) {
    var raw = el(f).value.trim();
    if (raw === '') return undefined;
    if (f.type === 'integer' || f.type === 'decimal' || f.type === 'money') return Number(raw);
    if (f.type === 'boolean') return raw === 'true';
    return raw;
  }
  function put(data, path, value) {
    var parts = path.split('.');
    var cur = data;
    for (var i = 0; i < parts.length - 1; i++) {
      if (!Object.prototype.hasOwnProperty.call(cur, parts[i])) cur[parts[i]] = Object.create(null);
      cur = cur[parts[i]];
    }
    cur[parts[parts.length - 1]] = value;
  }
  function collect(visible) {
    var data = Object.create(null);
    fields.forEach(function (f) {
      if (!visible[f.id]) return;
      var v = read(f);
      if (v !== undefined) put(data, f.path, v);
    });
    return data;
  }
  function visibility() {
    var visible = {};
    fields.forEach(function (f) { visible[f.id] = true; });
    for (var n = 0; n <= fields.length; n++) {
      var data = collect(visible);
      var changed = false;
      fields.forEach(function (f) {
        var v = !f.show || evaluate(f.show, data);
        if (v !== visible[f.id]) { visible[f.id] = v; changed = true; }
      });
      if (!changed) break;
    }
    return visible;
  }
  function requiredNow(f, data) {
    return f.required || (f.requiredWhen ? evaluate(f.requiredWhen, data) : false);
  }
  function update() {
    var visible = visibility();
    var data = collect(visible);
    fields.forEach(function (f) {
      var box = document.getElementById(f.id + '-box');
      box.hidden = !visible[f.id];
      el(f).disabled = !visible[f.id];
      var req = requiredNow(f, data);
      el(f).setAttribute('aria-required', req ? 'true' : 'false');
      document.getElementById(f.id + '-req').hidden = !req;
    });
  }
  function say(template, f, expected) {
    return template.replace(/\\{(\\w+)\\}/g, function (whole, name) {
      return name === 'title' ? f.title : name === 'expected' ? expected : whole;
    });
  }
  function problem(f, v, data) {
    if (v === undefined) return requiredNow(f, data) ? say(text.missing, f) : '';
    if (f.type === 'integer' && !Number.isInteger(v)) return say(text.notInteger, f);
    if ((f.type === 'decimal' || f.type === 'money') && !Number.isFinite(v)) return say(text.notNumber, f);
    if (f.type === 'date' && !/^\\d{4}-\\d{2}-\\d{2}$/.test(v)) return say(text.notDate, f);
    if (f.options && f.options.indexOf(v) < 0) return say(text.notOption, f);
    if (f.format && typeof v === 'string' && !checkKind(f.format, v)) {
      var expected = text.formats[f.format];
      return expected ? say(text.badFormatExpected, f, expected) : say(text.badFormat, f);
    }
    return '';
  }
  function validate() {
    var visible = visibility();
    var data = collect(visible);
    var errors = [];
    fields.forEach(function (f) {
      var msg = visible[f.id] ? problem(f, read(f), data) : '';
      document.getElementById(f.id + '-err').textContent = msg;
      if (msg) { el(f).setAttribute('aria-invalid', 'true'); errors.push({ f: f, msg: msg }); }
      else el(f).removeAttribute('aria-invalid');
    });
    return { errors: errors, data: data };
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    update();
    var r = validate();
    summaryList.textContent = '';
    if (r.errors.length > 0) {
      r.errors.forEach(function (e) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = '#' + e.f.id;
        a.textContent = e.msg;
        li.appendChild(a);
        summaryList.appendChild(li);
      });
      summary.hidden = false;
      output.hidden = true;
      summary.focus();
      return;
    }
    summary.hidden = true;
    var json = JSON.stringify(r.data, null, 2);
    result.textContent = json;
    download.href = URL.createObjectURL(new Blob([json + '\\n'], { type: 'application/json' }));
    output.hidden = false;
    output.focus();
  });
  update();
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The key of a field's type in `FIELD_TYPE` (text when the dictionary gives none matterc knows). */
function typeKind(type: string): keyof typeof FIELD_TYPE {
  return (
    (Object.keys(FIELD_TYPE) as (keyof typeof FIELD_TYPE)[]).find((k) => FIELD_TYPE[k] === type) ?? 'text'
  );
}

function control(f: FormField, describedBy: string, lang: Lang): string {
  const common = `id="${f.id}" name="${escapeHtml(f.path)}" aria-describedby="${describedBy}"${f.required ? ' required aria-required="true"' : ''}`;
  const choose = `<option value="">${escapeHtml(pick(PAGE.formChoose, lang))}</option>`;
  if (f.type === FIELD_TYPE.boolean)
    return `<select ${common}>${choose}<option value="true">${escapeHtml(pick(PAGE.formYes, lang))}</option><option value="false">${escapeHtml(pick(PAGE.formNo, lang))}</option></select>`;
  if (f.type === FIELD_TYPE.enum && f.options && f.options.length > 0)
    return `<select ${common}>${choose}${f.options
      .map((o) => `<option value="${escapeHtml(o)}">${escapeHtml(o)}</option>`)
      .join('')}</select>`;
  switch (f.type) {
    case FIELD_TYPE.integer:
      return `<input ${common} type="number" step="1" inputmode="numeric">`;
    case FIELD_TYPE.decimal:
    case FIELD_TYPE.money:
      return `<input ${common} type="number" step="any" inputmode="decimal">`;
    case FIELD_TYPE.date:
      return `<input ${common} type="date">`;
  }
  const kind = formatKind(f.format);
  const extra =
    kind === 'idNumber' || kind === 'uscc'
      ? ' maxlength="18" autocomplete="off" spellcheck="false"'
      : kind === 'mobile'
        ? ' type="tel" inputmode="tel" autocomplete="tel"'
        : kind === 'email'
          ? ' type="email" autocomplete="email"'
          : '';
  return `<input ${common}${extra.includes('type=') ? '' : ' type="text"'}${extra}>`;
}

function fieldHtml(f: FormField, lang: Lang): string {
  const help = [
    f.description,
    f.unit !== undefined ? render(PAGE.formUnit, { unit: f.unit }, lang) : undefined,
    formatDescription(f.format, lang),
    f.showWhenText !== undefined ? render(PAGE.formShowWhen, { condition: f.showWhenText }, lang) : undefined,
    f.requiredWhenText !== undefined
      ? render(PAGE.formRequiredWhen, { condition: f.requiredWhenText }, lang)
      : undefined,
  ].filter((x): x is string => x !== undefined);
  const describedBy = [help.length > 0 ? `${f.id}-help` : undefined, `${f.id}-err`].filter(Boolean).join(' ');
  return [
    `<div class="field" id="${f.id}-box"${f.showWhen ? ' data-conditional="true"' : ''}>`,
    `<label for="${f.id}">${escapeHtml(f.title)}<span class="req" id="${f.id}-req"${f.required ? '' : ' hidden'}> <span aria-hidden="true">*</span><span class="visually-hidden">${escapeHtml(pick(PAGE.formRequiredMark, lang))}</span></span></label>`,
    control(f, describedBy, lang),
    help.length > 0 ? `<p class="help" id="${f.id}-help">${escapeHtml(joinHelp(help, lang))}</p>` : '',
    `<p class="error" id="${f.id}-err" aria-live="polite"></p>`,
    `</div>`,
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** The messages of the page's script: templates whose `{title}` (and `{expected}`) the script fills in. */
function scriptText(lang: Lang) {
  return {
    missing: pick(PAGE.formMissing, lang),
    notInteger: pick(PAGE.formNotInteger, lang),
    notNumber: pick(PAGE.formNotNumber, lang),
    notDate: pick(PAGE.formNotDate, lang),
    notOption: pick(PAGE.formNotOption, lang),
    badFormat: pick(PAGE.formBadFormat, lang),
    badFormatExpected: pick(PAGE.formBadFormatExpected, lang),
    formats: formatDescriptions(lang),
  };
}

/** The standalone HTML form of a bundle: no external requests, works from a file path. */
export function formPage(model: FormModel, lang: Lang = 'zh-CN'): string {
  const spec = {
    bundle: model.bundle,
    fields: model.fields.map((f) => {
      const format = formatKind(f.format);
      return {
        id: f.id,
        path: f.path,
        title: f.title,
        type: typeKind(f.type),
        ...(format !== undefined ? { format } : {}),
        ...(f.type === FIELD_TYPE.enum && f.options ? { options: f.options } : {}),
        required: f.required,
        ...(f.requiredWhen ? { requiredWhen: toPortable(f.requiredWhen) } : {}),
        ...(f.showWhen ? { show: toPortable(f.showWhen) } : {}),
      };
    }),
    text: scriptText(lang),
  };
  const script = `${embeddedModules()}\n${SCRIPT}`;
  const style = `${STYLE}.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }\n`;
  const groups = new Map<string, FormField[]>();
  for (const f of model.fields) {
    const top = f.path.includes('.') ? f.path.slice(0, f.path.indexOf('.')) : '';
    groups.set(top, [...(groups.get(top) ?? []), f]);
  }
  const body = [...groups]
    .map(([top, fs]) =>
      top === ''
        ? fs.map((f) => fieldHtml(f, lang)).join('\n')
        : `<fieldset>\n<legend>${escapeHtml(top)}</legend>\n${fs.map((f) => fieldHtml(f, lang)).join('\n')}\n</fieldset>`,
    )
    .join('\n');
  const title = render(PAGE.formTitle, { name: model.name }, lang);
  const intro = pick(PAGE.formIntro, lang)
    .split('{mark}')
    .map(escapeHtml)
    .join('<span class="req" aria-hidden="true">*</span>');
  const csp = `default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(style)}; img-src data:; form-action 'none'; base-uri 'none'`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>${escapeHtml(model.name)}</h1>
<p>${intro}</p>
<div id="summary" role="alert" tabindex="-1" hidden>
<h2>${escapeHtml(pick(PAGE.formFixThese, lang))}</h2>
<ul id="summary-list"></ul>
</div>
<form id="application" novalidate>
${body}
<button type="submit">${escapeHtml(pick(PAGE.formSubmit, lang))}</button>
</form>
<section id="output" tabindex="-1" aria-labelledby="output-title" hidden>
<h2 id="output-title">${escapeHtml(pick(PAGE.formOutputTitle, lang))}</h2>
<pre id="result"></pre>
<p><a id="download" href="#" download="${escapeHtml(model.bundle)}-application.json">${escapeHtml(pick(PAGE.formDownload, lang))}</a></p>
</section>
</main>
<script type="application/json" id="form-spec">${scriptJson(spec)}</script>
<script>${script}</script>
</body>
</html>
`;
}
