#!/usr/bin/env node
/**
 * Mutation fuzzer for matterc (docs/fuzzing.md).
 *
 *   node test/fuzz/fuzz.mjs [--budget-ms MS] [--seed S] [--cases N] [--workers W] [--cli-every K]
 *   node test/fuzz/fuzz.mjs --seed S --case I      # rebuild and check one case, verbosely
 *   node test/fuzz/fuzz.mjs --replay [DIR]         # check every saved crasher again
 *   --ignore KEY-PREFIX (repeatable): a known bug, not yet fixed, is not counted as a failure
 *
 * Each case is made from the seed files (matters/, examples/, test/cases/, test/fixtures/hostile/) by
 * byte, token and structure mutations (mutate.mjs), written into a temporary project and checked
 * in-process against dist/ (npm run build first), and every K-th case through the CLI too (oracle.mjs).
 * Cases run in worker threads watched from here: a case that hangs or runs out of memory is a failure
 * too. A failing case is minimized (files, then lines) and saved under test/fixtures/fuzz-crashers/
 * <hash>/ with case.json naming the broken invariant; the run then exits 1.
 * Case I of seed S is always the same input, whatever the budget or the number of workers.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { loadSeeds, makeCase, mutationContext } from './mutate.mjs';
import { Rng } from './rng.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const CRASHERS = join(ROOT, 'test/fixtures/fuzz-crashers');
/** A case still running after this long is a hang. */
const HANG_MS = 60_000;
/** Heap of each worker: a case that needs more has blown up. */
const WORKER_HEAP_MB = 2048;

function caseFor(seed, index, ctx) {
  const rng = new Rng(`${seed}:${index}`);
  const c = makeCase(rng, ctx);
  return { ...c, fmtWrite: rng.chance(0.1) };
}

// ── worker ──────────────────────────────────────────────────────────────────────────────────────────

async function worker() {
  const { checkCase, writeCase } = await import('./oracle.mjs');
  const { seed, cliEvery, minimize: doMinimize, tmp, ignore } = workerData;
  const ctx = mutationContext(loadSeeds(ROOT));
  const dir = join(tmp, `w${workerData.id}`);
  const options = (index, c) => ({ cli: cliEvery > 0 && index % cliEvery === 0, fmtWrite: c.fmtWrite });
  const known = (v) => ignore.some((prefix) => v.key.startsWith(prefix));
  const run = (c, opts) => {
    writeCase(dir, c);
    return checkCase(dir, c, opts).filter((v) => !known(v));
  };
  parentPort.postMessage({ type: 'ready' });
  parentPort.on('message', (msg) => {
    if (msg.type !== 'run') return;
    const { index } = msg;
    const c = caseFor(seed, index, ctx);
    const opts = options(index, c);
    const started = performance.now();
    const violations = run(c, opts);
    const ms = performance.now() - started;
    if (violations.length === 0) {
      parentPort.postMessage({ type: 'done', index, ms, shape: c.shape });
      return;
    }
    const target = violations[0];
    parentPort.postMessage({ type: 'minimizing', index });
    // Every invariant is checked with the CLI while minimizing when the failure was seen through it.
    const mopts = { ...opts, cli: opts.cli && target.invariant.startsWith('cli'), only: family(target) };
    const reproduced = run(c, opts).some((v) => v.key === target.key);
    const small =
      reproduced && doMinimize ? minimize(c, (x) => run(x, mopts).some((v) => v.key === target.key)) : c;
    parentPort.postMessage({
      type: 'done',
      index,
      ms,
      shape: c.shape,
      failure: { ...target, flaky: !reproduced, all: violations.map((v) => v.key) },
      case: serialize(small, c),
    });
  });
}

/** The part of the oracle a failure belongs to, when one part is enough to see it again. */
function family(violation) {
  if (violation.invariant === 'fast-parse' || violation.key.startsWith('exception:parseFast'))
    return 'fast-parse';
  if (violation.invariant.startsWith('fmt') || /^exception:(fmt|formatText)/.test(violation.key))
    return 'fmt';
  return undefined;
}

/**
 * Make a failing case smaller while `fails` still holds: drop whole files, then runs of lines (halving the
 * run length down to single lines), within a bounded number of attempts.
 */
