import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceText } from '../../diagnostics/source.js';
import { parseYaml } from '../../parse/yaml.js';
import { toDiagnostic } from '../../schema/validate.js';
import { registerFormats } from './formats.js';

/** ajv reports `if` failures and cascades; keep one error per place, the most specific one. */
function clean(errors: readonly ErrorObject[]): ErrorObject[] {
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (['if', 'then', 'else', 'anyOf', 'oneOf', 'allOf', 'not', '$ref'].includes(e.keyword)) return false;
    if (e.keyword !== 'type' && typeFailed.has(e.instancePath)) return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Validate an application (YAML or JSON text) against a generated form schema. Problems come back as
 * schema diagnostics (MC20xx) positioned in the application file; YAML syntax problems as MC1xxx.
 */
export function validateApplication(source: SourceText, schema: Record<string, unknown>): Diagnostic[] {
  const parsed = parseYaml(source);
  if (parsed.diagnostics.length > 0) return parsed.diagnostics;
  const ajv = registerFormats(new Ajv2020({ allErrors: true, verbose: true, strict: true }));
  const validate = ajv.compile(schema);
  const out: Diagnostic[] = [];
  for (const doc of parsed.documents) {
    if (validate(doc.value)) continue;
    for (const e of clean(validate.errors ?? [])) out.push(toDiagnostic(doc, 'Project', e, ''));
  }
  return out;
}
