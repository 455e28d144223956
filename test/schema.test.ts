/** The unified schema: every property titled and described in Chinese; objects closed; files resolvable together. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run.js';

interface Node {
  [key: string]: unknown;
}

const dir = join(ROOT, 'schemas');
const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json'));
const schemas = new Map(files.map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Node]));
const CJK = /[\u3400-\u9fff]/;

function visitProperties(node: unknown, at: string, visit: (prop: Node, at: string) => void): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as Node;
  if (n['properties'] && typeof n['properties'] === 'object') {
    for (const [k, v] of Object.entries(n['properties'] as Record<string, Node>))
      visit(v, `${at}/properties/${k}`);
  }
  for (const [k, v] of Object.entries(n)) visitProperties(v, `${at}/${k}`, visit);
}

describe('schemas', () => {
  it('give every property a Chinese title and description', () => {
    const missing: string[] = [];
    for (const [file, schema] of schemas) {
      visitProperties(schema, file, (prop, at) => {
        if (at.includes('/if/')) return; // document.schema.json's kind selectors are not authored properties
        if (typeof prop['title'] !== 'string' || !CJK.test(prop['title'])) missing.push(`${at}: title`);
        if (typeof prop['description'] !== 'string' || !CJK.test(prop['description']))
          missing.push(`${at}: description`);
      });
    }
    expect(missing).toEqual([]);
  });

  it('close every object', () => {
    const open: string[] = [];
    const visit = (node: unknown, at: string): void => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Node;
      if (n['type'] === 'object' && n['additionalProperties'] !== false) open.push(at);
      for (const [k, v] of Object.entries(n)) visit(v, `${at}/${k}`);
    };
    for (const [file, schema] of schemas) if (file !== 'document.schema.json') visit(schema, file);
    expect(open).toEqual([]);
  });

  it('give every list item that can be referred to or refined an id', () => {
    const matter = schemas.get('matter.schema.json')!['properties'] as Record<string, Node>;
    for (const list of ['basis', 'conditions', 'materials', 'steps', 'specialProcedures', 'faq']) {
      expect((matter[list]!['items'] as Node)['required'], list).toContain('id');
    }
    const bundle = schemas.get('bundle.schema.json')!['properties'] as Record<string, Node>;
    expect((bundle['components']!['items'] as Node)['required']).toContain('id');
    const list = schemas.get('list.schema.json')!['properties'] as Record<string, Node>;
    expect((list['items']!['items'] as Node)['required']).toContain('id');
  });

  it('resolve together under ajv strict mode, one file per kind', () => {
    const ajv = new Ajv2020({ strict: true, validateFormats: false });
    for (const s of schemas.values()) ajv.addSchema(s);
    for (const kind of [
      'matter',
      'bundle',
      'list',
      'department',
      'law',
      'material',
      'field',
      'project',
      'document',
    ]) {
      expect(ajv.getSchema(`${kind}.schema.json`), kind).toBeTypeOf('function');
    }
  });
});
