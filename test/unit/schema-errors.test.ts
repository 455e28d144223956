import { expect, it } from 'vitest';
import { SourceText } from '../../src/diagnostics/source.js';
import { parseYaml } from '../../src/parse/yaml.js';
import { toDiagnostic } from '../../src/schema/validate.js';
import { expectCode } from '../helpers/expect-code.js';

it('maps an ajv keyword the schemas do not use to MC2099 at the value, keeping ajv’s detail', () => {
  const source = new SourceText('m.yaml', 'kind: Matter\nid: m\nname: 示例\n');
  const doc = parseYaml(source).documents[0]!;
  const d = toDiagnostic(
    doc,
    'Matter',
    {
      keyword: 'dependentRequired',
      instancePath: '/name',
      schemaPath: '#/dependentRequired',
      params: {},
      message: 'must have property x when property name is present',
    },
    'Matter:m',
  );
  expect(d.entry.code).toBe('MC2099');
  expectCode([d], 'MC2099');
  expect(source.position(d.location!.range.start)).toMatchObject({ line: 3, column: 7 });
  expect(d.args['detail']).toBe('must have property x when property name is present');
});
