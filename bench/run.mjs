#!/usr/bin/env node
/**
 * The benchmark: matterc check (cold, warm, warm after one change) and build, side by side with
 * ajv-cli and the floor, on synthetic corpora of N matters.
 *
 *   npm run bench                                # N = 5,000 (5 runs) and 50,000 (3 runs)
 *   node bench/run.mjs --quick                   # N = 300, 1 run: a smoke test
 *   node bench/run.mjs --sizes 5000 --runs 3     # choose sizes and runs (--runs 3,1: per size)
 *   node bench/run.mjs --markdown                # print Markdown tables (for docs/performance.md)
 *   node bench/run.mjs --from FILE --markdown    # print the tables of a saved result, running nothing
 *   node bench/run.mjs --from FILE --doc docs/performance.md   # put them into the doc's results section
 *
 * Every command runs as a child process of this one, sequentially, interleaved run by run (run 1 of
 * every command, then run 2 of every command, …) so that the noise of a shared machine falls on all of
 * them alike. Wall time is measured here around each child; peak RSS comes from GNU time
 * (`/usr/bin/time -f %M`) or, where that is missing, from `process.resourceUsage().maxRSS` reported by
 * a hook (bench/rss-hook.mjs) loaded into every Node process of the child's tree. Medians are printed
 * with their ratio to ajv-cli and to the floor, followed by the issue's targets, and written as JSON.
 *
 * Exit codes: 0 when everything ran (a missed target is a finding, not a failure), 1 when a command
 * failed or the corpus did not check clean, 2 on bad options or when matterc is not built.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, tmpdir, totalmem, type, arch } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MATTERC = join(ROOT, 'bin/matterc');
const CORPUS = join(ROOT, 'bench/corpus.mjs');
const FLOOR = join(ROOT, 'bench/floor.mjs');
const RSS_HOOK = join(ROOT, 'bench/rss-hook.mjs');
const AJV_CLI = join(ROOT, 'node_modules/ajv-cli/dist/index.js');
const DEFAULT_JSON = join(ROOT, 'bench/results/latest.json');
const DEFAULT_SEED = 'matterc-bench';
const GNU_TIME = '/usr/bin/time';
/** Build runs at these sizes and below (issue 7, item 3: build at 5,000). */
const BUILD_MAX_N = 5000;
/** The change made for the "one file changed" run, inserted into a condition's text. */
const CHANGE_MARK = '（基准测试修改）';

const TARGETS = {
  coldVsAjv: 1.0,
  changedVsCold: 0.1,
  rssMB: 1024,
  rssAtN: 50_000,
};

// ── command line ─────────────────────────────────────────────────────────────────────────────────

function usage(message) {
  process.stderr.write(
    `bench: ${message}\n` +
      'usage: node bench/run.mjs [--quick] [--sizes 5000,50000] [--runs K[,K…]] [--seed S] [--work DIR]\n' +
      '                          [--json FILE] [--markdown] [--from FILE] [--doc FILE]\n',
  );
  process.exit(2);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sizes: { type: 'string' },
        runs: { type: 'string' },
        quick: { type: 'boolean', default: false },
        seed: { type: 'string', default: DEFAULT_SEED },
        work: { type: 'string' },
        json: { type: 'string' },
        markdown: { type: 'boolean', default: false },
        from: { type: 'string' },
        doc: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usage(error.message);
  }
  if (values.help) usage('a benchmark of matterc against ajv-cli and the floor');
  const whole = (text, what) => {
    if (!/^\d+$/.test(text) || Number(text) < 1) usage(`${what} must be whole numbers ≥ 1, not "${text}"`);
    return Number(text);
  };
  const sizes = values.sizes
    ? values.sizes.split(',').map((s) => whole(s.trim().replace(/_/g, ''), '--sizes'))
    : values.quick
      ? [300]
      : [5000, 50_000];
  // --runs K for every size, or K1,K2,… for the sizes in the order given.
  const runs = values.runs?.split(',').map((s) => whole(s.trim(), '--runs'));
  if (runs && runs.length > 1 && runs.length !== sizes.length)
    usage(`--runs ${values.runs} gives ${runs.length} counts for ${sizes.length} sizes`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runsFor: (n) =>
      runs === undefined
        ? values.quick
          ? 1
          : n >= 50_000
            ? 3
            : 5
        : runs.length === 1
          ? runs[0]
          : runs[sizes.indexOf(n)],
    seed: values.seed,
    work: resolve(values.work ?? join(tmpdir(), 'matterc-bench')),
    json: resolve(values.json ?? DEFAULT_JSON),
    markdown: values.markdown,
    from: values.from === undefined ? undefined : resolve(values.from),
    doc: values.doc === undefined ? undefined : resolve(values.doc),
  };
}

