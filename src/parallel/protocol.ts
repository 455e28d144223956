import type { MessagePort } from 'node:worker_threads';
import type { CacheSlot } from '../cache/persistent.js';
import type { InputFile } from '../load/files.js';
import type { Value } from '../parse/yaml.js';

/** What a parse helper is given when it starts (before the files are known). */
export interface HelperStart {
  /** [0]: index of the next unclaimed file, shared by the main thread and every helper. */
  readonly next: Int32Array;
  /** [0]: messages posted so far by all helpers, so the main thread can sleep until one arrives. */
  readonly posted: Int32Array;
  readonly chunk: number;
  readonly port: MessagePort;
}

/** The files, sent once they are collected; or `stop` when the run does not need this helper. */
export type HelperOrder =
  | {
      readonly type: 'job';
      readonly files: readonly InputFile[];
      readonly maxFileSize: number;
      /** Compute each clean file's content hash (for the persistent cache). */
      readonly hash: boolean;
      /** The persistent cache file, and where each file's line lies in it (by file index), if any. */
      readonly cache?: { readonly file: string; readonly slots: readonly (CacheSlot | undefined)[] };
    }
  | { readonly type: 'stop' };

export type HelperJob = Extract<HelperOrder, { type: 'job' }>;
export type HelperData = HelperStart & Omit<HelperJob, 'type'>;

/**
 * A file a helper read, parsed on the fast path and validated with no problem at all (its text is not
 * sent: the main thread reads it again if it ever needs a position in it); anything else
 * (a read or decoding problem, a file the fast path declines, a schema problem, a document without a
 * known kind) is left to the main thread, which does it the ordinary way and reports it.
 */
export interface CleanFile {
  readonly index: number;
  readonly values: readonly Value[];
  /** Set when HelperData.hash is. */
  readonly hash?: string;
  /** The values came from the file's line in the persistent cache (its hash matched). */
  readonly cached?: boolean;
}

/** One claimed chunk of files: the clean ones, and the indices the main thread must do itself. */
export interface ChunkDone {
  readonly type: 'chunk';
  readonly clean: readonly CleanFile[];
  readonly left: readonly number[];
}

/** The helper stopped: nothing is left to claim, or it failed (and handed back what it held). */
export interface HelperDone {
  readonly type: 'done';
}

export type HelperMessage = ChunkDone | HelperDone;
