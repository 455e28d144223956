import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { InputFile } from '../load/files.js';
import { readSource } from '../load/read.js';
import { isKind } from '../model/kinds.js';
import { type CacheSlot, PersistentCache, readSlot } from '../cache/persistent.js';
import { openSync } from 'node:fs';
import { parseFast } from '../parse/fast.js';
import type { Value } from '../parse/yaml.js';
import { compileValidators, validateDocument } from '../schema/validate.js';
import type { CleanFile, HelperData, HelperMessage } from './protocol.js';

/** Load what parsing needs before the files arrive: the compiled schemas. */
export function warmUp(): void {
  compileValidators();
}

/** Claim chunks of files until none are left; post each chunk's clean files and what is left over. */
export function helpParse(data: HelperData, post: (message: HelperMessage) => void): void {
  let cache: CacheReader | undefined;
  if (data.cache) {
    try {
      cache = { fd: openSync(data.cache.file, 'r'), slots: data.cache.slots };
    } catch {
      cache = undefined; // gone: parse everything
    }
  }
  const options = { maxFileSize: data.maxFileSize, hash: data.hash, cache };
  for (;;) {
    const start = Atomics.add(data.next, 0, data.chunk);
    if (start >= data.files.length) return;
    const end = Math.min(start + data.chunk, data.files.length);
    const clean: CleanFile[] = [];
    const left: number[] = [];
    for (let index = start; index < end; index++) {
      let done: CleanFile | undefined;
      try {
        done = parseClean(data.files[index]!, index, options);
      } catch {
        done = undefined;
      }
      if (done) clean.push(done);
      else left.push(index);
    }
    post({ type: 'chunk', clean, left });
  }
}

interface CacheReader {
  readonly fd: number;
  readonly slots: readonly (CacheSlot | undefined)[];
}

/**
 * The file read, parsed and validated without a single problem, or undefined. With a persistent cache,
 * a file whose line there has its hash and passed the schema is not parsed again.
 */
export function parseClean(
  file: InputFile,
  index: number,
  options: { readonly maxFileSize: number; readonly hash: boolean; readonly cache?: CacheReader | undefined },
): CleanFile | undefined {
  const problems: Diagnostic[] = [];
  const source = readSource(file, options.maxFileSize, problems);
  if (!source || problems.length > 0) return undefined;
  const hash = options.hash ? PersistentCache.hash(source.text) : undefined;
  const slot = options.cache?.slots[index];
  if (slot && hash !== undefined) {
    const entry = readSlot(options.cache!.fd, file.path, slot);
    if (
      entry &&
      entry.hash === hash &&
      entry.schemaValid.every(Boolean) &&
      entry.documents.every((v) => isKind((v as Record<string, Value> | null)?.['kind']))
    )
      return { index, values: entry.documents, hash, cached: true };
  }
  const parsed = parseFast(source);
  if (!parsed) return undefined;
  for (const doc of parsed.documents) {
    const kind = (doc.value as Record<string, Value>)['kind'];
    if (!isKind(kind)) return undefined;
    const id = (doc.value as Record<string, Value>)['id'];
    if (validateDocument(doc, kind, `${kind}:${typeof id === 'string' ? id : '?'}`).length > 0)
      return undefined;
  }
  return {
    index,
    values: parsed.documents.map((d) => d.value),
    ...(hash !== undefined ? { hash } : {}),
  };
}
