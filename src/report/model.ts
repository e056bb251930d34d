/**
 * The data a report template sees (README "Report templates"), built from the plain report input:
 * YAML values as written (snake_case, so a consultant finds them where the account file has
 * them) plus derived values in camelCase (overdue actions, coverage gaps, intel by level, profit of
 * the revenue plan, open pipeline, ...). Pure: no I/O, no clock; arrays are sorted, so the same
 * input gives the same report bytes. Labels, the format and helpers are added by `render.ts`.
 */
import type { Account, ActionStatus, ContactLevel, ContactRole, Tier } from '../schema/account.js';
import { ContactLevel as ContactLevels, ContactRole as ContactRoles, Tier as Tiers } from '../schema/account.js';
import { keyEffortReference, moneyOf, round1, tierReference, type Money } from '../analysis/index.js';
import { daysBetween } from '../today.js';
import type { Finding } from '../findings.js';
import { formulaLines } from './formula.js';
import { labelsFor } from './labels/index.js';
import { matrixModel, type MatrixModel } from './matrix.js';
import { sparklineModel, trendChartModel, type SparklineModel, type TrendChartModel } from './trend.js';
import { orgChartModel, type OrgChartModel } from './orgchart.js';
import {
  coverageChecks,
  type AccountInput,
  type CoverageCheck,
  type Figures,
  type PlanInput,
  type ReportInput,
  type ReportRiskReason,
  type ScoreName,
  type SkippedAccount,
} from './input.js';


const score1 = (x: number | null) => (x === null ? null : round1(x));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => cmp(key(a), key(b));

export type Criteria = 'yes' | 'no' | 'unknown';
const criteria = (v: boolean | undefined): Criteria => (v === undefined ? 'unknown' : v ? 'yes' : 'no');

export const teamRoles = ['account_lead', 'solution_lead', 'delivery_lead', 'executive_sponsor', 'sales_manager'] as const;
export type TeamRole = (typeof teamRoles)[number];

const openStatuses: ReadonlySet<ActionStatus> = new Set<ActionStatus>(['planned', 'in_progress', 'blocked']);

/** What every report's context has. */
export interface ReportBase {
  lang: ReportInput['lang'];
  /** who the report is for: `team`, `exec` or `customer` (README "Audiences") */
  audience: NonNullable<ReportInput['audience']>;
  today: string;
  company: string | null;
  /** the currency money is shown in: the account's (plan) or the workspace's (portfolio) */
  currency: string;
}

export interface AccountSummary {
  id: string;
  name: string;
  file: string;
  /** the currency of the money figures: the workspace's when the report converts, else the account's */
  currency: string;
  /** the account's own currency when its money was converted from it, else null */
  originalCurrency: string | null;
  scores: Record<ScoreName, number | null>;
  tier: Tier;
  declaredTier: Tier | null;
  tierDrift: boolean;
  abc: AccountInput['analysis']['abc'];
  segment: AccountInput['analysis']['segment'];
  quadrant: AccountInput['analysis']['quadrant'];
  risk: { level: AccountInput['analysis']['risk']['level']; points: number };
  completeness: number | null;
  figures: Figures;
  /** errors and warnings among the completeness findings */
  errors: number;
  warnings: number;
}

/** The money of an account as the report shows it: converted when the report input says how, else as written. */
const moneyFor = (account: Account, input: Pick<PlanInput, 'money' | 'today'>): Money | null => (input.money ? moneyOf(account, input.money, input.today) : null);

function summarise(input: AccountInput, workspaceCurrency: string, converts: boolean): AccountSummary {
  const { account, analysis } = input;
  const declared = account.assessment?.declared_tier ?? null;
  const own = account.currency ?? workspaceCurrency;
  return {
    id: account.id,
    name: account.name,
    file: input.file,
    currency: converts ? workspaceCurrency : own,
    originalCurrency: converts && own !== workspaceCurrency ? own : null,
    scores: {
      attractiveness: score1(analysis.scores.attractiveness),
      relationship: score1(analysis.scores.relationship),
      value: score1(analysis.scores.value),
      composite: score1(analysis.scores.composite),
    },
    tier: analysis.tier,
    declaredTier: declared,
    tierDrift: declared !== null && declared !== analysis.tier,
    abc: analysis.abc,
    segment: analysis.segment,
    quadrant: analysis.quadrant,
    risk: { level: analysis.risk.level, points: analysis.risk.points },
    completeness: input.completeness === null ? null : round1(input.completeness),
    figures: analysis.figures,
    errors: input.findings.filter((f) => f.severity === 'error').length,
    warnings: input.findings.filter((f) => f.severity === 'warn').length,
  };
}

