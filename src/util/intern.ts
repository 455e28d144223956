import type { Value } from '../parse/yaml.js';

/**
 * One copy of each repeated string. Values that arrive from helper threads or from the cache are
 * fresh copies, one per occurrence; across a province the same department names, material names,
 * legal titles and enumeration values recur thousands of times. Interning them in place keeps one.
 * Very long strings are left alone (they rarely repeat and hashing them costs more than it saves).
 */
export class Interner {
  private readonly strings = new Map<string, string>();

  constructor(private readonly maxLength = 256) {}

  /** Replace, inside `value`, every string by its first occurrence; returns `value` (or its string). */
  intern<T extends Value>(value: T): T {
    if (typeof value === 'string') return this.string(value) as T;
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.intern(value[i]!);
      return value;
    }
    const object = value as { [key: string]: Value };
    for (const key in object) object[key] = this.intern(object[key]!);
    return value;
  }

  private string(text: string): string {
    if (text.length > this.maxLength) return text;
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }
}