// ── children ─────────────────────────────────────────────────────────────────────────────────────

/** How peak RSS is measured here: GNU time if it works, else the Node hook. */
function rssMethod() {
  if (existsSync(GNU_TIME)) {
    const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
    if (probe.status === 0 && /^\d+\s*$/.test(probe.stderr)) return 'gnu-time';
  }
  return 'node-hook';
}

/**
 * Run `node ARGS` as a child, measure wall seconds and peak RSS (MB), and keep the tails of its output.
 * `onLine` sees every stdout line (to count what ajv-cli reports).
 */
function measure(args, { method, scratch, cwd, onLine }) {
  const rssFile = join(scratch, 'rss.txt');
  rmSync(rssFile, { force: true });
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  let command = process.execPath;
  let argv = args;
  if (method === 'gnu-time') {
    command = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, process.execPath, ...args];
  } else {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(RSS_HOOK).href}`.trim();
    env.MATTERC_BENCH_RSS = rssFile;
  }
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let partial = '';
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out = (out + chunk).slice(-4000);
      if (onLine) {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop();
        for (const line of lines) onLine(line);
      }
    });
    child.stderr.on('data', (chunk) => {
      err = (err + chunk).slice(-4000);
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      if (onLine && partial) onLine(partial);
      let rssMB = null;
      if (existsSync(rssFile)) {
        // GNU time writes KiB (plus a status line when the child fails); the hook one line per process.
        const kib = readFileSync(rssFile, 'utf8')
          .split('\n')
          .filter((l) => /^\d+$/.test(l.trim()))
          .map(Number);
        if (kib.length > 0) rssMB = Math.max(...kib) / 1024;
      }
      done({ code: code ?? (signal ? 128 : 1), seconds, rssMB, stdout: out, stderr: err });
    });
  });
}

function runQuiet(args, what) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    process.stderr.write(`bench: ${what} failed (exit ${r.status})\n${r.stderr}${r.stdout}`.slice(-4000));
    process.exit(1);
  }
  return r.stdout;
}

// ── corpus ───────────────────────────────────────────────────────────────────────────────────────

function hashTree(hash, dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full);
    else if (entry.isFile()) hash.update(`${relative(ROOT, full)}\0`).update(readFileSync(full));
  }
}

/** What a corpus depends on besides N and the seed: the generator and the national baseline it extends. */
function generatorFingerprint() {
  const hash = createHash('sha256').update(readFileSync(CORPUS));
  hashTree(hash, join(ROOT, 'matters'));
  return hash.digest('hex').slice(0, 16);
}

/** Generate the corpus of N matters into the work directory, or reuse one made by the same generator. */
function ensureCorpus(work, n, seed, fingerprint) {
  const dir = join(work, `corpus-${n}`);
  const marker = join(work, `corpus-${n}.json`);
  const want = JSON.stringify({ matters: n, seed, generator: fingerprint });
  if (existsSync(marker) && existsSync(dir) && readFileSync(marker, 'utf8') === want) {
    process.stderr.write(`bench: reusing the corpus of ${n} matters in ${dir}\n`);
    return { dir, marker, want };
  }
  rmSync(marker, { force: true });
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`bench: generating a corpus of ${n} matters in ${dir}\n`);
  const line = runQuiet([CORPUS, '--matters', String(n), '--out', dir, '--seed', seed], 'bench/corpus.mjs');
  process.stderr.write(line);
  writeFileSync(marker, want);
  return { dir, marker, want };
}

function matterFiles(corpus) {
  return readdirSync(join(corpus, 'matters'), { recursive: true })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/**
 * The file changed for the "warm, one file changed" run and its changed text: a county's matter (no
 * other matter refines it), with a condition's wording changed, so the document really differs, not
 * just its bytes. Falls back to appending a comment line.
 */
function planChange(corpus, files) {
  const counties = files.filter((f) => /^\d{4}(?!00)\d{2}\//.test(f));
  const pool = counties.length > 0 ? counties : files;
  const file = join(corpus, 'matters', pool[Math.floor(pool.length / 2)]);
  const original = readFileSync(file);
  const text = original.toString('utf8');
  const line = /^(\s+text: )([^"'|>\s].*?)(。?)$/m;
  const changed = line.test(text)
    ? text.replace(line, (_, key, body, stop) => `${key}${body}${CHANGE_MARK}${stop}`)
    : `${text}${text.endsWith('\n') ? '' : '\n'}# ${CHANGE_MARK}\n`;
  return { file, original, changed };
}

