/**
 * The portfolio view (SPEC section 3, seed 000): the share of accounts per tier against the
 * reference 60 % prospect / 30 % ordinary / 10 % key, and the key accounts' summed effort share
 * against the reference 60 % of sales time. Information, not findings.
 */
import { Tier } from '../schema/account.js';
import type { Abc } from './tiers.js';
import type { RiskLevel } from './risk.js';
import { clean } from './numbers.js';

export const tierReference = { key: 0.1, ordinary: 0.3, prospect: 0.6 } as const satisfies Record<Tier, number>;
export const keyEffortReference = 0.6;

export interface TierShare {
  count: number;
  /** count / accounts (0 without accounts) */
  share: number;
  reference: number;
}

export interface Portfolio {
  accounts: number;
  tiers: Record<Tier, TierShare>;
  keyEffort: {
    /** sum of `team.effort_share` over key accounts (those without it count 0) */
    share: number;
    reference: number;
    /** key accounts without `team.effort_share`, by id */
    unknown: string[];
  };
  /** accounts per abc class and risk level */
  abc: Record<Abc, number>;
  risk: Record<RiskLevel, number>;
  /** sum of the latest revenue of all accounts (in the workspace currency; unranked accounts left out) */
  revenue: number;
  /** accounts not assessed (A and R unknown), by id: not on the matrix */
  unassessed: string[];
  /** accounts whose currency has no rate in `kam.yaml: fx`, by id: left out of V, abc and the revenue total */
  unranked: string[];
}

interface Analysed {
  id: string;
  tier: Tier;
  abc: Abc | null;
  unassessed: boolean;
  risk: { level: RiskLevel };
  figures: { effortShare: number | null; latestRevenue: number | null; unconverted: boolean };
}

export function portfolioOf(accounts: readonly Analysed[]): Portfolio {
  const n = accounts.length;
  const count = (tier: Tier) => accounts.filter((a) => a.tier === tier).length;
  const tiers = Object.fromEntries(
    Tier.options.map((t) => [t, { count: count(t), share: n ? count(t) / n : 0, reference: tierReference[t] }]),
  ) as Record<Tier, TierShare>;
  const keys = accounts.filter((a) => a.tier === 'key');
  const abc: Record<Abc, number> = { A: 0, B: 0, C: 0 };
  const risk: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0 };
  let revenue = 0;
  const unassessed: string[] = [];
  const unranked: string[] = [];
  for (const a of accounts) {
    if (a.abc !== null) abc[a.abc]++;
    if (a.unassessed) unassessed.push(a.id);
    if (a.figures.unconverted) unranked.push(a.id);
    risk[a.risk.level]++;
    revenue += a.figures.latestRevenue ?? 0;
  }
  return {
    accounts: n,
    tiers,
    keyEffort: {
      share: clean(keys.reduce((s, a) => s + (a.figures.effortShare ?? 0), 0)),
      reference: keyEffortReference,
      unknown: keys.filter((a) => a.figures.effortShare === null).map((a) => a.id),
    },
    abc,
    risk,
    revenue,
    unassessed,
    unranked,
  };
}
