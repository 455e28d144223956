import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { InputFile } from '../load/files.js';
import type { CleanFile, HelperJob, HelperMessage, HelperOrder, HelperStart } from './protocol.js';

/** Below this many files a helper thread costs more to start than it saves. */
const MIN_FILES_PER_HELPER = 400;
/** Files claimed at a time: small enough to balance the threads, large enough to keep messages few. */
const CHUNK = 16;
const MAX_HELPERS = 8;

/**
 * How many helper threads to start for `files` files: one per core (the main thread mostly takes
 * their results), at most one per MIN_FILES_PER_HELPER files. `MATTERC_THREADS` (helper threads,
 * 0 = none) overrides both.
 */
export function helperCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number.parseInt(env['MATTERC_THREADS'] ?? '', 10);
  if (Number.isInteger(asked) && asked >= 0) return Math.min(asked, MAX_HELPERS, files);
  const cores = availableParallelism();
  if (cores < 2) return 0;
  return Math.min(cores, MAX_HELPERS, Math.floor(files / MIN_FILES_PER_HELPER));
}

export interface ParallelHandlers {
  /** Do file `index` on the main thread (claimed by it, or left over by a helper). */
  readonly local: (index: number) => void;
  /** Take a file a helper found clean. */
  readonly clean: (file: CleanFile) => void;
}

/**
 * Helper threads started early, while the main thread collects the files (they load their modules and
 * compile the schemas meanwhile); `run` then gives them the files, or `stop` sends them away.
 */
export class HelperPool {
  private readonly next = new Int32Array(new SharedArrayBuffer(4));
  private readonly posted = new Int32Array(new SharedArrayBuffer(4));
  private readonly workers: Worker[] = [];
  private readonly ports: MessagePort[] = [];

  private constructor(count: number) {
    const script = new URL('./helper.js', import.meta.url);
    if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return;
    for (let i = 0; i < count; i++) {
      const { port1, port2 } = new MessageChannel();
      const start: HelperStart = { next: this.next, posted: this.posted, chunk: CHUNK, port: port2 };
      try {
        const worker = new Worker(script, { workerData: start, transferList: [port2] });
        worker.unref();
        worker.on('error', () => undefined); // a failed helper posts `done`; its work is redone here
        this.workers.push(worker);
        this.ports.push(port1);
      } catch {
        port1.close();
        break;
      }
    }
  }

  /** Start `count` helpers (none when 0). */
  static start(count: number): HelperPool {
    return new HelperPool(count);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Send every helper away (idempotent). */
  stop(): void {
    for (const port of this.ports) {
      port.postMessage({ type: 'stop' } satisfies HelperOrder);
      port.close();
    }
    for (const worker of this.workers) void worker.terminate();
    this.ports.length = 0;
    this.workers.length = 0;
  }

  /**
   * Read, parse and validate `files` on the main thread and up to `options.helpers` of the helpers at
   * once, each claiming the next chunk from a shared counter. Synchronous: the main thread does chunks
   * until the first helper reports, then sleeps (Atomics.wait) until the helpers' results arrive and
   * takes them with receiveMessageOnPort. Every file is handled exactly once, by `local` or by `clean`;
   * the caller puts the results back in file order, so the outcome does not depend on which thread did
   * what. The pool is used up afterwards.
   */
  run(
    files: readonly InputFile[],
    options: Omit<HelperJob, 'type' | 'files'> & { readonly helpers: number },
    handlers: ParallelHandlers,
  ): ParallelStats {
    const { next, posted } = this;
    const nap = new Int32Array(new SharedArrayBuffer(4));
    const used = Math.min(options.helpers, this.workers.length);
    const workers = this.workers.splice(0, used);
    const ports = this.ports.splice(0, used);
    this.stop();
    const { helpers: _, ...job } = options;
    for (const port of ports) port.postMessage({ type: 'job', files, ...job } satisfies HelperOrder);
    let running = ports.length;
    let received = 0;
    let fromHelpers = 0;
    const handled = new Uint8Array(files.length);
    const local = (index: number) => {
      if (handled[index]) return;
      handled[index] = 1;
      handlers.local(index);
    };
    const take = (message: HelperMessage) => {
      received++;
      if (message.type === 'done') {
        running--;
        return;
      }
      for (const file of message.clean) {
        if (handled[file.index]) continue;
        handled[file.index] = 1;
        fromHelpers++;
        handlers.clean(file);
      }
      for (const index of message.left) local(index);
    };
    const drain = () => {
      for (const port of ports) {
        for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port))
          take(m.message as HelperMessage);
      }
    };
    // The main thread claims files only until the first helper reports (helpers take a moment to start);
    // from then on it takes their results. Files it parses itself keep their text in memory (the
    // parsed strings are slices of it); a helper's arrive as copies, and their text is not kept.
    // MATTERC_THREADS_HELPERS_ONLY=1 (for tests): the main thread claims nothing, only takes left-overs.
    const helpersOnly = process.env['MATTERC_THREADS_HELPERS_ONLY'] === '1';
    const debug = process.env['MATTERC_DEBUG_THREADS'] === '1';
    const t0 = Date.now();
    for (;;) {
      if (ports.length > 0 && (helpersOnly || Atomics.load(posted, 0) > 0)) break;
      const start = Atomics.add(next, 0, CHUNK);
      if (start >= files.length) break;
      for (let index = start; index < Math.min(start + CHUNK, files.length); index++) local(index);
      drain();
    }
    if (debug)
      process.stderr.write(
        `threads: main stopped claiming at ${Date.now() - t0} ms, ${Atomics.load(next, 0)} files claimed, posted ${Atomics.load(posted, 0)}, received ${received}\n`,
      );
    let lastHeard = Date.now();
    while (running > 0) {
      const before = received;
      drain();
      if (running === 0) break;
      const now = Date.now();
      if (received !== before) lastHeard = now;
      // A helper that stopped without a word (killed, out of memory) would leave its chunk unreported:
      // after HELPER_SILENCE_MS of silence everything still missing is done here.
      else if (now - lastHeard >= HELPER_SILENCE_MS) break;
      // Sleep until a helper posts again. A posted message can take a moment to become receivable:
      // then `posted` is already ahead of `received` and a short nap stands in for the wait.
      if (Atomics.wait(posted, 0, received, 1000) === 'not-equal') Atomics.wait(nap, 0, 0, 1);
    }
    for (const port of ports) port.close();
    for (const worker of workers) void worker.terminate();
    for (let index = 0; index < files.length; index++) local(index);
    if (debug)
      process.stderr.write(
        `threads: done at ${Date.now() - t0} ms, ${fromHelpers} of ${files.length} files from helpers\n`,
      );
    return { helpers: workers.length, fromHelpers };
  }
}

/** What the helpers did: threads started, files they found clean. */
export interface ParallelStats {
  readonly helpers: number;
  readonly fromHelpers: number;
}

const HELPER_SILENCE_MS = 120_000;
