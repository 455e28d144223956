import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { diagnosticsReference } from '../src/diagnostics/reference.js';
import { matterc, ROOT } from './helpers/run.js';

it('docs/diagnostics.md is generated from the catalogue and up to date', () => {
  const file = join(ROOT, 'docs/diagnostics.md');
  if (process.env['UPDATE_EXPECTED'] === '1') writeFileSync(file, diagnosticsReference());
  expect(readFileSync(file, 'utf8')).toBe(diagnosticsReference());
  expect(matterc(['explain', '--markdown']).stdout).toBe(diagnosticsReference());
});