// ── one size ─────────────────────────────────────────────────────────────────────────────────────

/** The commands measured at one size, in the order each run executes them. */
function commands({ corpus, schemas, validator, buildOut, noCache, n, matters }) {
  const cache = join(corpus, '.matterc-cache');
  const dropCache = () => rmSync(cache, { recursive: true, force: true });
  const list = [
    {
      key: 'check-cold',
      label: noCache ? 'matterc check --no-cache (cold)' : 'matterc check (cold, cache removed)',
      args: [MATTERC, 'check', corpus, ...(noCache ? ['--no-cache'] : [])],
      before: dropCache,
    },
  ];
  if (noCache)
    list.push({
      key: 'check-first',
      label: 'matterc check (first run, writes the cache)',
      args: [MATTERC, 'check', corpus],
      before: dropCache,
    });
  list.push(
    {
      key: 'check-warm',
      label: 'matterc check (warm, nothing changed)',
      args: [MATTERC, 'check', corpus],
    },
    {
      key: 'check-changed',
      label: 'matterc check (warm, one file changed)',
      args: [MATTERC, 'check', corpus],
      change: true,
    },
    {
      key: 'ajv-cli',
      label: 'ajv-cli validate (Matter files)',
      args: [
        AJV_CLI,
        'validate',
        '--spec=draft2020',
        '-c',
        'ajv-formats',
        '-s',
        join(schemas, 'matter.schema.json'),
        ...referencedSchemas(schemas, 'matter.schema.json').flatMap((f) => ['-r', join(schemas, f)]),
        '-d',
        `${corpus}/matters/**/*.yaml`,
      ],
      expectValid: matters,
    },
    {
      key: 'floor',
      label: 'floor: read + js-yaml + standalone ajv',
      args: [FLOOR, 'validate', '--validator', validator, corpus],
    },
  );
  if (n <= BUILD_MAX_N)
    list.push({
      key: 'build',
      label: 'matterc build',
      args: [MATTERC, 'build', corpus, '--out', buildOut],
      before: () => rmSync(buildOut, { recursive: true, force: true }),
      after: () => rmSync(buildOut, { recursive: true, force: true }),
    });
  return list;
}

