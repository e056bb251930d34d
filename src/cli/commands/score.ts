/**
 * `kam score`: score, tier and classify every valid account, show defection risk and the
 * portfolio view (SPEC sections 2-4, 6). The table (or `--json`) goes to stdout; invalid files go
 * to stderr as stylish findings, are left out of scoring, and make the exit code 1.
 */
import { analyseWorkspace } from '../../analysis/index.js';
import { scoresJson } from '../../analysis/json.js';
import { UsageError } from '../../errors.js';
import { stylish } from '../../format/stylish.js';
import { findWorkspace, loadWorkspace, validAccounts } from '../../load/workspace.js';
import { Tier } from '../../schema/account.js';
import { decideToday } from '../../today.js';
import type { Context } from '../main.js';
import { exitCode, makeChalk } from '../output.js';
import { isSortColumn, portfolioView, scoreTable, sortAccounts, sortColumns } from '../score-view.js';

export interface ScoreOptions {
  dir?: string;
  asOf?: string;
  json?: boolean;
  sort?: string;
  tier?: string;
}

export async function run(_args: unknown[], options: ScoreOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const sort = options.sort ?? 'id';
  if (!isSortColumn(sort)) throw new UsageError(`--sort must be one of ${sortColumns.join(', ')}; got "${sort}"`);
  if (options.tier !== undefined && !Tier.options.includes(options.tier as Tier)) {
    throw new UsageError(`--tier must be one of ${Tier.options.join(', ')}; got "${options.tier}"`);
  }

  const ws = loadWorkspace(findWorkspace(io.cwd, options.dir));
  const today = decideToday(options.asOf, ws.config.as_of, io.today());
  const { accounts, portfolio } = analyseWorkspace(validAccounts(ws).map((d) => d.data), ws.config, today);
  const shown = options.tier === undefined ? accounts : accounts.filter((a) => a.tier === options.tier);

  if (options.json) {
    // the contract: sorted by id whatever --sort says
    io.stdout.write(`${JSON.stringify(scoresJson(shown), null, 2)}\n`);
  } else {
    const chalk = makeChalk(io);
    const rows = sortAccounts(shown, sort);
    const none = accounts.length === 0 ? 'No valid accounts to score.' : `No ${options.tier} accounts.`;
    io.stdout.write(`${rows.length ? scoreTable(rows, chalk) : none}\n\n${portfolioView(portfolio, today, chalk)}\n`);
  }

  if (ws.findings.length > 0) {
    io.stderr.write(`${stylish(ws.findings, { chalk: makeChalk(io, io.stderr), version: ctx.version, rules: [] })}\n`);
    const left = ws.accounts.length - validAccounts(ws).length;
    if (left > 0) io.stderr.write(`${left} invalid account file${left === 1 ? ' was' : 's were'} left out of scoring.\n`);
  }
  return exitCode(ws.findings);
}
