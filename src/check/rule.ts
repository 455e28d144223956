import type { CatalogueEntry } from '../diagnostics/catalogue.js';
import {
  type Args,
  type ArgsAndOptions,
  type Diagnostic,
  type DiagnosticOptions,
  diagnostic,
} from '../diagnostics/diagnostic.js';
import type { SymbolTable } from '../link/link.js';
import type { Doc } from '../model/document.js';
import type { Kind } from '../model/kinds.js';
import { firstLine } from '../parse/yaml.js';

/** A check from practice: one rule per file, with the codes it owns. */
export interface Rule<T = unknown> {
  /** Kebab-case, equal to the file name. */
  readonly name: string;
  readonly kind: Kind;
  readonly codes: readonly CatalogueEntry[];
  /**
   * The keys it reads, as dotted paths in its kind's schema (`[]` for list items): docs/fields.md lists
   * the rules under each key, and a test holds every path to a key the schema has.
   */
  readonly reads: readonly string[];
  check(value: T, ctx: RuleContext): void;
}

export interface RuleContext {
  readonly doc: Doc;
  readonly table: SymbolTable;
  /** Report at the value at `pointer` (or, with `{ key: true }`, at its key). */
  report<E extends CatalogueEntry>(
    entry: E,
    pointer: string,
    ...rest: ArgsAndOptions<E, DiagnosticOptions & { key?: boolean }>
  ): void;
}

export function makeContext(doc: Doc, table: SymbolTable, out: Diagnostic[]): RuleContext {
  return {
    doc,
    table,
    report(entry, pointer, ...rest) {
      const [args = {}, options = {}] = rest as unknown as [Args?, (DiagnosticOptions & { key?: boolean })?];
      const range = options.key
        ? (doc.locator.keyRange(pointer) ?? doc.locator.nearest(pointer))
        : doc.locator.nearest(pointer);
      out.push(
        diagnostic<CatalogueEntry>(entry, { source: doc.source, range: firstLine(doc.source, range) }, args, {
          ...options,
          path: options.path ?? `${doc.kind}:${doc.id ?? '?'}${pointer}`,
        }),
      );
    },
  };
}
