/**
 * Loading a workspace for the list commands (`kam ls`, `kam actions`, `kam export`) through the
 * pipeline, with what `pipeline/scope.ts` says each keeps; invalid files are reported on stderr
 * as `kam score` reports them, and make the exit code 1.
 */
import type { Finding } from '../findings.js';
import { stylish } from '../format/stylish.js';
import { findWorkspace } from '../load/files.js';
import { validAccounts, type Workspace } from '../load/workspace.js';
import type { ListedInput } from '../lists/accounts.js';
import { evaluate, loadRun, type Run } from '../pipeline/evaluate.js';
import { needsOf, type Needs } from '../pipeline/scope.js';
import type { Account } from '../schema/account.js';
import { todayFor } from '../today.js';
import { progressLine } from './io.js';
import type { Context } from './main.js';
import { makeChalk } from './output.js';

type ListCommand = 'ls' | 'actions' | 'export';

export interface Loaded {
  run: Run;
  ws: Workspace;
  today: string;
}

export async function loadFor(command: ListCommand, options: { dir?: string; asOf?: string }, ctx: Context): Promise<Loaded> {
  const { io } = ctx;
  const todayIn = todayFor(options.asOf, () => io.today());
  const progress = progressLine(io, `kam ${command}: loading`);
  const needs: Needs = needsOf[command]();
  const run = await loadRun(findWorkspace(io.cwd, options.dir, { required: true }), {
    keep: needs.keep,
    rules: needs.rules && { today: todayIn, ...needs.rules },
    threads: ctx.threads,
    onProgress: progress?.update,
  });
  progress?.end();
  return { run, ws: run.ws, today: todayIn(run.ws.config) };
}

/** The analysed accounts with their rule results, by id (as `kam score` has them). */
export function listedAccounts({ run, ws, today }: Loaded): { inputs: ListedInput[]; accounts: Map<string, Partial<Account>>; ruleFindings: Finding[] } {
  const { analysis, byId, checked } = evaluate(run, today);
  const docs = new Map(validAccounts(ws).map((d) => [d.data.id, d]));
  const inputs = analysis.accounts.map((a) => {
    const doc = docs.get(a.id)!;
    const check = byId.get(a.id)!.check;
    return { analysis: a, account: doc.data, file: doc.file, completeness: check.completeness, failed: check.failed, currency: ws.config.currency };
  });
  return { inputs, accounts: new Map([...docs].map(([id, d]) => [id, d.data])), ruleFindings: checked.findings };
}

/** The load and schema findings on stderr, with how many account files were left out. */
export function reportInvalid(ws: Workspace, ctx: Context, what: string): void {
  if (ws.findings.length === 0) return;
  const { io } = ctx;
  io.stderr.write(`${stylish(ws.findings, { chalk: makeChalk(io, io.stderr), version: ctx.version, rules: [] })}\n`);
  const left = ws.accounts.length - validAccounts(ws).length;
  if (left > 0) io.stderr.write(`${left} invalid account file${left === 1 ? ' was' : 's were'} left out of ${what}.\n`);
}
