/**
 * A loaded text with lazily computed line starts; offsets are UTF-16 indices into `text`. The text may
 * itself be loaded lazily (`SourceText.lazy`): a file whose values came from a helper thread or the cache
 * is read again only if a diagnostic needs a position in it, so a clean file's text is never kept.
 */
export class SourceText {
  private lineStarts: number[] | undefined;
  /** Lines holding a character outside the BMP, where columns must be counted by code point. */
  private astralLines: Set<number> | undefined;
  private loaded: string | undefined;
  private load: (() => string) | undefined;

  constructor(
    /** The path shown to users (relative to the working directory when possible). */
    readonly path: string,
    text: string,
  ) {
    this.loaded = text;
  }

  /** A source whose text is `load()`, called once, when first needed. */
  static lazy(path: string, load: () => string): SourceText {
    const source = new SourceText(path, '');
    source.loaded = undefined;
    source.load = load;
    return source;
  }

  get text(): string {
    if (this.loaded === undefined) {
      this.loaded = this.load!();
      this.load = undefined;
    }
    return this.loaded;
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      const astral = new Set<number>();
      const text = this.text;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
        else if (c >= 0xd800 && c <= 0xdbff) astral.add(starts.length - 1);
      }
      this.lineStarts = starts;
      this.astralLines = astral;
    }
    return this.lineStarts;
  }

  /** 1-based line and column; the column counts code points, so a character outside the BMP is one column. */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between the CR and the LF of a CRLF is still the end of the line, not a column past it.
    if (clamped > 0 && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13)
      return { ...this.position(clamped - 1), offset: clamped };
    const starts = this.starts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo] ?? 0;
    // Constant time unless the line holds astral characters (then count code points).
    const column =
      (this.astralLines!.has(lo) ? codePointLength(this.text, lineStart, clamped) : clamped - lineStart) + 1;
    return { line: lo + 1, column, offset: clamped, utf16Column: clamped - lineStart + 1 };
  }

  lineText(line: number): string {
    const starts = this.starts();
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    const end = next === undefined ? this.text.length : next;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }

  get lineCount(): number {
    return this.starts().length;
  }
}

export interface Position {
  line: number;
  column: number;
  offset: number;
  utf16Column: number;
}

function codePointLength(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
