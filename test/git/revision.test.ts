import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { openRepo, parseBatch, readRevision, type Spawn } from '../../src/git/revision.js';
import { listWorkspaceFiles, loadWorkspace, selectWorkspaceFiles } from '../../src/load/workspace.js';
import { example, tempWorkspace } from '../helpers.js';
import { change, commit, git, gitRepo } from '../git-helpers.js';

/** A spawner that records every git command it starts and what was written to its stdin. */
function countingSpawn() {
  const calls: { args: readonly string[]; stdin: string }[] = [];
  const spawner: Spawn = (command, args, options) => {
    const call = { args, stdin: '' };
    calls.push(call);
    const child: ChildProcess = spawn(command, args, options);
    const write = child.stdin!.write.bind(child.stdin!);
    const end = child.stdin!.end.bind(child.stdin!);
    child.stdin!.write = ((chunk: unknown, ...rest: never[]) => ((call.stdin += String(chunk)), write(chunk as string, ...rest))) as typeof child.stdin.write;
    child.stdin!.end = ((chunk?: unknown, ...rest: never[]) => ((call.stdin += chunk === undefined ? '' : String(chunk)), end(chunk as string, ...rest))) as typeof child.stdin.end;
    return child;
  };
  // the git subcommand: the first argument after the global options (`--literal-pathspecs`)
  const sub = (c: { args: readonly string[] }) => c.args.find((a) => !a.startsWith('--'));
  return { spawner, calls, count: (name: string) => calls.filter((c) => sub(c) === name).length, sub };
}

describe('reading a workspace at a git revision', () => {
  it('loads the example workspace at HEAD exactly as from the working tree', async () => {
    const root = gitRepo({});
    cpSync(example, root, { recursive: true });
    commit(root, 'example');
    const repo = await openRepo(root);
    const source = await readRevision(repo, 'HEAD');
    expect(source.list).toEqual(listWorkspaceFiles(root));
    const atHead = loadWorkspace(root, { list: source.list, read: source.read });
    const onDisk = loadWorkspace(root);
    expect(atHead.findings).toEqual(onDisk.findings);
    expect(atHead.accounts.map((d) => d.data)).toEqual(onDisk.accounts.map((d) => d.data));
    expect(atHead.competitors.map((d) => d.data)).toEqual(onDisk.competitors.map((d) => d.data));
    expect(atHead.config).toEqual(onDisk.config);
  });

  it('uses one ls-tree and one cat-file process per revision, whatever the number of files', async () => {
    const files: Record<string, string> = { 'kam.yaml': 'version: 1\n' };
    for (let i = 0; i < 30; i++) files[`accounts/a${i}.yaml`] = `id: a${i}\nname: A ${i}\n`;
    const root = gitRepo(files);
    const { spawner, calls, count } = countingSpawn();
    const repo = await openRepo(root, { spawn: spawner });
    const source = await readRevision(repo, 'HEAD');
    expect(source.list).toHaveLength(31);
    expect(count('ls-tree')).toBe(1);
    expect(count('cat-file')).toBe(1);
    expect(calls.find((c) => c.args.includes('cat-file'))!.stdin.trim().split('\n')).toHaveLength(31);
    const ws = loadWorkspace(root, { list: source.list, read: source.read });
    expect(ws.accounts.filter((d) => d.data)).toHaveLength(30);
    // reading the files does not start more processes
    expect(calls).toHaveLength(4); // rev-parse --show-toplevel, rev-parse --verify, ls-tree, cat-file
    await readRevision(repo, 'HEAD');
    expect(count('cat-file')).toBe(2);
  });

  it('reads an older revision without touching the working tree', async () => {
    const root = gitRepo({ 'accounts/a.yaml': 'id: a\nname: Old\n' });
    change(root, { 'accounts/a.yaml': 'id: a\nname: New\n', 'accounts/b.yaml': 'id: b\nname: B\n' }, 'second');
    change(root, { 'accounts/a.yaml': 'id: a\nname: Uncommitted\n' });
    const repo = await openRepo(root);
    const first = await readRevision(repo, 'HEAD~1');
    expect(first.list).toEqual(['accounts/a.yaml']);
    expect(first.read('accounts/a.yaml')).toEqual({ text: 'id: a\nname: Old\n' });
    expect(first.commit).toBe(git(root, 'rev-parse', 'HEAD~1').trim());
    expect(readFileSync(join(root, 'accounts/a.yaml'), 'utf8')).toBe('id: a\nname: Uncommitted\n');
    expect(git(root, 'status', '--porcelain')).toBe(' M accounts/a.yaml\n');
  });

  it('reads a workspace in a folder of the repository, by its paths inside that folder', async () => {
    const root = gitRepo({
      'clients/acme/kam.yaml': 'version: 1\n',
      'clients/acme/accounts/a.yaml': 'id: a\nname: A\n',
      'clients/other/accounts/b.yaml': 'id: b\nname: B\n',
      'accounts/top.yaml': 'id: top\nname: Top\n',
    });
    const repo = await openRepo(join(root, 'clients/acme'));
    expect(repo.prefix).toBe('clients/acme/');
    const source = await readRevision(repo, 'HEAD');
    expect(source.list).toEqual(['kam.yaml', 'accounts/a.yaml']);
    expect(source.read('accounts/a.yaml')).toEqual({ text: 'id: a\nname: A\n' });
  });

  it('keeps size and encoding problems as data, refusing big files without reading them', async () => {
    const { spawner, calls } = countingSpawn();
    const root = gitRepo({
      'accounts/big.yaml': `id: big\nname: Big\nx-pad: "${'x'.repeat(1024 * 1024)}"\n`,
      'accounts/latin1.yaml': new Uint8Array([...Buffer.from('id: latin1\nname: caf'), 0xe9, 0x0a]),
      'accounts/ok.yaml': 'id: ok\nname: 好\n',
    });
    const repo = await openRepo(root, { spawn: spawner });
    const source = await readRevision(repo, 'HEAD');
    expect(source.read('accounts/big.yaml').problem?.rule).toBe('yaml/too-large');
    expect(source.read('accounts/latin1.yaml').problem).toMatchObject({ rule: 'yaml/encoding', line: 2, column: 10 });
    expect(source.read('accounts/ok.yaml')).toEqual({ text: 'id: ok\nname: 好\n' });
    expect(calls.find((c) => c.args.includes('cat-file'))!.stdin.trim().split('\n')).toHaveLength(2);
  });

  it('lists regular files only, not symbolic links', async () => {
    const root = gitRepo({ 'accounts/a.yaml': 'id: a\nname: A\n' });
    symlinkSync('a.yaml', join(root, 'accounts/link.yaml'));
    commit(root, 'link');
    const source = await readRevision(await openRepo(root), 'HEAD');
    expect(source.list).toEqual(['accounts/a.yaml']);
  });

  it('refuses unknown revisions and folders outside a repository with a UsageError', async () => {
    const root = gitRepo({ 'accounts/a.yaml': 'id: a\nname: A\n' });
    const repo = await openRepo(root);
    await expect(readRevision(repo, 'no-such-branch')).rejects.toThrow(new UsageError('unknown revision: no-such-branch'));
    await expect(readRevision(repo, '--output=/tmp/x')).rejects.toThrow(new UsageError('unknown revision: --output=/tmp/x'));
    await expect(readRevision(repo, 'HEAD:accounts')).rejects.toThrow(UsageError);
    const outside = tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\n' });
    await expect(openRepo(outside)).rejects.toThrow(new UsageError(`not a git repository: ${outside}`));
  });
});