function minimize(c, fails) {
  const deadline = performance.now() + 30_000;
  let attempts = 0;
  const tryCase = (x) => performance.now() < deadline && attempts++ < 600 && fails(x);
  let best = c;
  const named = new Set(best.paths);
  for (let i = best.files.length - 1; i >= 0 && best.files.length > 1; i--) {
    if (named.has(best.files[i].path)) continue;
    const x = { ...best, files: best.files.filter((_, j) => j !== i) };
    if (tryCase(x)) best = x;
  }
  for (let f = 0; f < best.files.length; f++) {
    // latin1 maps bytes to characters one to one: lines are cut without decoding anything.
    let lines = best.files[f].bytes.toString('latin1').split(/(?<=\n)/);
    for (
      let chunk = Math.ceil(lines.length / 2);
      chunk >= 1;
      chunk = chunk === 1 ? 0 : Math.ceil(chunk / 2)
    ) {
      for (let i = 0; i < lines.length;) {
        const fewer = [...lines.slice(0, i), ...lines.slice(i + chunk)];
        const files = best.files.map((file, j) =>
          j === f ? { ...file, bytes: Buffer.from(fewer.join(''), 'latin1') } : file,
        );
        const x = { ...best, files };
        if (tryCase(x)) {
          best = x;
          lines = fewer;
        } else i += chunk;
      }
    }
  }
  return best;
}

const serialize = (c, original) => ({
  paths: c.paths,
  shape: original.shape,
  mutations: original.mutations,
  fmtWrite: original.fmtWrite,
  files: c.files.map((f) => ({ path: f.path, base64: Buffer.from(f.bytes).toString('base64') })),
});

// ── coordinator ─────────────────────────────────────────────────────────────────────────────────────

function save(out, found, seed, index) {
  const c = found.case;
  const h = createHash('sha256');
  h.update(JSON.stringify(c.paths));
  for (const f of c.files) h.update(`\0${f.path}\0${f.base64}`);
  const dir = join(out, h.digest('hex').slice(0, 12));
  mkdirSync(join(dir, 'files'), { recursive: true });
  for (const f of c.files) {
    const path = join(dir, 'files', f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.from(f.base64, 'base64'));
  }
  const { invariant, key, detail, flaky, all } = found.failure;
  const record = {
    invariant,
    key,
    // Stack frames relative to the repository, so that the record reads the same on every machine.
    detail: detail.replaceAll(`file://${ROOT}`, '').replaceAll(ROOT, ''),
    ...(flaky ? { flaky: true } : {}),
    also: all.filter((k) => k !== key),
    seed,
    case: index,
    reproduce: `node test/fuzz/fuzz.mjs --seed ${JSON.stringify(seed)} --case ${index}`,
    shape: c.shape,
    mutations: c.mutations,
    fmtWrite: c.fmtWrite === true,
    paths: c.paths,
    files: c.files.map((f) => f.path),
  };
  writeFileSync(join(dir, 'case.json'), `${JSON.stringify(record, null, 2)}\n`);
  return relative(ROOT, dir);
}

