/**
 * `kam check`: validation plus the completeness rules, the CI gate (SPEC sections 5 and 6). Every
 * account is loaded and analysed (value percentile and ABC need them all); the rules run on the
 * valid ones; `--changed-since` then narrows what is reported to the files that changed.
 */
import { sortFindings, type Finding } from '../../findings.js';
import { tiersFor } from '../../evaluate.js';
import { findWorkspace, loadWorkspaceParallel, type Workspace } from '../../load/workspace.js';
import { checkWorkspace, ruleMeta } from '../../rules/run.js';
import { todayFor } from '../../today.js';
import { changedFiles } from '../changed-files.js';
import { progressLine } from '../io.js';
import type { Context } from '../main.js';
import { printFindings, type FindingsOptions } from '../output.js';
import { plural } from '../../util/plural.js';

export interface CheckOptions extends FindingsOptions {
  dir?: string;
  asOf?: string;
  changedSince?: string;
}

const CONFIG = /^kam\.ya?ml$/;
const COMPETITOR = /^competitors\/(.+)\.ya?ml$/;

/**
 * The files whose findings `--changed-since` reports: the changed files, every account that
 * refers to a changed competitor profile, and everything when `kam.yaml` changed (its rules and
 * checks settings can change every account's result).
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

export async function run(_args: unknown[], options: CheckOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const root = findWorkspace(io.cwd, options.dir, { required: true });
  const changed = options.changedSince === undefined ? undefined : await changedFiles(root, options.changedSince);
  const todayIn = todayFor(options.asOf, () => io.today());
  const progress = progressLine(io, 'kam check: loading');
  const ws = await loadWorkspaceParallel(root, { rules: { today: todayIn }, keep: 'tiers', onProgress: progress?.update });
  progress?.end();
  const today = todayIn(ws.config);

  const checked = checkWorkspace(ws, tiersFor(ws, today), today);

  const scope = changed && scopeOf(ws, changed);
  const inScope = (file: string) => scope === undefined || scope.has(file);
  const findings: Finding[] = sortFindings([...ws.findings, ...checked.findings]).filter((f) => inScope(f.file));
  const accounts = ws.accounts.filter((d) => inScope(d.file)).length;
  const since = options.changedSince === undefined ? '' : ` (changed since ${options.changedSince})`;
  return printFindings(findings, options, ctx, ruleMeta(ws.config), `${plural(accounts, 'account')} checked${since}: no problems`);
}
