/**
 * A worker thread that loads a share of a large workspace's accounts (`pool.ts` starts two): it
 * imports its modules as soon as it starts, then waits for tasks.
 *
 * `load`: the workers take the account files a chunk at a time from a shared counter, so neither
 * waits on the other at the end. Each file is read, parsed and validated, and the completeness
 * rules run on it for each tier it can have while its positions are at hand (the tier is known
 * only when all accounts are analysed). What the main thread keeps of each document is turned into
 * JSON at once, so this thread holds no parsed documents (unless told to `hold` the accounts), and
 * the JSON goes out in batches that the main thread parses while this one goes on. JSON moves
 * between threads faster than a structured clone of many small objects, and arrives as compact
 * strings.
 *
 * `render`: the plans of the accounts this worker holds, from the analysis the main thread made of
 * all of them (`src/report/plans.ts`).
 */
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { Finding } from '../findings.js';
import { analysedFields, possibleTiers, tierInputs, type TierInputs } from '../analysis/index.js';
import { precheckAccount, type Precheck, type RuleEnv } from '../rules/run.js';
import type { Account } from '../schema/account.js';
import type { Competitor } from '../schema/competitor.js';
import type { Config } from '../schema/config.js';
import type { OutputFile } from '../report/files.js';
import type { PlanTask } from '../report/plans.js';
import { startLocator } from './locate.js';
import { readSource } from './read.js';
import { loadDocWith, type Keep } from './workspace.js';

export interface LoadTask {
  root: string;
  /** every account file to load, workspace-relative */
  files: string[];
  /** shared by the workers: the index of the next file nobody has taken */
  next: Int32Array;
  /** what the rules need, when they are to run here */
  rules?: { today: string; positions: boolean; competitors: (readonly [string, Competitor | null])[] };
  keep: Keep;
  /** the workspace settings (the rules and the tier inputs need them) */
  config: Config;
  /** keep the valid accounts to render their plans (a `render` task) */
  hold?: boolean;
}

/** One account file as the main thread receives it: `i` is its index in `LoadTask.files`. */
export interface WorkerDoc {
  i: number;
  data?: unknown;
  findings: Finding[];
  precheck?: Precheck;
  tierInputs?: TierInputs;
}

export type ToWorker = { kind: 'load'; task: LoadTask } | { kind: 'render'; task: PlanTask };

/**
 * What a worker sends: a JSON array of `WorkerDoc` (load), rendered files (render), and at the end
 * of every task `end`, with what went wrong if something did.
 */
export type FromWorker = string | { kind: 'rendered'; files: OutputFile[] } | { kind: 'end'; failure?: { kind: 'template' | 'crash'; message: string } };

/** Files taken from the shared counter at a time. */
const CHUNK = 32;
/** Documents per message. */
const BATCH = 250;

const pick = (account: Account, fields: readonly (keyof Account)[]): Partial<Account> => {
  const out: Partial<Account> = {};
  for (const f of fields) if (account[f] !== undefined) (out as Record<string, unknown>)[f] = account[f];
  return out;
};
const kept: Record<Keep, readonly (keyof Account)[] | undefined> = {
  data: undefined,
  report: [...analysedFields, 'currency'],
  analysed: analysedFields,
  tiers: ['id', 'name'],
  findings: ['id', 'name'],
};

const post = (message: FromWorker) => parentPort!.postMessage(message);

/** The accounts held for rendering, by file. */
const holding = new Map<string, Account>();

function load({ root, files, next, rules, keep, config, hold }: LoadTask): void {
  const env: RuleEnv | undefined = rules && {
    config,
    today: rules.today,
    competitors: new Map(rules.competitors.filter((c): c is readonly [string, Competitor] => c[1] !== null)),
    competitorIds: new Set(rules.competitors.map(([id]) => id)),
  };
  const positions = rules?.positions ?? false;
  let batch: string[] = [];
  for (let start = Atomics.add(next, 0, CHUNK); start < files.length; start = Atomics.add(next, 0, CHUNK)) {
    for (let i = start; i < Math.min(start + CHUNK, files.length); i++) {
      const file = files[i];
      const doc = loadDocWith('account', file, readSource(join(root, file)), { positions });
      const account = doc.data as Account | undefined;
      if (hold && account) holding.set(file, account);
      const inputs = account && (env || keep === 'tiers') ? tierInputs(account, config) : undefined;
      const out: WorkerDoc = {
        i,
        data: account && kept[keep] ? pick(account, kept[keep]) : account,
        findings: doc.findings,
        // the rules that look at the tier run for each tier the account can have
        precheck: env && account ? precheckAccount(account, positions ? doc.locator : startLocator, env, possibleTiers(inputs!, config)) : undefined,
        tierInputs: keep === 'tiers' ? inputs : undefined,
      };
      batch.push(JSON.stringify(out));
      if (batch.length === BATCH) {
        post(`[${batch.join(',')}]`);
        batch = [];
      }
    }
  }
  if (batch.length > 0) post(`[${batch.join(',')}]`);
  // loaded while the main thread analyses the workspace
  if (hold) void import('../report/plans.js').then(({ prepareRendering }) => prepareRendering());
}

async function render(task: PlanTask): Promise<void> {
  const { rendererFor, renderTask } = await import('../report/plans.js');
  renderTask(await rendererFor(task.setup), task, (file) => holding.get(file)!, (files) => post({ kind: 'rendered', files }));
}

const tasks = {
  load: async (task: LoadTask) => load(task),
  render,
};

parentPort!.on('message', (message: ToWorker) => {
  const done = (tasks[message.kind] as (task: unknown) => Promise<void>)(message.task);
  done.then(
    () => post({ kind: 'end' }),
    (error: unknown) => {
      const template = error instanceof Error && error.name === 'TemplateError';
      const message = error instanceof Error ? ((template ? error.message : error.stack) ?? error.message) : String(error);
      post({ kind: 'end', failure: { kind: template ? 'template' : 'crash', message } });
    },
  );
});
