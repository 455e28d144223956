import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
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

/**
 * A content-hash cache in `<root>/.matterc-cache/`, keyed by the tool's version, its parser and schema
 * code, and each file's SHA-256. The file is JSON lines: a header naming the key, then one line per
 * source file, each with its own checksum, written one at a time (no whole-cache string in memory).
 * A line that is corrupt or altered (its checksum does not match), or a cache written by another
 * version, is ignored, never trusted; writing it is best effort.
 */
export class PersistentCache {
  /** Lines read from disk, parsed only when their file is asked for. */
  private readonly stored = new Map<string, string>();
  private readonly entries = new Map<string, Entry>();
  private readonly used = new Set<string>();
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

  private load(): void {
    let raw: string;
    try {
      raw = readFileSync(join(this.dir, CACHE_FILE), 'utf8');
    } catch {
      return;
    }
    const lines = raw.split('\n');
    if (lines[0] !== JSON.stringify({ key: toolKey() })) return; // another version, or corrupt
    for (let i = 1; i < lines.length; i++) {
      // path \t checksum \t json
      const line = lines[i]!;
      const a = line.indexOf('\t');
      const b = line.indexOf('\t', a + 1);
      if (a < 0 || b < 0) continue;
      this.stored.set(line.slice(0, a), line.slice(a + 1));
    }
  }

  /** The stored entry of a path, checked against its own checksum, or undefined. */
  private entry(path: string): Entry | undefined {
    const known = this.entries.get(path);
    if (known) return known;
    const stored = this.stored.get(path);
    if (stored === undefined) return undefined;
    this.stored.delete(path);
    const tab = stored.indexOf('\t');
    const json = stored.slice(tab + 1);
    if (PersistentCache.hash(`${path}\t${json}`) !== stored.slice(0, tab)) return undefined;
    try {
      const entry = JSON.parse(json) as Entry;
      if (
        typeof entry?.hash === 'string' &&
        Array.isArray(entry.documents) &&
        Array.isArray(entry.schemaValid) &&
        entry.schemaValid.length === entry.documents.length
      ) {
        this.entries.set(path, entry);
        return entry;
      }
    } catch {
      // corrupt: as if absent
    }
    return undefined;
  }

  /** Files the cache holds (read from disk or set in this run). */
  get size(): number {
    return this.stored.size + this.entries.size;
  }

  /** The cached parse of `path` if its text still has this hash. */
  get(path: string, hash: string): CachedParse | undefined {
    const entry = this.entry(path);
    if (!entry || entry.hash !== hash) return undefined;
    this.used.add(path);
    return entry;
  }

  set(path: string, hash: string, parse: CachedParse): void {
    this.entries.set(path, { hash, ...parse });
    this.used.add(path);
    this.dirty = true;
  }

  /** Write the entries of the files seen in this run (others are dropped), a line at a time, atomically. */
  save(): void {
    if (!this.dirty && this.used.size === this.entries.size && this.stored.size === 0) return;
    const temporary = join(this.dir, `${CACHE_FILE}.${process.pid}.tmp`);
    let fd: number | undefined;
    try {
      mkdirSync(this.dir, { recursive: true });
      fd = openSync(temporary, 'w');
      writeSync(fd, `${JSON.stringify({ key: toolKey() })}\n`);
      for (const path of [...this.used].sort()) {
        const json = JSON.stringify(this.entries.get(path));
        if (json === undefined || path.includes('\t') || path.includes('\n')) continue;
        writeSync(fd, `${path}\t${PersistentCache.hash(`${path}\t${json}`)}\t${json}\n`);
      }
      closeSync(fd);
      fd = undefined;
      renameSync(temporary, join(this.dir, CACHE_FILE));
    } catch {
      if (fd !== undefined) closeSync(fd);
      rmSync(temporary, { force: true }); // a read-only checkout: run without a cache
    }
  }
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
