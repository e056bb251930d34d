/**
 * `kam score`: score, tier and classify every valid account, show defection risk and the
 * portfolio view (SPEC sections 2-4, 6). The table (or `--json`) goes to stdout; invalid files go
 * to stderr as stylish findings, are left out of scoring, and make the exit code 1.
 */
import { scoresJson } from '../../analysis/json.js';
import { UsageError } from '../../errors.js';
import { stylish } from '../../format/stylish.js';
import { findWorkspace } from '../../load/files.js';
import { validAccounts } from '../../load/workspace.js';
import { evaluate, loadRun } from '../../pipeline/evaluate.js';
import { needsOf } from '../../pipeline/scope.js';
import { Tier } from '../../schema/account.js';
import { todayFor } from '../../today.js';
import { hasUnsafe, safeJson, terminalText } from '../../util/terminal-text.js';
import { progressLine, terminalWidth } from '../io.js';
import type { Context } from '../main.js';
import { exitCode, makeChalk } from '../output.js';
import { columnByName, isSortColumn, portfolioView, scoreColumns, scoreTable, sortAccounts, sortColumns, type ScoredAccount, type SortColumn } from '../score-view.js';

export interface ScoreOptions {
  dir?: string;
  asOf?: string;
  json?: boolean;
  sort?: string;
  tier?: string;
  /** comma-separated column keys or heads, e.g. id,name,S,tier,risk */
  columns?: string;
  /** no width limit on a terminal */
  wide?: boolean;
}

/** `--columns id,name,S,tier,risk`: the columns in the order given. */
function pickColumns(list: string): SortColumn[] {
  const picked = list.split(',').filter((s) => s.trim() !== '').map((name) => {
    const column = columnByName(name);
    if (!column) throw new UsageError(`--columns takes ${sortColumns.map((k) => (scoreColumns[k].head === k ? k : `${k} (${scoreColumns[k].head})`)).join(', ')}; got "${name.trim()}"`);
    return column;
  });
  if (picked.length === 0) throw new UsageError('--columns takes at least one column, e.g. --columns id,name,S,tier,risk');
  return [...new Set(picked)];
}

export async function run(_args: unknown[], options: ScoreOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const sort = options.sort ?? 'id';
  if (!isSortColumn(sort)) throw new UsageError(`--sort must be one of ${sortColumns.join(', ')}; got "${sort}"`);
  if (options.tier !== undefined && !Tier.options.includes(options.tier as Tier)) {
    throw new UsageError(`--tier must be one of ${Tier.options.join(', ')}; got "${options.tier}"`);
  }

  const columns = options.columns === undefined ? undefined : pickColumns(options.columns);
  const todayIn = todayFor(options.asOf, () => io.today());
  const progress = progressLine(io, 'kam score: loading');
  const needs = needsOf.score();
  const run = await loadRun(findWorkspace(io.cwd, options.dir, { required: true }), {
    keep: needs.keep,
    rules: { today: todayIn, ...needs.rules },
    threads: ctx.threads,
    onProgress: progress?.update,
  });
  progress?.end();
  const { ws } = run;
  const today = todayIn(ws.config);
  const { analysis, byId } = evaluate(run, today);
  const { portfolio } = analysis;
  const accounts: ScoredAccount[] = analysis.accounts.map((a) => ({ ...a, completeness: byId.get(a.id)!.check.completeness }));
  const shown = options.tier === undefined ? accounts : accounts.filter((a) => a.tier === options.tier);

  if (options.json) {
    // the contract: sorted by id whatever --sort says
    const json = scoresJson(shown).map((j) => ({ ...j, completeness: byId.get(j.id)!.check.completeness }));
    io.stdout.write(`${safeJson(json, 2)}\n`);
  } else {
    const chalk = makeChalk(io);
    // a name shows its control characters escaped (the table measures and prints it as such)
    const rows = sortAccounts(shown, sort).map((a) => (hasUnsafe(a.name) ? { ...a, name: terminalText(a.name) } : a));
    const none = accounts.length === 0 ? 'No valid accounts to score.' : `No ${options.tier} accounts.`;
    const width = terminalWidth(io.stdout, options.wide);
    io.stdout.write(`${rows.length ? scoreTable(rows, chalk, { width, columns }) : none}\n\n${portfolioView(portfolio, today, chalk, width)}\n`);
  }

  if (ws.findings.length > 0) {
    io.stderr.write(`${stylish(ws.findings, { chalk: makeChalk(io, io.stderr), version: ctx.version, rules: [], width: terminalWidth(io.stderr, options.wide) })}\n`);
    const left = ws.accounts.length - validAccounts(ws).length;
    if (left > 0) io.stderr.write(`${left} invalid account file${left === 1 ? ' was' : 's were'} left out of scoring.\n`);
  }
  return exitCode(ws.findings);
}
