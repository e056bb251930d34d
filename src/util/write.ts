/**
 * Writing a file so that an interrupted run never leaves half of it (SPEC section 8): the text
 * goes to a temporary file in the same folder, which is then renamed (or hard-linked, to create
 * without replacing) into place. Shared by every writing command (`init`, `new`, `import`,
 * `schema`, `plan`).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statfsSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';

/** Virtual file systems (their `statfs` magic numbers): the kernel's views, where no plan belongs. */
const VIRTUAL_FS: Record<number, string> = {
  0x9fa0: 'proc',
  0x62656572: 'sysfs',
  0x27e0eb: 'cgroup',
  0x63677270: 'cgroup2',
  0x64626720: 'debugfs',
  0x74726163: 'tracefs',
  0x73636673: 'securityfs',
  0x62656570: 'configfs',
  0x6165676c: 'pstore',
  0xcafe4a11: 'bpf',
  0xde5e81e4: 'efivarfs',
  0x1cd1: 'devpts',
};
const VIRTUAL_ROOTS = ['/proc', '/sys'];

/**
 * Refuses a folder to write into that lies on a virtual file system (`/proc`, `/sys`, cgroups,
 * ...): a usage error, decided from the folder's path and from its closest existing parent's file
 * system before anything is created or written (recursive mkdir under /proc spins forever).
 */
export function assertRealFolder(folder: string, shown: string = folder): void {
  let at = resolve(folder);
  for (let i = 0; i < 4096 && !existsSync(at) && dirname(at) !== at; i++) at = dirname(at);
  let real = at;
  try {
    real = realpathSync(at);
  } catch {
    // unreadable: the write says why
  }
  const under = [resolve(folder), real].find((p) => VIRTUAL_ROOTS.some((v) => p === v || p.startsWith(`${v}${sep}`)));
  let type: string | undefined = under && (under.startsWith('/proc') ? 'proc' : 'sysfs');
  if (!type) {
    try {
      type = VIRTUAL_FS[Number(statfsSync(real).type)];
    } catch {
      type = undefined;
    }
  }
  if (type) throw new UsageError(`cannot write into ${shown}: it is on a virtual file system (${type}), not a folder for files; choose another folder`);
}

/**
 * - `created`: the file did not exist and now does;
 * - `replaced`: it existed and now holds the new content;
 * - `unchanged`: it existed with exactly this content (nothing was written);
 * - `exists`: it existed and the mode was `create` (nothing was written).
 */
export type WriteResult = 'created' | 'replaced' | 'unchanged' | 'exists' | 'changed';

/** What a file was when it was checked: a replacement goes ahead only while it still is. */
export interface Seen {
  ino: number;
  size: number;
  mtimeMs: number;
}

export const seenOf = (st: { ino: number; size: number; mtimeMs: number }): Seen => ({ ino: st.ino, size: st.size, mtimeMs: st.mtimeMs });

export interface WriteOptions {
  /**
   * `replace` (the default) writes whatever is there; `create` writes only where no file is,
   * for commands that never overwrite without `--force`.
   */
  mode?: 'replace' | 'create';
  /**
   * Compare-and-rename: replace only the file seen at the check (`changed` when it is another
   * now); `null`: it did not exist, so create only (`exists` when one appeared meanwhile).
   */
  expect?: Seen | null;
}

/**
 * kam's temporary files: `.<name>.<pid>-<12 hex>.tmp` beside the file they become. The ones
 * this process has open are known (`liveTemps`), so an interrupt removes them; the ones an
 * interrupted process left behind are removed by the next write into that folder.
 */
const tempPath = (file: string) => join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
const TEMP = /^\..+\.(?:(\d+)-)?[0-9a-f]{12}\.tmp$/;
const liveTemps = new Set<string>();

/** Removes the temporary files this process is writing (called on SIGINT and SIGTERM). */
export function removeLiveTemps(): void {
  for (const temp of liveTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // gone already
    }
  }
  liveTemps.clear();
}

const alive = (pid: number) => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const swept = new Set<string>();

/**
 * Removes the temporary files of kam's own pattern in `folder` that no running process writes:
 * what an interrupted run left. Each folder once per process. Returns how many it removed.
 */
export function sweepTemps(folder: string): number {
  if (swept.has(folder)) return 0;
  swept.add(folder);
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || (m[1] !== undefined && alive(Number(m[1])))) continue;
    try {
      unlinkSync(join(folder, name));
      removed++;
    } catch {
      // someone else removed it
    }
  }
  return removed;
}

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

/** `mkdir -p`, with the file system's refusal as a UsageError naming the folder. */
export function makeFolder(folder: string, shown: string = folder): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && code in reasons) throw new UsageError(`cannot create ${shown}: ${reasons[code]}`);
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
  ENOENT: 'a part of the path does not exist',
  ELOOP: 'too many levels of links',
  EIO: 'input/output error',
  EINVAL: 'the file system refuses it',
};

const same = (a: Seen, b: Seen) => a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

function write(file: string, content: string | Uint8Array, options: WriteOptions): WriteResult {
  sweepTemps(dirname(file));
  const existed = existsSync(file);
  if (options.expect === null && existed) return 'exists';
  if (options.expect && !(existed && same(options.expect, seenOf(lstatSync(file))))) return 'changed';
  if (existed) {
    if (options.mode === 'create') return 'exists';
    if (statSync(file).isFile() && sameContent(file, content)) return 'unchanged';
  }
  if (!existsSync(dirname(file))) {
    assertRealFolder(dirname(file));
    mkdirSync(dirname(file), { recursive: true });
  }
  const temp = tempPath(file);
  liveTemps.add(temp);
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    if (existed) {
      const now = lstatSync(file);
      // compare, then rename: a file put there since the check is not replaced
      if (options.expect && !same(options.expect, seenOf(now))) return 'changed';
      chmodSync(temp, now.mode & 0o7777);
      renameSync(temp, file);
      return 'replaced';
    }
    return createFrom(temp, file);
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
    liveTemps.delete(temp);
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
