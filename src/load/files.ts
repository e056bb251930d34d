/**
 * Where a workspace is and which files are in it (SPEC section 1), without loading any of them:
 * no schema or parser is imported here, so the command line can size a workspace before the
 * heavy modules load (worker threads start early for a large one).
 */
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { shownPath } from '../util/shown-path.js';

export type FileKind = 'config' | 'self' | 'competitor' | 'account';

export const CONFIG_FILE = 'kam.yaml';
export const YAML_EXT = /\.ya?ml$/;

/** What kam reads in a workspace: any one of these makes a folder one. */
const WORKSPACE_MARKS = ['kam.yaml', 'kam.yml', 'self.yaml', 'self.yml', 'accounts', 'competitors'];

/**
 * `-C` if given (must be a folder), else the nearest folder upward holding kam.yaml, else cwd.
 * `required`: the folder must hold something kam reads, else a UsageError: a command that checks
 * a workspace run in the wrong folder (a CI job's path, say) must not pass on nothing.
 */
export function findWorkspace(cwd: string, dir?: string, { required = false } = {}): string {
  const root = locateWorkspace(cwd, dir);
  if (required && !WORKSPACE_MARKS.some((mark) => existsSync(join(root, mark)))) {
    throw new UsageError(`not a kam workspace: ${shownPath(cwd, root)} has no kam.yaml and no accounts/ folder; run \`kam init\` there, or name the workspace with -C <folder>`);
  }
  return root;
}

function locateWorkspace(cwd: string, dir?: string): string {
  if (dir !== undefined) {
    const root = resolve(cwd, dir);
    if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`no such workspace folder: ${dir}`);
    return root;
  }
  for (let at = resolve(cwd); ; at = dirname(at)) {
    if (existsSync(join(at, CONFIG_FILE))) return at;
    if (dirname(at) === at) return resolve(cwd);
  }
}

/** What kind of file a workspace-relative path is. */
export function kindOf(file: string): FileKind {
  if (file === 'kam.yaml' || file === 'kam.yml') return 'config';
  if (file === 'self.yaml' || file === 'self.yml') return 'self';
  if (file.startsWith('competitors/')) return 'competitor';
  return 'account';
}

const TOP_FILES = ['kam.yaml', 'kam.yml', 'self.yaml', 'self.yml'];

/**
 * The workspace files among `paths` (workspace-relative, `/`), in load order: kam.yaml, kam.yml,
 * self.yaml, self.yml, then `competitors/*.yaml` and `accounts/*.yaml` (`.yml` too; direct
 * children only), each folder sorted. The file system and git revisions (`kam diff`) both list
 * their paths through this.
 */
export function selectWorkspaceFiles(paths: readonly string[]): string[] {
  const present = new Set(paths);
  const inFolder = (folder: string) =>
    paths.filter((p) => p.startsWith(`${folder}/`) && !p.slice(folder.length + 1).includes('/') && YAML_EXT.test(p)).sort();
  return [...TOP_FILES.filter((f) => present.has(f)), ...inFolder('competitors'), ...inFolder('accounts')];
}

/** Why a folder cannot be listed, in words; the listing is then a usage error (exit 2) naming it. */
const LIST_ERRORS: Record<string, string> = {
  ENOTDIR: 'it is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of links',
  EIO: 'input/output error',
};

/**
 * The regular files directly in `folder` (links, FIFOs, sockets and sub-folders are not listed).
 * A folder that is missing has none; one that cannot be listed (a file named `accounts`, no
 * permission) is a UsageError naming it, never a crash.
 */
function filesIn(root: string, folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, folder), { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') return [];
    throw new UsageError(`cannot list ${folder}/ in ${root}: ${LIST_ERRORS[code] ?? code}`);
  }
  return entries.filter((e) => e.isFile()).map((e) => `${folder}/${e.name}`);
}

/** `path` names something, a link too (a link to nothing is then refused when it is read). */
const present = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/** Every workspace file, sorted: kam.yaml, self.yaml, competitors/*, accounts/*. */
export function listWorkspaceFiles(root: string): string[] {
  return selectWorkspaceFiles([...TOP_FILES.filter((f) => present(join(root, f))), ...filesIn(root, 'competitors'), ...filesIn(root, 'accounts')]);
}

/** A file argument (relative to cwd) as a workspace-relative path with `/`. */
export const toWorkspacePath = (root: string, cwd: string, file: string): string =>
  relative(root, resolve(cwd, file)).split(sep).join('/');

/** How many account files the workspace at `root` has (a listing, nothing read). */
export const countAccountFiles = (root: string): number => {
  try {
    return filesIn(root, 'accounts').filter((f) => YAML_EXT.test(f)).length;
  } catch {
    return 0; // the listing says why when the command loads the workspace
  }
};

/**
 * `kam plan [workspace-or-ids...]`: a folder as the first argument is the workspace (unless `-C`
 * names it); the rest are account ids.
 */
export function workspaceArgument(cwd: string, dir: string | undefined, positionals: readonly string[]): { dir: string | undefined; ids: string[] } {
  const ids = [...positionals];
  if (dir === undefined && ids.length > 0 && existsSync(resolve(cwd, ids[0])) && statSync(resolve(cwd, ids[0])).isDirectory()) return { dir: ids.shift(), ids };
  return { dir, ids };
}
