/**
 * The pipeline every reporting command shares (score, check, plan, diff): analyse the valid
 * accounts of a loaded workspace, then run the completeness rules at the tiers the analysis
 * computed. Pure: a workspace and "today" in, plain data out.
 */
import { analyseWorkspace, tiersOf, type AccountAnalysis, type WorkspaceAnalysis } from './analysis/index.js';
import type { Tier } from './schema/account.js';
import { validAccounts, type Workspace } from './load/workspace.js';
import { checkWorkspace, type AccountCheck, type WorkspaceCheck } from './rules/run.js';

export interface Evaluation {
  today: string;
  analysis: WorkspaceAnalysis;
  checked: WorkspaceCheck;
  /** per account id: its analysis and its rule results */
  byId: ReadonlyMap<string, { analysis: AccountAnalysis; check: AccountCheck }>;
}

export interface EvaluateOptions {
  /**
   * Whether rule findings need their line and column (check, plan). Positions cost a second parse
   * of every file with a finding, so `score`, which shows only completeness, turns them off.
   */
  positions?: boolean;
}

export function evaluate(ws: Workspace, today: string, { positions = true }: EvaluateOptions = {}): Evaluation {
  const analysis = analyseWorkspace(validAccounts(ws).map((d) => d.data), ws.config, today);
  const tiers = new Map(analysis.accounts.map((a) => [a.id, a.tier]));
  const checked = checkWorkspace(ws, tiers, today, { positions });
  const checks = new Map(checked.accounts.map((c) => [c.id, c]));
  const byId = new Map(analysis.accounts.map((a) => [a.id, { analysis: a, check: checks.get(a.id)! }]));
  return { today, analysis, checked, byId };
}

/**
 * Every valid account's tier: from the tier inputs worker threads sent (`keep: 'tiers'`), else
 * from the full analysis. What `kam check` needs to know to apply the rules of each tier.
 */
export function tiersFor(ws: Workspace, today: string): Map<string, Tier> {
  const valid = validAccounts(ws);
  const inputs = valid.flatMap((d) => (d.tierInputs ? [d.tierInputs] : []));
  if (inputs.length === valid.length) return tiersOf(inputs, ws.config);
  return new Map(analyseWorkspace(valid.map((d) => d.data), ws.config, today).accounts.map((a) => [a.id, a.tier]));
}