async function coordinate(opts) {
  const started = performance.now();
  const tmp = mkdtempSync(join(tmpdir(), 'matterc-fuzz-'));
  const ctx = mutationContext(loadSeeds(ROOT));
  const log = (s) => process.stdout.write(`${s}\n`);
  if (opts.ignore.length > 0) log(`known bugs, not counted: ${opts.ignore.join(', ')}`);
  log(
    `matterc fuzz: seed ${JSON.stringify(opts.seed)}, ${ctx.seeds.length} seed files, budget ${opts.budgetMs} ms` +
      `${opts.cases < Infinity ? `, ${opts.cases} cases` : ''}, ${opts.workers} worker(s)`,
  );
  let next = 0;
  let done = 0;
  const failures = new Map();
  const shapes = {};
  const slowest = [];
  const workers = new Set();
  const over = () =>
    performance.now() - started >= opts.budgetMs || next >= opts.cases || failures.size >= opts.maxFailures;

  const record = (failure, index, payload) => {
    if (failures.has(failure.key)) return;
    const path = save(opts.out, { failure, case: payload }, opts.seed, index);
    failures.set(failure.key, path);
    log(
      `FAIL case ${index}: ${failure.invariant} (${failure.key})${failure.flaky ? ' — did not reproduce' : ''}\n  ${failure.detail.split('\n').slice(0, 6).join('\n  ')}\n  saved: ${path}`,
    );
  };

  await new Promise((resolveAll) => {
    const spawn = (id) => {
      const w = new Worker(new URL(import.meta.url), {
        workerData: {
          id,
          seed: opts.seed,
          cliEvery: opts.cliEvery,
          minimize: opts.minimize,
          tmp,
          ignore: opts.ignore,
        },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        stdout: false,
      });
      const state = { w, index: -1, since: 0, limit: HANG_MS, gone: false };
      workers.add(state);
      const feed = () => {
        if (over()) {
          state.gone = true;
          workers.delete(state);
          void w.terminate();
          if (workers.size === 0) resolveAll();
          return;
        }
        state.index = next++;
        state.since = performance.now();
        state.limit = HANG_MS;
        w.postMessage({ type: 'run', index: state.index });
      };
      const lost = (invariant, detail) => {
        if (state.gone) return;
        state.gone = true;
        workers.delete(state);
        const c = caseFor(opts.seed, state.index, ctx);
        record({ invariant, key: `${invariant}:case`, detail, all: [] }, state.index, serialize(c, c));
        done++;
        spawn(id);
      };
      state.lost = lost;
      w.on('message', (msg) => {
        if (msg.type === 'ready') feed();
        else if (msg.type === 'minimizing') state.limit = HANG_MS + 60_000;
        else if (msg.type === 'done') {
          done++;
          shapes[msg.shape] = (shapes[msg.shape] ?? 0) + 1;
          slowest.push([msg.ms, msg.index]);
          slowest.sort((a, b) => b[0] - a[0]);
          slowest.length = Math.min(slowest.length, 3);
          if (msg.failure) record(msg.failure, msg.index, msg.case);
          if (opts.progress && done % 500 === 0)
            log(
              `  ${done} cases, ${Math.round((performance.now() - started) / 1000)} s, ${failures.size} failure(s)`,
            );
          feed();
        }
      });
      w.on('error', (error) => {
        const oom = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        lost(oom ? 'out-of-memory' : 'worker-crash', `${error.code ?? error.name}: ${error.message}`);
      });
      w.on('exit', (code) => lost('worker-crash', `the worker exited with code ${code}`));
    };
    const watchdog = setInterval(() => {
      for (const s of workers)
        if (s.index >= 0 && performance.now() - s.since > s.limit) {
          void s.w.terminate();
          s.lost('hang', `case ${s.index} still running after ${Math.round(s.limit / 1000)} s`);
        }
    }, 1000);
    watchdog.unref();
    for (let id = 0; id < opts.workers; id++) spawn(id);
    const stop = () => {
      clearInterval(watchdog);
      resolveAll();
    };
    process.once('SIGINT', stop);
  });
  for (const s of workers) void s.w.terminate();
  rmSync(tmp, { recursive: true, force: true });
  const secs = (performance.now() - started) / 1000;
  log(
    `${done} cases in ${secs.toFixed(1)} s (${(done / secs).toFixed(0)}/s; ${Object.entries(shapes)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}); slowest: ${slowest.map(([ms, i]) => `case ${i} ${Math.round(ms)} ms`).join(', ')}`,
  );
  log(
    failures.size === 0 ? 'no failures' : `${failures.size} failure(s): ${[...failures.values()].join(', ')}`,
  );
  return failures.size === 0 ? 0 : 1;
}

// ── one case, and replaying crashers ────────────────────────────────────────────────────────────────

