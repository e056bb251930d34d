/**
 * Derived figures of one account (SPEC section 2): latest and previous revenue, growth, share of
 * wallet, profit and weighted pipeline. `null` means unknown (an input is missing); nothing here
 * throws on a missing input.
 */
import type { Account, OpportunityStage } from '../schema/account.js';

export interface Figures {
  /** the greatest year of `financials.revenue`, or null without revenue */
  latestYear: number | null;
  /** revenue of `latestYear` */
  latestRevenue: number | null;
  /** the greatest year below `latestYear` */
  previousYear: number | null;
  previousRevenue: number | null;
  /** latest / previous - 1; null without a previous year or when the previous revenue is 0 (or below) */
  growth: number | null;
  /** latest revenue / `financials.wallet`; null when either is missing or the wallet is 0 */
  shareOfWallet: number | null;
  /** latest revenue x margin - cost_to_serve (absent cost counts as 0); null without revenue or margin */
  profit: number | null;
  /** sum of value x probability over open opportunities (missing value or probability counts as 0) */
  weightedPipeline: number;
  /** opportunities not `won` or `lost` (no stage counts as open) */
  openOpportunities: number;
  /** `team.effort_share`, share of total sales time planned for this account */
  effortShare: number | null;
}

/** Stages after which an opportunity is closed; every other stage (or none) is open. */
export const closedStages: readonly OpportunityStage[] = ['won', 'lost'];

export function computeFigures(account: Account): Figures {
  const fin = account.financials;
  const years = Object.keys(fin?.revenue ?? {})
    .map(Number)
    .sort((a, b) => b - a);
  const revenueOf = (year: number | null) => (year === null ? null : (fin?.revenue?.[String(year)] ?? null));
  const latestYear = years[0] ?? null;
  const previousYear = years[1] ?? null;
  const latestRevenue = revenueOf(latestYear);
  const previousRevenue = revenueOf(previousYear);

  // (latest - previous) / previous rather than latest / previous - 1: exact for 1.2M on 1M (0.2)
  const growth = latestRevenue !== null && previousRevenue !== null && previousRevenue > 0 ? (latestRevenue - previousRevenue) / previousRevenue : null;
  const wallet = fin?.wallet;
  const shareOfWallet = latestRevenue !== null && wallet !== undefined && wallet > 0 ? latestRevenue / wallet : null;
  const profit = latestRevenue !== null && fin?.margin !== undefined ? latestRevenue * fin.margin - (fin.cost_to_serve ?? 0) : null;

  let weightedPipeline = 0;
  let openOpportunities = 0;
  for (const o of account.opportunities ?? []) {
    if (o.stage !== undefined && closedStages.includes(o.stage)) continue;
    openOpportunities++;
    weightedPipeline += (o.value ?? 0) * (o.probability ?? 0);
  }

  return {
    latestYear,
    latestRevenue,
    previousYear,
    previousRevenue,
    growth,
    shareOfWallet,
    profit,
    weightedPipeline,
    openOpportunities,
    effortShare: account.team?.effort_share ?? null,
  };
}
