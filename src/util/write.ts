/**
 * Writing a file so that an interrupted run never leaves half of it (SPEC section 8): the text
 * goes to a temporary file in the same folder, which is then renamed (or hard-linked, to create
 * without replacing) into place. Shared by every writing command (`init`, `new`, `import`,
 * `schema`, `plan`).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

/**
 * - `created`: the file did not exist and now does;
 * - `replaced`: it existed and now holds the new content;
 * - `unchanged`: it existed with exactly this content (nothing was written);
 * - `exists`: it existed and the mode was `create` (nothing was written).
 */
export type WriteResult = 'created' | 'replaced' | 'unchanged' | 'exists';

export interface WriteOptions {
  /**
   * `replace` (the default) writes whatever is there; `create` writes only where no file is,
   * for commands that never overwrite without `--force`.
   */
  mode?: 'replace' | 'create';
}

const tempPath = (file: string) => join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);

const sameContent = (file: string, content: string | Uint8Array): boolean => {
  const old = readFileSync(file);
  return old.equals(typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
};

/**
 * Writes `content` to `file` atomically, creating its folder. In `create` mode an existing file
 * is never touched (the create is a hard link, which fails rather than replace, so two runs
 * racing for the same name cannot clobber each other).
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: WriteOptions = {}): WriteResult {
  try {
    return write(file, content, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && code in reasons) throw new UsageError(`cannot write ${file}: ${reasons[code]}`);
    throw error;
  }
}

/** File-system refusals that are the environment's doing, not kam's: exit 2 with one line. */
const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'a part of the path is a file, not a folder',
};

function write(file: string, content: string | Uint8Array, options: WriteOptions): WriteResult {
  const existed = existsSync(file);
  if (existed) {
    if (options.mode === 'create') return 'exists';
    if (statSync(file).isFile() && sameContent(file, content)) return 'unchanged';
  }
  mkdirSync(dirname(file), { recursive: true });
  const temp = tempPath(file);
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    if (existed) {
      chmodSync(temp, statSync(file).mode & 0o7777);
      renameSync(temp, file);
      return 'replaced';
    }
    return createFrom(temp, file);
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}

/** Moves `temp` to `file` unless `file` exists (created meanwhile by someone else). */
function createFrom(temp: string, file: string): WriteResult {
  try {
    linkSync(temp, file);
    return 'created';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'exists';
    // file systems without hard links: check, then rename (a narrow race, but never half a file)
    if (existsSync(file)) return 'exists';
    renameSync(temp, file);
    return 'created';
  }
}
