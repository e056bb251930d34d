/**
 * `kam score`: score, tier and classify every valid account, show defection risk and the
 * portfolio view (SPEC sections 2-4, 6). The table (or `--json`) goes to stdout; invalid files go
 * to stderr as stylish findings, are left out of scoring, and make the exit code 1.
 */
import { rankRevenues, tiersOf } from '../../analysis/index.js';
import { jsonArrayText, jsonEntryText, scoresJson } from '../../analysis/json.js';
import { UsageError } from '../../errors.js';
import { stylish } from '../../format/stylish.js';
import { evaluate } from '../../evaluate.js';
import type { Held } from '../../load/pool.js';
import { findWorkspace, loadWorkspaceParallel, validAccounts, type Workspace } from '../../load/workspace.js';
import { checkWorkspace } from '../../rules/run.js';
import { Tier } from '../../schema/account.js';
import type { Config } from '../../schema/config.js';
import { decideToday } from '../../today.js';
import { progressLine } from '../io.js';
import type { Context } from '../main.js';
import { exitCode, makeChalk } from '../output.js';
import { isSortColumn, portfolioView, scoreTable, sortAccounts, sortColumns, type ScoredAccount } from '../score-view.js';

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

  const todayFor = (config: Config) => decideToday(options.asOf, config.as_of, io.today());
  const progress = progressLine(io, 'kam score: loading');
  // --json on a large workspace: the worker threads keep the accounts and write their entries
  const ws = await loadWorkspaceParallel(findWorkspace(io.cwd, options.dir), {
    rules: { today: todayFor, positions: false },
    keep: options.json ? 'tiers' : 'analysed',
    hold: options.json ? 'score' : undefined,
    onProgress: progress?.update,
  });
  progress?.end();
  try {
    const today = todayFor(ws.config);
    if (options.json) io.stdout.write(ws.held ? await jsonElsewhere(ws, ws.held, today, options.tier) : `${jsonArrayText(entriesHere(ws, today, options.tier))}\n`);
    else {
      const { analysis, byId } = evaluate(ws, today, { positions: false });
      const accounts: ScoredAccount[] = analysis.accounts.map((a) => ({ ...a, completeness: byId.get(a.id)!.check.completeness }));
      const shown = options.tier === undefined ? accounts : accounts.filter((a) => a.tier === options.tier);
      const chalk = makeChalk(io);
      const rows = sortAccounts(shown, sort);
      const none = accounts.length === 0 ? 'No valid accounts to score.' : `No ${options.tier} accounts.`;
      io.stdout.write(`${rows.length ? scoreTable(rows, chalk) : none}\n\n${portfolioView(analysis.portfolio, today, chalk)}\n`);
    }
  } finally {
    ws.held?.close();
  }

  if (ws.findings.length > 0) {
    io.stderr.write(`${stylish(ws.findings, { chalk: makeChalk(io, io.stderr), version: ctx.version, rules: [] })}\n`);
    const left = ws.accounts.length - validAccounts(ws).length;
    if (left > 0) io.stderr.write(`${left} invalid account file${left === 1 ? ' was' : 's were'} left out of scoring.\n`);
  }
  return exitCode(ws.findings);
}

/** The `--json` entries (the contract: sorted by id whatever --sort says), each as `jsonEntryText`. */
function entriesHere(ws: Workspace, today: string, tier: string | undefined): string[] {
  const { analysis, byId } = evaluate(ws, today, { positions: false });
  return scoresJson(analysis.accounts.filter((a) => tier === undefined || a.tier === tier)).map((j) => jsonEntryText({ ...j, completeness: byId.get(j.id)!.check.completeness }));
}

/**
 * The same JSON, as UTF-8, from worker threads that hold the accounts: this thread ranks every
 * account's revenue (V, abc) and checks completeness from the tier inputs and rule outcomes the
 * workers sent, and each worker analyses its accounts (`analyseAccount`) and writes their entries.
 */
async function jsonElsewhere(ws: Workspace, held: Held, today: string, tier: string | undefined): Promise<Buffer> {
  const valid = validAccounts(ws);
  const inputs = valid.map((d) => d.tierInputs!);
  const ranked = rankRevenues(
    inputs.map((x) => x.latestRevenue),
    ws.config,
  );
  const tiers = tiersOf(
    inputs,
    ws.config,
    ranked.map((r) => r.value.score),
  );
  const completeness = new Map(checkWorkspace(ws, tiers, today, { positions: false }).accounts.map((c) => [c.file, c.completeness]));
  const items = new Map(valid.flatMap((d, i) => (tier === undefined || tiers.get(d.data.id) === tier ? [[d.file, { file: d.file, ranked: ranked[i], completeness: completeness.get(d.file)! }]] : [])));
  const entries: [string, Uint8Array][] = [];
  await held.each(
    (files) => ({ kind: 'score', task: { items: files.flatMap((f) => items.get(f) ?? []) } }),
    (data) => {
      if (data.kind === 'scored') data.ids.forEach((id, k) => entries.push([id, data.bytes.subarray(k === 0 ? 0 : data.ends[k - 1], data.ends[k])]));
    },
  );
  if (entries.length === 0) return Buffer.from(`${jsonArrayText([])}\n`);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // jsonArrayText, on bytes
  const between = Buffer.from(',\n');
  return Buffer.concat([Buffer.from('[\n'), ...entries.flatMap(([, bytes], k) => (k === 0 ? [bytes] : [between, bytes])), Buffer.from('\n]\n')]);
}
