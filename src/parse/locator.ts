import type { Range } from '../diagnostics/diagnostic.js';
import { type ScalarStyle, scalarMap } from './scalar.js';

/**
 * The one place that maps a data path (a JSON pointer such as `/materials/0/name`, as ajv reports it)
 * to a text range: the value's range, and the key's range when the value sits in a mapping.
 */
export class Locator {
  private values = new Map<string, Range>();
  private keys = new Map<string, Range>();
  private scalars = new Map<string, ScalarStyle>();
  /** For a document parsed without positions: how to get them, the first time one is asked for. */
  private load: (() => Locator | undefined) | undefined;

  /** A locator whose positions are computed by `load` only when first needed (the fast parse path). */
  static lazy(load: () => Locator | undefined): Locator {
    const locator = new Locator();
    locator.load = load;
    return locator;
  }

  /** Have the positions been computed (always true for a locator that is not lazy)? */
  get loaded(): boolean {
    return this.load === undefined;
  }

  private ensure(): void {
    if (this.load === undefined) return;
    const full = this.load();
    this.load = undefined;
    if (!full) return;
    full.ensure();
    this.values = full.values;
    this.keys = full.keys;
    this.scalars = full.scalars;
  }

  setValue(pointer: string, range: Range): void {
    this.values.set(pointer, range);
  }

  /** Remember how a string scalar was written, so offsets inside its value can be mapped back. */
  setScalarStyle(pointer: string, style: ScalarStyle): void {
    this.scalars.set(pointer, style);
  }

  /**
   * The source range of characters [from, to) of the string value at `pointer`, for problems found
   * inside the value (a condition, a citation). Falls back to the whole value.
   */
  insideValue(pointer: string, text: string, value: string, from: number, to: number): Range {
    this.ensure();
    const range = this.values.get(pointer);
    const style = this.scalars.get(pointer);
    if (!range) return this.nearest(pointer);
    if (!style) return range;
    const map = scalarMap(text, range.start, range.end, style, value);
    if (!map.exact) return range;
    const start = map.offsetOf(from);
    const end = to > from ? map.offsetOf(to - 1) + 1 : start;
    return { start, end: Math.max(end, start) };
  }

  setKey(pointer: string, range: Range): void {
    this.keys.set(pointer, range);
  }

  valueRange(pointer: string): Range | undefined {
    this.ensure();
    return this.values.get(pointer);
  }

  keyRange(pointer: string): Range | undefined {
    this.ensure();
    return this.keys.get(pointer);
  }

  /** The value's range, or the nearest ancestor's when the path does not exist in the text. */
  nearest(pointer: string): Range {
    this.ensure();
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
    this.ensure();
    const key = this.keys.get(pointer);
    if (key) return key;
    const r = this.nearest(pointer);
    return { start: r.start, end: r.start };
  }
}