// ---------------------------------------------------------------------------------------------
// account plan

export interface ContactView {
  name: string;
  title?: string;
  role?: ContactRole;
  level?: ContactLevel;
  attitude?: string;
  owner?: string;
  last_contact?: string;
  reports_to?: string;
  influences?: string[];
  /** days since `last_contact`, null without it */
  daysSinceContact: number | null;
  /** `last_contact` older than `checks.contact_stale_days` */
  stale: boolean;
}

export interface PlanContext extends ReportBase {
  report: 'account';
  /** the account file as written (YAML keys) */
  account: Account;
  summary: AccountSummary;
  explain: Partial<Record<ScoreName, string>>;
  /** S over time with its tier changes and the slippage, when the workspace is in git (`trend.ts`) */
  sparkline: SparklineModel | null;
  links: { portfolio: string };
  team: { roles: { role: TeamRole; name: string }[]; effortShare: number | null };
  customer: {
    /** `customer.needs.forecast` as a list sorted by year (`original`: as written, when converted) */
    forecast: { year: string; amount: number | null; original: Original | null }[];
  };
  competitors: {
    ref: string | null;
    name: string;
    profiled: boolean;
    summary: string | null;
    share: number | null;
    activities: string | null;
    customerView: string | null;
    meetsCriteria: Criteria;
    strengths: string[];
    weaknesses: string[];
    pricePosition: string | null;
  }[];
  position: {
    offerings: { id: string; name: string }[];
    meetsCriteria: Criteria;
    lifecycle: string | null;
    shareOfWallet: number | null;
  };
  relationships: {
    contacts: ContactView[];
    /** contacts by level (rows) and role (columns); empty rows and columns left out */
    levels: ContactLevel[];
    roles: ContactRole[];
    grid: { level: ContactLevel; cells: { role: ContactRole; contacts: ContactView[] }[] }[];
    unplaced: ContactView[];
    coverage: { check: CoverageCheck; met: boolean }[];
    gaps: CoverageCheck[];
    owners: string[];
    staleDays: number;
    /** the org chart (reporting and influence lines); null without contacts */
    chart: OrgChartModel | null;
    /** there are decision makers, and none was met within `staleDays` */
    decisionMakersStale: boolean;
  };
  intel: { level: 1 | 2 | 3 | 4 | null; items: NonNullable<Account['intel']> }[];
  plan: {
    summary: string | null;
    vision: string | null;
    objectives: NonNullable<NonNullable<Account['plan']>['objectives']>;
    actions: (NonNullable<NonNullable<Account['plan']>['actions']>[number] & {
      status: ActionStatus;
      open: boolean;
      overdue: boolean;
      daysOverdue: number;
    })[];
    overdue: number;
    revenuePlan: {
      year: number;
      target: number | null;
      actual: number | null;
      margin: number | null;
      /** actual / target */
      attainment: number | null;
      /** actual x margin */
      profit: number | null;
      /** target x margin */
      plannedProfit: number | null;
      /** target, actual and profit as written, when converted from the account's currency */
      original: { currency: string; target: number | null; actual: number | null; profit: number | null } | null;
    }[];
  };
  pipeline: {
    /** `value` and `weighted` converted (at the rate of the close date's year); `original` as written */
    opportunities: (Omit<NonNullable<Account['opportunities']>[number], 'value'> & {
      value: number | null;
      open: boolean;
      weighted: number | null;
      original: { currency: string; value: number | null; weighted: number | null } | null;
    })[];
    open: number;
    openValue: number;
    weighted: number;
  };
  service: {
    issues: (NonNullable<NonNullable<Account['service']>['issues']>[number] & { open: boolean; daysOpen: number; overSla: boolean })[];
    open: number;
    overSla: number;
    satisfaction: NonNullable<NonNullable<Account['service']>['satisfaction']>;
    latestSatisfaction: number | null;
    slaDays: number;
  };
  findings: {
    risk: ReportRiskReason[];
    completeness: Finding[];
    errors: number;
    warnings: number;
  };
}

