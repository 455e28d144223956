/**
 * The invariants one fuzz case must keep, checked in-process against the built compiler (`dist/`) and,
 * when asked, through the CLI as a subprocess. Each broken invariant is a violation
 * `{ invariant, key, detail }`; `key` identifies the bug (the invariant and where it shows), so that
 * minimizing keeps the same failure rather than any failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { XMLValidator } from 'fast-xml-parser';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin/matterc');
/** Waivers are checked against a fixed day, so that a run does not depend on the calendar. */
export const TODAY = '2025-06-01';

const dist = (path) => import(new URL(`../../dist/${path}`, import.meta.url).href);
const { check } = await dist('compile.js');
const { formatDiagnostics, DIAGNOSTIC_FORMATS } = await dist('cli/output.js');
const { exitCodeFor } = await dist('cli/exit.js');
const { LABELS } = await dist('diagnostics/catalogue.js');
const { fmt } = await dist('fmt/run.js');
const { formatText } = await dist('fmt/format.js');
const { parseYaml } = await dist('parse/yaml.js');
const { SourceText } = await dist('diagnostics/source.js');
/** The fast parse path, where this build has one: it must read a file as the full parser does, or decline. */
const parseFast = await dist('parse/fast.js').then(
  (m) => m.parseFast,
  () => undefined,
);

/** Write a case's files under `dir` (emptied first). */
export function writeCase(dir, c) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of c.files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.bytes);
  }
}

class Violations {
  list = [];
  add(invariant, where, detail) {
    const key = `${invariant}:${where}`;
    if (!this.list.some((v) => v.key === key))
      this.list.push({ invariant, key, detail: String(detail).slice(0, 4000) });
  }
}

