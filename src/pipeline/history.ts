/**
 * The replay behind `kam trend` (and the trend pictures of `kam plan`): every listed revision of
 * the workspace loaded from git and scored through the pipeline's own functions (`loadDoc`,
 * `assemble`, `evaluate`), oldest first.
 *
 * History at scale: one `git log` and one `git cat-file --batch` for the whole replay
 * (`git/history.ts`); a tree or a file unchanged between revisions is read once, and a file is
 * parsed and validated once per blob id (documents cached here). A revision whose kam.yaml cannot
 * be read is listed, not scored; an invalid account file leaves the others scored.
 */
import { round1 } from '../analysis/index.js';
import { UsageError } from '../errors.js';
import { HistoryReader, workspaceCommits, type Commit, type HistoryOptions } from '../git/history.js';
import type { Repo } from '../git/revision.js';
import { assemble, kindOf, loadConfig, loadDoc, type Doc } from '../load/workspace.js';
import type { Account } from '../schema/account.js';
import type { Config } from '../schema/config.js';
import type { ReportTrendSeries } from '../report/input.js';
import type { Tier } from '../schema/account.js';
import type { Trend, TrendRevision } from '../trend/model.js';
import { SeriesBuilder, type ScoredAccount } from '../trend/series.js';
import { evaluate } from './evaluate.js';

export interface ReplayOptions extends HistoryOptions {
  /** the date every revision is scored at; by default each one's commit date */
  asOf?: string;
  /** `head`: every revision scored with the settings of the last one */
  settings?: 'revision' | 'head';
  /** `week` or `month`: only the last revision of each */
  every?: 'week' | 'month';
}

/** The commits kept by `--every`: the last of each ISO week or calendar month (by commit date). */
export function thinOut(commits: readonly Commit[], every: ReplayOptions['every']): Commit[] {
  if (!every) return [...commits];
  const period = (c: Commit) => {
    if (every === 'month') return c.date.slice(0, 7);
    // ISO week: the Monday on or before the date
    const d = new Date(`${c.date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  };
  return commits.filter((c, i) => i === commits.length - 1 || period(commits[i + 1]) !== period(c));
}

/** Replays the workspace's history; the reader's process is closed at the end. */
export async function replayHistory(repo: Repo, options: ReplayOptions = {}): Promise<Trend> {
  const commits = thinOut(await workspaceCommits(repo, options), options.every);
  const settings = options.settings ?? 'revision';
  const builder = new SeriesBuilder(settings);
  if (commits.length === 0) return builder.done();
  const reader = new HistoryReader(repo);
  // parsed and validated once per (file, blob): the id check depends on the file name
  const docs = new Map<string, Doc>();
  try {
    const trees = await reader.treesAt(commits.map((c) => c.commit));
    // every file of every revision in one request: an unchanged blob once
    await reader.load(trees.flatMap((t) => [...t.oids.values()]));
    let fixed: Config | undefined;
    if (settings === 'head') {
      const last = trees[trees.length - 1];
      try {
        fixed = loadConfig(last.list, (f) => reader.read(last.oids.get(f)!)).config;
      } catch (error) {
        if (error instanceof UsageError) throw new UsageError(`at ${commits[commits.length - 1].commit.slice(0, 7)}: ${error.message}`);
        throw error;
      }
    }
    for (let i = 0; i < commits.length; i++) {
      const c = commits[i];
      const tree = trees[i];
      const asOf = options.asOf ?? c.date;
      const revision: TrendRevision = { commit: c.commit, date: c.date, subject: c.subject, asOf, scored: true, problem: null, invalid: [] };
      const key = (f: string) => `${f}\0${tree.oids.get(f)}`;
      const read = (f: string) => reader.read(tree.oids.get(f)!);
      let loaded: ReturnType<typeof loadConfig>;
      try {
        loaded = loadConfig(tree.list, read);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        builder.skip({ ...revision, scored: false, problem: error.message });
        continue;
      }
      if (fixed) loaded = { ...loaded, config: fixed };
      const own: Doc[] = [];
      for (const f of tree.list) {
        const kind = kindOf(f);
        if (kind === 'config') continue;
        let doc = docs.get(key(f));
        if (!doc) {
          doc = loadDoc(kind, f, read(f), { positions: false });
          docs.set(key(f), doc);
        }
        // assemble marks duplicate ids on the document: a copy per revision
        own.push({ ...doc, findings: [...doc.findings] });
      }
      const ws = assemble(repo.root, loaded, own);
      const { byId } = evaluate({ ws }, asOf);
      revision.invalid = [...new Set(ws.findings.filter((f) => f.severity === 'error').map((f) => f.file))].sort();
      const valid: ScoredAccount[] = [];
      const invalid: string[] = [];
      for (const doc of ws.accounts) {
        const data = doc.data as Account | undefined;
        const scored = data && byId.get(data.id);
        if (!data || !scored) {
          if (doc.id !== null) invalid.push(doc.id);
          continue;
        }
        const { analysis, check } = scored;
        valid.push({
          id: data.id,
          data,
          oid: tree.oids.get(doc.file)!,
          composite: round1(analysis.scores.composite),
          tier: analysis.tier,
          quadrant: analysis.quadrant,
          risk: analysis.risk.level,
          completeness: check.completeness,
        });
      }
      builder.add({ revision, valid, invalid });
    }
  } finally {
    reader.close();
  }
  return builder.done();
}

/** What the report pictures need of each series, by the account's latest id. */
export function reportTrends(trend: Trend): Map<string, ReportTrendSeries> {
  return new Map(
    trend.accounts.map((s) => [
      s.id,
      {
        id: s.id,
        name: s.name,
        points: s.points.map((p) => ({ commit: p.commit, date: p.date, composite: p.composite, tier: p.tier as Tier | null })),
        slippage: {
          moves: s.slippage.moves.length,
          items: s.slippage.items,
          days: s.slippage.days,
          late: s.slippage.late.length,
          lateDays: s.slippage.late.reduce((sum, l) => sum + l.daysLate, 0),
        },
      },
    ]),
  );
}
