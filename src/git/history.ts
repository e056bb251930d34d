/**
 * The workspace's git history, read through git itself in a constant number of processes: one
 * `git log` lists the commits that changed the workspace, and ONE long-lived
 * `git cat-file --batch` reads every commit, tree and file of them (never one process per file
 * or per revision). Trees and files are cached by git object id, so a folder or a file that did
 * not change between revisions is read once (and the caller parses it once: `blobId`).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileCodes } from '../codes.js';
import { UsageError } from '../errors.js';
import { MAX_BYTES, decode, type Decoded } from '../load/read.js';
import { selectWorkspaceFiles } from '../load/workspace.js';
import { resolveRevision, type Repo } from './revision.js';
import { runGit } from './run.js';

export interface Commit {
  commit: string;
  /** the committer date, YYYY-MM-DD (in the committer's time zone) */
  date: string;
  /** seconds since the epoch */
  time: number;
  subject: string;
}

export interface HistoryOptions {
  /** the last revision (default HEAD) or, as YYYY-MM-DD, the last date */
  until?: string;
  /** the first revision (included) or, as YYYY-MM-DD, the first date */
  since?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a folder lies in a git working tree, from the file system alone (a `.git` folder or
 * file here or above): `kam plan` asks git for the history only then, so a folder outside git
 * starts no process.
 */
export function inGitWorkTree(folder: string): boolean {
  for (let at = folder; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return true;
    if (dirname(at) === at) return false;
  }
}
const firstLine = (text: string) => text.split('\n')[0].replace(/^fatal: /, '').trim();

/** The workspace files' pathspecs: only commits touching them count as changing the workspace. */
const pathspecs = (prefix: string) => ['kam.yaml', 'kam.yml', 'self.yaml', 'self.yml', 'accounts', 'competitors'].map((p) => `${prefix}${p}`);

/**
 * The commits on the first-parent line up to `until` that changed the workspace's files, oldest
 * first, from ONE `git log`. `since` as a revision starts the list at that commit (included).
 */
export async function workspaceCommits(repo: Repo, options: HistoryOptions = {}): Promise<Commit[]> {
  const until = options.until ?? 'HEAD';
  const dateUntil = DATE.test(until);
  const tip = await resolveRevision(repo, dateUntil ? 'HEAD' : until);
  const range: string[] = [tip];
  const since = options.since;
  let start: string | undefined;
  if (since !== undefined && !DATE.test(since)) {
    start = await resolveRevision(repo, since);
    range.push(`^${start}`);
  }
  const args = ['--literal-pathspecs', 'log', '--first-parent', '-z', '--format=%H%x1f%ct%x1f%cs%x1f%s'];
  if (dateUntil) args.push(`--until=${until} 23:59:59`);
  if (since !== undefined && DATE.test(since)) args.push(`--since=${since} 00:00:00`);
  args.push(...range, '--', ...pathspecs(repo.prefix));
  const r = await runGit(repo.spawn, repo.top, args);
  if (r.code !== 0) throw new UsageError(`git cannot list the history: ${firstLine(r.stderr)}`);
  const commits = parseLog(r.stdout.toString('utf8'));
  if (start !== undefined && !commits.some((c) => c.commit === start)) {
    // the first revision itself, even when it did not change the workspace: the series start there
    const one = await runGit(repo.spawn, repo.top, ['log', '-1', '-z', '--format=%H%x1f%ct%x1f%cs%x1f%s', start]);
    commits.push(...parseLog(one.stdout.toString('utf8')));
  }
  return commits.reverse();
}

export function parseLog(out: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of out.split('\0')) {
    const line = record.replace(/^\n/, '');
    if (!line) continue;
    const [commit, time, date, ...subject] = line.split('\x1f');
    commits.push({ commit, time: Number(time), date, subject: subject.join('\x1f') });
  }
  return commits;
}

interface BatchObject {
  type: string;
  size: number;
  data: Buffer;
}

/**
 * One `git cat-file --batch` kept open: ids go to its stdin as they are asked for, answers come
 * back in order on its stdout (`<oid> <type> <size>\n<bytes>\n`, or `<oid> missing\n`).
 */
export class CatFile {
  private child: ChildProcess;
  private pending: { resolve: (o: BatchObject | undefined) => void; reject: (e: Error) => void }[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failed: Error | undefined;
  private stderr = '';

  constructor(repo: Repo) {
    this.child = repo.spawn('git', ['cat-file', '--batch'], { cwd: repo.top });
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.child.stderr?.on('data', (b: Buffer) => (this.stderr += b.toString('utf8')));
    this.child.stdin?.on('error', () => undefined);
    const fail = (error: Error) => {
      this.failed ??= error;
      for (const p of this.pending.splice(0)) p.reject(this.failed);
    };
    this.child.on('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'ENOENT' ? new UsageError('git is not installed (or not on PATH): kam trend needs it') : error),
    );
    this.child.on('close', () => fail(new UsageError(`git cannot read the history${this.stderr ? `: ${firstLine(this.stderr)}` : ''}`)));
  }

  private drain(): void {
    while (this.pending.length > 0) {
      const eol = this.buffer.indexOf(0x0a);
      if (eol === -1) return;
      const header = this.buffer.toString('utf8', 0, eol).split(' ');
      if (header[1] === 'missing' || header[1] === 'ambiguous') {
        this.buffer = this.buffer.subarray(eol + 1);
        this.pending.shift()!.resolve(undefined);
        continue;
      }
      const size = Number(header[2]);
      if (this.buffer.length < eol + 1 + size + 1) return;
      const data = this.buffer.subarray(eol + 1, eol + 1 + size);
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.pending.shift()!.resolve({ type: header[1], size, data });
    }
  }

  /** The objects of `oids`, in order (undefined for one git does not have), asked for at once. */
  read(oids: readonly string[]): Promise<(BatchObject | undefined)[]> {
    if (this.failed) return Promise.reject(this.failed);
    const answers = oids.map((oid) => new Promise<BatchObject | undefined>((resolve, reject) => this.pending.push({ resolve, reject })));
    this.child.stdin?.write(oids.map((oid) => `${oid}\n`).join(''));
    return Promise.all(answers);
  }

  close(): void {
    this.failed ??= new Error('closed');
    this.child.stdin?.end();
  }
}

interface TreeEntry {
  mode: string;
  name: string;
  oid: string;
}

function parseTree(data: Buffer, oidBytes: number): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const nul = data.indexOf(0, space);
    const mode = data.toString('latin1', at, space);
    const name = data.toString('utf8', space + 1, nul);
    const oid = data.toString('hex', nul + 1, nul + 1 + oidBytes);
    entries.push({ mode, name, oid });
    at = nul + 1 + oidBytes;
  }
  return entries;
}

