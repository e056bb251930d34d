/**
 * `kam trend [ids..]`: the history of every plan, replayed from git. Each commit that changed the
 * workspace (or the last of each week or month) is scored by this kam, with that revision's
 * settings (or, `--settings head`, the last one's), at its commit date (or `--as-of`). Revisions
 * are read through git (`git/history.ts`: one `git log`, one `git cat-file --batch`), never
 * checked out. Exit codes as `kam diff`: 0 when it ran; 2 outside a git repository, for an
 * unknown revision or an unknown account id.
 */
import { UsageError } from '../../errors.js';
import { openRepo } from '../../git/revision.js';
import { findWorkspace } from '../../load/files.js';
import { replayHistory, type ReplayOptions } from '../../pipeline/history.js';
import { isRealDate } from '../../schema/common.js';
import { trendRenderers, type TrendFormat } from '../../trend/render/index.js';
import { didYouMean } from '../../util/suggest.js';
import type { Context } from '../main.js';
import { makeChalk } from '../output.js';

interface TrendOptions {
  dir?: string;
  asOf?: string;
  since?: string;
  until?: string;
  every?: ReplayOptions['every'];
  settings?: ReplayOptions['settings'];
  format?: TrendFormat;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function run([ids]: unknown[], options: TrendOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  if (options.asOf !== undefined && !isRealDate(options.asOf)) throw new UsageError(`--as-of must be a real date written YYYY-MM-DD, not "${options.asOf}"`);
  for (const [flag, value] of [['--since', options.since], ['--until', options.until]] as const) {
    if (value !== undefined && DATE.test(value) && !isRealDate(value)) throw new UsageError(`${flag} must be a revision or a real date written YYYY-MM-DD, not "${value}"`);
  }
  const root = findWorkspace(io.cwd, options.dir);
  const repo = await openRepo(root);
  const trend = await replayHistory(repo, { since: options.since, until: options.until, every: options.every, settings: options.settings, asOf: options.asOf, threads: ctx.threads });
  const wanted = [...new Set((ids as string[] | undefined) ?? [])];
  if (wanted.length > 0) {
    const known = [...new Set(trend.accounts.flatMap((s) => s.ids))];
    for (const id of wanted) if (!known.includes(id)) throw new UsageError(`no account \`${id}\` in the history of ${root}${didYouMean(id, known)}`);
    trend.accounts = trend.accounts.filter((s) => s.ids.some((id) => wanted.includes(id)));
  }
  io.stdout.write(trendRenderers[options.format ?? 'table'](trend, { chalk: makeChalk(io) }));
  return 0;
}