/** The schema files `root` references by `$ref` to another file, transitively (what ajv-cli needs as -r). */
function referencedSchemas(dir, root) {
  const seen = new Set([root]);
  const queue = [root];
  while (queue.length > 0) {
    const text = readFileSync(join(dir, queue.shift()), 'utf8');
    for (const m of text.matchAll(/"\$ref"\s*:\s*"([^"#]+)(?:#[^"]*)?"/g)) {
      if (!seen.has(m[1])) {
        seen.add(m[1]);
        queue.push(m[1]);
      }
    }
  }
  seen.delete(root);
  return [...seen].sort();
}

function failed(what, r) {
  process.stderr.write(`bench: ${what} failed (exit ${r.code})\n${r.stderr}${r.stdout}`.slice(-4000) + '\n');
  process.exit(1);
}

async function measureSize(n, ctx) {
  const corpusInfo = ensureCorpus(ctx.work, n, ctx.seed, ctx.fingerprint);
  const corpus = corpusInfo.dir;
  const files = matterFiles(corpus);
  const change = planChange(corpus, files);
  const list = commands({
    corpus,
    schemas: ctx.schemas,
    validator: ctx.validator,
    buildOut: join(ctx.work, `build-${n}`),
    noCache: ctx.noCache,
    n,
    matters: files.length,
  });
  const samples = new Map(list.map((c) => [c.key, []]));
  const runs = ctx.runsFor(n);
  const restore = () => {
    writeFileSync(change.file, change.original);
    writeFileSync(corpusInfo.marker, corpusInfo.want);
  };
  for (let run = 1; run <= runs; run += 1) {
    for (const c of list) {
      c.before?.();
      if (c.change) {
        // While the file is changed the corpus is not the generator's: a run killed now regenerates it.
        rmSync(corpusInfo.marker, { force: true });
        ctx.pending = restore;
        writeFileSync(change.file, change.changed);
      }
      let valid = 0;
      const onLine = c.expectValid === undefined ? undefined : (l) => (valid += / valid$/.test(l) ? 1 : 0);
      let r;
      try {
        r = await measure(c.args, { method: ctx.rssMethod, scratch: ctx.work, cwd: ROOT, onLine });
      } finally {
        if (c.change) {
          restore();
          ctx.pending = undefined;
        }
        c.after?.();
      }
      if (r.code !== 0)
        failed(
          `${c.label} at N = ${n}${c.key.startsWith('check') ? ' (the corpus must check clean)' : ''}`,
          r,
        );
      if (c.expectValid !== undefined && valid !== c.expectValid)
        failed(`${c.label} at N = ${n}: reported ${valid} of ${c.expectValid} files valid`, r);
      samples.get(c.key).push({ seconds: r.seconds, rssMB: r.rssMB });
      process.stderr.write(
        `bench: N = ${n}, run ${run}/${runs}: ${c.key} ${r.seconds.toFixed(2)} s` +
          `${r.rssMB === null ? '' : `, ${r.rssMB.toFixed(0)} MB`}\n`,
      );
    }
  }
  return list.map((c) => ({
    key: c.key,
    label: c.label,
    n,
    argv: ['node', ...c.args],
    samples: samples.get(c.key),
  }));
}

// ── results ──────────────────────────────────────────────────────────────────────────────────────

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round = (x, digits) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));

function summarize(measured) {
  const rows = [];
  for (const m of measured) {
    const seconds = m.samples.map((s) => s.seconds);
    const rss = m.samples.map((s) => s.rssMB).filter((x) => x !== null);
    rows.push({
      command: m.key,
      label: m.label,
      n: m.n,
      runs: seconds.length,
      medianSeconds: round(median(seconds), 3),
      ratioToAjvCli: null,
      ratioToFloor: null,
      peakRssMB: rss.length > 0 ? round(Math.max(...rss), 1) : null,
      seconds: seconds.map((s) => round(s, 3)),
      rssMB: m.samples.map((s) => round(s.rssMB, 1)),
      argv: m.argv,
    });
  }
  for (const row of rows) {
    const at = (key) => rows.find((r) => r.n === row.n && r.command === key)?.medianSeconds;
    row.ratioToAjvCli = round(row.medianSeconds / at('ajv-cli'), 2);
    row.ratioToFloor = round(row.medianSeconds / at('floor'), 2);
  }
  return rows;
}