/** A thrown error as one line, and where in matterc it came from (the first dist/ or src/ frame). */
export function describeError(error) {
  const e = error instanceof Error ? error : new Error(String(error));
  const frame = (e.stack ?? '')
    .split('\n')
    .find((l) => /\/(dist|src)\//.test(l))
    ?.replace(/^.*\/(dist|src)\//, '$1/')
    .replace(/\)$/, '');
  return {
    name: e.name,
    message: e.message.split('\n')[0].slice(0, 300),
    frame: frame ?? '?',
    stack: e.stack ?? '',
  };
}

const PLACEHOLDER = /\{(\w+)\}/g;

function placeholders(text) {
  return text ? [...`${text.zh}\n${text.en}`.matchAll(PLACEHOLDER)].map((m) => m[1]) : [];
}

function validArg(arg, depth = 0) {
  if (depth > 8) return false;
  if (typeof arg === 'string') return true;
  if (typeof arg === 'number') return Number.isFinite(arg);
  if (Array.isArray(arg)) return arg.every((a) => validArg(a, depth + 1));
  if (arg && typeof arg === 'object') {
    if ('template' in arg) return Object.values(arg.args ?? {}).every((a) => validArg(a, depth + 1));
    return typeof arg.zh === 'string' && typeof arg.en === 'string';
  }
  return false;
}

function codePoints(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A location's range lies inside its file, and the line and column shown for it exist there. */
function checkLocation(v, code, loc, what) {
  const { source, range } = loc;
  const len = source.text.length;
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > len) {
    v.add('range', `${code}:${what}`, `${source.path}: ${what} range ${start}..${end} in a text of ${len}`);
    return;
  }
  for (const offset of [start, end]) {
    const p = source.position(offset);
    const lineText = source.lineText(p.line);
    if (p.line < 1 || p.line > source.lineCount || p.column < 1 || p.column > codePoints(lineText) + 1) {
      v.add(
        'position',
        `${code}:${what}`,
        `${source.path}: offset ${offset} shown as ${p.line}:${p.column} (the file has ${source.lineCount} lines; that line has ${codePoints(lineText)} characters)`,
      );
    }
  }
}

function checkDiagnostics(v, diagnostics) {
  for (const d of diagnostics) {
    const code = d.entry.code;
    if ((d.entry.severity === 'fatal') !== code.startsWith('MC9'))
      v.add('fatal-code', code, `${code} has severity ${d.entry.severity}`);
    if (d.location) checkLocation(v, code, d.location, 'location');
    for (const r of d.related) {
      checkLocation(v, code, r, 'related');
      if (!LABELS[r.label]) v.add('message', `${code}:label`, `unknown related label ${r.label}`);
    }
    const needed = [...placeholders(d.entry.message), ...(d.hint ? [] : placeholders(d.entry.hint))];
    for (const name of needed)
      if (d.args[name] === undefined) v.add('message', `${code}:${name}`, `${code}: no value for {${name}}`);
    if (d.hint) {
      for (const name of placeholders(LABELS[d.hint.label]))
        if (d.hint.args[name] === undefined)
          v.add('message', `${code}:hint:${name}`, `${code}: hint without {${name}}`);
    }
    for (const [name, arg] of Object.entries({ ...d.args, ...(d.hint?.args ?? {}) }))
      if (!validArg(arg))
        v.add('message', `${code}:${name}`, `${code}: argument ${name} is ${JSON.stringify(arg)}`);
  }
}

/** Every output format as the CLI would print it, in Chinese; pretty and JSON in English too. */
function renderAll(result, cwd) {
  const summary = { files: result.files, documents: result.documents.length };
  const out = {};
  const render = (format, lang, color = false) =>
    formatDiagnostics(format, result.diagnostics, summary, { lang, color, command: 'check', cwd });
  for (const format of DIAGNOSTIC_FORMATS) out[`${format}/zh-CN`] = render(format, 'zh-CN');
  out['pretty/en'] = render('pretty', 'en', true);
  out['json/en'] = render('json', 'en');
  return out;
}

function checkFormats(v, outputs) {
  for (const [name, text] of Object.entries(outputs)) {
    const format = name.split('/')[0];
    if (format === 'json' || format === 'sarif' || format === 'gitlab') {
      try {
        JSON.parse(text);
      } catch (error) {
        v.add('format', format, `${name} is not JSON: ${error.message}`);
      }
    } else if (format === 'junit') {
      const valid = XMLValidator.validate(text);
      if (valid !== true)
        v.add('format', format, `${name} is not well-formed XML: ${JSON.stringify(valid.err)}`);
    }
  }
}

function runCheck(v, dir, paths, label) {
  try {
    return check({ paths, cwd: dir, today: TODAY });
  } catch (error) {
    const e = describeError(error);
    v.add('exception', `check:${e.name}:${e.frame}`, `${label} threw ${e.name}: ${e.message}\n${e.stack}`);
    return undefined;
  }
}

/** Each file read by both parsers: where the fast path takes a file, it must read what the full parser reads. */
function checkFastParse(v, c) {
  if (!parseFast) return;
  for (const f of c.files) {
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(f.bytes).replace(/^\uFEFF/, '');
    } catch {
      continue;
    }
    const source = new SourceText(f.path, text);
    let quick;
    try {
      quick = parseFast(source);
    } catch (error) {
      const e = describeError(error);
      v.add('exception', `parseFast:${e.name}:${e.frame}`, `parseFast threw on ${f.path}: ${e.message}`);
      continue;
    }
    if (!quick) continue;
    const full = parseYaml(new SourceText(f.path, text));
    const problems = full.diagnostics.filter((d) => d.entry.severity !== 'info').map((d) => d.entry.code);
    if (problems.length > 0) {
      v.add(
        'fast-parse',
        `reported:${problems[0]}`,
        `${f.path}: the fast path took a file the full parser reports (${problems.join(', ')})`,
      );
      continue;
    }
    const a = quick.documents.map((d) => ({ value: d.value, broken: d.broken }));
    const b = full.documents.map((d) => ({ value: d.value, broken: d.broken }));
    const difference = valueDifference(a, b);
    if (difference)
      v.add(
        'fast-parse',
        `value:${difference.types}`,
        `${f.path}: the fast path reads another value\n${difference.text}`,
      );
  }
}

