import { D } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';

export type Decoded =
  | { readonly ok: true; readonly source: SourceText; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF8_LOSSY = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Strict UTF-8 decoding. A BOM is removed before any position is computed. GBK/GB18030 files are
 * recognised and reported with their first line as GBK would show it; binary files are refused.
 */
export function decode(path: string, bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // Decode everything before the NUL (not just a prefix) so that its line and column are right.
    const source = new SourceText(path, UTF8_LOSSY.decode(bytes.subarray(0, nul)));
    return {
      ok: false,
      diagnostics: [
        diagnostic(D.binaryFile, { source, range: { start: source.text.length, end: source.text.length } }),
      ],
    };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    const gbkLine = asGbkFirstLine(body);
    let bad = firstInvalidUtf8(body);
    // GBK bytes often pass for UTF-8 for a character or two (CA B3 is a valid U+02B3): point at the start of
    // the run of non-ASCII bytes the first invalid byte belongs to, where the GBK text begins.
    if (gbkLine !== undefined) while (bad > 0 && body[bad - 1]! >= 0x80) bad--;
    const prefix = UTF8_LOSSY.decode(body.subarray(0, bad));
    const source = new SourceText(path, UTF8_LOSSY.decode(body));
    const at = { source, range: { start: prefix.length, end: prefix.length + 1 } };
    return {
      ok: false,
      diagnostics: [
        gbkLine === undefined
          ? diagnostic(D.invalidUtf8, at)
          : diagnostic(D.gbkEncoding, at, { line: gbkLine }),
      ],
    };
  }
  const source = new SourceText(path, text);
  const diagnostics = bom ? [diagnostic(D.byteOrderMark, { source, range: { start: 0, end: 0 } })] : [];
  return { ok: true, source, diagnostics };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    const d1 = b[i + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    if (
      (c === 0xe0 && d1 < 0xa0) ||
      (c === 0xed && d1 > 0x9f) ||
      (c === 0xf0 && d1 < 0x90) ||
      (c === 0xf4 && d1 > 0x8f)
    ) {
      return i;
    }
    i += n + 1;
  }
  return b.length;
}

/** The first line decoded as GB18030 when the bytes are valid GB18030 and contain Chinese; else undefined. */
function asGbkFirstLine(b: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(b);
  } catch {
    return undefined;
  }
  if (!/[\u3400-\u9fff]/.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => /[\u3400-\u9fff]/.test(l)) ?? lines[0] ?? '';
  return first.length > 80 ? `${first.slice(0, 80)}…` : first;
}
