import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Value } from '../parse/yaml.js';
import { schemaFiles } from '../schema/schemas.js';
import { VERSION } from '../version.js';

/** The cache directory in a repository; `collectInputs` never reads inside it. */
export const CACHE_DIR = '.matterc-cache';
const CACHE_FILE = 'parsed-v1.json';

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

interface Payload {
  readonly key: string;
  readonly files: Record<string, { hash: string } & CachedParse>;
}

/**
 * A content-hash cache in `<root>/.matterc-cache/`, keyed by the tool's version, its parser and schema
 * code, and each file's SHA-256. A cache that is corrupt, written by another version, or altered (its
 * own checksum does not match) is ignored, never trusted; writing it is best effort.
 */
export class PersistentCache {
  private readonly entries = new Map<string, { hash: string } & CachedParse>();
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
    try {
      const nl = raw.indexOf('\n');
      const checksum = raw.slice(0, nl);
      const body = raw.slice(nl + 1);
      if (nl < 0 || PersistentCache.hash(body) !== checksum) return;
      const payload = JSON.parse(body) as Payload;
      if (payload.key !== toolKey() || typeof payload.files !== 'object' || payload.files === null) return;
      for (const [path, entry] of Object.entries(payload.files)) {
        if (
          typeof entry?.hash === 'string' &&
          Array.isArray(entry.documents) &&
          Array.isArray(entry.schemaValid) &&
          entry.schemaValid.length === entry.documents.length
        )
          this.entries.set(path, entry);
      }
    } catch {
      this.entries.clear(); // corrupt: start afresh
    }
  }

  /** The cached parse of `path` if its text still has this hash. */
  get(path: string, hash: string): CachedParse | undefined {
    const entry = this.entries.get(path);
    if (!entry || entry.hash !== hash) return undefined;
    this.used.add(path);
    return entry;
  }

  set(path: string, hash: string, parse: CachedParse): void {
    this.entries.set(path, { hash, ...parse });
    this.used.add(path);
    this.dirty = true;
  }

  /** Write the entries of the files seen in this run (others are dropped), atomically. */
  save(): void {
    if (!this.dirty && this.used.size === this.entries.size) return;
    const files: Payload['files'] = {};
    for (const path of [...this.used].sort()) files[path] = this.entries.get(path)!;
    const body = JSON.stringify({ key: toolKey(), files } satisfies Payload);
    const temporary = join(this.dir, `${CACHE_FILE}.${process.pid}.tmp`);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, `${PersistentCache.hash(body)}\n${body}`);
      renameSync(temporary, join(this.dir, CACHE_FILE));
    } catch {
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
