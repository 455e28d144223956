import type { Kind } from '../model/kinds.js';

/**
 * Every reference in the language, written once: where it sits (a JSON pointer pattern, `*` for any
 * array index) and which kind it points to.
 */
export const REFERENCES: Readonly<Record<Kind, readonly { readonly path: string; readonly target: Kind }[]>> =
  {
    Matter: [
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
      { path: '/leadDepartment', target: 'Department' },
      { path: '/coDepartments/*', target: 'Department' },
      { path: '/components/*/matter', target: 'Matter' },
    ],
    List: [
      { path: '/extends/*', target: 'List' },
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
