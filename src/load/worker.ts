/**
 * A worker thread's share of a large workspace's accounts: read, parse and validate each file,
 * run the completeness rules on it for every tier while its positions are at hand (the tier is
 * known only when all accounts are analysed), and send back what the main thread keeps. Each
 * document is turned into JSON as soon as it is done, so this thread holds no parsed documents,
 * and the JSON goes out in batches that the main thread parses while this one goes on. JSON moves
 * between threads faster than a structured clone of many small objects, and arrives as compact
 * strings.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Finding } from '../findings.js';
import { analysedFields, tierInputs, type TierInputs } from '../analysis/index.js';
import { precheckAccount, type Precheck, type RuleEnv } from '../rules/run.js';
import type { Account } from '../schema/account.js';
import type { Competitor } from '../schema/competitor.js';
import type { Config } from '../schema/config.js';
import { startLocator } from './locate.js';
import { readSource } from './read.js';
import { loadDocWith, type Keep } from './workspace.js';

export interface WorkerInput {
  root: string;
  /** account files, workspace-relative */
  files: string[];
  /** what the rules need, when they are to run here */
  rules?: { today: string; positions: boolean; competitors: (readonly [string, Competitor | null])[] };
  keep: Keep;
  /** the workspace settings (the rules and the tier inputs need them) */
  config: Config;
}

/** One account file as the main thread receives it. */
export interface WorkerDoc {
  file: string;
  data?: unknown;
  findings: Finding[];
  precheck?: Precheck;
  tierInputs?: TierInputs;
}

/** A message: a JSON array of `WorkerDoc`, or `null` when the worker is done. */
export type WorkerMessage = string | null;

const BATCH = 250;

const pick = (account: Account, fields: readonly (keyof Account)[]): Partial<Account> => {
  const out: Partial<Account> = {};
  for (const f of fields) if (account[f] !== undefined) (out as Record<string, unknown>)[f] = account[f];
  return out;
};
const { root, files, rules, keep, config } = workerData as WorkerInput;
const kept: Record<Keep, readonly (keyof Account)[] | undefined> = { data: undefined, analysed: analysedFields, tiers: ['id', 'name'], findings: ['id', 'name'] };
const env: RuleEnv | undefined = rules && {
  config,
  today: rules.today,
  competitors: new Map(rules.competitors.filter((c): c is readonly [string, Competitor] => c[1] !== null)),
  competitorIds: new Set(rules.competitors.map(([id]) => id)),
};

let batch: string[] = [];
for (const file of files) {
  const source = readSource(join(root, file));
  const positions = rules?.positions ?? false;
  const doc = loadDocWith('account', file, source, { positions });
  const out: WorkerDoc = {
    file,
    data: doc.data && kept[keep] ? pick(doc.data as Account, kept[keep]) : doc.data,
    findings: doc.findings,
    precheck: env && doc.data ? precheckAccount(doc.data as Account, positions ? doc.locator : startLocator, env) : undefined,
    tierInputs: keep === 'tiers' && doc.data ? tierInputs(doc.data as Account, config) : undefined,
  };
  batch.push(JSON.stringify(out));
  if (batch.length === BATCH) {
    parentPort!.postMessage(`[${batch.join(',')}]` satisfies WorkerMessage);
    batch = [];
  }
}
if (batch.length > 0) parentPort!.postMessage(`[${batch.join(',')}]` satisfies WorkerMessage);
parentPort!.postMessage(null satisfies WorkerMessage);
