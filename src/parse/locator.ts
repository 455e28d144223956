import type { Range } from '../diagnostics/diagnostic.js';

/**
 * The one place that maps a data path (a JSON pointer such as `/materials/0/name`, as ajv reports it)
 * to a text range: the value's range, and the key's range when the value sits in a mapping.
 */
export class Locator {
  private readonly values = new Map<string, Range>();
  private readonly keys = new Map<string, Range>();

  setValue(pointer: string, range: Range): void {
    this.values.set(pointer, range);
  }

  setKey(pointer: string, range: Range): void {
    this.keys.set(pointer, range);
  }

  valueRange(pointer: string): Range | undefined {
    return this.values.get(pointer);
  }

  keyRange(pointer: string): Range | undefined {
    return this.keys.get(pointer);
  }

  /** The value's range, or the nearest ancestor's when the path does not exist in the text. */
  nearest(pointer: string): Range {
    let p = pointer;
    for (;;) {
      const r = this.values.get(p);
      if (r) return r;
      if (p === '') return { start: 0, end: 0 };
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }

  /** Where to point for something about the mapping at `pointer` as a whole: its key, else its start. */
  container(pointer: string): Range {
    const key = this.keys.get(pointer);
    if (key) return key;
    const r = this.nearest(pointer);
    return { start: r.start, end: r.start };
  }
}
