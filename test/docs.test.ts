import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SPECIFIED_RULES } from '../src/check/rules.js';
import { diagnosticsReference } from '../src/diagnostics/reference.js';
import { fieldsReference, schemaPaths } from '../src/schema/fields-doc.js';
import { matterc, ROOT } from './helpers/run.js';

it('docs/diagnostics.md is generated from the catalogue and up to date', () => {
  const file = join(ROOT, 'docs/diagnostics.md');
  if (process.env['UPDATE_EXPECTED'] === '1') writeFileSync(file, diagnosticsReference());
  expect(readFileSync(file, 'utf8')).toBe(diagnosticsReference());
  expect(matterc(['explain', '--markdown']).stdout).toBe(diagnosticsReference());
});

it('docs/fields.md is generated from the schemas and up to date', () => {
  const file = join(ROOT, 'docs/fields.md');
  if (process.env['UPDATE_EXPECTED'] === '1') writeFileSync(file, fieldsReference());
  const text = readFileSync(file, 'utf8');
  expect(text).toBe(fieldsReference());
  // Keys the issue found undocumented, and the pair that is easy to confuse.
  for (const key of ['onlineDepth', 'reviewType', 'contacts', 'modes', 'eligible', 'eligibility'])
    expect(text).toContain(`| \`${key}\``);
  expect(text).toMatch(/`eligible`（申请资格）是\*\*条件表达式\*\*/);
});

it('every key a rule declares it reads is a key of its kind', () => {
  for (const rule of SPECIFIED_RULES) {
    expect(rule.reads.length, `${rule.name} declares no keys`).toBeGreaterThan(0);
    const paths = schemaPaths(rule.kind);
    for (const path of rule.reads) expect(paths, `${rule.name} reads ${path}`).toContain(path);
  }
});
