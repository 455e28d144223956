import { readFileSync, statSync } from 'node:fs';
import { D, TERMS } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { decode } from './decode.js';
import type { InputFile } from './files.js';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Read and decode one file; problems become diagnostics, never exceptions. */
export function readSource(file: InputFile, maxFileSize: number, out: Diagnostic[]): SourceText | undefined {
  const empty = new SourceText(file.display, '');
  const at = { source: empty, range: { start: 0, end: 0 } };
  let bytes: Buffer;
  try {
    const size = statSync(file.path).size;
    if (size > maxFileSize) {
      out.push(diagnostic(D.fileTooLarge, at, { size: formatSize(size), limit: formatSize(maxFileSize) }));
      return undefined;
    }
    bytes = readFileSync(file.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? TERMS.readPermission
        : code === 'ENOENT'
          ? TERMS.readVanished
          : code === 'EISDIR'
            ? TERMS.readIsDirectory
            : { template: TERMS.readSystem, args: { code } };
    out.push(diagnostic(D.fileUnreadable, at, { reason }));
    return undefined;
  }
  if (bytes.length > maxFileSize) {
    out.push(
      diagnostic(D.fileTooLarge, at, { size: formatSize(bytes.length), limit: formatSize(maxFileSize) }),
    );
    return undefined;
  }
  const decoded = decode(file.display, bytes);
  out.push(...decoded.diagnostics);
  return decoded.ok ? decoded.source : undefined;
}