/** An amount as written in the account's own currency, beside its converted figure. */
export interface Original {
  currency: string;
  amount: number | null;
}

/** Converts `amount` of `year` with `money` (null: the report does not convert); `original` when the currency differs. */
function converted(money: Money | null, amount: number | null, year: number): { amount: number | null; original: Original | null } {
  if (!money || !money.foreign) return { amount, original: null };
  return { amount: money.at(amount, year), original: { currency: money.original, amount } };
}

const textOrNull = (s: string | undefined | null) => (s === undefined || s === null || s.trim() === '' ? null : s);

function competitorsOf(account: Account, input: PlanInput): PlanContext['competitors'] {
  return (account.competitors ?? []).map((entry) => {
    const profile = entry.ref !== undefined ? input.competitors.get(entry.ref) : undefined;
    const own = (list: string[] | undefined) => (list ?? []).filter((s) => s.trim() !== '');
    const strengths = own(entry.strengths);
    const weaknesses = own(entry.weaknesses);
    return {
      ref: entry.ref ?? null,
      name: entry.name ?? profile?.name ?? entry.ref ?? '',
      profiled: profile !== undefined,
      summary: textOrNull(profile?.summary),
      share: entry.share ?? null,
      activities: textOrNull(entry.activities),
      customerView: textOrNull(entry.customer_view),
      meetsCriteria: criteria(entry.meets_criteria),
      strengths: strengths.length ? strengths : own(profile?.strengths),
      weaknesses: weaknesses.length ? weaknesses : own(profile?.weaknesses),
      pricePosition: profile?.price_position ?? null,
    };
  });
}

const levelOrder = ContactLevels.options;
const roleOrder = ContactRoles.options;
const rank = <T extends string>(order: readonly T[], v: T | undefined) => (v === undefined ? order.length : order.indexOf(v));

function relationshipsOf(account: Account, input: PlanInput, coverage: Record<CoverageCheck, boolean>): PlanContext['relationships'] {
  const contacts: ContactView[] = (account.contacts ?? [])
    .map((c) => {
      const days = c.last_contact !== undefined ? daysBetween(c.last_contact, input.today) : null;
      return { ...c, daysSinceContact: days, stale: days !== null && days > input.contactStaleDays };
    })
    .sort((a, b) => rank(levelOrder, a.level) - rank(levelOrder, b.level) || rank(roleOrder, a.role) - rank(roleOrder, b.role) || cmp(a.name, b.name));
  const levels = levelOrder.filter((l) => contacts.some((c) => c.level === l));
  const roles = roleOrder.filter((r) => contacts.some((c) => c.role === r && c.level !== undefined));
  const grid = levels.map((level) => ({
    level,
    cells: roles.map((role) => ({ role, contacts: contacts.filter((c) => c.level === level && c.role === role) })),
  }));
  const owners = [...new Set(contacts.map((c) => c.owner?.trim()).filter((o): o is string => Boolean(o)))].sort(cmp);
  return {
    contacts,
    levels,
    roles,
    grid,
    unplaced: contacts.filter((c) => c.level === undefined || c.role === undefined),
    coverage: coverageChecks.map((check) => ({ check, met: coverage[check] })),
    gaps: coverageChecks.filter((check) => !coverage[check]),
    owners,
    staleDays: input.contactStaleDays,
    chart: orgChartModel(contacts),
    decisionMakersStale: contacts.some((c) => c.role === 'decision_maker') && contacts.filter((c) => c.role === 'decision_maker').every((c) => c.stale || c.last_contact === undefined),
  };
}

