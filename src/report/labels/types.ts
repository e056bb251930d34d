/**
 * The shape of a label catalogue: every heading, field name and enum value a report shows. One
 * catalogue per language (`en.ts`, `zh.ts`), each typed `Labels`, so a missing translation (or a
 * new enum value without a label) fails the build. Templates read them with `{{t "path"}}` or
 * `{{t "group" value}}`.
 */
import type {
  ActionStatus,
  Attitude,
  ContactLevel,
  ContactRole,
  Lifecycle,
  OpportunityStage,
  RelationshipLevel,
  RelationshipState,
  Tier,
} from '../../schema/account.js';
import type { CustomerView as CustomerViews, IssueSeverity as IssueSeverities } from '../../schema/account.js';
import type { PricePosition, Rating } from '../../schema/common.js';
import type { FindingSeverity } from '../../findings.js';
import type { Abc, CoverageCheck, Quadrant, RiskLevel, ScoreName, Segment } from '../input.js';
import type { Criteria, TeamRole } from '../model.js';
import type { z } from 'zod';

type IssueSeverity = z.infer<typeof IssueSeverities>;
type CustomerView = z.infer<typeof CustomerViews>;

export interface Labels {
  /** BCP 47 language tag of the HTML `lang` attribute */
  htmlLang: string;
  /** after a field name: `:` or `：` */
  colon: string;
  /** separator when a list is joined inline */
  listSeparator: string;
  /** `{name}` is the account's name, `{company}` ours */
  title: { planOf: string; portfolioOf: string; plan: string; portfolio: string; matrix: string };
  common: {
    asOf: string;
    company: string;
    none: string;
    unknown: string;
    yes: string;
    no: string;
    total: string;
    overdue: string;
    stale: string;
    open: string;
    days: string;
    generated: string;
    backToPortfolio: string;
    file: string;
    account: string;
    accounts: string;
    currency: string;
    /** a score (A, R, S) of an account without an assessment */
    notAssessed: string;
    /** V (and abc) of an account whose currency has no rate in `kam.yaml: fx` */
    notRanked: string;
    /** `{year}`, `{amount}`, `{runRate}`: the current year's revenue so far */
    yearToDate: string;
    /** the portfolio's list of accounts not assessed (not on the matrix) */
    unassessedAccounts: string;
    /** the portfolio's list of accounts whose currency has no rate */
    unrankedAccounts: string;
  };
  sections: {
    summary: string;
    objective: string;
    classification: string;
    keyFigures: string;
    team: string;
    assessment: string;
    customer: string;
    industryMarket: string;
    strategy: string;
    structure: string;
    performance: string;
    needs: string;
    swot: string;
    competitors: string;
    position: string;
    relationships: string;
    relationshipGrid: string;
    coverage: string;
    intel: string;
    service: string;
    strategyPlan: string;
    vision: string;
    objectives: string;
    actions: string;
    revenuePlan: string;
    pipeline: string;
    findings: string;
    riskReasons: string;
    completenessFindings: string;
    portfolioAccounts: string;
    matrix: string;
    tiers: string;
    effort: string;
    riskiest: string;
    incomplete: string;
    skipped: string;
  };
  fields: {
    id: string;
    name: string;
    industry: string;
    region: string;
    reviewed: string;
    tier: string;
    declaredTier: string;
    computedTier: string;
    abc: string;
    segment: string;
    quadrant: string;
    risk: string;
    riskPoints: string;
    completeness: string;
    latestRevenue: string;
    previousRevenue: string;
    growth: string;
    shareOfWallet: string;
    wallet: string;
    margin: string;
    costToServe: string;
    profit: string;
    weightedPipeline: string;
    effortShare: string;
    customerSummary: string;
    position: string;
    development: string;
    barriers: string;
    buyerPower: string;
    supplierPower: string;
    mission: string;
    goals: string;
    positioning: string;
    shortTerm: string;
    threats: string;
    longTerm: string;
    organisation: string;
    buyingProcess: string;
    selectionCriteria: string;
    bidding: string;
    performanceGoals: string;
    metrics: string;
    financialHealth: string;
    coreCompetences: string;
    roleOfOurOffer: string;
    changes: string;
    forecast: string;
    strengths: string;
    weaknesses: string;
    opportunities: string;
    swotThreats: string;
    competitor: string;
    share: string;
    activities: string;
    customerView: string;
    meetsCriteria: string;
    pricePosition: string;
    history: string;
    offerings: string;
    switchingCost: string;
    supporters: string;
    capabilities: string;
    constraints: string;
    ourStrategy: string;
    lifecycle: string;
    relationship: string;
    relationshipLevel: string;
    attractiveness: string;
    contact: string;
    title: string;
    role: string;
    level: string;
    attitude: string;
    owner: string;
    lastContact: string;
    owners: string;
    gaps: string;
    fact: string;
    source: string;
    date: string;
    objective: string;
    metric: string;
    target: string;
    due: string;
    task: string;
    status: string;
    year: string;
    actual: string;
    attainment: string;
    plannedProfit: string;
    opportunity: string;
    stage: string;
    value: string;
    probability: string;
    weighted: string;
    closeDate: string;
    issue: string;
    opened: string;
    resolved: string;
    severity: string;
    satisfaction: string;
    rule: string;
    message: string;
    points: string;
    location: string;
    count: string;
    reference: string;
    delta: string;
    errors: string;
    warnings: string;
  };
  /** sentences with `{name}` placeholders, filled by the `t` helper's hash arguments */
  text: {
    noData: string;
    noCompetitors: string;
    noContacts: string;
    noIntel: string;
    noActions: string;
    noObjectives: string;
    noRevenuePlan: string;
    noOpportunities: string;
    noRiskReasons: string;
    noFindings: string;
    noGaps: string;
    noServiceIssues: string;
    openPipeline: string;
    overdueActions: string;
    effortReference: string;
    effortUnknown: string;
    tierReference: string;
    matrixCaption: string;
    matrixAlt: string;
    skippedNote: string;
    skippedErrors: string;
    completenessNote: string;
    staleNote: string;
    slaNote: string;
    riskTotal: string;
    daysOverdue: string;
    unrated: string;
  };
  scores: Record<ScoreName, string>;
  /** one-letter score names: A, R, V, S */
  scoreShort: Record<ScoreName, string>;
  /**
   * The formula lines under the scores (`attractiveness 80 = 0.4 x medium + 0.3 x volume:high`).
   * English writes them as `kam score --json` does; `{name}`, `{score}`, ... are filled in.
   */
  formula: {
    /** a score's name in its formula */
    names: Record<ScoreName, string>;
    /** a factor's name in a term (`volume` in `0.3 x volume:high`); A, V and R stay letters */
    factors: Record<'volume' | 'margin' | 'state' | 'level' | 'coverage', string>;
    /** `x` in `0.3 x volume:high`, and the `:` after the factor's name */
    times: string;
    of: string;
    /** the values from the YAML as written (`very_strong`), or by their labels (`目前关系非常牢固`) */
    inputs: 'yaml' | 'labels';
    unknown: string;
    /** `{name} {score} = {terms}` */
    weighted: string;
    /** `{name}`, `{score}`, `{lower}`, `{equal}`, `{others}`, `{revenue}` */
    value: string;
    /** `{name}` of the only account */
    valueOnly: string;
    /** `{revenue}` when an account has none */
    revenueUnknown: string;
    /** `{name}`, `{terms}` (the unknown factors) of a score not assessed */
    notAssessed: string;
    /** `{name}`, `{missing}` (A, V, R), `{score}` (from what is known) of a composite with a score unknown */
    compositeUnknown: string;
    /** `{name}` of an account left out of the ranking */
    notRanked: string;
  };
  tier: Record<Tier, string>;
  abc: Record<Abc, string>;
  segment: Record<Segment, string>;
  quadrant: Record<Quadrant, string>;
  /** one-line meaning of each quadrant */
  quadrantHint: Record<Quadrant, string>;
  riskLevel: Record<RiskLevel, string>;
  rating: Record<Rating, string>;
  relationship: Record<RelationshipState, string>;
  relationshipLevel: Record<RelationshipLevel, string>;
  lifecycle: Record<Lifecycle, string>;
  role: Record<ContactRole, string>;
  level: Record<ContactLevel, string>;
  attitude: Record<Attitude, string>;
  status: Record<ActionStatus, string>;
  stage: Record<OpportunityStage, string>;
  issueSeverity: Record<IssueSeverity, string>;
  severity: Record<FindingSeverity, string>;
  pricePosition: Record<PricePosition, string>;
  customerView: Record<CustomerView, string>;
  criteria: Record<Criteria, string>;
  coverage: Record<CoverageCheck, string>;
  teamRole: Record<TeamRole, string>;
  intelLevel: Record<'1' | '2' | '3' | '4', string>;
  /** the trend pictures (`kam plan` in a git repository) */
  trend: {
    title: string;
    chartAlt: string;
    caption: string;
    axis: string;
    more: string;
    sparkline: string;
    sparklineAlt: string;
    range: string;
    tierChanges: string;
    slippage: string;
    slippageText: string;
    account: string;
    first: string;
    last: string;
  };
  /** the pictures: org chart and portfolio matrix key and totals */
  chart: {
    orgChart: string;
    orgChartAlt: string;
    reportsTo: string;
    influences: string;
    stale: string;
    owner: string;
    attitudeKey: string;
    staleDecisionMakers: string;
    matrixKey: string;
    unassessed: string;
    totals: string;
    latestRevenue: string;
    planThisYear: string;
    weightedPipeline: string;
    overdueActions: string;
    all: string;
  };
}
