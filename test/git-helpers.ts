/** Throwaway git repositories for the `kam diff` tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempWorkspace } from './helpers.js';

export const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A new repository holding `files`, committed once; user and signing configured locally. */
export function gitRepo(files: Record<string, string | Uint8Array>): string {
  const root = tempWorkspace(files);
  git(root, 'init', '-q');
  git(root, 'config', 'user.name', 'Kam Test');
  git(root, 'config', 'user.email', 'kam@example.com');
  git(root, 'config', 'commit.gpgsign', 'false');
  commit(root, 'first');
  return root;
}

/** Writes (string or bytes) or deletes (null) files under `root`. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array | null>): void {
  for (const [file, content] of Object.entries(files)) {
    const at = join(root, file);
    if (content === null) rmSync(at);
    else {
      mkdirSync(dirname(at), { recursive: true });
      writeFileSync(at, content);
    }
  }
}

/** Writes (string or bytes) or deletes (null) files, then commits everything. */
export function change(root: string, files: Record<string, string | Uint8Array | null>, message?: string): void {
  writeFiles(root, files);
  if (message) commit(root, message);
}

export function commit(root: string, message: string): string {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--allow-empty', '-m', message);
  return git(root, 'rev-parse', 'HEAD').trim();
}
