import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { D, TERMS } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic, template } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { decode } from './decode.js';
import type { InputFile } from './files.js';

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Read and decode one file; problems become diagnostics, never exceptions. */
export function readSource(file: InputFile, maxFileSize: number, out: Diagnostic[]): SourceText | undefined {
  const empty = new SourceText(file.display, '');
  const at = { source: empty, range: { start: 0, end: 0 } };
  let read: Read;
  try {
    read = readBounded(file.path, maxFileSize);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? TERMS.readPermission
        : code === 'ENOENT'
          ? TERMS.readVanished
          : code === 'EISDIR'
            ? TERMS.readIsDirectory
            : SPECIAL_FILES.has(code)
              ? TERMS.readSpecialFile
              : template(TERMS.readSystem, { code });
    out.push(diagnostic(D.fileUnreadable, at, { reason }));
    return undefined;
  }
  if (read.bytes === undefined) {
    out.push(diagnostic(D.fileTooLarge, at, { size: formatSize(read.size), limit: formatSize(maxFileSize) }));
    return undefined;
  }
  const decoded = decode(file.display, read.bytes);
  for (const d of decoded.diagnostics) out.push(d);
  return decoded.ok ? decoded.source : undefined;
}

interface Read {
  readonly size: number;
  /** Undefined when the file is larger than the limit: it was not read. */
  readonly bytes: Buffer | undefined;
}

/**
 * The bytes of a regular file of at most `limit` bytes. A larger file is not read at all, and one that grows
 * while being read is read no further than the limit. Anything but a regular file (a FIFO, a socket,
 * /dev/zero) is refused before it is read: it could block forever or never end.
 */
function readBounded(path: string, limit: number): Read {
  // Non-blocking, so that opening a FIFO nobody writes to returns at once (no effect on regular files).
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw errno('EISDIR');
    if (!st.isFile()) throw errno(specialFileCode(st));
    if (st.size > limit) return { size: st.size, bytes: undefined };
    let buffer = Buffer.allocUnsafe(Math.min(st.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) return { size: Math.max(fstatSync(fd).size, length), bytes: undefined };
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { size: length, bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}

const SPECIAL_FILES = new Set(['FIFO', 'SOCKET', 'CHARACTER_DEVICE', 'BLOCK_DEVICE', 'NOT_A_FILE']);

/** What kind of special file this is, shown as the system error's code. */
function specialFileCode(st: Stats): string {
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'SOCKET';
  if (st.isCharacterDevice()) return 'CHARACTER_DEVICE';
  if (st.isBlockDevice()) return 'BLOCK_DEVICE';
  return 'NOT_A_FILE';
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}