/** A workspace file at a revision: its path and its blob's id. */
export interface RevisionFile {
  file: string;
  oid: string;
}

/** The workspace at one commit: its files (as `listWorkspaceFiles` orders them) and their blob ids. */
export interface RevisionTree {
  commit: string;
  list: string[];
  oids: ReadonlyMap<string, string>;
}

/**
 * Reads the workspace at many revisions through one `cat-file --batch`, caching trees and files
 * by object id: `treesAt(commits)` lists the workspace at each, `load(oids)` reads files in one
 * request and `read(oid)` gives one decoded (each id read once).
 */
export class HistoryReader {
  private cat: CatFile;
  private trees = new Map<string, TreeEntry[]>();
  private blobs = new Map<string, Decoded>();
  /** objects read from git, for the tests and the benchmark */
  objectsRead = 0;

  constructor(private repo: Repo) {
    this.cat = new CatFile(repo);
  }

  private async objects(oids: readonly string[]): Promise<(BatchObject | undefined)[]> {
    this.objectsRead += oids.length;
    return this.cat.read(oids);
  }

  /** The trees of `oids` not read yet, in one request. */
  private async readTrees(oids: readonly (string | undefined)[]): Promise<void> {
    const wanted = [...new Set(oids.filter((o): o is string => o !== undefined && !this.trees.has(o)))];
    if (wanted.length === 0) return;
    const got = await this.objects(wanted);
    wanted.forEach((oid, i) => {
      const o = got[i];
      this.trees.set(oid, o && o.type === 'tree' ? parseTree(o.data, oid.length / 2) : []);
    });
  }

  /** The entry `name` (a folder) of each tree: their ids, read in one request. */
  private async subtrees(trees: readonly (string | undefined)[], name: string): Promise<(string | undefined)[]> {
    await this.readTrees(trees);
    return trees.map((t) => (t === undefined ? undefined : this.trees.get(t)!.find((e) => e.name === name && e.mode === '40000')?.oid));
  }

  /**
   * The workspace's files at each of `commits` (regular files only: no links, no submodules).
   * Level by level for all commits at once: the commits, then each folder down to the workspace,
   * then its `accounts/` and `competitors/`, a request each, so the round trips to git do not
   * grow with the number of revisions.
   */
  async treesAt(commits: readonly string[]): Promise<RevisionTree[]> {
    const objects = await this.objects(commits);
    let roots: (string | undefined)[] = objects.map((c, i) => {
      if (!c || c.type !== 'commit') throw new UsageError(`git has no commit ${commits[i].slice(0, 7)}`);
      return /^tree ([0-9a-f]+)/.exec(c.data.toString('latin1', 0, 100))?.[1];
    });
    for (const part of this.repo.prefix.split('/').filter(Boolean)) roots = await this.subtrees(roots, part);
    const accounts = await this.subtrees(roots, 'accounts');
    const competitors = await this.subtrees(roots, 'competitors');
    await this.readTrees([...accounts, ...competitors]);
    return commits.map((commit, i) => {
      const files = new Map<string, string>();
      const add = (tree: string | undefined, folder: string) => {
        if (tree === undefined) return;
        for (const e of this.trees.get(tree)!) if (e.mode === '100644' || e.mode === '100755') files.set(`${folder}${e.name}`, e.oid);
      };
      add(roots[i], '');
      add(accounts[i], 'accounts/');
      add(competitors[i], 'competitors/');
      const list = selectWorkspaceFiles([...files.keys()]);
      return { commit, list, oids: new Map(list.map((f) => [f, files.get(f)!])) };
    });
  }

  /** Reads the files of `oids` not read yet, in one request. */
  async load(oids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(oids)].filter((oid) => !this.blobs.has(oid));
    if (wanted.length === 0) return;
    const got = await this.objects(wanted);
    wanted.forEach((oid, i) => {
      const o = got[i];
      this.blobs.set(
        oid,
        !o
          ? { problem: { rule: fileCodes.unreadable, message: 'git has no content for this file (a shallow or partial clone?)', line: 1, column: 1 } }
          : o.size > MAX_BYTES
            ? decode({ length: o.size } as Uint8Array)
            : decode(o.data),
      );
    });
  }

  /** A file `load` read. */
  read(oid: string): Decoded {
    const d = this.blobs.get(oid);
    if (!d) throw new Error(`blob ${oid} was not loaded`);
    return d;
  }

  close(): void {
    this.cat.close();
  }
}
