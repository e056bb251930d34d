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
import { analyseWorkspace, round1 } from '../analysis/index.js';
import { checkWorkspace } from '../rules/run.js';
import { UsageError } from '../errors.js';
import { HistoryReader, workspaceCommits, type Commit, type HistoryOptions, type RevisionTree } from '../git/history.js';
import { defaultSpawn, type Spawn } from '../git/run.js';
import { countAccountFiles } from '../load/files.js';
import { endLoaders, exchange, takeLoaders, threadsFor, workerBuilt, WorkerFailure } from './parallel/pool.js';
import type { Repo } from '../git/revision.js';
import { assemble, kindOf, loadConfig, loadDoc, validAccounts, type Doc, type Workspace } from '../load/workspace.js';
import type { Account } from '../schema/account.js';
import type { Config } from '../schema/config.js';
import type { ReportTrendSeries } from '../report/input.js';
import type { Tier } from '../schema/account.js';
import type { Trend, TrendRevision } from '../trend/model.js';
import { SeriesBuilder, type ScoredAccount } from '../trend/series.js';

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

type Scores = Pick<ScoredAccount, 'composite' | 'tier' | 'quadrant' | 'risk' | 'completeness'>;

/**
 * The composite score, tier, quadrant, risk level and completeness of every valid account of one
 * revision, by the analysis' and the rules' own functions (`analyseWorkspace`, `checkWorkspace`):
 * the figures depend on the date (the year in progress is not complete) and V on every account,
 * so each revision is analysed whole, at its own date. Parsing is what the cache by blob saves.
 */
export function scoreRevision(ws: Workspace, today: string): Map<string, Scores> {
  const analysed = analyseWorkspace(validAccounts(ws).map((d) => d.data), ws.config, today).accounts;
  const tiers = new Map<string, Tier>();
  const out = new Map<string, Scores>();
  for (const a of analysed) {
    tiers.set(a.id, a.tier);
    out.set(a.id, {
      composite: a.scores.composite === null ? null : round1(a.scores.composite),
      tier: a.tier,
      quadrant: a.quadrant,
      risk: a.risk.level,
      completeness: null,
    });
  }
  for (const check of checkWorkspace(ws, tiers, today).accounts) out.get(check.id)!.completeness = check.completeness;
  return out;
}

/** A share of the revisions to replay, on whichever thread runs it (`replayShare`). */
export interface ReplayTask {
  repo: Pick<Repo, 'top' | 'prefix' | 'root'>;
  commits: Commit[];
  asOf?: string;
  /** `--settings head`: the commit whose kam.yaml scores every revision */
  settingsFrom?: string;
}

/** One replayed revision's outcome (`scored: false` in `revision`: listed only). */
export interface RevisionResult {
  revision: TrendRevision;
  valid: ScoredAccount[];
  invalid: string[];
}

/**
 * Loads and scores the revisions of `task`, oldest first, through one `cat-file --batch`; `emit`
 * gets each. An account's data is sent only when its file differs from the revision before in
 * this share (the series keep the data they got).
 */