function intelOf(account: Account): PlanContext['intel'] {
  const items = account.intel ?? [];
  const sorted = (level: number | undefined) =>
    items.filter((i) => i.level === level).sort((a, b) => cmp(b.date ?? '', a.date ?? '') || cmp(a.fact, b.fact));
  const out: PlanContext['intel'] = ([4, 3, 2, 1] as const).map((level) => ({ level, items: sorted(level) }));
  const unrated = sorted(undefined);
  if (unrated.length) out.push({ level: null, items: unrated });
  return out;
}

function planOf(account: Account, today: string, money: Money | null): PlanContext['plan'] {
  const plan = account.plan ?? {};
  const actions = (plan.actions ?? []).map((a) => {
    const status = a.status ?? 'planned';
    const open = openStatuses.has(status);
    const late = open && a.due !== undefined ? daysBetween(a.due, today) : 0;
    return { ...a, status, open, overdue: late > 0, daysOverdue: Math.max(0, late) };
  });
  const times = (a: number | null, b: number | null) => (a === null || b === null ? null : a * b);
  const revenuePlan = [...(plan.revenue_plan ?? [])]
    .sort((a, b) => a.year - b.year)
    .map((r) => {
      const t = converted(money, r.target ?? null, r.year);
      const a = converted(money, r.actual ?? null, r.year);
      const target = t.amount;
      const actual = a.amount;
      const margin = r.margin ?? null;
      return {
        year: r.year,
        target,
        actual,
        margin,
        attainment: r.actual !== undefined && r.target !== undefined && r.target > 0 ? r.actual / r.target : null,
        profit: times(actual, margin),
        plannedProfit: times(target, margin),
        original: t.original && { currency: t.original.currency, target: r.target ?? null, actual: r.actual ?? null, profit: times(r.actual ?? null, margin) },
      };
    });
  return {
    summary: textOrNull(plan.summary),
    vision: textOrNull(plan.vision),
    objectives: plan.objectives ?? [],
    actions,
    overdue: actions.filter((a) => a.overdue).length,
    revenuePlan,
  };
}

function pipelineOf(account: Account, money: Money | null): PlanContext['pipeline'] {
  const opportunities = (account.opportunities ?? [])
    .map((o) => {
      const open = o.stage !== 'won' && o.stage !== 'lost';
      const v = converted(money, o.value ?? null, money ? money.yearOf(o.close_date) : 0);
      const value = v.amount;
      const weighted = (x: number | null) => (open ? (x ?? 0) * (o.probability ?? 0) : null);
      return {
        ...o,
        value: o.value === undefined ? null : value,
        open,
        weighted: v.original && value === null && o.value !== undefined ? null : weighted(value),
        original: v.original && { currency: v.original.currency, value: o.value ?? null, weighted: weighted(o.value ?? null) },
      };
    })
    .sort((a, b) => Number(b.open) - Number(a.open) || cmp(a.close_date ?? '9999', b.close_date ?? '9999') || cmp(a.name, b.name));
  const open = opportunities.filter((o) => o.open);
  return {
    opportunities,
    open: open.length,
    openValue: open.reduce((s, o) => s + (o.value ?? 0), 0),
    weighted: open.reduce((s, o) => s + (o.weighted ?? 0), 0),
  };
}

function serviceOf(account: Account, input: PlanInput): PlanContext['service'] {
  const issues = (account.service?.issues ?? [])
    .map((i) => {
      const open = i.resolved === undefined;
      const daysOpen = daysBetween(i.opened, i.resolved ?? input.today);
      return { ...i, open, daysOpen, overSla: open && daysOpen > input.serviceSlaDays };
    })
    .sort((a, b) => Number(b.open) - Number(a.open) || cmp(b.opened, a.opened) || cmp(a.id ?? '', b.id ?? ''));
  const satisfaction = [...(account.service?.satisfaction ?? [])].sort((a, b) => cmp(a.date, b.date));
  return {
    issues,
    open: issues.filter((i) => i.open).length,
    overSla: issues.filter((i) => i.overSla).length,
    satisfaction,
    latestSatisfaction: satisfaction.length ? satisfaction[satisfaction.length - 1].score : null,
    slaDays: input.serviceSlaDays,
  };
}

