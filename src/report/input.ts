/**
 * What the reports need, as plain data: one valid account with its analysis (scores, classes,
 * risk, figures), its completeness findings and its completeness percentage, plus the workspace
 * around it. `kam plan` fills it from the analysis and the rules engine (`src/report/gather.ts`);
 * tests fill it by hand. Nothing here is computed; the class names are the analysis' own.
 */
import type { Account, Tier } from '../schema/account.js';
import type { Competitor } from '../schema/competitor.js';
import type { Audience, Lang } from '../schema/config.js';
import type { Self } from '../schema/self.js';
import type { Finding } from '../findings.js';
import type { Abc, CoverageCheck, Figures, MoneySettings, Quadrant, RiskLevel, ScoreName, Segment } from '../analysis/index.js';
import type { ScoreFormulas } from './formula.js';

export type { Abc, CoverageCheck, Figures, Quadrant, RiskLevel, ScoreName, Segment } from '../analysis/index.js';
export { abcClasses, coverageChecks, quadrants, riskLevels, segments } from '../analysis/index.js';

export interface ReportRiskReason {
  rule: string;
  points: number;
  message: string;
}

/** One account's analysis (SPEC sections 2 to 4), scores unrounded. */
export interface ReportAnalysis {
  /** null: unknown (A and R not assessed, V not ranked, S when any of them is) */
  scores: Record<ScoreName, number | null>;
  tier: Tier;
  abc: Abc | null;
  segment: Segment;
  quadrant: Quadrant | null;
  /** neither A nor R is known */
  unassessed?: boolean;
  risk: { level: RiskLevel; points: number; reasons: ReportRiskReason[] };
  figures: Figures;
  coverage: Record<CoverageCheck, boolean>;
  /** what the scores are made of, for the formula lines under them, when known */
  formulas?: ScoreFormulas;
}

/**
 * An account's history replayed from git (`kam plan` when the workspace is in git, see
 * `kam trend`): S and the tier at each revision, oldest first, and the plan's slippage.
 */
export interface ReportTrendSeries {
  id: string;
  name: string;
  points: { commit: string; date: string; composite: number | null; tier: Tier | null }[];
  slippage: {
    /** due dates of open actions and objectives that moved */
    moves: number;
    /** distinct actions and objectives that moved */
    items: number;
    /** days moved, summed */
    days: number;
    /** actions closed after their due date, and by how many days in all */
    late: number;
    lateDays: number;
  };
}

export interface AccountInput {
  /** workspace-relative file, `/` separators */
  file: string;
  account: Account;
  analysis: ReportAnalysis;
  /** completeness findings about this account (rules engine) */
  findings: Finding[];
  /** share of the applicable rules passed, 0-100; null when no rule applies */
  completeness: number | null;
  /** its history, when the workspace is in git and the trend was asked for */
  trend?: ReportTrendSeries;
}

/** An account file left out of the reports because it is invalid. */
export interface SkippedAccount {
  file: string;
  id: string | null;
  errors: number;
}

export interface ReportInput {
  /** our company (`kam.yaml: company`, else `self.yaml: name`) */
  company: string | null;
  /** workspace currency */
  currency: string;
  /**
   * `kam.yaml: currency, fx, fiscal_year_start`: the plans convert an account's money into the
   * workspace currency and show the original beside it. Without, each plan shows its account's
   * money as written, in the account's currency.
   */
  money?: MoneySettings;
  lang: Lang;
  /** who the reports are for (`kam plan --audience`); team when absent */
  audience?: Audience;
  /** YYYY-MM-DD */
  today: string;
  /** A and R split of the portfolio matrix (`scoring.thresholds.quadrant`) */
  quadrantThreshold: number;
  /** `checks.contact_stale_days` */
  contactStaleDays: number;
  /** `checks.service_sla_days` */
  serviceSlaDays: number;
  self: Self | null;
  /** valid competitor profiles by id */
  competitors: ReadonlyMap<string, Competitor>;
  /** every valid account, in any order */
  accounts: AccountInput[];
  skipped: SkippedAccount[];
}

/** What one account's plan needs of the report input: everything but the other accounts. */
export type PlanInput = Omit<ReportInput, 'accounts' | 'skipped'>;