export async function replayShare(task: ReplayTask, emit: (result: RevisionResult) => void, spawn: Spawn = defaultSpawn): Promise<void> {
  const { commits } = task;
  if (commits.length === 0) return;
  const repo: Repo = { ...task.repo, spawn };
  const reader = new HistoryReader(repo);
  // parsed and validated once per (file, blob): the id check depends on the file name
  const docs = new Map<string, Doc>();
  // the settings by kam.yaml blob: an unchanged kam.yaml is one object (and one parse)
  const configs = new Map<string, ReturnType<typeof loadConfig>>();
  try {
    const shas = commits.map((c) => c.commit);
    if (task.settingsFrom !== undefined && !shas.includes(task.settingsFrom)) shas.push(task.settingsFrom);
    const trees = await reader.treesAt(shas);
    // every file of every revision in one request: an unchanged blob once
    await reader.load(trees.flatMap((t) => [...t.oids.values()]));
    const settingsOf = (tree: RevisionTree) => {
      const file = tree.list.find((f) => kindOf(f) === 'config');
      const key = file === undefined ? '' : tree.oids.get(file)!;
      let loaded = configs.get(key);
      if (!loaded) {
        loaded = loadConfig(tree.list, (f) => reader.read(tree.oids.get(f)!));
        configs.set(key, loaded);
      }
      return loaded;
    };
    let fixed: Config | undefined;
    if (task.settingsFrom !== undefined) {
      try {
        fixed = settingsOf(trees[shas.indexOf(task.settingsFrom)]).config;
      } catch (error) {
        if (error instanceof UsageError) throw new UsageError(`at ${task.settingsFrom.slice(0, 7)}: ${error.message}`);
        throw error;
      }
    }
    let before = new Map<string, string>();
    for (let i = 0; i < commits.length; i++) {
      const c = commits[i];
      const tree = trees[i];
      const asOf = task.asOf ?? c.date;
      const revision: TrendRevision = { commit: c.commit, date: c.date, subject: c.subject, asOf, scored: true, problem: null, invalid: [] };
      const key = (f: string) => `${f}\0${tree.oids.get(f)}`;
      const read = (f: string) => reader.read(tree.oids.get(f)!);
      let loaded: ReturnType<typeof loadConfig>;
      try {
        loaded = settingsOf(tree);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        emit({ revision: { ...revision, scored: false, problem: error.message }, valid: [], invalid: [] });
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
      const scores = scoreRevision(ws, asOf);
      revision.invalid = [...new Set(ws.findings.filter((f) => f.severity === 'error').map((f) => f.file))].sort();
      const valid: ScoredAccount[] = [];
      const invalid: string[] = [];
      const now = new Map<string, string>();
      for (const doc of ws.accounts) {
        const data = doc.data as Account | undefined;
        const scored = data && scores.get(data.id);
        if (!data || !scored) {
          if (doc.id !== null) invalid.push(doc.id);
          continue;
        }
        const oid = tree.oids.get(doc.file)!;
        now.set(data.id, oid);
        valid.push({ id: data.id, name: data.name, oid, ...(before.get(data.id) === oid ? {} : { data }), ...scored });
      }
      before = now;
      emit({ revision, valid, invalid });
    }
  } finally {
    reader.close();
  }
}

/** Revisions from which a replay of a large workspace runs on worker threads. */
const PARALLEL_REVISIONS = 8;

export interface ReplayRunOptions extends ReplayOptions {
  /**
   * worker threads to replay on: 0 replays on this thread; by default two for a long history of a
   * large workspace. Where no worker is built (the sources under test), this thread replays.
   */
  threads?: number;
}

/**
 * Replays the workspace's history, oldest first. A long history of a large workspace is split in
 * two runs of consecutive revisions, one per worker thread (each with its own `cat-file`), and
 * the series are built here from both, in order.
 */
export async function replayHistory(repo: Repo, options: ReplayRunOptions = {}): Promise<Trend> {
  const commits = thinOut(await workspaceCommits(repo, options), options.every);
  const settings = options.settings ?? 'revision';
  const builder = new SeriesBuilder(settings);
  if (commits.length === 0) return builder.done();
  const base: Omit<ReplayTask, 'commits'> = {
    repo: { top: repo.top, prefix: repo.prefix, root: repo.root },
    asOf: options.asOf,
    settingsFrom: settings === 'head' ? commits[commits.length - 1].commit : undefined,
  };
  const add = (r: RevisionResult) => (r.revision.scored ? builder.add(r) : builder.skip(r.revision));
  const wanted = options.threads ?? (commits.length >= PARALLEL_REVISIONS ? threadsFor(countAccountFiles(repo.root)) : 0);
  const threads = wanted > 0 && workerBuilt() && commits.length >= 2 ? Math.min(wanted, 2) : 0;
  if (threads === 0) {
    await replayShare({ ...base, commits }, add, repo.spawn);
    return builder.done();
  }
  const half = Math.ceil(commits.length / 2);
  const shares = [commits.slice(0, half), commits.slice(half)];
  const workers = takeLoaders(shares.length);
  try {
    const results: RevisionResult[][] = shares.map(() => []);
    await Promise.all(
      workers.map((worker, w) =>
        exchange(worker, { kind: 'replay', task: { ...base, commits: shares[w] } }, (message) => {
          if (typeof message === 'string') results[w].push(...(JSON.parse(message) as RevisionResult[]));
        }),
      ),
    );
    for (const r of results.flat()) add(r);
  } catch (error) {
    if (error instanceof WorkerFailure && error.kind === 'usage') throw new UsageError(error.message);
    throw error;
  } finally {
    endLoaders(workers);
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
