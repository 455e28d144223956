import type { Text } from '../diagnostics/catalogue.js';
import type { Kind } from '../model/kinds.js';
import { schemaFileOf } from '../model/kinds.js';
import { schemaFiles } from './schemas.js';

interface Node {
  title?: string;
  $ref?: string;
  properties?: Record<string, Node>;
  items?: Node;
  $defs?: Record<string, Node>;
}

let byFile: Map<string, Node> | undefined;

function resolveRef(node: Node, file: string): { node: Node; file: string } {
  let current = { node, file };
  for (let i = 0; i < 8 && current.node.$ref; i++) {
    const [refFile, fragment] = current.node.$ref.split('#');
    const target = refFile ? refFile : current.file;
    let n: Node | undefined = byFile!.get(target);
    for (const part of (fragment ?? '').split('/').filter(Boolean))
      n = (n as Record<string, Node> | undefined)?.[part];
    if (!n) break;
    current = { node: n, file: target };
  }
  return current;
}

/**
 * The Chinese title of the schema node at a data pointer of a kind (array indices skipped), for
 * messages that name a property the way the editor shows it. Falls back to the last key.
 */
export function titleAt(kind: Kind, pointer: string): Text | string {
  byFile ??= new Map(schemaFiles().map((f) => [f.name, JSON.parse(f.text) as Node]));
  let file = schemaFileOf(kind);
  let node: Node | undefined = byFile.get(file);
  const parts = pointer.split('/').slice(1);
  for (const part of parts) {
    if (!node) break;
    if (/^\d+$/.test(part)) {
      node = node.items;
      continue;
    }
    const prop: Node | undefined = node.properties?.[part];
    if (!prop) {
      node = undefined;
      break;
    }
    node = prop;
    if (!prop.title && prop.$ref) {
      const r = resolveRef(prop, file);
      node = r.node;
      file = r.file;
    }
  }
  return node?.title ?? parts[parts.length - 1] ?? '';
}
