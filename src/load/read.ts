/**
 * Bytes to text, with the checks that come before any YAML parsing: size, binary content and
 * UTF-8. A failed check is a `Problem` (data), never an exception.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileCodes, type Code } from '../codes.js';
import { LineIndex } from './locate.js';

export const MAX_BYTES = 1024 * 1024;

/** A problem in one file, before it is tied to a workspace path and an account. */
export interface Problem {
  rule: Code;
  message: string;
  line: number;
  column: number;
}

export type Decoded = { text: string; problem?: undefined } | { text?: undefined; problem: Problem };


/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    const second = bytes[i + 1];
    // no overlong forms, no UTF-16 surrogates, nothing above U+10FFFF
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return bytes.length;
}

function at(bytes: Uint8Array, offset: number, rule: Code, message: string): Problem {
  // the bytes before `offset` are valid UTF-8, so they decode to the text a user's editor shows
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  return { rule, message, ...new LineIndex(before).position(before.length) };
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_BYTES) {
    return { problem: { rule: fileCodes.tooLarge, message: `file is ${bytes.length} bytes; the limit is ${MAX_BYTES} (1 MiB)`, line: 1, column: 1 } };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { problem: at(bytes, Math.min(nul, firstInvalidUtf8(bytes)), fileCodes.binary, 'binary file (NUL byte): a plan file must be UTF-8 text') };
  if (!isUtf8(bytes)) {
    const bad = Math.min(firstInvalidUtf8(bytes), bytes.length - 1);
    return { problem: at(bytes, bad, fileCodes.encoding, `not UTF-8: byte 0x${bytes[bad].toString(16).padStart(2, '0')} is not valid here; save the file as UTF-8`) };
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/**
 * Reads a file once, with the system calls of a plain read (open, fstat, read, close); a file
 * over the limit is refused from its size, without reading it.
 */
export function readSource(path: string): Decoded {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_BYTES) return decode({ length: size } as Uint8Array);
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decode(bytes.subarray(0, read));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { problem: { rule: fileCodes.unreadable, message: `cannot read the file (${code})`, line: 1, column: 1 } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
