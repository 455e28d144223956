import { TERMS, type Text } from '../diagnostics/catalogue.js';

export const KINDS = ['Matter', 'Bundle', 'List', 'Department', 'Law', 'Material', 'Field'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Readonly<Record<Kind, Text>> = {
  Matter: TERMS.kindMatter,
  Bundle: TERMS.kindBundle,
  List: TERMS.kindList,
  Department: TERMS.kindDepartment,
  Law: TERMS.kindLaw,
  Material: TERMS.kindMaterial,
  Field: TERMS.kindField,
};

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/** The schema file of a kind, as `matterc schema` writes it. */
export function schemaFileOf(kind: Kind | 'Project'): string {
  return `${kind.toLowerCase()}.schema.json`;
}
