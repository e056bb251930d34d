/**
 * What a completeness rule is (SPEC section 5): data plus one pure function from the rule
 * context to findings that name a document path, never a position. `run.ts` does the rest.
 */
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
  /** the requirement, one line; also the README table's "requirement" column and SARIF's description */
  description: string;
  /** the tiers the rule applies to */
  tiers: readonly Tier[];
  /** the severity unless `kam.yaml: rules` says otherwise */
  severity: Severity;
  /** pure: no I/O, no clock; returns nothing when the account passes */
  check(ctx: RuleContext): RuleFinding[];
}

/** Types a rule; the identity function. */
export const defineRule = <const Id extends string>(rule: Rule<Id>): Rule<Id> => rule;

/** Every tier, for rules that apply to all accounts. */
export const allTiers: readonly Tier[] = TierSchema.options;
