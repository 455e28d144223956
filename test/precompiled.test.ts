import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { schemaFileOf } from '../src/model/kinds.js';
import { schemaAjv, schemaFingerprint, VALIDATED } from '../src/schema/validate.js';
import { ROOT } from './helpers/run.js';

/**
 * `npm run build` precompiles the schema validators (dist/schema/validators.cjs, ajv standalone code).
 * They must be exactly the validators compiled at run time: same verdict and same errors, on every
 * document of every fixture, example and shipped file.
 */
const precompiled = createRequire(import.meta.url)(join(ROOT, 'dist/schema/validators.cjs')) as Record<
  string,
  unknown
>;

function yamlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => join(dir, f))
    .sort();
}

type Validate = ((value: unknown) => boolean) & { errors?: unknown[] | null };

describe('precompiled validators', () => {
  it('were made from the schemas as they are', () => {
    expect(precompiled['fingerprint']).toBe(schemaFingerprint());
  });

  it('give the same verdict and errors as compiled ones on every fixture, example and shipped document', () => {
    const ajv = schemaAjv();
    const files = ['test/cases', 'test/fixtures', 'examples', 'matters'].flatMap((d) =>
      yamlFiles(join(ROOT, d)),
    );
    let documents = 0;
    let invalid = 0;
    for (const file of files) {
      let values: unknown[];
      try {
        values = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => ('toJS' in d ? d.toJS() : null));
      } catch {
        continue; // not YAML: the parser fixtures
      }
      for (const value of values) {
        if (value === null || typeof value !== 'object') continue;
        const kind = file.endsWith('matterc.yaml') ? 'Project' : (value as { kind?: unknown }).kind;
        if (!VALIDATED.includes(kind as (typeof VALIDATED)[number])) continue;
        const k = kind as (typeof VALIDATED)[number];
        const compiled = ajv.getSchema(schemaFileOf(k)) as Validate;
        const standalone = precompiled[k] as Validate;
        const verdict = compiled(value);
        expect(standalone(value), file).toBe(verdict);
        expect(JSON.stringify(standalone.errors ?? null), file).toBe(JSON.stringify(compiled.errors ?? null));
        documents++;
        if (!verdict) invalid++;
      }
    }
    expect(documents).toBeGreaterThan(300);
    expect(invalid).toBeGreaterThan(20);
  });
});
