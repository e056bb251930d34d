/**
 * What a completeness rule is (SPEC section 5): data plus one pure function from the rule
 * context to findings that name a document path, never a position. `run.ts` does the rest.
 */
import { codes, type CodeTier, type RuleCode } from '../codes.js';
import type { DocPath, Target } from '../load/locate.js';
import type { Account, Tier } from '../schema/account.js';
import { Tier as TierSchema } from '../schema/account.js';
import type { Competitor } from '../schema/competitor.js';
import type { Config, Severity } from '../schema/config.js';

/** Everything a rule may look at: one valid account, its computed tier, today and the workspace. */
export interface RuleContext {
  account: Account;
  /** the computed tier (SPEC section 3), not `assessment.declared_tier` */
  tier: Tier;
  /** YYYY-MM-DD: `--as-of`, else `kam.yaml: as_of`, else the system date */
  today: string;
  config: Config;
  /** the valid competitor profiles, by id */
  competitors: ReadonlyMap<string, Competitor>;
  /** the id of every file in `competitors/`, valid or not */
  competitorIds: ReadonlySet<string>;
}

/** What a rule reports: where (a document path; missing nodes resolve to their closest parent) and what. */
export interface RuleFinding {
  path: DocPath;
  message: string;
  /** `value` (default): the node's value, else its key; `key`: the key of the entry */
  target?: Target;
}

export interface Rule<Id extends string = string> {
  /** `<group>/<name>`, the file `src/rules/<group>/<name>.ts` */
  id: Id;
  /** the requirement, one line (from `src/codes.ts`); also the README table's "requirement" column and SARIF's description */
  description: string;
  /** the tiers the rule applies to */
  tiers: readonly Tier[];
  /** the severity unless `kam.yaml: rules` says otherwise */
  severity: Severity;
  /** pure: no I/O, no clock; returns nothing when the account passes */
  check(ctx: RuleContext): RuleFinding[];
}

/** What a rule file writes: its id and its check; the rest comes from `src/codes.ts`. */
export type RuleSource<Id extends RuleCode> = Omit<Rule<Id>, 'description' | 'tiers' | 'severity'>;

/**
 * Types a rule and gives it the description, tiers and default severity of its code in the
 * catalogue. A rule written out in full (a test's ad-hoc rule) is taken as it is.
 */
export function defineRule<const Id extends RuleCode>(rule: RuleSource<Id>): Rule<Id>;
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id>;
export function defineRule(rule: RuleSource<RuleCode> | Rule): Rule {
  if ('description' in rule) return rule;
  const { id, ...rest } = rule;
  const { description, tiers, severity } = codes[id];
  return { id, description: description.en, tiers, severity, ...rest };
}

// the catalogue's tiers are the schema's: neither may gain a tier the other lacks
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTiers: Same<CodeTier, Tier> = true;
void sameTiers;

/** Every tier, for rules that apply to all accounts. */
export const allTiers: readonly Tier[] = TierSchema.options;
