/**
 * A parse helper thread. It starts while the main thread is still collecting files: it loads its
 * modules and compiles the schemas, then waits for its order. The real work is imported inside the try
 * block, so that even a module that fails to load ends in a `done` message and never leaves the main
 * thread waiting.
 */
import { workerData } from 'node:worker_threads';
import type { HelperMessage, HelperOrder, HelperStart } from './protocol.js';

const start = workerData as HelperStart;

function post(message: HelperMessage): void {
  start.port.postMessage(message);
  Atomics.add(start.posted, 0, 1);
  Atomics.notify(start.posted, 0);
}

let order: HelperOrder | undefined;
try {
  const { helpParse, warmUp } = await import('./parse-files.js');
  warmUp();
  order = await new Promise<HelperOrder>((resolve) => start.port.once('message', resolve));
  if (order.type === 'job') helpParse({ ...start, ...order }, post);
} catch (error) {
  // The main thread does whatever this helper did not report.
  if (process.env['MATTERC_DEBUG_THREADS'] === '1')
    process.stderr.write(`threads: helper failed: ${String(error)}\n`);
} finally {
  // A helper sent away says nothing: nobody counts its messages any more.
  if (order?.type !== 'stop') post({ type: 'done' });
  start.port.close();
}
