/**
 * Bytes to text, with the checks that come before any YAML parsing: what the file is (a regular
 * file inside the workspace), size, binary content and UTF-8. A failed check is a `Problem`
 * (data), never an exception.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
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

const problem = (rule: Code, message: string): Decoded => ({ problem: { rule, message, line: 1, column: 1 } });

/** What a non-regular file is, in a message's words. */
function kindOfEntry(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSymbolicLink()) return 'a link';
  return 'not a regular file';
}

/** `target` lies inside `folder` (both real paths). */
const inside = (folder: string, target: string) => {
  const rel = relative(folder, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

/** Where a workspace's files may lead: its real path, and the real paths of the folders asked about. */
export interface Confinement {
  root: string;
  realRoot: string;
  realDirs: Map<string, string>;
}

export function confine(root: string): Confinement {
  return { root, realRoot: realpathSync(root), realDirs: new Map() };
}

const O_READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
// a failed open of these is the file's doing: a finding at it, the other files still read
const UNREADABLE: Record<string, string> = { EACCES: 'permission denied', EPERM: 'operation not permitted', ENOENT: 'no such file', ELOOP: 'too many levels of links', EISDIR: 'it is a folder', EIO: 'input/output error' };

/**
 * Reads a file once: `lstat` (and `realpath` for a link) decides whether it may be opened at
 * all, before it is opened. A file whose real path leaves the workspace (`within`), or leads into
 * a `.git` folder, is `load/outside`; a folder, FIFO, socket or device is `load/not-a-file`;
 * neither is opened, and no message quotes anything of them. The open itself refuses to follow
 * a link or to block (a FIFO put in place since the check) and is held to the file checked. A
 * file over the limit is refused from its size, without reading it.
 */
export function readSource(path: string, within?: Confinement): Decoded {
  let real = path;
  let checked: Stats;
  try {
    checked = lstatSync(path);
    if (within) {
      const dir = dirname(path);
      let realDir = within.realDirs.get(dir);
      if (realDir === undefined) within.realDirs.set(dir, (realDir = realpathSync(dir)));
      real = checked.isSymbolicLink() ? realpathSync(path) : join(realDir, basename(path));
      const rel = relative(within.realRoot, real);
      if (!inside(within.realRoot, real)) return problem(fileCodes.outside, 'refusing to read a file outside the workspace (a link that leads out of it); nothing of it was read');
      if (rel.split(sep).includes('.git')) return problem(fileCodes.outside, "refusing to read git's own files (a link into .git); nothing of it was read");
      if (checked.isSymbolicLink()) checked = lstatSync(real);
    } else if (checked.isSymbolicLink()) {
      real = realpathSync(path);
      checked = lstatSync(real);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return problem(fileCodes.unreadable, `cannot read the file (${UNREADABLE[code] ?? code})`);
  }
  if (!checked.isFile()) return problem(fileCodes.notAFile, `refusing to read ${kindOfEntry(checked)}: only regular files are read; nothing of it was read`);
  let fd: number | undefined;
  try {
    fd = openSync(real, O_READ);
    const st = fstatSync(fd);
    if (!st.isFile() || st.ino !== checked.ino || st.dev !== checked.dev) return problem(fileCodes.notAFile, 'the file changed while it was being read (it is no longer the regular file checked); nothing of it was read');
    const size = st.size;
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
    return problem(fileCodes.unreadable, `cannot read the file (${UNREADABLE[code] ?? code})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A reader of workspace-relative files confined to the workspace at `root`. */
export function workspaceReader(root: string): (file: string) => Decoded {
  let within: Confinement | undefined;
  return (file) => readSource(join(root, file), (within ??= confine(root)));
}
