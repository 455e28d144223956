import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Value } from '../parse/yaml.js';
import { schemaFiles } from '../schema/schemas.js';
import { VERSION } from '../version.js';

/** The cache directory in a repository; `collectInputs` never reads inside it. */
export const CACHE_DIR = '.matterc-cache';
const CACHE_FILE = 'parsed-v2.jsonl';

/**
 * What the cache remembers of a file: its documents' values (only for files that parsed cleanly on
 * the fast path) and which of them passed the schema. Positions are never cached: they are computed
 * again, from the text, when a diagnostic needs one.
 */
export interface CachedParse {
  readonly documents: readonly Value[];
  /** Per document: it passed schema validation with no problem. */
  readonly schemaValid: readonly boolean[];
}

type Entry = { hash: string } & CachedParse;

/** Where a file's line lies in the cache file: the bytes after `path\t` (checksum, tab, JSON). */
export interface CacheSlot {
  readonly offset: number;
  readonly length: number;
}

/**
 * A content-hash cache in `<root>/.matterc-cache/`, keyed by the tool's version, its parser and schema
 * code, and each file's SHA-256. The file is JSON lines: a header naming the key, then one line per
 * source file, each with its own checksum. Only an index of where each line lies is kept in memory; a
 * line is read (with `pread`) and checked when its file is asked for, by the main thread or by a
 * helper thread (`readSlot`). A line that is corrupt or altered (its checksum does not match), or a
 * cache written by another version, is ignored, never trusted; writing it is best effort, a line at a
 * time (lines not parsed in this run are copied byte for byte).
 */
export class PersistentCache {
  /** Lines in the cache file on disk, by path; only their place is known until asked for. */
  private readonly slots = new Map<string, CacheSlot>();
  private readonly entries = new Map<string, Entry>();
  private readonly used = new Set<string>();
  private fd: number | undefined;
  private dirty = false;

  private constructor(private readonly dir: string) {}

  static open(root: string): PersistentCache {
    const cache = new PersistentCache(join(root, CACHE_DIR));
    cache.load();
    return cache;
  }

  static hash(text: string): string {
    return createHash('sha256').update(text).digest('base64url');
  }

  /** The cache file, for helper threads that read their files' lines themselves. */
  get file(): string {
    return join(this.dir, CACHE_FILE);
  }

  private load(): void {
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch {
      return;
    }
    try {
      if (indexLines(fd, `${JSON.stringify({ key: toolKey() })}`, this.slots)) this.fd = fd;
      else this.slots.clear();
    } catch {
      this.slots.clear();
    }
    if (this.fd === undefined) closeSync(fd);
  }

  /** Where the line of `path` lies in the cache file, for a helper thread. */
  slot(path: string): CacheSlot | undefined {
    return this.fd === undefined ? undefined : this.slots.get(path);
  }

  /** The stored entry of a path, checked against its own checksum, or undefined. */
  private entry(path: string): Entry | undefined {
    const known = this.entries.get(path);
    if (known) return known;
    const slot = this.slots.get(path);
    if (slot === undefined || this.fd === undefined) return undefined;
    this.slots.delete(path);
    const entry = readSlot(this.fd, path, slot);
    if (entry) this.entries.set(path, entry);
    return entry;
  }

  /** The cached parse of `path` if its text still has this hash. */
  get(path: string, hash: string): CachedParse | undefined {
    const entry = this.entry(path);
    if (!entry || entry.hash !== hash) return undefined;
    this.used.add(path);
    return entry;
  }

  /** A helper thread found the line of `path` valid and matching: keep it as it is. */
  keep(path: string): void {
    if (this.slots.has(path) || this.entries.has(path)) this.used.add(path);
  }

  /** Files the cache holds (on disk or set in this run). */
  get size(): number {
    return this.slots.size + this.entries.size;
  }

  set(path: string, hash: string, parse: CachedParse): void {
    this.slots.delete(path);
    this.entries.set(path, { hash, ...parse });
    this.used.add(path);
    this.dirty = true;
  }

