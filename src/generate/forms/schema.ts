import { type JsonSchema, toJsonSchema } from '../../language/condition/targets.js';
import { FORMAT_DESCRIPTIONS, FORMAT_PATTERNS } from './checks.js';
import { CHECKED_FORMATS } from './formats.js';
import type { FormField, FormModel } from './model.js';

type Schema = { [key: string]: unknown };

/** The schema of one field's value, from its dictionary type and format. */
export function fieldSchema(f: FormField): Schema {
  const s: Schema = { title: f.title };
  const described = [f.description, f.unit !== undefined ? `单位：${f.unit}` : undefined];
  switch (f.type) {
    case '整数':
      s['type'] = 'integer';
      break;
    case '小数':
    case '金额':
      s['type'] = 'number';
      if (f.type === '金额') described.push('单位：元');
      break;
    case '布尔':
      s['type'] = 'boolean';
      break;
    case '日期':
      s['type'] = 'string';
      s['format'] = 'date';
      break;
    case '枚举':
      s['type'] = 'string';
      if (f.options && f.options.length > 0) s['enum'] = [...f.options];
      break;
    default:
      s['type'] = 'string';
      s['minLength'] = 1;
  }
  if (f.format !== undefined && s['type'] === 'string' && f.type !== '日期') {
    if ((CHECKED_FORMATS as readonly string[]).includes(f.format)) s['format'] = f.format;
    else if (FORMAT_PATTERNS[f.format] !== undefined) s['pattern'] = FORMAT_PATTERNS[f.format];
    if ('format' in s || 'pattern' in s) delete s['minLength'];
    const d = FORMAT_DESCRIPTIONS[f.format];
    if (d !== undefined) described.push(d);
  }
  const description = described
    .filter((d): d is string => d !== undefined && d !== '')
    .reduce((a, d) => (a === '' ? d : /[。；]$/.test(a) ? `${a}${d}` : `${a}；${d}`), '');
  if (description !== '') s['description'] = description;
  if (f.notes.length > 0) s['$comment'] = f.notes.join(' ');
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

function objectSchema(name: string, g: Group): Schema {
  const properties: Schema = {};
  const required: string[] = [];
  for (const [key, child] of g.children) {
    properties[key] =
      child.field && child.children.size === 0 ? fieldSchema(child.field) : objectSchema(key, child);
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
export function formSchema(model: FormModel): Schema {
  const root: Group = { children: new Map() };
  for (const f of model.fields) insert(root, f);
  const conditional: Schema[] = [];
  const comments: string[] = [];
  for (const f of model.fields) {
    if (!f.requiredWhen) continue;
    const test = toJsonSchema(f.requiredWhen);
    if (test === undefined) {
      comments.push(
        `“${f.title}”（${f.path}）在“${f.requiredWhenText}”时必填，JSON Schema 无法表达该条件，按选填处理。`,
      );
      continue;
    }
    conditional.push({
      $comment: `${f.path}：${f.requiredWhenText} 时必填`,
      if: strictify(test),
      then: requirePath(f.path),
    });
  }
  const top = objectSchema('', root);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `forms/${model.bundle}.schema.json`,
    title: `${model.name}（一表申请）`,
    description: `一件事“${model.name}”（${model.bundle}）的合并申请数据；公民身份号码、统一社会信用代码格式含校验位。`,
    ...(comments.length > 0 ? { $comment: comments.join(' ') } : {}),
    ...top,
    ...(conditional.length > 0 ? { allOf: conditional } : {}),
  };
}
