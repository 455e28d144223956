import type { ParsedDocument } from '../parse/yaml.js';
import type { Kind } from './kinds.js';

/** A parsed document whose kind is known. */
export interface Doc extends ParsedDocument {
  readonly kind: Kind;
  /** The id when it is a string; absent otherwise (the schema reports it). */
  readonly id: string | undefined;
  /** Passed schema validation: typed views in model/types.ts may be used. */
  schemaValid: boolean;
}

/** Display name of a document: its name or title, for candidate lists and labels. */
export function displayNameOf(doc: Doc): string | undefined {
  const v = doc.value as Record<string, unknown>;
  const name = v['name'] ?? v['title'];
  return typeof name === 'string' ? name : undefined;
}

export function aliasesOf(doc: Doc): string[] {
  const v = doc.value as Record<string, unknown>;
  const out: string[] = [];
  for (const key of ['name', 'title', 'shortName']) {
    const x = v[key];
    if (typeof x === 'string') out.push(x);
  }
  const aliases = v['aliases'];
  if (Array.isArray(aliases)) for (const a of aliases) if (typeof a === 'string') out.push(a);
  return out;
}
