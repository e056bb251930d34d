/**
 * The pipeline every command that reads a workspace shares: load → schema → analysis → rules →
 * findings, and the rendering of plans. The stages below stay pure and know nothing of threads;
 * this module composes them, once, for one thread and many:
 *
 * - `loadShare` runs the per-file stages on a share of the account files: read, parse (with
 *   positions when the rules will run), validate, and the completeness rules for each tier the
 *   account can have while its positions are at hand (the tier is known only when all accounts are
 *   analysed). It keeps of each document only what the command needs (`Keep`). On a small
 *   workspace the main thread runs it on every account file; on a large one each worker thread
 *   runs it (`parallel/worker.ts`) and sends the results across.
 * - `loadRun` reads the settings and the other files, has the accounts loaded (here or on
 *   `parallel/`'s workers) and assembles the workspace.
 * - `evaluate` and `tiersFor` then compute the analysis and the rule results from what was loaded.
 * - `renderShare` renders the plans of the accounts a thread kept (`hold`).
 */
import { analyseWorkspace, analysedFields, possibleTiers, tiersOf, tierInputs, type AccountAnalysis, type TierInputs, type WorkspaceAnalysis } from '../analysis/index.js';
import type { Finding } from '../findings.js';
import { startLocator } from '../load/locate.js';
import { workspaceReader } from '../load/read.js';
import { assemble, idOf, kindOf, listWorkspaceFiles, loadConfig, loadDoc, validAccounts, type Doc, type Workspace } from '../load/workspace.js';
import type { OutputFile } from '../report/files.js';
import type { PlanTask } from '../report/plans.js';
import { checkWorkspace, precheckAccount, type AccountCheck, type Precheck, type RuleEnv, type WorkspaceCheck } from '../rules/run.js';
import type { Account } from '../schema/account.js';
import type { Competitor } from '../schema/competitor.js';
import type { Config } from '../schema/config.js';
import { dropLoaders, endLoaders, exchange, heldByWorkers, takeLoaders, threadsFor, workerBuilt, type Held } from './parallel/pool.js';

export type { Held };

/**
 * What the main thread keeps of each valid account document:
 * - `data`: the whole account (the default);
 * - `report`: the fields the analysis and the portfolio report read (its totals read `plan`), for `plan`, whose loaders
 *   keep the whole accounts (`hold`) and render their plans;
 * - `analysed`: only the fields the analysis reads (`analysedFields`), for `score`;
 * - `tiers`: only `id` and `name`, plus the `tierInputs`, for `check`, which needs the tiers alone;
 * - `scope`: `tiers` plus the competitor references, for `check --changed-since`;
 * - `findings`: only `id` and `name`, for `validate`;
 * - `listed`: `analysed` plus industry, region, reviewed and currency, for `ls`;
 * - `actions`: `id`, `name` and the plan, for `actions`;
 * - `export`: `listed` plus the plan, for `export`.
 * Less data crosses between threads and stays in memory; a workspace loaded with less than `data`
 * is for that command only.
 */
export type Keep = 'data' | 'report' | 'analysed' | 'tiers' | 'scope' | 'findings' | 'listed' | 'actions' | 'export';

const kept: Record<Keep, readonly (keyof Account)[] | undefined> = {
  data: undefined,
  report: [...analysedFields, 'currency', 'plan'],
  analysed: analysedFields,
  tiers: ['id', 'name'],
  scope: ['id', 'name', 'competitors'],
  findings: ['id', 'name'],
  listed: [...analysedFields, 'industry', 'region', 'reviewed', 'currency'],
  actions: ['id', 'name', 'plan'],
  export: [...analysedFields, 'industry', 'region', 'reviewed', 'currency', 'plan'],
};
const needsTierInputs = (keep: Keep) => keep === 'tiers' || keep === 'scope';

const pick = (account: Account, fields: readonly (keyof Account)[]): Partial<Account> => {
  const out: Partial<Account> = {};
  for (const f of fields) if (account[f] !== undefined) (out as Record<string, unknown>)[f] = account[f];
  return out;
};

/** A share of a workspace's account files to load, on whichever thread runs it. */
export interface LoadTask {
  root: string;
  /** every account file to load, workspace-relative */
  files: string[];
  /** shared by the loaders: the index of the next file nobody has taken */
  next: Int32Array;
  /** what the rules need, when they are to run */
  rules?: { today: string; positions: boolean; competitors: (readonly [string, Competitor | null])[] };
  keep: Keep;
  /** the workspace settings (the rules and the tier inputs need them) */
  config: Config;
  /** keep the valid accounts to render their plans (`renderShare`) */
  hold?: boolean;
}

/** One account file's result: `i` is its index in `LoadTask.files`. */
export interface AccountResult {
  i: number;
  data?: unknown;
  findings: Finding[];
  precheck?: Precheck;
  tierInputs?: TierInputs;
}

