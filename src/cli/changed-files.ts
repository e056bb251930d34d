/**
 * `kam check --changed-since <ref>`: the workspace files that changed since a git revision (the
 * working tree against `ref`, plus untracked files), as workspace-relative paths. git runs with
 * argument arrays, never through a shell. Not a git repository, git missing, or an unknown
 * revision are usage errors (exit 2).
 */
import { spawnSync } from 'node:child_process';
import { UsageError } from '../errors.js';

function git(root: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new UsageError(`--changed-since needs git, which could not be run: ${r.error.message}`);
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr };
}

const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';
const split = (out: string) => out.split('\0').filter((line) => line !== '');

/** Workspace-relative (`/`) paths of the files under `root` that differ from `ref` or are untracked. */
export function changedFiles(root: string, ref: string): Set<string> {
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--changed-since takes a git revision, not "${ref}"`);
  const repo = git(root, ['rev-parse', '--is-inside-work-tree']);
  if (!repo.ok) throw new UsageError(`--changed-since needs a git repository, and ${root} is not in one`);
  const known = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!known.ok) throw new UsageError(`--changed-since: unknown git revision "${ref}"`);
  // `--relative` with cwd = root: paths relative to the workspace, limited to it
  const diff = git(root, ['diff', '--name-only', '--relative', '-z', '--no-renames', ref, '--', '.']);
  if (!diff.ok) throw new UsageError(`--changed-since: git diff failed: ${firstLine(diff.stderr)}`);
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.']);
  if (!untracked.ok) throw new UsageError(`--changed-since: git ls-files failed: ${firstLine(untracked.stderr)}`);
  return new Set([...split(diff.stdout), ...split(untracked.stdout)]);
}