  /** Write the entries of the files seen in this run (others are dropped), a line at a time, atomically. */
  save(): void {
    const unchanged =
      !this.dirty &&
      this.used.size === this.slots.size + this.entries.size &&
      [...this.used].every((p) => this.slots.has(p) || this.entries.has(p));
    if (unchanged) return this.close();
    const temporary = join(this.dir, `${CACHE_FILE}.${process.pid}.tmp`);
    let out: number | undefined;
    try {
      mkdirSync(this.dir, { recursive: true });
      out = openSync(temporary, 'w');
      writeSync(out, `${JSON.stringify({ key: toolKey() })}\n`);
      for (const path of [...this.used].sort()) {
        if (path.includes('\t') || path.includes('\n')) continue;
        const entry = this.entries.get(path);
        const slot = this.slots.get(path);
        if (entry) {
          const json = JSON.stringify(entry);
          writeSync(out, `${path}\t${PersistentCache.hash(`${path}\t${json}`)}\t${json}\n`);
        } else if (slot && this.fd !== undefined) {
          const bytes = Buffer.allocUnsafe(slot.length);
          if (readSync(this.fd, bytes, 0, slot.length, slot.offset) !== slot.length) continue;
          writeSync(out, `${path}\t`);
          writeSync(out, bytes);
          writeSync(out, '\n');
        }
      }
      closeSync(out);
      out = undefined;
      this.close();
      renameSync(temporary, this.file);
    } catch {
      if (out !== undefined) closeSync(out);
      this.close();
      rmSync(temporary, { force: true }); // a read-only checkout: run without a cache
    }
  }

  private close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Index the lines of an open cache file: check its header, then note where each `path\t…` line's
 * bytes after the path lie. Reads in blocks; nothing but the index stays in memory. False when the
 * header is not `header` (another version, or not a cache file).
 */
function indexLines(fd: number, header: string, slots: Map<string, CacheSlot>): boolean {
  const block = Buffer.allocUnsafe(1 << 22);
  let carry = Buffer.alloc(0);
  let base = 0; // file offset of carry[0]
  let position = 0;
  let first = true;
  for (;;) {
    const n = readSync(fd, block, 0, block.length, position);
    position += n;
    const data = carry.length > 0 ? Buffer.concat([carry, block.subarray(0, n)]) : block.subarray(0, n);
    let start = 0;
    for (let end = data.indexOf(10, start); end >= 0; end = data.indexOf(10, start)) {
      if (first) {
        if (data.toString('utf8', start, end) !== header) return false;
        first = false;
      } else {
        const tab = data.indexOf(9, start);
        if (tab > start && tab < end)
          slots.set(data.toString('utf8', start, tab), { offset: base + tab + 1, length: end - tab - 1 });
      }
      start = end + 1;
    }
    carry = Buffer.from(data.subarray(start));
    base += start;
    if (n === 0) return !first;
  }
}

/** Read and check one line's entry; undefined when it is unreadable, corrupt or altered. */
export function readSlot(fd: number, path: string, slot: CacheSlot): Entry | undefined {
  try {
    const bytes = Buffer.allocUnsafe(slot.length);
    if (readSync(fd, bytes, 0, slot.length, slot.offset) !== slot.length) return undefined;
    const stored = bytes.toString('utf8');
    const tab = stored.indexOf('\t');
    const json = stored.slice(tab + 1);
    if (tab < 0 || PersistentCache.hash(`${path}\t${json}`) !== stored.slice(0, tab)) return undefined;
    const entry = JSON.parse(json) as Entry;
    if (
      typeof entry?.hash === 'string' &&
      Array.isArray(entry.documents) &&
      Array.isArray(entry.schemaValid) &&
      entry.schemaValid.length === entry.documents.length
    )
      return entry;
  } catch {
    // corrupt: as if absent
  }
  return undefined;
}

let key: string | undefined;

/** The tool's version, the schemas, and the code that reads and validates files. */
function toolKey(): string {
  if (key) return key;
  const hash = createHash('sha256').update(VERSION);
  for (const file of schemaFiles()) hash.update(file.name).update(file.text);
  for (const dir of ['../parse/', '../schema/', '../load/']) {
    const abs = fileURLToPath(new URL(dir, import.meta.url));
    for (const name of readdirSync(abs).sort())
      if (name.endsWith('.js')) hash.update(name).update(readFileSync(join(abs, name)));
  }
  key = hash.digest('base64url');
  return key;
}
