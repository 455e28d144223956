import { isKind, schemaFileOf } from '../model/kinds.js';
import { schemaFiles } from '../schema/schemas.js';

/** The part of a JSON Schema node fmt reads: where properties are, and what a leaf is. */
interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
}

/** A position in the schema: the node with `$ref`s followed, the file it lives in, how it was reached. */
export interface SchemaAt {
  readonly node: SchemaNode;
  readonly file: string;
  /** The `$defs` name the property referred to (`duration`, `text`, `condition`…), if any. */
  readonly def: string | undefined;
  /** The property name this node is the value of (array items keep their array's name). */
  readonly key: string | undefined;
}

/**
 * What fmt may normalize in a string value, decided by the schema alone:
 * - `duration`: a time limit (`$defs/duration`), rewritten to printDuration's canonical text;
 * - `citation`: the citation of a legal basis (`Matter.basis[].citation`), rewritten to printCitation's text;
 * - `prose`: Chinese prose written for applicants (descriptions, notes, standards, answers…), whose
 *   punctuation next to Chinese text becomes full-width.
 * Everything else (ids, references, codes, names that other documents match, URLs, conditions,
 * enumerations, dates, document numbers) is never touched.
 */
export type ValueClass = 'duration' | 'citation' | 'prose';

/**
 * Free text only people read. Names and titles are left alone: materials, fields and laws are matched by
 * name or title elsewhere (merged forms, citations), and so are enumerations and aliases.
 */
const PROSE_KEYS = new Set([
  'description',
  'eligibility',
  'note',
  'stepsNote',
  'statutoryLimitNote',
  'promisedLimitNote',
  'content',
  'text',
  'standard',
  'result',
  'channelNote',
  'paperSpec',
  'acceptanceStandard',
  'visitReason',
  'place',
  'hours',
  'quantityLimit',
  'question',
  'answer',
  'reductionBasis',
]);

let byFile: Map<string, SchemaNode> | undefined;

function files(): Map<string, SchemaNode> {
  byFile ??= new Map(schemaFiles().map((f) => [f.name, JSON.parse(f.text) as SchemaNode]));
  return byFile;
}

function follow(node: SchemaNode, file: string, key: string | undefined): SchemaAt {
  let current = node;
  let currentFile = file;
  let def: string | undefined;
  for (let i = 0; i < 8 && current.$ref !== undefined; i++) {
    const [refFile, fragment = ''] = current.$ref.split('#');
    const target = refFile ? refFile : currentFile;
    let n: unknown = files().get(target);
    const parts = fragment.split('/').filter(Boolean);
    for (const part of parts) n = (n as Record<string, unknown> | undefined)?.[part];
    if (n === undefined || n === null || typeof n !== 'object') break;
    if (parts[0] === '$defs') def = parts[1];
    current = n as SchemaNode;
    currentFile = target;
  }
  return { node: current, file: currentFile, def, key };
}

/** The schema of a whole document, by its `kind` (Project only in matterc.yaml); undefined for others. */
export function documentSchema(kind: unknown, projectFile: boolean): SchemaAt | undefined {
  const known = projectFile ? kind === 'Project' : isKind(kind);
  if (!known) return undefined;
  const file = schemaFileOf(kind as Parameters<typeof schemaFileOf>[0]);
  const node = files().get(file);
  return node ? follow(node, file, undefined) : undefined;
}

/** The schema of a property's value; undefined when the schema does not describe it. */
export function propertySchema(at: SchemaAt, key: string): SchemaAt | undefined {
  const prop = at.node.properties?.[key];
  if (prop === undefined || !Object.prototype.hasOwnProperty.call(at.node.properties, key)) return undefined;
  return follow(prop, at.file, key);
}

/** The schema of an array's items. */
export function itemSchema(at: SchemaAt): SchemaAt | undefined {
  return at.node.items ? follow(at.node.items, at.file, at.key) : undefined;
}

/**
 * Keys in canonical order: those the schema lists, in the schema's order, then the others in the order
 * they were written. Undefined when the node has no properties (the mapping is not reordered).
 */
export function canonicalOrder(at: SchemaAt, keys: readonly string[]): string[] | undefined {
  const props = at.node.properties;
  if (props === undefined) return undefined;
  const rank = new Map(Object.keys(props).map((k, i) => [k, i]));
  const known = keys.filter((k) => rank.has(k)).sort((a, b) => rank.get(a)! - rank.get(b)!);
  return [...known, ...keys.filter((k) => !rank.has(k))];
}

/** What fmt may normalize in a string at this schema position (see ValueClass). */
export function valueClass(at: SchemaAt, parentFile: string): ValueClass | undefined {
  if (at.def === 'duration') return 'duration';
  if (at.key === 'citation' && parentFile === 'matter.schema.json' && at.def === 'text') return 'citation';
  const plainText = at.def === 'text' || (at.def === undefined && at.node.type === 'string' && !at.node.enum);
  if (at.key !== undefined && PROSE_KEYS.has(at.key) && plainText) return 'prose';
  return undefined;
}
