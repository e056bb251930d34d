/**
 * Derived figures of one account (SPEC section 2): latest and previous revenue, growth, share of
 * wallet, profit and weighted pipeline, in the workspace currency (`money.ts` converts an account
 * written in another), of complete years only: the year "today" falls in is shown as year to date
 * with its run rate (`years.ts`). `null` means unknown (an input is missing, or the account's
 * currency has no rate); nothing here throws on a missing input.
 */
import type { Account, OpportunityStage } from '../schema/account.js';
import { moneyOf, type MoneySettings } from './money.js';

/** The current year's revenue so far. */
export interface YearToDate {
  year: number;
  /** revenue recorded for the year so far */
  revenue: number | null;
  /** revenue x days in the year / days elapsed (today counted) */
  runRate: number | null;
  /** days of the year up to and including today, and days in it */
  elapsed: number;
  days: number;
}

/** The money figures of an account in the currency it is written in (when that is not the workspace's). */
export interface OriginalFigures {
  currency: string;
  latestRevenue: number | null;
  previousRevenue: number | null;
  profit: number | null;
  weightedPipeline: number;
  yearToDate: number | null;
  runRate: number | null;
}

export interface Figures {
  /** the currency of the money figures below: the workspace's */
  currency: string;
  /** the greatest complete year of `financials.revenue`, or null without one */
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
  /** sum of value x probability over open opportunities (missing value or probability counts as 0); null without a rate */
  weightedPipeline: number | null;
  /** opportunities not `won` or `lost` (no stage counts as open) */
  openOpportunities: number;
  /** `team.effort_share`, share of total sales time planned for this account */
  effortShare: number | null;
  /** the year today falls in, when `financials.revenue` gives it: not complete, so not in the figures above */
  yearToDate: YearToDate | null;
  /** the figures in the account's own currency when it is not the workspace's, else null */
  original: OriginalFigures | null;
  /** the account's currency has no rate in `kam.yaml: fx`: its money figures are unknown and V and abc leave it out */
  unconverted: boolean;
}

/** Stages after which an opportunity is closed; every other stage (or none) is open. */
export const closedStages: readonly OpportunityStage[] = ['won', 'lost'];

interface Raw {
  latestRevenue: number | null;
  previousRevenue: number | null;
  growth: number | null;
  shareOfWallet: number | null;
  profit: number | null;
  weightedPipeline: number | null;
  yearToDate: number | null;
  runRate: number | null;
}

/**
 * The figures of `account` at `today` with the workspace's money settings. Without settings the
 * account's own currency is taken as the workspace's (nothing converted); without `today` every
 * year counts as complete (no year to date): what the pure tests of single figures use.
 */
export function computeFigures(account: Account, settings?: MoneySettings, today?: string): Figures {
  const fin = account.financials;
  const money = moneyOf(account, settings ?? { currency: account.currency ?? 'CNY', fx: {}, fiscal_year_start: '01-01' }, today ?? '9998-12-31');
  const { current } = money;
  const revenue = fin?.revenue ?? {};
  const years = Object.keys(revenue)
    .map(Number)
    .filter((y) => y < current.year)
    .sort((a, b) => b - a);
  const latestYear = years[0] ?? null;
  const previousYear = years[1] ?? null;
  const ytdGiven = Object.hasOwn(revenue, String(current.year));
  // wallet and cost to serve are yearly amounts without a year: those of the latest complete year
  const refYear = latestYear ?? current.year;

  const open = (account.opportunities ?? []).filter((o) => !(o.stage !== undefined && closedStages.includes(o.stage)));
  const figuresIn = (convert: (amount: number | null | undefined, year: number) => number | null): Raw => {
    const revenueOf = (year: number | null) => (year === null ? null : convert(revenue[String(year)], year));
    const latestRevenue = revenueOf(latestYear);
    const previousRevenue = revenueOf(previousYear);
    // (latest - previous) / previous rather than latest / previous - 1: exact for 1.2M on 1M (0.2)
    const growth = latestRevenue !== null && previousRevenue !== null && previousRevenue > 0 ? (latestRevenue - previousRevenue) / previousRevenue : null;
    const wallet = convert(fin?.wallet, refYear);
    const shareOfWallet = latestRevenue !== null && wallet !== null && wallet > 0 ? latestRevenue / wallet : null;
    const cost = fin?.cost_to_serve === undefined ? 0 : convert(fin.cost_to_serve, refYear);
    const profit = latestRevenue !== null && fin?.margin !== undefined && cost !== null ? latestRevenue * fin.margin - cost : null;
    let weightedPipeline: number | null = 0;
    for (const o of open) {
      const value = convert(o.value ?? 0, money.yearOf(o.close_date));
      weightedPipeline = value === null || weightedPipeline === null ? null : weightedPipeline + value * (o.probability ?? 0);
    }
    const yearToDate = ytdGiven ? convert(revenue[String(current.year)], current.year) : null;
    const runRate = yearToDate === null ? null : (yearToDate * current.days) / current.elapsed;
    return { latestRevenue, previousRevenue, growth, shareOfWallet, profit, weightedPipeline, yearToDate, runRate };
  };

  const here = figuresIn((amount, year) => money.at(amount, year));
  const own = money.foreign ? figuresIn((amount) => (amount === null || amount === undefined ? null : amount)) : null;
  const unconverted = money.foreign && !money.convertible;

  return {
    currency: money.currency,
    latestYear,
    latestRevenue: here.latestRevenue,
    previousYear,
    previousRevenue: here.previousRevenue,
    // growth is a ratio: without a rate, the account's own currency still tells it
    growth: unconverted ? own!.growth : here.growth,
    shareOfWallet: unconverted ? own!.shareOfWallet : here.shareOfWallet,
    profit: here.profit,
    weightedPipeline: here.weightedPipeline,
    openOpportunities: open.length,
    effortShare: account.team?.effort_share ?? null,
    yearToDate: ytdGiven ? { year: current.year, revenue: here.yearToDate, runRate: here.runRate, elapsed: current.elapsed, days: current.days } : null,
    original: own && {
      currency: money.original,
      latestRevenue: own.latestRevenue,
      previousRevenue: own.previousRevenue,
      profit: own.profit,
      weightedPipeline: own.weightedPipeline ?? 0,
      yearToDate: own.yearToDate,
      runRate: own.runRate,
    },
    unconverted,
  };
}
