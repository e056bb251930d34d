/**
 * `kam check`: validation plus the completeness rules, the CI gate (SPEC sections 5 and 6). Every
 * account is loaded and analysed (value percentile and ABC need them all); the rules run on the
 * valid ones; `--changed-since` then narrows what is reported to the files that changed.
 */
import { sortFindings, type Finding } from '../../findings.js';
import { findWorkspace } from '../../load/files.js';
import { checkRun, loadRun } from '../../pipeline/evaluate.js';
import { needsOf, scopeOf } from '../../pipeline/scope.js';
import { ruleMeta } from '../../rules/run.js';
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

export async function run(_args: unknown[], options: CheckOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const root = findWorkspace(io.cwd, options.dir, { required: true });
  const changed = options.changedSince === undefined ? undefined : await changedFiles(root, options.changedSince);
  const todayIn = todayFor(options.asOf, () => io.today());
  const progress = progressLine(io, 'kam check: loading');
  const needs = needsOf.check(options);
  const run = await loadRun(root, { keep: needs.keep, rules: { today: todayIn, ...needs.rules }, threads: ctx.threads, onProgress: progress?.update });
  progress?.end();
  const { ws } = run;
  const checked = checkRun(run, todayIn(ws.config));

  const scope = changed && scopeOf(ws, changed);
  const inScope = (file: string) => scope === undefined || scope.has(file);
  const findings: Finding[] = sortFindings([...ws.findings, ...checked.findings]).filter((f) => inScope(f.file));
  const accounts = ws.accounts.filter((d) => inScope(d.file)).length;
  const since = options.changedSince === undefined ? '' : ` (changed since ${options.changedSince})`;
  return printFindings(findings, options, ctx, ruleMeta(ws.config), `${plural(accounts, 'account')} checked${since}: no problems`);
}
