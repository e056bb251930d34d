/**
 * Analysis of a workspace's valid accounts (SPEC sections 2-4): figures, scores with breakdowns,
 * the four classes, defection risk, and the portfolio view. Pure: same accounts, config and
 * `today`, same result; no I/O, no clock. `analyseWorkspace` is the entry point; the pieces are
 * exported for `kam check`, the reports and tests.
 */
import type { Account, Tier } from '../schema/account.js';
import type { Config } from '../schema/config.js';
import { computeFigures, type Figures } from './figures.js';
import { assessRisk, type Risk } from './risk.js';
import {
  attractiveness,
  attractivenessScore,
  composite,
  compositeScore,
  normaliseWeights,
  relationship,
  relationshipScore,
  valueScores,
  valueScoresOnly,
  unassessed,
  type CompositeBreakdown,
  type RelationshipBreakdown,
  type ScoreName,
  type ValueBreakdown,
  type WeightedBreakdown,
} from './scores.js';
import { abcOf, quadrantOf, segmentOf, tierOf, type Abc, type AbcBreakdown, type Quadrant, type QuadrantBreakdown, type Segment, type SegmentBreakdown, type TierBreakdown } from './tiers.js';
import { portfolioOf, type Portfolio } from './portfolio.js';

/** null: unknown (A and R of an account not assessed, V of one not ranked, S when any of them is) */
export type Scores = Record<ScoreName, number | null>;

/**
 * The parts of an account the analysis reads. Worker threads send the main thread only these
 * (the analysis is all it does with the data once the rules have run), which halves what crosses
 * between threads; a test holds the list to what the analysis really reads.
 */
export const analysedFields = ['id', 'name', 'assessment', 'competitors', 'contacts', 'currency', 'financials', 'opportunities', 'self', 'service', 'team'] as const satisfies readonly (keyof Account)[];

/** Why each score and class came out as it did. */
export interface Breakdown {
  attractiveness: WeightedBreakdown;
  relationship: RelationshipBreakdown;
  value: ValueBreakdown;
  composite: CompositeBreakdown;
  tier: TierBreakdown;
  abc: AbcBreakdown;
  segment: SegmentBreakdown;
  quadrant: QuadrantBreakdown;
}

export interface AccountAnalysis {
  id: string;
  name: string;
  figures: Figures;
  /** unrounded (cleaned of floating-point noise); round with `round1` for output */
  scores: Scores;
  tier: Tier;
  /** null when the account is not ranked (its currency has no rate) */
  abc: Abc | null;
  segment: Segment;
  /** null when A or R is unknown (not placed on the matrix) */
  quadrant: Quadrant | null;
  /** neither A nor R is known: the assessment is missing */
  unassessed: boolean;
  risk: Risk;
  breakdown: Breakdown;
}

export interface WorkspaceAnalysis {
  /** sorted by id */
  accounts: AccountAnalysis[];
  portfolio: Portfolio;
}

/** What an account's tier needs of the account itself; the value score V needs all of them. */
export interface TierInputs {
  id: string;
  /** the latest revenue in the workspace currency; for an account left out of the ranking (no rate), in its own */
  latestRevenue: number | null;
  /** its currency has no rate: left out of V and abc */
  unranked: boolean;
  attractiveness: number | null;
  relationship: number | null;
}

/** The revenue the tier looks at (prospect or not): an unranked account's own, whose sign needs no rate. */
const tierRevenue = (f: Figures) => (f.unconverted ? (f.original?.latestRevenue ?? null) : f.latestRevenue);
/** The revenue ranked for V and abc; undefined leaves the account out. */
const rankedRevenue = (f: Pick<TierInputs, 'latestRevenue' | 'unranked'>) => (f.unranked ? undefined : f.latestRevenue);

export function tierInputs(account: Account, config: Config, today: string): TierInputs {
  const weights = normaliseWeights(config.scoring.weights);
  const f = computeFigures(account, config, today);
  return {
    id: account.id,
    latestRevenue: tierRevenue(f),
    unranked: f.unconverted,
    attractiveness: attractivenessScore(account, weights.attractiveness),
    relationship: relationshipScore(account, weights.relationship),
  };
}

/**
 * The tiers an account can have whatever the revenues of the others: V, its revenue's rank among
 * them, is between 0 and 100, and S grows with V. What the worker threads, which see one account
 * at a time, run the tier-dependent rules for.
 */
export function possibleTiers(x: TierInputs, config: Config): Tier[] {
  const weights = normaliseWeights(config.scoring.weights).composite;
  const tier = (v: number | null) => tierOf(x.latestRevenue, compositeScore(x.attractiveness, v, x.relationship, weights), config.scoring.thresholds.key).value;
  const [low, high] = x.unranked ? [tier(null), tier(null)] : [tier(0), tier(100)];
  return low === high ? [low] : [low, high];
}