/** The tier inputs need "today" (the year it falls in is not complete): the rules' one. */
const tierToday = (today: string | undefined): string => {
  if (today === undefined) throw new Error('the tier inputs need today: load with rules');
  return today;
};

/** Files taken from the shared counter at a time. */
const CHUNK = 32;

/** The accounts this thread holds for rendering, by file. */
const holding = new Map<string, Account>();

/** Runs the per-file stages on the account files of `task` this loader takes; `emit` gets each result. */
export function loadShare({ root, files, next, rules, keep, config, hold }: LoadTask, emit: (result: AccountResult) => void): void {
  const env: RuleEnv | undefined = rules && {
    config,
    today: rules.today,
    competitors: new Map(rules.competitors.filter((c): c is readonly [string, Competitor] => c[1] !== null)),
    competitorIds: new Set(rules.competitors.map(([id]) => id)),
  };
  const positions = rules?.positions ?? false;
  const read = workspaceReader(root);
  for (let start = Atomics.add(next, 0, CHUNK); start < files.length; start = Atomics.add(next, 0, CHUNK)) {
    for (let i = start; i < Math.min(start + CHUNK, files.length); i++) {
      const file = files[i];
      const doc = loadDoc('account', file, read(file), { positions, config });
      const account = doc.data;
      if (hold && account) holding.set(file, account);
      const inputs = account && (env || needsTierInputs(keep)) ? tierInputs(account, config, tierToday(rules?.today)) : undefined;
      emit({
        i,
        data: account && kept[keep] ? pick(account, kept[keep]) : account,
        findings: doc.findings,
        // the rules that look at the tier run for each tier the account can have
        precheck: env && account ? precheckAccount(account, positions ? doc.locator : startLocator, env, possibleTiers(inputs!, config)) : undefined,
        tierInputs: needsTierInputs(keep) ? inputs : undefined,
      });
    }
  }
  // loaded while the main thread analyses the workspace
  if (hold) void import('../report/plans.js').then(({ prepareRendering }) => prepareRendering());
}

/** Renders the plans of `task`, of accounts this thread holds (`LoadTask.hold`). */
export async function renderShare(task: PlanTask, emit: (files: OutputFile[]) => void): Promise<void> {
  const { rendererFor, renderTask } = await import('../report/plans.js');
  renderTask(await rendererFor(task.setup), task, (file) => holding.get(file)!, emit);
}

/** The accounts held on this thread. */
function heldHere(files: string[]): Held {
  return {
    render: (taskFor, onFiles) => renderShare(taskFor(files), onFiles),
    close: () => holding.clear(),
  };
}

export interface RunOptions {
  /** workspace-relative files to load instead of the whole workspace (kam.yaml is always read) */
  files?: string[];
  keep?: Keep;
  /**
   * Also run the completeness rules, at the "today" this gives for the workspace settings, as
   * each account is loaded: its findings then carry the positions of the parse that produced it.
   */
  rules?: {
    today(config: Config): string;
    /** whether findings need line and column (default true); `score` only counts them */
    positions?: boolean;
  };
  /** Keep the loaded accounts to render their plans (`Run.held`; the caller closes it). */
  hold?: boolean;
  /**
   * worker threads to load on: 0 loads on this thread; by default, as many as the workspace's size
   * calls for. Where no worker is built (the sources under test), this thread loads.
   */
  threads?: number;
  /** called as batches of accounts arrive from worker threads: how many are loaded, of how many */
  onProgress?: (done: number, total: number) => void;
  /** called with the workspace settings as soon as they are read, while the accounts load */
  onSettings?: (config: Config) => void;
}

/** A loaded workspace with what the per-file stages computed of each account, by file. */
export interface Run {
  ws: Workspace;
  /** the rules' outcomes, when they ran (`RunOptions.rules`), at `today` */
  prechecks: ReadonlyMap<string, Precheck>;
  /** what the tiers need (`keep: 'tiers'` or `'scope'`) */
  tierInputs: ReadonlyMap<string, TierInputs>;
  today: string | undefined;
  /** the held accounts (`RunOptions.hold`) */
  held?: Held;
}

/**
 * Loads a workspace for one command: the settings, our own analysis and the competitor profiles
 * here first (the rules need them), then the accounts, on worker threads when there are many.
 */
