/**
 * `kam check --changed-since <ref>`: the workspace files that changed since a git revision (the
 * working tree against `ref`, plus untracked files), as workspace-relative paths. git runs
 * through `git/run.ts`. Not a git repository, git missing, or an unknown revision are usage
 * errors (exit 2).
 */
import { UsageError } from '../errors.js';
import { defaultSpawn, runGit } from '../git/run.js';

async function git(root: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const r = await runGit(defaultSpawn, root, args).catch((error: Error) => {
    throw new UsageError(`--changed-since needs git, which could not be run: ${error.message}`);
  });
  return { ok: r.code === 0, stdout: r.stdout.toString('utf8'), stderr: r.stderr };
}

const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';
const split = (out: string) => out.split('\0').filter((line) => line !== '');

/** Workspace-relative (`/`) paths of the files under `root` that differ from `ref` or are untracked. */
export async function changedFiles(root: string, ref: string): Promise<Set<string>> {
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--changed-since takes a git revision, not "${ref}"`);
  const repo = await git(root, ['rev-parse', '--is-inside-work-tree']);
  if (!repo.ok) throw new UsageError(`--changed-since needs a git repository, and ${root} is not in one`);
  const known = await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!known.ok) throw new UsageError(`--changed-since: unknown git revision "${ref}"`);
  // `--relative` with cwd = root: paths relative to the workspace, limited to it
  const diff = await git(root, ['diff', '--name-only', '--relative', '-z', '--no-renames', ref, '--', '.']);
  if (!diff.ok) throw new UsageError(`--changed-since: git diff failed: ${firstLine(diff.stderr)}`);
  const untracked = await git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.']);
  if (!untracked.ok) throw new UsageError(`--changed-since: git ls-files failed: ${firstLine(untracked.stderr)}`);
  return new Set([...split(diff.stdout), ...split(untracked.stdout)]);
}