function targets(rows, sizes) {
  const get = (n, key) => rows.find((r) => r.n === n && r.command === key);
  const verdict = (value, limit) => ({
    status: value === null ? 'n/a' : value <= limit ? 'PASS' : 'MISS',
    factor: value === null ? null : round(value / limit, 2),
  });
  const out = [];
  for (const n of sizes) {
    const cold = get(n, 'check-cold');
    const value = round(cold.medianSeconds / get(n, 'ajv-cli').medianSeconds, 2);
    out.push({
      target: 'cold check ≤ 1.0× ajv-cli',
      n,
      limit: TARGETS.coldVsAjv,
      value,
      ...verdict(value, TARGETS.coldVsAjv),
    });
  }
  for (const n of sizes) {
    const value = round(get(n, 'check-changed').medianSeconds / get(n, 'check-cold').medianSeconds, 3);
    out.push({
      target: 'warm check after a one-file change ≤ 0.1× cold',
      n,
      limit: TARGETS.changedVsCold,
      value,
      ...verdict(value, TARGETS.changedVsCold),
    });
  }
  const checks = rows.filter((r) => r.n === TARGETS.rssAtN && r.command.startsWith('check-'));
  const peaks = checks.map((r) => r.peakRssMB).filter((x) => x !== null);
  const value = peaks.length > 0 ? Math.max(...peaks) : null;
  out.push({
    target: 'peak RSS of check ≤ 1 GB at 50,000',
    n: TARGETS.rssAtN,
    limit: TARGETS.rssMB,
    value,
    ...verdict(value, TARGETS.rssMB),
  });
  return out;
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    ramGB: round(totalmem() / 2 ** 30, 1),
    freeRamGB: round(freemem() / 2 ** 30, 1),
    loadAverage: loadavg().map((x) => round(x, 2)),
    node: process.version,
    os: `${type()} ${release()} ${arch()}`,
  };
}

function revision() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (head.status !== 0) return null;
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return `${head.stdout.trim()}${dirty.stdout.trim() === '' ? '' : ' (uncommitted changes)'}`;
}

// ── printing ─────────────────────────────────────────────────────────────────────────────────────

const fmt = (x, digits, suffix = '') =>
  x === null || x === undefined ? '–' : `${x.toFixed(digits)}${suffix}`;
const thousands = (n) => n.toLocaleString('en-US');

function describeTarget(t) {
  if (t.status === 'n/a') return `n/a: N = ${thousands(t.n)} was not run`;
  const [value, limit] = t.target.startsWith('peak')
    ? [`${t.value.toFixed(0)} MB`, `${t.limit} MB`]
    : [`${t.value}×`, `${t.limit.toFixed(1)}×`];
  return `${t.status}: ${value}, limit ${limit} (${fmt(t.factor, 2)}× the limit)`;
}

