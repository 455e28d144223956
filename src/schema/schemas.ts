import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The directory holding the unified schema, shipped with the package. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export interface SchemaFile {
  readonly name: string;
  readonly text: string;
}

/** Every schema file, sorted by name. */
export function schemaFiles(): SchemaFile[] {
  return readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.schema.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(`${SCHEMA_DIR}${name}`, 'utf8') }));
}

/**
 * Whether the file at `path` (named `rel` in an output directory) is one of matterc's schemas, of this
 * version or another: named `*.schema.json` and holding that name as its `$id`.
 */
export function isSchemaFile(rel: string, path: string): boolean {
  if (!/^[a-z-]+\.schema\.json$/.test(rel)) return false;
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { $id?: unknown }).$id === rel;
  } catch {
    return false;
  }
}
