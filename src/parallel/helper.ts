/**
 * A parse helper thread. The real work is imported inside the try block, so that even a module that
 * fails to load ends in a `done` message and never leaves the main thread waiting.
 */
import { workerData } from 'node:worker_threads';
import type { HelperData, HelperMessage } from './protocol.js';

const data = workerData as HelperData;

function post(message: HelperMessage): void {
  data.port.postMessage(message);
  Atomics.add(data.posted, 0, 1);
  Atomics.notify(data.posted, 0);
}

try {
  const { helpParse } = await import('./parse-files.js');
  helpParse(data, post);
} catch (error) {
  // The main thread does whatever this helper did not report.
  if (process.env['MATTERC_DEBUG_THREADS'] === '1')
    process.stderr.write(`threads: helper failed: ${String(error)}\n`);
} finally {
  post({ type: 'done' });
}