function tables(result, markdown) {
  const head = ['command', 'N', 'median s', '× ajv-cli', '× floor', 'peak RSS MB', 'runs'];
  const body = result.results.map((r) => [
    r.label,
    thousands(r.n),
    fmt(r.medianSeconds, 2),
    fmt(r.ratioToAjvCli, 2),
    fmt(r.ratioToFloor, 2),
    fmt(r.peakRssMB, 0),
    String(r.runs),
  ]);
  const thead = ['target', 'N', 'result'];
  const tbody = result.targets.map((t) => [t.target, thousands(t.n), describeTarget(t)]);
  const m = result.machine;
  const about =
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGB} GB RAM, ${m.os}, Node ${m.node}; ` +
    `load average ${m.loadAverage.join(' ')} at the start; matterc ${result.matterc}` +
    `${result.revision ? ` at ${result.revision}` : ''}; ${result.date}`;
  if (markdown) {
    const md = (h, rows, right) =>
      [
        `| ${h.join(' | ')} |`,
        `|${h.map((_, i) => (right.includes(i) ? ' ---: ' : ' --- ')).join('|')}|`,
        ...rows.map((r) => `| ${r.join(' | ')} |`),
      ].join('\n');
    return `${md(head, body, [1, 2, 3, 4, 5, 6])}\n\n${md(thead, tbody, [1])}\n\n${about}\n`;
  }
  const text = (h, rows, right) => {
    const widths = h.map((_, i) => Math.max(...[h, ...rows].map((r) => [...r[i]].length)));
    const cell = (s, i) =>
      right.includes(i) ? s.padStart(widths[i] + s.length - [...s].length) : s.padEnd(widths[i]);
    return [h, ...rows].map((r) => r.map(cell).join('  ').trimEnd()).join('\n');
  };
  return `${text(head, body, [1, 2, 3, 4, 5, 6])}\n\n${text(thead, tbody, [1])}\n\n${about}\n`;
}

const DOC_START = '<!-- bench:results:start (node bench/run.mjs --from FILE --doc docs/performance.md) -->';
const DOC_END = '<!-- bench:results:end -->';

/** Markdown as prettier would write it (the repository's docs are checked by prettier), if it is installed. */
async function prettierMarkdown(text, file) {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...config, filepath: file, parser: 'markdown' });
  } catch {
    return text;
  }
}

/** Replace the tables between the markers of a Markdown file (docs/performance.md) with this result's. */
async function updateDoc(file, result) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    usage(`cannot read ${file}: ${error.message}`);
  }
  const start = text.indexOf(DOC_START);
  const end = text.indexOf(DOC_END);
  if (start < 0 || end < start) usage(`${file} has no ${DOC_START} … ${DOC_END} section`);
  const updated = `${text.slice(0, start + DOC_START.length)}\n\n${tables(result, true)}\n${text.slice(end)}`;
  writeFileSync(file, await prettierMarkdown(updated, file));
  process.stderr.write(`bench: updated the results in ${file}\n`);
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const opts = options();
  if (opts.from) {
    let saved;
    try {
      saved = JSON.parse(readFileSync(opts.from, 'utf8'));
    } catch (error) {
      usage(`cannot read ${opts.from}: ${error.message}`);
    }
    process.stdout.write(tables(saved, opts.markdown));
    if (opts.doc) await updateDoc(opts.doc, saved);
    return 0;
  }
  const version = spawnSync(process.execPath, [MATTERC, '--version'], { encoding: 'utf8' });
  if (version.status !== 0) usage('matterc does not run: build it first (npm run build)');
  if (!existsSync(AJV_CLI)) usage('ajv-cli is not installed (npm install)');
  const help = spawnSync(process.execPath, [MATTERC, 'check', '--help'], { encoding: 'utf8' }).stdout ?? '';
  mkdirSync(opts.work, { recursive: true });
  const ctx = {
    ...opts,
    noCache: /--no-cache\b/.test(help),
    rssMethod: rssMethod(),
    fingerprint: generatorFingerprint(),
    schemas: join(opts.work, 'schemas'),
    validator: join(opts.work, 'floor-validator.cjs'),
    pending: undefined,
  };
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => {
      ctx.pending?.();
      process.exit(130);
    });
  // The schemas of the matterc being measured, and the floor's validator precompiled from them.
  rmSync(ctx.schemas, { recursive: true, force: true });
  runQuiet([MATTERC, 'schema', '--out', ctx.schemas], 'matterc schema --out');
  runQuiet([FLOOR, 'compile', '--schemas', ctx.schemas, '--out', ctx.validator], 'bench/floor.mjs compile');
  const startMachine = machine();
  const measured = [];
  for (const n of opts.sizes) measured.push(...(await measureSize(n, ctx)));
  const rows = summarize(measured);
  const result = {
    date: new Date().toISOString(),
    matterc: version.stdout.trim(),
    revision: revision(),
    machine: startMachine,
    method: {
      sizes: opts.sizes,
      runs: opts.sizes.map((n) => opts.runsFor(n)),
      seed: opts.seed,
      interleaved: true,
      noCacheFlag: ctx.noCache,
      peakRss:
        ctx.rssMethod === 'gnu-time' ? 'GNU time %M' : 'process.resourceUsage().maxRSS per Node process',
      statistic: 'median wall seconds; peak RSS is the largest of the runs',
    },
    results: rows,
    targets: targets(rows, opts.sizes),
  };
  mkdirSync(dirname(opts.json), { recursive: true });
  writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(tables(result, opts.markdown));
  if (opts.doc) await updateDoc(opts.doc, result);
  const shown = relative(process.cwd(), opts.json);
  process.stdout.write(`\nwrote ${shown.startsWith('..') ? opts.json : shown}\n`);
  return 0;
}

process.exitCode = await main();
