import type { Kind } from '../model/kinds.js';

export interface Reference {
  /** Where it sits: a JSON pointer pattern, `*` for any array index. */
  readonly path: string;
  /** The kind it points to. */
  readonly target: Kind;
  /** A hierarchy (`extends`, `refines`): following it must never come back to where it started. */
  readonly acyclic?: true;
}

/** Every reference in the language, written once. */
export const REFERENCES: Readonly<Record<Kind, readonly Reference[]>> = {
  Matter: [
    { path: '/refines', target: 'Matter', acyclic: true },
    { path: '/department', target: 'Department' },
    { path: '/entrustingDepartment', target: 'Department' },
    { path: '/coDepartments/*', target: 'Department' },
    { path: '/basis/*/law', target: 'Law' },
    { path: '/fields/*/field', target: 'Field' },
    { path: '/materials/*/material', target: 'Material' },
    { path: '/steps/*/department', target: 'Department' },
    { path: '/produces/*', target: 'Material' },
  ],
  Bundle: [
    { path: '/refines', target: 'Bundle', acyclic: true },
    { path: '/leadDepartment', target: 'Department' },
    { path: '/coDepartments/*', target: 'Department' },
    { path: '/components/*/matter', target: 'Matter' },
  ],
  List: [
    { path: '/extends/*', target: 'List', acyclic: true },
    { path: '/items/*/bundle', target: 'Bundle' },
    { path: '/items/*/leadDepartment', target: 'Department' },
  ],
  Department: [{ path: '/parent', target: 'Department' }],
  Law: [{ path: '/supersededBy', target: 'Law' }],
  Material: [{ path: '/issuer', target: 'Department' }],
  Field: [],
};

/** Every (pointer, value) in `value` matching a pointer pattern. */
export function select(value: unknown, pattern: string): { pointer: string; value: unknown }[] {
  const parts = pattern.split('/').slice(1);
  let current: { pointer: string; value: unknown }[] = [{ pointer: '', value }];
  for (const part of parts) {
    const next: { pointer: string; value: unknown }[] = [];
    for (const c of current) {
      if (part === '*') {
        if (Array.isArray(c.value)) {
          for (const [i, v] of c.value.entries()) next.push({ pointer: `${c.pointer}/${i}`, value: v });
        }
      } else if (c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value)) {
        if (Object.hasOwn(c.value, part)) {
          next.push({ pointer: `${c.pointer}/${part}`, value: (c.value as Record<string, unknown>)[part] });
        }
      }
    }
    current = next;
  }
  return current;
}