export async function loadRun(root: string, options: RunOptions = {}): Promise<Run> {
  const all = listWorkspaceFiles(root);
  const files = (options.files ?? all).filter((f) => kindOf(f) !== 'config');
  const accounts = files.filter((f) => kindOf(f) === 'account');
  const threads = options.threads === undefined ? threadsFor(accounts.length) : workerBuilt() ? options.threads : 0;
  if (threads === 0) dropLoaders(); // started early for a workspace that then loads fewer files
  const workers = threads > 0 ? takeLoaders(threads) : [];
  try {
    const read = workspaceReader(root);
    const loaded = loadConfig(all, read);
    const local = files.filter((f) => kindOf(f) !== 'account').map((file) => loadDoc(kindOf(file), file, read(file), { positions: false }));
    const rules = options.rules && {
      today: options.rules.today(loaded.config),
      positions: options.rules.positions ?? true,
      competitors: local.filter((d) => d.kind === 'competitor' && d.id !== null).map((d) => [d.id!, (d.data as Competitor | undefined) ?? null] as const),
    };
    const task: LoadTask = {
      root,
      files: accounts,
      next: new Int32Array(workers.length > 0 ? new SharedArrayBuffer(4) : new ArrayBuffer(4)),
      rules,
      keep: options.keep ?? 'data',
      config: loaded.config,
      hold: options.hold,
    };
    const docs: Doc[] = new Array(accounts.length);
    const prechecks = new Map<string, Precheck>();
    const inputs = new Map<string, TierInputs>();
    // which loader holds which valid accounts, for a second task on them
    const holdings = new Map(workers.map((w) => [w, [] as string[]]));
    const here: string[] = [];
    let received = 0;
    const take = (r: AccountResult, holder: string[]) => {
      const file = accounts[r.i];
      docs[r.i] = { kind: 'account', file, id: idOf('account', file), raw: r.data, data: r.data as never, locator: startLocator, findings: r.findings };
      if (r.precheck) prechecks.set(file, r.precheck);
      if (r.tierInputs) inputs.set(file, r.tierInputs);
      if (task.hold && r.data !== undefined) holder.push(file);
    };
    if (workers.length === 0) {
      options.onSettings?.(loaded.config);
      loadShare(task, (r) => take(r, here));
    } else {
      const loading = Promise.all(
        workers.map((worker) =>
          exchange(worker, { kind: 'load', task }, (message) => {
            const batch = JSON.parse(message as string) as AccountResult[];
            received += batch.length;
            options.onProgress?.(received, accounts.length);
            for (const r of batch) take(r, holdings.get(worker)!);
          }),
        ),
      );
      options.onSettings?.(loaded.config);
      await loading;
    }
    const ws = assemble(root, loaded, [...local, ...docs]);
    // a duplicate id makes a document invalid after the fact: it has no rule results
    for (const doc of ws.accounts) if (doc.data === undefined) prechecks.delete(doc.file);
    let held: Held | undefined;
    if (task.hold) held = workers.length > 0 ? heldByWorkers(holdings) : heldHere(here);
    else endLoaders(workers);
    return { ws, prechecks, tierInputs: inputs, today: rules?.today, held };
  } catch (error) {
    endLoaders(workers);
    throw error;
  }
}

/** The rules' outcomes of a run if they ran at `today`. */
const prechecksAt = (run: Partial<Pick<Run, 'prechecks' | 'today'>>, today: string) => (run.today === today ? run.prechecks : undefined);

export interface Evaluation {
  today: string;
  analysis: WorkspaceAnalysis;
  checked: WorkspaceCheck;
  /** per account id: its analysis and its rule results */
  byId: ReadonlyMap<string, { analysis: AccountAnalysis; check: AccountCheck }>;
}

/**
 * The analysis of the valid accounts and the rule results at the tiers it computed (score,
 * plan): from the rules' outcomes of `loadRun`, or, for a workspace loaded otherwise
 * (`loadWorkspace`, as `diff` and the tests do), by running the rules on it now.
 */
export function evaluate(run: Pick<Run, 'ws'> & Partial<Pick<Run, 'prechecks' | 'today'>>, today: string): Evaluation {
  const { ws } = run;
  const analysis = analyseWorkspace(validAccounts(ws).map((d) => d.data), ws.config, today);
  const tiers = new Map(analysis.accounts.map((a) => [a.id, a.tier]));
  const checked = checkWorkspace(ws, tiers, today, prechecksAt(run, today));
  const checks = new Map(checked.accounts.map((c) => [c.id, c]));
  const byId = new Map(analysis.accounts.map((a) => [a.id, { analysis: a, check: checks.get(a.id)! }]));
  return { today, analysis, checked, byId };
}

/** The rule results at each valid account's tier, computed from the tier inputs alone (check). */
export function checkRun(run: Run, today: string): WorkspaceCheck {
  const valid = validAccounts(run.ws);
  const inputs = valid.map((d) => run.tierInputs.get(d.file));
  if (inputs.includes(undefined)) throw new Error("checkRun needs the tier inputs: load with keep 'tiers' or 'scope'");
  const tiers = tiersOf(inputs as TierInputs[], run.ws.config);
  return checkWorkspace(run.ws, tiers, today, prechecksAt(run, today));
}
