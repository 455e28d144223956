import type { Composition } from '../../compose/types.js';
import type { SymbolTable } from '../../link/link.js';
import type { Field } from '../../model/types.js';
import { type BuildInput, type Generator, type Emit, streaming } from '../types.js';
import { type FieldDefinition, formModel } from './model.js';
import { formPage } from './page.js';
import { formSchema } from './schema.js';

export { idCheckChar, isIdNumber, isUscc } from './checks.js';
export { checkFormat, registerFormats } from './formats.js';
export { type FieldDefinition, type FormField, type FormModel, formModel } from './model.js';
export { escapeHtml, formPage } from './page.js';
export { formSchema } from './schema.js';

/** The data-element dictionary of a checked model, as form generation reads it. */
export function dictionaryOf(table: SymbolTable | undefined): (path: string) => FieldDefinition | undefined {
  return (path) => {
    const doc = table?.get('Field', path);
    if (!doc?.schemaValid) return undefined;
    const f = doc.value as unknown as Field & FieldDefinition;
    return {
      name: f.name,
      type: f.type,
      ...(f.format !== undefined ? { format: f.format } : {}),
      ...(f.options !== undefined ? { options: f.options } : {}),
      ...(f.unit !== undefined ? { unit: f.unit } : {}),
      ...(f.description !== undefined ? { description: f.description } : {}),
    };
  };
}

/** The generated JSON Schema of one bundle's application data. */
export function applicationSchema(
  composition: Composition,
  table: SymbolTable | undefined,
): Record<string, unknown> {
  return formSchema(formModel(composition, dictionaryOf(table)));
}

/**
 * `forms/<bundle>.schema.json` (JSON Schema 2020-12 of the merged application data) and
 * `forms/<bundle>.html` (a standalone form that validates in the browser), for every bundle with fields.
 */
export const formsGenerator: Generator = streaming({
  name: 'forms',
  emit(input: BuildInput, files: Emit): void {
    const dictionary = dictionaryOf(input.result.table);
    const compositions = [...input.compositions].sort((a, b) =>
      a.bundle < b.bundle ? -1 : a.bundle > b.bundle ? 1 : 0,
    );
    for (const c of compositions) {
      if (c.form.length === 0) continue;
      const model = formModel(c, dictionary);
      files(`forms/${c.bundle}.schema.json`, `${JSON.stringify(formSchema(model, input.lang), null, 2)}\n`);
      files(`forms/${c.bundle}.html`, formPage(model, input.lang));
    }
  },
});
