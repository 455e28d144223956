import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = `${ROOT}bin/matterc`;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a user would, with a time limit. */
export function matterc(
  args: readonly string[],
  options: { cwd?: string; timeout?: number; env?: Record<string, string> } = {},
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    env: { ...process.env, NO_COLOR: '1', ...(options.env ?? {}) },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Write a benchmark corpus of `matters` matters into `out` (bench/corpus.mjs); throws if it fails. */
export function benchCorpus(matters: number, out: string): void {
  const r = spawnSync(
    process.execPath,
    [`${ROOT}bench/corpus.mjs`, '--matters', String(matters), '--out', out],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`bench/corpus.mjs failed: ${r.stderr}`);
}
