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
