import type { Text } from '../diagnostics/catalogue.js';

export const KINDS = ['Matter', 'Bundle', 'List', 'Department', 'Law', 'Material', 'Field'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Readonly<Record<Kind, Text>> = {
  Matter: { zh: '事项', en: 'matter' },
  Bundle: { zh: '一件事', en: 'bundle' },
  List: { zh: '清单', en: 'list' },
  Department: { zh: '部门', en: 'department' },
  Law: { zh: '法律法规', en: 'law' },
  Material: { zh: '材料', en: 'material' },
  Field: { zh: '数据元', en: 'field' },
};

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/** The schema file of a kind, as `matterc schema` writes it. */
export function schemaFileOf(kind: Kind | 'Project'): string {
  return `${kind.toLowerCase()}.schema.json`;
}
