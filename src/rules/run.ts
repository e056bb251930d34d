/**
 * Runs the completeness rules once for everyone: tier filter, `kam.yaml: rules` severities (drop
 * `off`), a throwing rule becomes a finding, and each rule path becomes `line:col` through the
 * account file's locator (a missing node points at its closest existing parent). Pure.
 */
import { completeness } from '../analysis/completeness.js';
import type { Finding } from '../findings.js';
import { sortFindings } from '../findings.js';
import type { RuleMeta } from '../format/types.js';
import type { Locator } from '../load/locate.js';
import type { Workspace } from '../load/workspace.js';
import type { Account, Tier } from '../schema/account.js';
import type { Competitor } from '../schema/competitor.js';
import type { Config, RuleSetting, Severity } from '../schema/config.js';
import { didYouMean } from '../util/suggest.js';
import type { Rule, RuleContext } from './define.js';
import { rules as allRules, type RuleId } from './index.js';

export { completeness };

/** Rule id of the findings about `kam.yaml: rules` entries that name no rule. */
export const UNKNOWN_RULE = 'config/unknown-rule';

/** What the rules see of the workspace besides the account. */
export interface RuleEnv {
  config: Config;
  /** YYYY-MM-DD, from `decideToday` */
  today: string;
  competitors: ReadonlyMap<string, Competitor>;
  competitorIds: ReadonlySet<string>;
  /** the rules to run (default: all of `src/rules/index.ts`) */
  rules?: readonly Rule[];
}

/** One valid account to check. */
export interface AccountInput {
  /** workspace-relative file, `/` separators */
  file: string;
  account: Account;
  /** the computed tier */
  tier: Tier;
  locator: Locator;
}

/** The outcome of the rules for one account. */
export interface AccountCheck {
  id: string;
  file: string;
  tier: Tier;
  /** this account's rule findings, sorted */
  findings: Finding[];
  /** the rules that apply to its tier and are not `off`, in list order */
  applied: RuleId[];
  /** of those, the ones it fails (a rule that threw counts as failed) */
  failed: RuleId[];
  /** share of `applied` passed, percent rounded to one decimal; 100 when no rule applies */
  completeness: number;
}

/** The severity a rule runs at after `kam.yaml: rules`, or `off`. */
export const settingOf = (rule: Rule, config: Config): RuleSetting => config.rules[rule.id] ?? rule.severity;

/** The rules that apply to an account of `tier` and are not `off`. */
export const rulesFor = (tier: Tier, config: Config, list: readonly Rule[] = allRules): Rule[] =>
  list.filter((rule) => rule.tiers.includes(tier) && settingOf(rule, config) !== 'off');

const describeError = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] || 'unknown error';
};

/** Runs every applicable rule on one account. */
export function checkAccount(input: AccountInput, env: RuleEnv): AccountCheck {
  const list = env.rules ?? allRules;
  const ctx: RuleContext = {
    account: input.account,
    tier: input.tier,
    today: env.today,
    config: env.config,
    competitors: env.competitors,
    competitorIds: env.competitorIds,
  };
  const findings: Finding[] = [];
  const applied: string[] = [];
  const failed: string[] = [];
  const at = (severity: Severity, rule: string, message: string, position: { line: number; column: number }): Finding => ({
    file: input.file,
    line: position.line,
    column: position.column,
    severity,
    rule,
    message,
    account: input.account.id,
  });
  for (const rule of rulesFor(input.tier, env.config, list)) {
    applied.push(rule.id);
    const severity = settingOf(rule, env.config) as Severity;
    let found;
    try {
      found = rule.check(ctx);
    } catch (error) {
      failed.push(rule.id);
      findings.push(at('error', rule.id, `rule ${rule.id} crashed: ${describeError(error)}`, { line: 1, column: 1 }));
      continue;
    }
    if (found.length > 0) failed.push(rule.id);
    for (const f of found) findings.push(at(severity, rule.id, f.message, input.locator.locate(f.path, f.target)));
  }
  return {
    id: input.account.id,
    file: input.file,
    tier: input.tier,
    findings: sortFindings(findings),
    applied: applied as RuleId[],
    failed: failed as RuleId[],
    completeness: completeness(applied.length, failed.length),
  };
}

/** `kam.yaml: rules` entries that name no rule, at their key, with a "did you mean". */
export function ruleSettingFindings(ws: Pick<Workspace, 'config' | 'configDoc'>, list: readonly Rule[] = allRules): Finding[] {
  const doc = ws.configDoc;
  if (!doc) return [];
  const known = list.map((r) => r.id);
  return Object.keys(ws.config.rules)
    .filter((id) => !known.includes(id))
    .map((id) => {
      const { line, column } = doc.locator.locate(['rules', id], 'key');
      return {
        file: doc.file,
        line,
        column,
        severity: 'error' as const,
        rule: UNKNOWN_RULE,
        message: `unknown rule \`${id}\` in rules${didYouMean(id, known)}`,
        account: null,
      };
    });
}

/** What a formatter (SARIF) says about each rule that is not `off`, at its configured severity. */
export const ruleMeta = (config: Config, list: readonly Rule[] = allRules): RuleMeta[] =>
  list.flatMap((rule) => {
    const setting = settingOf(rule, config);
    return setting === 'off' ? [] : [{ id: rule.id, description: rule.description, severity: setting, tiers: rule.tiers }];
  });

/** The environment of a loaded workspace: its competitors (valid profiles, and every file's id). */
export function envOf(ws: Pick<Workspace, 'config' | 'competitors'>, today: string): RuleEnv {
  const competitors = new Map<string, Competitor>();
  const competitorIds = new Set<string>();
  for (const doc of ws.competitors) {
    if (doc.id === null) continue;
    competitorIds.add(doc.id);
    if (doc.data) competitors.set(doc.id, doc.data);
  }
  return { config: ws.config, today, competitors, competitorIds };
}

export interface WorkspaceCheck {
  /** rule findings of every checked account plus the `kam.yaml: rules` findings, sorted (no load or schema findings) */
  findings: Finding[];
  /** one entry per valid account with a tier, in file order */
  accounts: AccountCheck[];
}

/**
 * Runs the rules on every valid account of a workspace. `tiers` maps account id to computed tier
 * (from the analysis); a valid account without one is not checked.
 */
export function checkWorkspace(ws: Workspace, tiers: ReadonlyMap<string, Tier>, today: string): WorkspaceCheck {
  const env = envOf(ws, today);
  const accounts: AccountCheck[] = [];
  for (const doc of ws.accounts) {
    const tier = doc.data && tiers.get(doc.data.id);
    if (!doc.data || tier === undefined) continue;
    accounts.push(checkAccount({ file: doc.file, account: doc.data, tier, locator: doc.locator }, env));
  }
  return { findings: sortFindings([...ruleSettingFindings(ws), ...accounts.flatMap((a) => a.findings)]), accounts };
}