async function one(opts) {
  const { checkCase, writeCase } = await import('./oracle.mjs');
  const ctx = mutationContext(loadSeeds(ROOT));
  const c = caseFor(opts.seed, opts.case, ctx);
  const tmp = mkdtempSync(join(tmpdir(), 'matterc-fuzz-'));
  try {
    writeCase(tmp, c);
    console.log(
      JSON.stringify(
        {
          shape: c.shape,
          paths: c.paths,
          mutations: c.mutations,
          fmtWrite: c.fmtWrite,
          files: c.files.map((f) => `${f.path} (${f.bytes.length} bytes)`),
        },
        null,
        2,
      ),
    );
    const violations = checkCase(tmp, c, { cli: true, fmtWrite: c.fmtWrite });
    for (const v of violations) console.log(`${v.invariant} (${v.key})\n${v.detail}\n`);
    if (violations.length > 0 && opts.save) {
      const target = violations[0];
      const small = opts.minimize
        ? minimize(
            c,
            (x) => (
              writeCase(tmp, x),
              checkCase(tmp, x, {
                cli: target.invariant.startsWith('cli'),
                fmtWrite: c.fmtWrite,
                only: family(target),
              }).some((v) => v.key === target.key)
            ),
          )
        : c;
      console.log(
        `saved: ${save(opts.out, { failure: { ...target, all: violations.map((v) => v.key) }, case: serialize(small, c) }, opts.seed, opts.case)}`,
      );
    }
    console.log(violations.length === 0 ? 'no failures' : `${violations.length} failure(s)`);
    return violations.length === 0 ? 0 : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The crasher directories under `dir`. */
export function crasherDirs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'case.json')))
    .map((e) => join(dir, e.name))
    .sort();
}

async function replay(target) {
  const { checkCase, readCaseFiles, writeCase } = await import('./oracle.mjs');
  const dirs = existsSync(join(target, 'case.json')) ? [target] : crasherDirs(target);
  const tmp = mkdtempSync(join(tmpdir(), 'matterc-fuzz-replay-'));
  let failed = 0;
  try {
    for (const dir of dirs) {
      const record = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
      const c = { paths: record.paths, files: readCaseFiles(join(dir, 'files'), record.files) };
      writeCase(tmp, c);
      const started = performance.now();
      const violations = checkCase(tmp, c, { cli: true, fmtWrite: record.fmtWrite === true });
      const ms = Math.round(performance.now() - started);
      const name = relative(ROOT, dir);
      if (violations.length === 0) console.log(`ok   ${name} (${record.invariant}, ${ms} ms)`);
      else {
        failed++;
        console.log(`FAIL ${name} (was ${record.key}):`);
        for (const v of violations)
          console.log(`  ${v.invariant} (${v.key})\n    ${v.detail.split('\n').join('\n    ')}`);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`${dirs.length} crasher(s) replayed, ${failed} failing`);
  return failed === 0 ? 0 : 1;
}

function options() {
  const { values, positionals } = parseArgs({
    options: {
      'budget-ms': { type: 'string', default: process.env.MATTERC_FUZZ_MS ?? '120000' },
      seed: { type: 'string' },
      cases: { type: 'string' },
      case: { type: 'string' },
      workers: { type: 'string' },
      'cli-every': { type: 'string', default: '100' },
      'max-failures': { type: 'string', default: '20' },
      out: { type: 'string', default: CRASHERS },
      replay: { type: 'boolean', default: false },
      'no-minimize': { type: 'boolean', default: false },
      save: { type: 'boolean', default: false },
      progress: { type: 'boolean', default: false },
      ignore: { type: 'string', multiple: true, default: [] },
    },
    allowPositionals: true,
  });
  const int = (name, fallback) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not ${raw}`);
    return n;
  };
  return {
    budgetMs: int('budget-ms'),
    seed: values.seed ?? String(Date.now()),
    cases: int('cases', Infinity),
    case: int('case'),
    workers: Math.max(1, int('workers', Math.max(1, availableParallelism() - 1))),
    cliEvery: int('cli-every'),
    maxFailures: Math.max(1, int('max-failures')),
    out: values.out,
    replay: values.replay ? (positionals[0] ?? CRASHERS) : undefined,
    minimize: !values['no-minimize'],
    save: values.save,
    progress: values.progress,
    ignore: values.ignore,
  };
}

if (!isMainThread) await worker();
else {
  let opts;
  try {
    opts = options();
  } catch (error) {
    process.stderr.write(`fuzz: ${error.message}\n`);
    process.exit(2);
  }
  const code =
    opts.replay !== undefined
      ? await replay(opts.replay)
      : opts.case !== undefined
        ? await one(opts)
        : await coordinate(opts);
  process.exit(code);
}