/**
 * Where two read values first differ: `{ types, text }` with the kinds of value on each side and the path
 * and both values there; undefined when they are the same (0 and -0 count as the same number).
 */
function valueDifference(a, b, path = '') {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      if (!(k in a) || !(k in b)) return differ(a, b, `${path}/${k}`, 'keys');
      const d = valueDifference(a[k], b[k], `${path}/${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return differ(a, b, path, `${kindOf(a)}-vs-${kindOf(b)}`);
}

const kindOf = (x) => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x);

function differ(a, b, path, types) {
  const show = (x) => inspect(x, { depth: 2, breakLength: Infinity, maxStringLength: 300 });
  return { types, text: `at ${path || '/'}: fast ${show(a)}, full ${show(b)}` };
}

/**
 * fmt never crashes; what it writes parses without errors, and formatting it again changes nothing.
 * With `write`, the files are rewritten in place and checked again.
 */
function checkFmt(v, dir, c, write) {
  let result;
  try {
    result = fmt({ paths: c.paths, cwd: dir, check: !write });
  } catch (error) {
    const e = describeError(error);
    v.add('exception', `fmt:${e.name}:${e.frame}`, `fmt threw ${e.name}: ${e.message}\n${e.stack}`);
    return;
  }
  checkDiagnostics(v, result.diagnostics);
  for (const f of result.files) {
    if (f.formatted === undefined) continue;
    const reparsed = parseYaml(new SourceText(f.file.display, f.formatted));
    const problems = reparsed.diagnostics.filter((d) => d.entry.severity !== 'info').map((d) => d.entry.code);
    if (problems.length > 0)
      v.add(
        'fmt-output',
        `parse:${problems[0]}`,
        `${f.file.display}: fmt wrote text that does not parse (${problems.join(', ')})`,
      );
    let again;
    try {
      again = formatText(f.formatted, { projectFile: f.file.display.endsWith('matterc.yaml') });
    } catch (error) {
      const e = describeError(error);
      v.add(
        'exception',
        `formatText:${e.name}:${e.frame}`,
        `formatText threw on fmt's own output: ${e.message}`,
      );
      continue;
    }
    if (!again.ok)
      v.add('fmt-output', 'refused', `${f.file.display}: fmt refuses its own output: ${again.reason}`);
    else if (again.text !== f.formatted)
      v.add('fmt-idempotent', 'text', `${f.file.display}: formatting twice changes the text again`);
  }
  if (write && !result.fatal) {
    try {
      const second = fmt({ paths: c.paths, cwd: dir, check: true });
      const still = second.files.filter((f) => f.formatted !== undefined).map((f) => f.file.display);
      if (still.length > 0)
        v.add('fmt-idempotent', 'files', `after fmt, fmt --check still wants to change ${still.join(', ')}`);
    } catch (error) {
      const e = describeError(error);
      v.add('exception', `fmt:${e.name}:${e.frame}`, `fmt --check after fmt threw: ${e.message}`);
    }
  }
}

const STACK = /^\s+at |[A-Za-z]*Error:|FATAL ERROR|内部错误|internal error/m;

