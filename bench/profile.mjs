#!/usr/bin/env node
/**
 * Where a matterc run spends its time, by compiler phase, from a V8 CPU profile.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/matterc check DIR --no-cache
 *   node bench/profile.mjs /tmp/prof/CPU.*.cpuprofile
 *
 * Each sample is charged to the innermost frame that lies in a phase folder of `dist/` (load, parse,
 * schema, language, link, check, refine, compose, generate, cache, …; the shared helpers in util/,
 * diagnostics/, model/ and domain/ count for the phase that called them); samples outside any phase are
 * garbage collection or start-up (module loading) and other. A second table lists the functions with the
 * most self time, by package for code in node_modules.
 */
import { readFileSync } from 'node:fs';

const SHARED = new Set(['util', 'diagnostics', 'model', 'domain']);

function phaseOf(url) {
  const m = /\/dist\/([^/]+)\//.exec(url);
  if (m && !url.includes('/node_modules/') && !SHARED.has(m[1])) return m[1];
  if (/\/dist\/compile\.js$/.test(url) && !url.includes('/node_modules/')) return 'compile.js (phase order)';
  return undefined;
}

function place(frame) {
  const url = frame.url;
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return `npm:${pkg[1]}`;
  const dist = /\/dist\/(.+)$/.exec(url);
  if (dist) return `dist/${dist[1]}:${frame.lineNumber + 1}`;
  return url === '' ? '(native)' : url.replace(/^node:/, 'node:');
}

function report(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phases = new Map();
  const functions = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const self = nodes.get(id).callFrame;
    const fn = `${self.functionName || '(anonymous)'}  ${place(self)}`;
    functions.set(fn, (functions.get(fn) ?? 0) + dt);
    let phase;
    if (self.functionName === '(garbage collector)') phase = '(garbage collection)';
    else if (self.functionName === '(idle)') phase = '(idle)';
    for (let at = id; phase === undefined && at !== undefined; at = parent.get(at))
      phase = phaseOf(nodes.get(at).callFrame.url);
    phase ??= '(start-up, module loading, other)';
    phases.set(phase, (phases.get(phase) ?? 0) + dt);
  });
  const table = (map, limit) =>
    [...map]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(
        ([k, v]) =>
          `${(v / 1e6).toFixed(2).padStart(7)} s ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`,
      )
      .join('\n');
  process.stdout.write(
    `${file}: ${(total / 1e6).toFixed(2)} s sampled\n\nby phase\n${table(phases, 30)}\n\n` +
      `by function (self time)\n${table(functions, 25)}\n`,
  );
}

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node bench/profile.mjs FILE.cpuprofile…\n');
  process.exit(2);
}
for (const file of files) report(file);
