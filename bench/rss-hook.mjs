/**
 * Loaded into every Node process of a measured command (NODE_OPTIONS=--import=…) when GNU time is not
 * available: on exit, append this process's peak resident set size in KiB to $MATTERC_BENCH_RSS.
 * bench/run.mjs takes the largest line.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.MATTERC_BENCH_RSS;
if (file)
  process.on('exit', () => {
    try {
      appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // Measuring must never change the outcome of the measured command.
    }
  });