function cli(args, cwd) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', MATTERC_DEBUG: '' },
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Through the CLI: exit 0 or 1 (2 only with an MC9 code), no stack trace, and the in-process output. */
function checkCli(v, dir, c, expected) {
  const r = cli(['check', ...c.paths, '--format', 'json', '--date', TODAY], dir);
  if (r.status === null) {
    v.add('cli-exit', 'signal', `matterc check was killed (${r.signal ?? r.error?.message})`);
    return;
  }
  if (STACK.test(r.stderr)) v.add('cli-stderr', 'check', `stderr: ${r.stderr.slice(0, 2000)}`);
  let out;
  try {
    out = JSON.parse(r.stdout);
  } catch {
    v.add(
      'cli-output',
      'json',
      `stdout is not JSON (exit ${r.status}): ${r.stdout.slice(0, 500)} ${r.stderr.slice(0, 500)}`,
    );
    return;
  }
  const codes = out.diagnostics.map((d) => d.code);
  const fatal = codes.some((code) => code.startsWith('MC9'));
  if (r.status === 2 ? !fatal : r.status !== 0 && r.status !== 1)
    v.add('cli-exit', String(r.status), `exit ${r.status} with ${codes.join(', ') || 'no diagnostics'}`);
  if (expected) {
    if (r.status !== expected.exit)
      v.add('cli-exit', 'differs', `exit ${r.status} through the CLI, ${expected.exit} in-process`);
    if (r.stdout !== expected.json)
      v.add('cli-output', 'differs', 'the CLI printed other JSON than the same check in-process');
  }
  const f = cli(['fmt', '--check', ...c.paths], dir);
  if (f.status === null) v.add('cli-exit', 'fmt-signal', `matterc fmt --check was killed (${f.signal})`);
  else if (STACK.test(f.stderr)) v.add('cli-stderr', 'fmt', `fmt --check stderr: ${f.stderr.slice(0, 2000)}`);
  else if (f.status !== 0 && f.status !== 1 && !/MC9\d{3}/.test(f.stdout + f.stderr))
    v.add(
      'cli-exit',
      `fmt:${f.status}`,
      `fmt --check exit ${f.status}: ${(f.stdout + f.stderr).slice(0, 1000)}`,
    );
}

/**
 * Check one case written under `dir`. Options: `cli` (also run the CLI), `fmtWrite` (let fmt rewrite the
 * files, then check again), `only` (`fast-parse` or `fmt`: check just that, to minimize its failure). Returns the violations, empty when every invariant holds.
 */
export function checkCase(dir, c, options = {}) {
  const v = new Violations();
  checkFastParse(v, c);
  // While minimizing a failure of the fast path or of fmt, only that part needs to run.
  if (options.only === 'fast-parse') return v.list;
  if (options.only === 'fmt') {
    checkFmt(v, dir, c, options.fmtWrite === true);
    return v.list;
  }
  const first = runCheck(v, dir, c.paths, 'check');
  let expected;
  if (first) {
    checkDiagnostics(v, first.diagnostics);
    let outputs;
    try {
      outputs = renderAll(first, dir);
    } catch (error) {
      const e = describeError(error);
      v.add(
        'exception',
        `format:${e.name}:${e.frame}`,
        `formatting the diagnostics threw ${e.name}: ${e.message}\n${e.stack}`,
      );
    }
    if (outputs) {
      checkFormats(v, outputs);
      const second = runCheck(v, dir, c.paths, 'the second check');
      if (second) {
        let again;
        try {
          again = renderAll(second, dir);
        } catch {
          again = {};
        }
        for (const [name, text] of Object.entries(outputs))
          if (again[name] !== text) {
            v.add(
              'nondeterministic',
              name.split('/')[0],
              `${name} differs between two runs on the same input\n${firstDifference(text, again[name] ?? '')}`,
            );
            break;
          }
      }
      expected = { exit: exitCodeFor(first.diagnostics, 'error'), json: outputs['json/zh-CN'] };
    }
  }
  if (options.cli) checkCli(v, dir, c, expected);
  checkFmt(v, dir, c, options.fmtWrite === true);
  if (options.fmtWrite) {
    const after = runCheck(v, dir, c.paths, 'check after fmt');
    if (after) checkDiagnostics(v, after.diagnostics);
  }
  return v.list;
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `first run: …${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))}\nsecond run: …${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}

/** The files of a saved crasher, as a case. */
export function readCaseFiles(dir, names) {
  return names.map((path) => ({ path, bytes: readFileSync(join(dir, path)) }));
}