/** The context of one account plan. `portfolioHref` is the portfolio report's path from the plan. */
export function planModel(input: PlanInput, item: AccountInput, portfolioHref: string): PlanContext {
  const { account, analysis } = item;
  const money = moneyFor(account, input);
  const summary = summarise(item, input.currency, money !== null);
  const offeringNames = new Map((input.self?.offerings ?? []).map((o) => [o.id, o.name]));
  const completeness = [...item.findings].sort((a, b) => a.line - b.line || a.column - b.column || cmp(a.rule, b.rule) || cmp(a.message, b.message));
  return {
    report: 'account',
    lang: input.lang,
    audience: 'team',
    today: input.today,
    company: input.company,
    currency: summary.currency,
    account,
    summary,
    explain: analysis.formulas ? formulaLines(analysis.formulas, labelsFor(input.lang)) : {},
    sparkline: sparklineModel(item.trend, labelsFor(input.lang)),
    links: { portfolio: portfolioHref },
    team: {
      roles: teamRoles.flatMap((role) => {
        const name = textOrNull(account.team?.[role]);
        return name === null ? [] : [{ role, name }];
      }),
      effortShare: account.team?.effort_share ?? null,
    },
    customer: {
      forecast: Object.entries(account.customer?.needs?.forecast ?? {})
        .map(([year, amount]) => ({ year, ...converted(money, amount, Number(year)) }))
        .sort(byKey((f) => f.year)),
    },
    competitors: competitorsOf(account, input),
    position: {
      offerings: (account.self?.offerings ?? []).map((id) => ({ id, name: offeringNames.get(id) ?? id })),
      meetsCriteria: criteria(account.self?.meets_criteria),
      lifecycle: account.assessment?.lifecycle ?? null,
      shareOfWallet: analysis.figures.shareOfWallet,
    },
    relationships: relationshipsOf(account, input, analysis.coverage),
    intel: intelOf(account),
    plan: planOf(account, input.today, money),
    pipeline: pipelineOf(account, money),
    service: serviceOf(account, input),
    findings: {
      risk: analysis.risk.reasons,
      completeness,
      errors: summary.errors,
      warnings: summary.warnings,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// portfolio

export interface PortfolioRow extends AccountSummary {
  /** the account plan's path from the portfolio report */
  href: string;
}

export interface PortfolioContext extends ReportBase {
  report: 'portfolio';
  accounts: PortfolioRow[];
  matrix: MatrixModel & {
    /** the matrix as a separate SVG file beside the report (Markdown) */
    href: string;
    /** the SVG markup itself, ready to inline (HTML reports only; null in Markdown) */
    svg: string | null;
  };
  tiers: { tier: Tier; count: number; share: number; reference: number; delta: number }[];
  effort: {
    /** summed `team.effort_share` of the key accounts */
    key: number;
    reference: number;
    /** key accounts without `effort_share`, and their names */
    unknown: PortfolioRow[];
    unknownNames: string[];
    keyAccounts: number;
  };
  /** the trend chart of the key accounts, when the workspace is in git (`trend.ts`) */
  trend: TrendChartModel | null;
  riskiest: PortfolioRow[];
  incomplete: PortfolioRow[];
  /** accounts without A or R: listed apart, not on the matrix */
  unassessed: PortfolioRow[];
  /** accounts whose currency has no rate in `kam.yaml: fx`: left out of V and abc */
  unranked: PortfolioRow[];
  skipped: SkippedAccount[];
  count: number;
  /** sums per tier (and `all`): latest revenue, this year's revenue plan, weighted pipeline, overdue actions */
  totals: { year: number; rows: PortfolioTotals[] };
}

export interface PortfolioTotals {
  tier: Tier | 'all';
  count: number;
  latestRevenue: number;
  planThisYear: number;
  weightedPipeline: number;
  overdueActions: number;
}

function totalsOf(input: ReportInput): PortfolioContext['totals'] {
  const year = Number(input.today.slice(0, 4));
  const zero = (tier: PortfolioTotals['tier']): PortfolioTotals => ({ tier, count: 0, latestRevenue: 0, planThisYear: 0, weightedPipeline: 0, overdueActions: 0 });
  const rows = new Map<PortfolioTotals['tier'], PortfolioTotals>([...Tiers.options.map((t) => [t, zero(t)] as const), ['all', zero('all')]]);
  for (const item of input.accounts) {
    const plan = planOf(item.account, input.today, moneyFor(item.account, input));
    const add = {
      latestRevenue: item.analysis.figures.latestRevenue ?? 0,
      planThisYear: plan.revenuePlan.filter((r) => r.year === year).reduce((s, r) => s + (r.target ?? 0), 0),
      weightedPipeline: item.analysis.figures.weightedPipeline ?? 0,
      overdueActions: plan.overdue,
    };
    for (const row of [rows.get(item.analysis.tier)!, rows.get('all')!]) {
      row.count++;
      row.latestRevenue += add.latestRevenue;
      row.planThisYear += add.planThisYear;
      row.weightedPipeline += add.weightedPipeline;
      row.overdueActions += add.overdueActions;
    }
  }
  return { year, rows: [...rows.values()] };
}

/** The trend chart's file beside the Markdown portfolio. */
export const TREND_FILE = 'portfolio-trend.svg';

type Placed = PortfolioRow & { quadrant: NonNullable<PortfolioRow['quadrant']>; scores: Record<ScoreName, number> };
/** Whether an account has a place on the matrix (A and R known). */
const onMatrix = (r: PortfolioRow): r is Placed => r.quadrant !== null && r.scores.attractiveness !== null && r.scores.relationship !== null;

/** How many accounts the "riskiest" and "most incomplete" lists show. */
export const TOP = 5;

/** The context of the portfolio report. `href(id)` is an account plan's path from the portfolio. */
export function portfolioModel(input: ReportInput, href: (id: string) => string, matrixHref: string, trendHref = TREND_FILE): PortfolioContext {
  const rows: PortfolioRow[] = input.accounts
    .map((a) => ({ ...summarise(a, input.currency, input.money !== undefined), href: href(a.account.id) }))
    // unknown composites last
    .sort((a, b) => (b.scores.composite ?? -1) - (a.scores.composite ?? -1) || cmp(a.id, b.id));
  const n = rows.length;
  const tiers = Tiers.options.map((tier) => {
    const count = rows.filter((r) => r.tier === tier).length;
    const share = n === 0 ? 0 : count / n;
    return { tier, count, share, reference: tierReference[tier], delta: share - tierReference[tier] };
  });
  const key = rows.filter((r) => r.tier === 'key');
  const riskiest = rows
    .filter((r) => r.risk.points > 0)
    .sort((a, b) => b.risk.points - a.risk.points || cmp(a.id, b.id))
    .slice(0, TOP);
  const incomplete = rows
    .filter((r) => r.completeness !== null && r.completeness < 100)
    .sort((a, b) => (a.completeness ?? 0) - (b.completeness ?? 0) || cmp(a.id, b.id))
    .slice(0, TOP);
  return {
    report: 'portfolio',
    lang: input.lang,
    audience: input.audience ?? 'team',
    today: input.today,
    company: input.company,
    currency: input.currency,
    accounts: rows,
    // an account not assessed has no A and R: it is listed apart (`unassessed`), not placed
    matrix: { ...matrixModel(input, rows.map((r) => ({ ...r, revenue: r.figures.latestRevenue, assessed: onMatrix(r) }))), href: matrixHref, svg: null },
    trend: trendChartModel(input.accounts, labelsFor(input.lang), trendHref),
    unassessed: rows.filter((r) => !onMatrix(r)),
    unranked: rows.filter((r) => r.figures.unconverted),
    tiers,
    effort: {
      key: key.reduce((s, r) => s + (r.figures.effortShare ?? 0), 0),
      reference: keyEffortReference,
      unknown: key.filter((r) => r.figures.effortShare === null),
      unknownNames: key.filter((r) => r.figures.effortShare === null).map((r) => r.name),
      keyAccounts: key.length,
    },
    riskiest,
    incomplete,
    skipped: [...input.skipped].sort(byKey((s) => s.file)),
    count: n,
    totals: totalsOf(input),
  };
}
