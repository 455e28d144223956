import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { InputFile } from '../load/files.js';
import { readSource } from '../load/read.js';
import { isKind } from '../model/kinds.js';
import { PersistentCache } from '../cache/persistent.js';
import { parseFast } from '../parse/fast.js';
import type { Value } from '../parse/yaml.js';
import { validateDocument } from '../schema/validate.js';
import type { CleanFile, HelperData, HelperMessage } from './protocol.js';

/** Claim chunks of files until none are left; post each chunk's clean files and what is left over. */
export function helpParse(data: HelperData, post: (message: HelperMessage) => void): void {
  for (;;) {
    const start = Atomics.add(data.next, 0, data.chunk);
    if (start >= data.files.length) return;
    const end = Math.min(start + data.chunk, data.files.length);
    const clean: CleanFile[] = [];
    const left: number[] = [];
    for (let index = start; index < end; index++) {
      let done: CleanFile | undefined;
      try {
        done = parseClean(data.files[index]!, index, data);
      } catch {
        done = undefined;
      }
      if (done) clean.push(done);
      else left.push(index);
    }
    post({ type: 'chunk', clean, left });
  }
}

/** The file read, parsed and validated without a single problem, or undefined. */
export function parseClean(
  file: InputFile,
  index: number,
  options: { readonly maxFileSize: number; readonly hash: boolean },
): CleanFile | undefined {
  const problems: Diagnostic[] = [];
  const source = readSource(file, options.maxFileSize, problems);
  if (!source || problems.length > 0) return undefined;
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
    ...(options.hash ? { hash: PersistentCache.hash(source.text) } : {}),
  };
}
