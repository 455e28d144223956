import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { toPortable } from '../../language/condition/targets.js';
import { FORMAT_DESCRIPTIONS } from './checks.js';
import type { FormField, FormModel } from './model.js';

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

/** The page's own script: reads the spec, shows and hides fields, validates, produces the JSON. */
const SCRIPT = `
(function () {
  'use strict';
  var spec = JSON.parse(document.getElementById('form-spec').textContent);
  var fields = spec.fields;
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
    if (f.type === '整数' || f.type === '小数' || f.type === '金额') return Number(raw);
    if (f.type === '布尔') return raw === 'true';
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
  function problem(f, v, data) {
    if (v === undefined) return requiredNow(f, data) ? '请填写“' + f.title + '”' : '';
    if (f.type === '整数' && !Number.isInteger(v)) return '“' + f.title + '”应为整数';
    if ((f.type === '小数' || f.type === '金额') && !Number.isFinite(v)) return '“' + f.title + '”应为数字';
    if (f.type === '日期' && !/^\\d{4}-\\d{2}-\\d{2}$/.test(v)) return '“' + f.title + '”应为日期（年-月-日）';
    if (f.options && f.options.indexOf(v) < 0) return '“' + f.title + '”应为可选值之一';
    if (f.format && typeof v === 'string' && !checkFormat(f.format, v)) {
      var what = FORMAT_DESCRIPTIONS[f.format];
      return '“' + f.title + '”格式不正确' + (what ? '：应为' + what : '');
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

function control(f: FormField, describedBy: string): string {
  const common = `id="${f.id}" name="${escapeHtml(f.path)}" aria-describedby="${describedBy}"${f.required ? ' required aria-required="true"' : ''}`;
  if (f.type === '布尔')
    return `<select ${common}><option value="">请选择</option><option value="true">是</option><option value="false">否</option></select>`;
  if (f.type === '枚举' && f.options && f.options.length > 0)
    return `<select ${common}><option value="">请选择</option>${f.options
      .map((o) => `<option value="${escapeHtml(o)}">${escapeHtml(o)}</option>`)
      .join('')}</select>`;
  switch (f.type) {
    case '整数':
      return `<input ${common} type="number" step="1" inputmode="numeric">`;
    case '小数':
    case '金额':
      return `<input ${common} type="number" step="any" inputmode="decimal">`;
    case '日期':
      return `<input ${common} type="date">`;
  }
  const extra =
    f.format === '公民身份号码' || f.format === '统一社会信用代码'
      ? ' maxlength="18" autocomplete="off" spellcheck="false"'
      : f.format === '手机号码'
        ? ' type="tel" inputmode="tel" autocomplete="tel"'
        : f.format === '电子邮箱'
          ? ' type="email" autocomplete="email"'
          : '';
  return `<input ${common}${extra.includes('type=') ? '' : ' type="text"'}${extra}>`;
}

function fieldHtml(f: FormField): string {
  const help = [
    f.description,
    f.unit !== undefined ? `单位：${f.unit}` : undefined,
    f.format !== undefined ? FORMAT_DESCRIPTIONS[f.format] : undefined,
    f.showWhenText !== undefined ? `在满足“${f.showWhenText}”时填写` : undefined,
    f.requiredWhenText !== undefined ? `“${f.requiredWhenText}”时必填` : undefined,
  ].filter((x): x is string => x !== undefined);
  const describedBy = [help.length > 0 ? `${f.id}-help` : undefined, `${f.id}-err`].filter(Boolean).join(' ');
  return [
    `<div class="field" id="${f.id}-box"${f.showWhen ? ' data-conditional="true"' : ''}>`,
    `<label for="${f.id}">${escapeHtml(f.title)}<span class="req" id="${f.id}-req"${f.required ? '' : ' hidden'}> <span aria-hidden="true">*</span><span class="visually-hidden">（必填）</span></span></label>`,
    control(f, describedBy),
    help.length > 0
      ? `<p class="help" id="${f.id}-help">${escapeHtml(
          help.reduce((a, d) => (a === '' ? d : /[。；]$/.test(a) ? `${a}${d}` : `${a}；${d}`), ''),
        )}</p>`
      : '',
    `<p class="error" id="${f.id}-err" aria-live="polite"></p>`,
    `</div>`,
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** The standalone HTML form of a bundle: no external requests, works from a file path. */
export function formPage(model: FormModel): string {
  const spec = {
    bundle: model.bundle,
    fields: model.fields.map((f) => ({
      id: f.id,
      path: f.path,
      title: f.title,
      type: f.type,
      ...(f.format !== undefined ? { format: f.format } : {}),
      ...(f.type === '枚举' && f.options ? { options: f.options } : {}),
      required: f.required,
      ...(f.requiredWhen ? { requiredWhen: toPortable(f.requiredWhen) } : {}),
      ...(f.showWhen ? { show: toPortable(f.showWhen) } : {}),
    })),
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
        ? fs.map(fieldHtml).join('\n')
        : `<fieldset>\n<legend>${escapeHtml(top)}</legend>\n${fs.map(fieldHtml).join('\n')}\n</fieldset>`,
    )
    .join('\n');
  const title = `${model.name} — 一表申请`;
  const csp = `default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(style)}; img-src data:; form-action 'none'; base-uri 'none'`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
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
<p>一表申请：填写一次，即可同时申请本件事包含的各个事项。带 <span class="req" aria-hidden="true">*</span> 的为必填项；部分字段按您的回答显示或隐藏。</p>
<div id="summary" role="alert" tabindex="-1" hidden>
<h2>请修改以下问题</h2>
<ul id="summary-list"></ul>
</div>
<form id="application" novalidate>
${body}
<button type="submit">生成申请数据</button>
</form>
<section id="output" tabindex="-1" aria-labelledby="output-title" hidden>
<h2 id="output-title">申请数据（JSON）</h2>
<pre id="result"></pre>
<p><a id="download" href="#" download="${escapeHtml(model.bundle)}-application.json">下载 JSON 文件</a></p>
</section>
</main>
<script type="application/json" id="form-spec">${scriptJson(spec)}</script>
<script>${script}</script>
</body>
</html>
`;
}
