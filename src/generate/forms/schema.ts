import { PAGE } from '../../diagnostics/catalogue.js';
import { type Args, type Lang, pick, render } from '../../diagnostics/diagnostic.js';
import { FIELD_TYPE } from '../../domain/vocabulary.js';
import { type JsonSchema, toJsonSchema } from '../../language/condition/targets.js';
import { FORMAT_PATTERNS } from './checks.js';
import { CHECKED_FORMATS, formatDescription, formatKind } from './formats.js';
import type { FormField, FormModel } from './model.js';

type Schema = { [key: string]: unknown };

/** A field's help in one line: its parts joined, no separator after one that ends a sentence. */
export function joinHelp(parts: readonly (string | undefined)[], lang: Lang): string {
  const separator = pick(PAGE.formHelpSeparator, lang);
  return parts
    .filter((d): d is string => d !== undefined && d !== '')
    .reduce((a, d) => (a === '' ? d : /[。；]$/.test(a) ? `${a}${d}` : `${a}${separator}${d}`), '');
}

/** The schema of one field's value, from its dictionary type and format. */
export function fieldSchema(f: FormField, lang: Lang = 'zh-CN'): Schema {
  const s: Schema = { title: f.title };
  const described = [
    f.description,
    f.unit !== undefined ? render(PAGE.formUnit, { unit: f.unit }, lang) : undefined,
  ];
  switch (f.type) {
    case FIELD_TYPE.integer:
      s['type'] = 'integer';
      break;
    case FIELD_TYPE.decimal:
    case FIELD_TYPE.money:
      s['type'] = 'number';
      if (f.type === FIELD_TYPE.money) described.push(pick(PAGE.formUnitYuan, lang));
      break;
    case FIELD_TYPE.boolean:
      s['type'] = 'boolean';
      break;
    case FIELD_TYPE.date:
      s['type'] = 'string';
      s['format'] = 'date';
      break;
    case FIELD_TYPE.enum:
      s['type'] = 'string';
      if (f.options && f.options.length > 0) s['enum'] = [...f.options];
      break;
    default:
      s['type'] = 'string';
      s['minLength'] = 1;
  }
  if (f.format !== undefined && s['type'] === 'string' && f.type !== FIELD_TYPE.date) {
    const kind = formatKind(f.format);
    if ((CHECKED_FORMATS as readonly string[]).includes(f.format)) s['format'] = f.format;
    else if (kind !== undefined && FORMAT_PATTERNS[kind] !== undefined) s['pattern'] = FORMAT_PATTERNS[kind];
    if ('format' in s || 'pattern' in s) delete s['minLength'];
    described.push(formatDescription(f.format, lang));
  }
  const description = joinHelp(described, lang);
  if (description !== '') s['description'] = description;
  if (f.notes.length > 0)
    s['$comment'] = f.notes.map((n) => render(n.template, n.args as Args, lang)).join(' ');
  return s;
}

/**
 * ajv's strict mode wants the type of type-specific keywords said: an `if` compiled from a condition
 * tests `properties` (objects) and `minimum`… (numbers). Saying the type keeps the meaning: a value of
 * another type does not satisfy the condition.
 */
function strictify(s: JsonSchema): JsonSchema {
  if (typeof s === 'boolean') return s;
  const out: Schema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties') {
      out[k] = Object.fromEntries(
        Object.entries(v as Schema).map(([p, x]) => [p, strictify(x as JsonSchema)]),
      );
    } else if (k === 'allOf' || k === 'anyOf') out[k] = (v as JsonSchema[]).map(strictify);
    else if (k === 'not') out[k] = strictify(v as JsonSchema);
    else out[k] = v;
  }
  if ('properties' in out || 'required' in out) out['type'] = 'object';
  if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].some((k) => k in out))
    out['type'] = 'number';
  return out;
}

/** `{a: {b: leaf}}` as a schema requiring the path. */
function requirePath(path: string): Schema {
  const parts = path.split('.');
  const leaf = parts[parts.length - 1]!;
  let s: Schema = { type: 'object', required: [leaf], properties: { [leaf]: true } };
  for (let i = parts.length - 2; i >= 0; i--)
    s = { type: 'object', required: [parts[i]!], properties: { [parts[i]!]: s } };
  return s;
}

interface Group {
  children: Map<string, Group>;
  field?: FormField;
}

function insert(root: Group, f: FormField): void {
  let g = root;
  for (const part of f.path.split('.')) {
    let next = g.children.get(part);
    if (!next) g.children.set(part, (next = { children: new Map() }));
    g = next;
  }
  g.field = f;
}

function objectSchema(name: string, g: Group, lang: Lang): Schema {
  const properties: Schema = {};
  const required: string[] = [];
  for (const [key, child] of g.children) {
    properties[key] =
      child.field && child.children.size === 0
        ? fieldSchema(child.field, lang)
        : objectSchema(key, child, lang);
    if (anyRequired(child)) required.push(key);
  }
  return {
    type: 'object',
    ...(name !== '' ? { title: name } : {}),
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

function anyRequired(g: Group): boolean {
  return g.field?.required === true || [...g.children.values()].some(anyRequired);
}

/**
 * JSON Schema 2020-12 of a bundle's application data: nested by path segment, titled from the
 * dictionary, required fields in `required`, conditionally required fields as `if`/`then`.
 */
export function formSchema(model: FormModel, lang: Lang = 'zh-CN'): Schema {
  const root: Group = { children: new Map() };
  for (const f of model.fields) insert(root, f);
  const conditional: Schema[] = [];
  const comments: string[] = [];
  for (const f of model.fields) {
    if (!f.requiredWhen) continue;
    const test = toJsonSchema(f.requiredWhen);
    if (test === undefined) {
      comments.push(
        render(
          PAGE.formConditionNotInSchema,
          { title: f.title, path: f.path, condition: f.requiredWhenText ?? '' },
          lang,
        ),
      );
      continue;
    }
    conditional.push({
      $comment: render(
        PAGE.formRequiredWhenComment,
        { path: f.path, condition: f.requiredWhenText ?? '' },
        lang,
      ),
      if: strictify(test),
      then: requirePath(f.path),
    });
  }
  const top = objectSchema('', root, lang);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `forms/${model.bundle}.schema.json`,
    title: render(PAGE.formSchemaTitle, { name: model.name }, lang),
    description: render(PAGE.formSchemaDescription, { name: model.name, bundle: model.bundle }, lang),
    ...(comments.length > 0 ? { $comment: comments.join(' ') } : {}),
    ...top,
    ...(conditional.length > 0 ? { allOf: conditional } : {}),
  };
}
