/**
 * Global setup: a file that requireTool (test/helpers/tools.ts) appends skipped suites to, and at
 * the end of the run a summary of them: which suites did not run and which Debian packages would run
 * them. Without it a run on a machine without Chromium looks just as green as a full one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type SkipRecord, TOOLS } from '../helpers/tools.js';

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'matterc-skips-'));
  const log = join(dir, 'skips.jsonl');
  project.provide('matterc:skip-log', log);
  return () => {
    let text = '';
    try {
      text = readFileSync(log, 'utf8');
    } catch {
      // nothing was skipped
    }
    rmSync(dir, { recursive: true, force: true });
    const summary = skipSummary(text);
    if (summary) process.stdout.write(`\n${summary}\n`);
  };
}

/** The summary of a skip log, grouped by tool; empty when nothing was skipped. */
export function skipSummary(log: string): string {
  const records = log
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SkipRecord);
  if (records.length === 0) return '';
  const lines = ['Skipped: tools these suites need are not installed here (CI installs them, .ci/run):'];
  for (const tool of Object.keys(TOOLS) as (keyof typeof TOOLS)[]) {
    const suites = [...new Set(records.filter((r) => r.tool === tool).map((r) => r.suite))].sort();
    if (suites.length === 0) continue;
    lines.push(`  ${TOOLS[tool].title} — apt-get install ${TOOLS[tool].packages.join(' ')}`);
    for (const s of suites) lines.push(`    ↓ ${s}`);
  }
  return lines.join('\n');
}
