/**
 * Runs the completeness rules once for everyone: tier filter, `kam.yaml: rules` severities (drop
 * `off`), a throwing rule becomes a finding, and each rule path becomes `line:col` through the
 * account file's locator (a missing node points at its closest existing parent). Pure.
 */
import { completeness } from '../analysis/completeness.js';
import { configCodes } from '../codes.js';
import type { Finding } from '../findings.js';
import { sortFindings } from '../findings.js';
import type { RuleMeta } from '../format/types.js';
import type { Locator } from '../load/locate.js';
import type { Workspace } from '../load/workspace.js';
import type { Account, Tier } from '../schema/account.js';
import type { Competitor } from '../schema/competitor.js';
import type { Config, RuleSetting, Severity } from '../schema/config.js';
import { didYouMean } from '../util/suggest.js';
import { allTiers, type Rule, type RuleContext } from './define.js';
import { rules as allRules, type RuleId } from './index.js';

export { completeness };

/** Rule id of the findings about `kam.yaml: rules` entries that name no rule. */
export const UNKNOWN_RULE = configCodes.unknownRule;

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

/**
 * A rule's outcome on one account, per tier: `hits` are its findings with their positions (not
 * yet severities), `crash` the first line of the error when the rule threw. Tiers whose outcome
 * is the same share one entry.
 */
export interface RuleOutcome {
  tiers: Tier[];
  hits: { line: number; column: number; message: string }[];
  crash?: string;
}

/**
 * The rules' outcomes on one account for each of `tiers` that a rule applies to, before the
 * account's tier is known: the worker threads of a large workspace run this while the file's
 * positions are at hand, and the main thread picks the outcome of the computed tier
 * (`checkFromPrecheck`). Only failures are kept: a rule missing here, or a tier missing from its
 * outcomes, passed. Rules that are `off` are not run.
 */
export interface Precheck {
  /** the tiers the rules ran for */
  tiers: Tier[];
  outcomes: Partial<Record<RuleId, RuleOutcome[]>>;
}

/** Same hits and the same crash: tiers with the same outcome share one entry. */
const sameOutcome = (a: Omit<RuleOutcome, 'tiers'>, b: Omit<RuleOutcome, 'tiers'>): boolean =>
  a.crash === b.crash &&
  a.hits.length === b.hits.length &&
  a.hits.every((h, i) => h.line === b.hits[i].line && h.column === b.hits[i].column && h.message === b.hits[i].message);

/** A rule's context that notes whether the rule read the tier. */
class WatchedContext implements RuleContext {
  tierRead = false;
  readonly today: string;
  readonly config: Config;
  readonly competitors: ReadonlyMap<string, Competitor>;
  readonly competitorIds: ReadonlySet<string>;
  constructor(
    readonly account: Account,
    private readonly at: Tier,
    env: RuleEnv,
  ) {
    this.today = env.today;
    this.config = env.config;
    this.competitors = env.competitors;
    this.competitorIds = env.competitorIds;
  }
  get tier(): Tier {
    this.tierRead = true;
    return this.at;
  }
}

export function precheckAccount(account: Account, locator: Locator, env: RuleEnv, tiers: readonly Tier[] = allTiers): Precheck {
  const pre: Precheck = { tiers: [...tiers], outcomes: {} };
  for (const rule of env.rules ?? allRules) {
    if (settingOf(rule, env.config) === 'off') continue;
    const applicable = tiers.length === 1 ? (rule.tiers.includes(tiers[0]) ? tiers : []) : tiers.filter((t) => rule.tiers.includes(t));
    if (applicable.length === 0) continue;
    const outcomes: RuleOutcome[] = [];
    for (let i = 0; i < applicable.length; i++) {
      const tier = applicable[i];
      // a run that never read the tier went the same way at every tier: it answers for the rest
      const ctx = new WatchedContext(account, tier, env);
      let outcome: Omit<RuleOutcome, 'tiers'>;
      try {
        outcome = { hits: rule.check(ctx).map((f) => ({ ...locator.locate(f.path, f.target), message: f.message })) };
      } catch (error) {
        outcome = { hits: [], crash: describeError(error) };
      }
      const readTier = ctx.tierRead;
      const covers = readTier ? [tier] : applicable.slice(i);
      if (outcome.hits.length > 0 || outcome.crash !== undefined) {
        const same = outcomes.find((o) => sameOutcome(o, outcome));
        if (same) same.tiers.push(...covers);
        else outcomes.push({ tiers: covers, ...outcome });
      }
      if (!readTier) break;
    }
    if (outcomes.length > 0) pre.outcomes[rule.id as RuleId] = outcomes;
  }
  return pre;
}

/** The rule results of an account of `tier`, from its precheck: severities, findings, completeness. */
export function checkFromPrecheck(pre: Precheck, input: { file: string; id: string; tier: Tier }, env: RuleEnv): AccountCheck {
  if (!pre.tiers.includes(input.tier)) throw new Error(`the rules of ${input.file} ran for ${pre.tiers.join(', ')}, not for its tier ${input.tier}`);
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
    account: input.id,
  });
  for (const rule of rulesFor(input.tier, env.config, env.rules ?? allRules)) {
    applied.push(rule.id);
    const outcome = pre.outcomes[rule.id as RuleId]?.find((o) => o.tiers.includes(input.tier));
    if (!outcome) continue; // passed
    if (outcome.crash !== undefined) {
      failed.push(rule.id);
      findings.push(at('error', rule.id, `rule ${rule.id} crashed: ${outcome.crash}`, { line: 1, column: 1 }));
      continue;
    }
    if (outcome.hits.length > 0) failed.push(rule.id);
    const severity = settingOf(rule, env.config) as Severity;
    for (const hit of outcome.hits) findings.push(at(severity, rule.id, hit.message, hit));
  }
  return {
    id: input.id,
    file: input.file,
    tier: input.tier,
    findings: sortFindings(findings),
    applied: applied as RuleId[],
    failed: failed as RuleId[],
    completeness: completeness(applied.length, failed.length),
  };
}

/** Runs every applicable rule on one account. */
export function checkAccount(input: AccountInput, env: RuleEnv): AccountCheck {
  const pre = precheckAccount(input.account, input.locator, env, [input.tier]);
  return checkFromPrecheck(pre, { file: input.file, id: input.account.id, tier: input.tier }, env);
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
 * (from the analysis); a valid account without one is not checked. `prechecks` holds, by file,
 * the outcomes the pipeline computed as it loaded each account (`pipeline/evaluate.ts`); an
 * account without one (a workspace from `loadWorkspace`) is checked now, through its locator.
 */
export function checkWorkspace(ws: Workspace, tiers: ReadonlyMap<string, Tier>, today: string, prechecks?: ReadonlyMap<string, Precheck>): WorkspaceCheck {
  const env = envOf(ws, today);
  const accounts: AccountCheck[] = [];
  for (const doc of ws.accounts) {
    const tier = doc.data && tiers.get(doc.data.id);
    if (!doc.data || tier === undefined) continue;
    const input = { file: doc.file, id: doc.data.id, tier };
    const pre = prechecks?.get(doc.file) ?? precheckAccount(doc.data, doc.locator, env, [tier]);
    accounts.push(checkFromPrecheck(pre, input, env));
  }
  return { findings: sortFindings([...ruleSettingFindings(ws), ...accounts.flatMap((a) => a.findings)]), accounts };
}