describe('git problems', () => {
  it('says git is missing when it cannot be started', async () => {
    const root = gitRepo({});
    const noGit: Spawn = (_command, args, options) => spawn('kam-test-no-such-git', args, options);
    await expect(openRepo(root, { spawn: noGit })).rejects.toThrow(new UsageError('git is not installed (or not on PATH): kam diff needs it'));
  });

  it('turns a file whose object git lacks (shallow or partial clone) into a finding, not a crash', async () => {
    const root = gitRepo({ 'accounts/a.yaml': 'id: a\nname: A\n', 'accounts/b.yaml': 'id: b\nname: B\n' });
    const oid = git(root, 'rev-parse', 'HEAD:accounts/b.yaml').trim();
    rmSync(join(root, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
    const source = await readRevision(await openRepo(root), 'HEAD');
    const ws = loadWorkspace(root, { list: source.list, read: source.read });
    expect(ws.accounts.map((d) => d.data?.name ?? null)).toEqual(['A', null]);
    expect(ws.findings).toEqual([expect.objectContaining({ file: 'accounts/b.yaml', rule: 'yaml/unreadable', message: 'git has no content for this file at HEAD (a shallow or partial clone?)' })]);
  });
});

describe('selectWorkspaceFiles', () => {
  it('picks the files listWorkspaceFiles picks, in its order', () => {
    const paths = ['README.md', 'accounts/b.yml', 'accounts/a.yaml', 'accounts/sub/c.yaml', 'accounts/notes.txt', 'self.yaml', 'kam.yaml', 'competitors/x.yaml', 'reports/a.md', 'templates/account.md.hbs'];
    expect(selectWorkspaceFiles(paths)).toEqual(['kam.yaml', 'self.yaml', 'competitors/x.yaml', 'accounts/a.yaml', 'accounts/b.yml']);
  });
});

describe('parseBatch', () => {
  it('splits cat-file frames, bytes that hold newlines included, and skips missing objects', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const out = Buffer.concat([
      Buffer.from(`${a} blob 4\nx\ny\n\n`),
      Buffer.from(`${'c'.repeat(40)} missing\n`),
      Buffer.from(`${b} blob 3\n`),
      Buffer.from([0xe4, 0xb8, 0xad]),
      Buffer.from('\n'),
    ]);
    const blobs = parseBatch(out);
    expect([...blobs.keys()]).toEqual([a, b]);
    expect(Buffer.from(blobs.get(a)!).toString()).toBe('x\ny\n');
    expect(Buffer.from(blobs.get(b)!).toString()).toBe('中');
  });

  it('throws on a truncated frame (a bug, not a user mistake)', () => {
    expect(() => parseBatch(Buffer.from(`${'a'.repeat(40)} blob 10\nshort\n`))).toThrow(/bad frame/);
    expect(() => parseBatch(Buffer.from(`${'a'.repeat(40)} blob 2\nabc\n`))).toThrow(/bad frame/);
  });
});