/**
 * Every account's tier from its tier inputs (V ranks each account's revenue among all of them),
 * by the same functions as `analyseWorkspace`: what `kam check` needs of the analysis, computed
 * from a few numbers per account that worker threads can send instead of whole accounts.
 */
export function tiersOf(inputs: readonly TierInputs[], config: Config): Map<string, Tier> {
  const weights = normaliseWeights(config.scoring.weights);
  const values = valueScoresOnly(inputs.map(rankedRevenue));
  return new Map(
    inputs.map((x, i) => {
      const S = compositeScore(x.attractiveness, values[i], x.relationship, weights.composite);
      return [x.id, tierOf(x.latestRevenue, S, config.scoring.thresholds.key).value];
    }),
  );
}

/** What places an account among the others: its V and abc (both rank its latest revenue among theirs). */
export interface Ranked {
  value: ValueBreakdown;
  abc: AbcBreakdown;
}

/** V and abc of every account, from the latest revenues of all of them (by sorting); undefined: not ranked. */
export function rankRevenues(revenues: readonly (number | null | undefined)[], config: Config): Ranked[] {
  const values = valueScores(revenues);
  const abcs = abcOf(revenues, config.scoring.thresholds.abc);
  return values.map((value, i) => ({ value, abc: abcs[i] }));
}

/**
 * One account's analysis once it is ranked among the others (V, abc): everything else depends on
 * the account alone.
 */
export function analyseAccount(account: Account, f: Figures, ranked: Ranked, config: Config, today: string): AccountAnalysis {
  const { thresholds } = config.scoring;
  const weights = normaliseWeights(config.scoring.weights);
  const A = attractiveness(account, weights.attractiveness);
  const R = relationship(account, weights.relationship);
  const V = ranked.value;
  const S = composite(A.score, V.score, R.score, weights.composite);
  const tier = tierOf(tierRevenue(f), S.known, thresholds.key, S.unknown);
  const abc = ranked.abc;
  const segment = segmentOf(f.profit, abc.value, account.assessment?.potential?.volume, f.growth, thresholds.growth);
  const quadrant = quadrantOf(A.score, R.score, thresholds.quadrant);
  return {
    id: account.id,
    name: account.name,
    figures: f,
    scores: { attractiveness: A.score, relationship: R.score, value: V.score, composite: S.score },
    tier: tier.value,
    abc: abc.value,
    segment: segment.value,
    quadrant: quadrant.value,
    unassessed: unassessed(account),
    risk: assessRisk(account, { figures: f, today, serviceSlaDays: config.checks.service_sla_days }),
    breakdown: { attractiveness: A, relationship: R, value: V, composite: S, tier, abc, segment, quadrant },
  };
}

/**
 * Analyses the valid accounts of a workspace together (V and abc rank each account among these).
 * `today` is YYYY-MM-DD, decided once by `decideToday`.
 */
export function analyseWorkspace(accounts: readonly Account[], config: Config, today: string): WorkspaceAnalysis {
  const sorted = [...accounts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const figures = sorted.map((a) => computeFigures(a, config, today));
  const ranked = rankRevenues(
    figures.map((f) => (f.unconverted ? undefined : f.latestRevenue)),
    config,
  );
  const analysed = sorted.map((account, i) => analyseAccount(account, figures[i], ranked[i], config, today));
  return { accounts: analysed, portfolio: portfolioOf(analysed) };
}

export { computeFigures, closedStages, type Figures, type OriginalFigures, type YearToDate } from './figures.js';
export { moneyOf, type Money, type MoneySettings } from './money.js';
export { currentYear, yearOf, type CurrentYear } from './years.js';
export { clean, round1 } from './numbers.js';
export { portfolioOf, tierReference, keyEffortReference, type Portfolio } from './portfolio.js';
export { assessRisk, riskLevelOf, riskLevels, riskRules, type Risk, type RiskContext, type RiskHit, type RiskLevel, type RiskReason, type RiskRuleId } from './risk.js';
export {
  attractiveness,
  composite,
  coverage,
  coverageChecks,
  coverageLabels,
  levelValues,
  normalise,
  normaliseWeights,
  ratingValues,
  relationship,
  stateValues,
  valueScores,
  UNKNOWN,
  attractivenessKnown,
  relationshipKnown,
  unassessed,
  type CompositeBreakdown,
  type CoverageCheck,
  type Factor,
  type RelationshipBreakdown,
  type ScoreName,
  type Unknown,
  type ValueBreakdown,
  type WeightedBreakdown,
  type Weights,
} from './scores.js';
export {
  abcClasses,
  abcOf,
  quadrantOf,
  quadrants,
  segmentOf,
  segments,
  tierOf,
  type Abc,
  type AbcBreakdown,
  type Quadrant,
  type QuadrantBreakdown,
  type Segment,
  type SegmentBreakdown,
  type Thresholds,
  type TierBreakdown,
} from './tiers.js';
