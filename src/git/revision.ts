/**
 * A workspace as it was at a git revision, read through git itself (SPEC section 8): one
 * `git ls-tree` lists the workspace's files at the revision and one long-lived
 * `git cat-file --batch` reads all of them. Nothing is checked out; the working tree is untouched.
 *
 * `loadWorkspace(root, { list, read })` then loads the revision exactly as it loads the working
 * tree. Git runs through `run.ts`.
 */
import { fileCodes } from '../codes.js';
import { UsageError } from '../errors.js';
import { MAX_BYTES, decode, type Decoded } from '../load/read.js';
import { selectWorkspaceFiles } from '../load/workspace.js';
import { defaultSpawn, runGit, type GitResult, type Spawn } from './run.js';

export type { Spawn };

export interface Repo {
  /** the repository's top level (as git prints it) */
  top: string;
  /** the workspace's folder inside the repository, `/`-separated, ending in `/`; '' at the top */
  prefix: string;
  /** the workspace folder on disk */
  root: string;
  spawn: Spawn;
}

export interface RevisionSource {
  /** the revision as the user wrote it */
  revision: string;
  /** the commit it names */
  commit: string;
  /** workspace-relative files at that commit, in the order `listWorkspaceFiles` gives */
  list: string[];
  /** the decoded text of one of `list` (a size, binary or UTF-8 problem is data, as on disk) */
  read: (file: string) => Decoded;
}

/** Runs git to completion; a git that cannot be started is a usage error. */
const run = (spawn: Spawn, cwd: string, args: readonly string[], input?: string): Promise<GitResult> =>
  runGit(spawn, cwd, args, input).catch((error: unknown) => {
    throw gitMissing(error);
  });

const firstLine = (text: string) => text.split('\n')[0].replace(/^fatal: /, '').trim();

function gitMissing(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' ? new UsageError('git is not installed (or not on PATH): kam diff needs it') : (error as Error);
}

/** The repository holding the workspace folder `root`; UsageError when there is none. */
export async function openRepo(root: string, options: { spawn?: Spawn } = {}): Promise<Repo> {
  const spawn = options.spawn ?? defaultSpawn;
  const r = await run(spawn, root, ['rev-parse', '--show-toplevel', '--show-prefix']);
  if (r.code !== 0) {
    const why = firstLine(r.stderr);
    throw new UsageError(/not a git repository/i.test(why) || !why ? `not a git repository: ${root}` : `git cannot read ${root}: ${why}`);
  }
  const [top, prefix = ''] = r.stdout.toString('utf8').split('\n');
  return { top, prefix, root, spawn };
}

/** The commit a revision names; UsageError "unknown revision" when it names none. */
export async function resolveRevision(repo: Repo, revision: string): Promise<string> {
  // a revision starting with `-` would be read as an option
  if (revision === '' || revision.startsWith('-')) throw new UsageError(`unknown revision: ${revision}`);
  const r = await run(repo.spawn, repo.top, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  const commit = r.stdout.toString('utf8').trim();
  if (r.code !== 0 || !/^[0-9a-f]{40,64}$/.test(commit)) throw new UsageError(`unknown revision: ${revision}`);
  return commit;
}

interface TreeEntry {
  file: string;
  oid: string;
  size: number;
}

/** One `git ls-tree -r -z -l` of the workspace folder: regular files (no symlinks, no submodules). */
async function listTree(repo: Repo, commit: string): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, ...(repo.prefix ? ['--', repo.prefix] : [])];
  const r = await run(repo.spawn, repo.top, args);
  if (r.code !== 0) throw new UsageError(`git cannot list ${commit.slice(0, 7)}: ${firstLine(r.stderr)}`);
  const entries: TreeEntry[] = [];
  for (const record of r.stdout.toString('utf8').split('\0')) {
    if (!record) continue;
    // <mode> SP <type> SP <object> SP+ <size> TAB <path>
    const tab = record.indexOf('\t');
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    const path = record.slice(tab + 1);
    if (type !== 'blob' || !(mode === '100644' || mode === '100755') || !path.startsWith(repo.prefix)) continue;
    entries.push({ file: path.slice(repo.prefix.length), oid, size: Number(size) });
  }
  return entries;
}

/**
 * The contents of `oids` through ONE `git cat-file --batch`: every id goes to its stdin at once;
 * its stdout is a sequence of `<oid> <type> <size>\n<bytes>\n` frames (`<oid> missing\n` for
 * an unknown id), parsed here.
 */
export async function readBlobs(repo: Repo, oids: readonly string[]): Promise<Map<string, Uint8Array>> {
  const blobs = new Map<string, Uint8Array>();
  const unique = [...new Set(oids)];
  if (unique.length === 0) return blobs;
  const r = await run(repo.spawn, repo.top, ['cat-file', '--batch'], unique.map((oid) => `${oid}\n`).join(''));
  if (r.code !== 0) throw new UsageError(`git cannot read the workspace files: ${firstLine(r.stderr)}`);
  return parseBatch(r.stdout);
}

/** Parses `git cat-file --batch` output into object id → bytes (missing objects are left out). */
export function parseBatch(out: Buffer): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol === -1) throw new Error('git cat-file: truncated header');
    const header = out.toString('utf8', at, eol).split(' ');
    at = eol + 1;
    if (header[1] === 'missing' || header[1] === 'ambiguous') continue;
    const size = Number(header[2]);
    // the bytes, then a newline
    if (!Number.isInteger(size) || at + size >= out.length || out[at + size] !== 0x0a) throw new Error(`git cat-file: bad frame "${header.join(' ')}"`);
    blobs.set(header[0], out.subarray(at, at + size));
    at += size + 1;
  }
  return blobs;
}

/**
 * The workspace at `revision`: its file list and a reader, from one `ls-tree` and one `cat-file`.
 * Files over the 1 MiB limit are refused from their size, never read (as on disk).
 */
export async function readRevision(repo: Repo, revision: string): Promise<RevisionSource> {
  const commit = await resolveRevision(repo, revision);
  const entries = await listTree(repo, commit);
  const list = selectWorkspaceFiles(entries.map((e) => e.file));
  const byFile = new Map(entries.map((e) => [e.file, e]));
  const wanted = list.map((f) => byFile.get(f)!).filter((e) => e.size <= MAX_BYTES);
  const blobs = await readBlobs(repo, wanted.map((e) => e.oid));
  const read = (file: string): Decoded => {
    const entry = byFile.get(file);
    if (entry && entry.size > MAX_BYTES) return decode({ length: entry.size } as Uint8Array);
    const bytes = entry && blobs.get(entry.oid);
    // a listed file whose object git does not have: a shallow or partial clone
    if (!bytes) return { problem: { rule: fileCodes.unreadable, message: `git has no content for this file at ${revision} (a shallow or partial clone?)`, line: 1, column: 1 } };
    return decode(bytes);
  };
  return { revision, commit, list, read };
}
