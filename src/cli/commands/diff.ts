/**
 * `kam diff [base] [head]`: what changed in the account plans between two git revisions (default:
 * `HEAD` against the working tree). Revisions are read through git (`ls-tree`, `cat-file
 * --batch`), never checked out. Exit 0 whether or not anything changed (it is a report, not a
 * gate); 2 outside a git repository, for an unknown revision or an unreadable kam.yaml.
 */
import { analyseWorkspace } from '../../analysis/index.js';
import type { Analyse } from '../../diff/analysis.js';
import { compareWorkspaces } from '../../diff/compare.js';
import type { Side } from '../../diff/model.js';
import { diffRenderers, type DiffFormat } from '../../diff/render/index.js';
import { UsageError } from '../../errors.js';
import { openRepo, readRevision, type Repo } from '../../git/revision.js';
import { findWorkspace, loadWorkspace, validAccounts, type Workspace } from '../../load/workspace.js';
import { decideToday } from '../../today.js';
import type { Context } from '../main.js';
import { makeChalk } from '../output.js';

interface DiffOptions {
  dir?: string;
  asOf?: string;
  format?: DiffFormat;
}

/** The workspace at `revision`, or in the working tree when `revision` is undefined. */
async function loadSide(repo: Repo, revision: string | undefined): Promise<{ side: Side; ws: Workspace }> {
  if (revision === undefined) return { side: { revision: null, commit: null }, ws: loadWorkspace(repo.root, { positions: false }) };
  const source = await readRevision(repo, revision);
  try {
    return { side: { revision, commit: source.commit }, ws: loadWorkspace(repo.root, { list: source.list, read: source.read, positions: false }) };
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`at ${revision}: ${error.message}`);
    throw error;
  }
}

/** Both sides are analysed the same way, at the same "today", so deltas come from the plans. */
const analyse: Analyse = (ws, today) =>
  new Map(analyseWorkspace(validAccounts(ws).map((d) => d.data), ws.config, today).accounts.map((a) => [a.id, a]));

export async function run([base, head]: unknown[], options: DiffOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const root = findWorkspace(io.cwd, options.dir);
  const repo = await openRepo(root);
  const a = await loadSide(repo, (base as string | undefined) ?? 'HEAD');
  const b = await loadSide(repo, head as string | undefined);
  const today = decideToday(options.asOf, b.ws.config.as_of, io.today());
  const diff = compareWorkspaces(a.ws, b.ws, { base: a.side, head: b.side, today, analyse });
  io.stdout.write(diffRenderers[options.format ?? 'text'](diff, { chalk: makeChalk(io) }));
  return 0;
}
