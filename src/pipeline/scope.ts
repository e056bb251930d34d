/**
 * What a run covers: which files each command loads, what it keeps of them (`Keep`), whether the
 * rules run as the accounts load, and which files `check --changed-since` reports on. Decided here
 * once, for the command line's early start of worker threads (`prestart`) and for the commands.
 * Light on purpose: `prestart` runs before a command imports its own modules.
 */
import { findWorkspace, workspaceArgument } from '../load/files.js';
import type { Workspace } from '../load/workspace.js';
import { prestartLoaders } from './parallel/pool.js';
import type { Keep } from './evaluate.js';

/** What a command's run loads and computes as it loads. */
export interface Needs {
  keep: Keep;
  /** the rules run as each account loads; `positions`: their findings need line and column */
  rules?: { positions: boolean };
  /** the loaders keep the accounts, to render plans */
  hold?: boolean;
}

/** The commands that load a workspace through the pipeline, and what they need. */
export const needsOf = {
  validate: () => ({ keep: 'findings' }),
  score: () => ({ keep: 'analysed', rules: { positions: false } }),
  check: ({ changedSince }: { changedSince?: string }) => ({ keep: changedSince === undefined ? 'tiers' : 'scope', rules: { positions: true } }),
  plan: () => ({ keep: 'report', rules: { positions: true }, hold: true }),
  ls: () => ({ keep: 'listed', rules: { positions: false } }),
  actions: () => ({ keep: 'actions' }),
  // the Findings sheet gives each finding's line and column
  export: () => ({ keep: 'export', rules: { positions: true } }),
} satisfies Record<string, (options: { changedSince?: string }) => Needs>;

export type PipelineCommand = keyof typeof needsOf;

/**
 * Whether a run of `command` loads the whole workspace at once (not the files named, and not
 * after asking git what changed): the worker threads of a large one can start right away.
 */
export const loadsWhole = (command: string, { files = [], changedSince }: { files?: readonly string[]; changedSince?: string }): boolean =>
  command === 'score' || command === 'plan' || command === 'ls' || command === 'actions' || command === 'export' || (command === 'check' && changedSince === undefined) || (command === 'validate' && files.length === 0);

/**
 * Starts the worker threads for a run of `command` (its positionals and options as the command
 * line parsed them) now, when it loads the whole of a large workspace, so that their start-up
 * overlaps the command's own module loading. A folder that is not a workspace is left for the
 * command to report.
 */
export function prestart(command: string, cwd: string, args: readonly unknown[], options: { dir?: unknown; changedSince?: unknown }): void {
  const positionals = (args[0] as string[] | undefined) ?? [];
  const changedSince = options.changedSince as string | undefined;
  if (!loadsWhole(command, { files: command === 'validate' ? positionals : [], changedSince })) return;
  const given = options.dir as string | undefined;
  try {
    prestartLoaders(findWorkspace(cwd, command === 'plan' ? workspaceArgument(cwd, given, positionals).dir : given));
  } catch {
    // the command itself says what is wrong with the folder
  }
}

const CONFIG = /^kam\.ya?ml$/;
const COMPETITOR = /^competitors\/(.+)\.ya?ml$/;

/**
 * The files whose findings `--changed-since` reports: the changed files, every account that
 * refers to a changed competitor profile, and everything (undefined) when `kam.yaml` changed (its
 * rules and checks settings can change every account's result). The workspace must keep the
 * accounts' competitor references (`keep: 'scope'`).
 */
export function scopeOf(ws: Workspace, changed: ReadonlySet<string>): Set<string> | undefined {
  if ([...changed].some((f) => CONFIG.test(f))) return undefined;
  const competitors = new Set([...changed].flatMap((f) => COMPETITOR.exec(f)?.[1] ?? []));
  const scope = new Set(changed);
  for (const doc of ws.accounts) {
    if ((doc.data?.competitors ?? []).some((c) => c.ref !== undefined && competitors.has(c.ref))) scope.add(doc.file);
  }
  return scope;
}

