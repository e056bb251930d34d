/**
 * `kam ls`: one row per analysed account, its filters, columns and sort. Pure: the analysis, the
 * rule results and a few fields of each account in, rows out. `AccountRow` is what `--format
 * json` prints and what a `--where` expression sees (README "kam ls").
 */
import { quadrants, riskLevels, round1, segments, type AccountAnalysis, type Quadrant, type RiskLevel, type Segment } from '../analysis/index.js';
import { Tier, type Account } from '../schema/account.js';
import { round4, sameName, type Grid } from './text.js';

/** What the command hands over for one valid account. */
export interface ListedInput {
  analysis: AccountAnalysis;
  /** the account's own fields (at least industry, region, reviewed, currency, team, contacts) */
  account: Partial<Account>;
  file: string;
  /** percent of the rules for its tier passed */
  completeness: number;
  /** the rule ids it fails */
  failed: readonly string[];
  /** the workspace currency, for an account without its own */
  currency: string;
}

export interface AccountRow {
  id: string;
  name: string;
  file: string;
  industry: string | null;
  region: string | null;
  currency: string;
  reviewed: string | null;
  /** `team.account_lead` */
  lead: string | null;
  /** the account lead and every contact owner, each once, in that order */
  owners: string[];
  tier: Tier;
  /** null when the account is not ranked (its currency has no rate in kam.yaml fx) */
  abc: string | null;
  segment: Segment;
  /** null when the account is not assessed (not on the matrix) */
  quadrant: Quadrant | null;
  /** null where unknown: A and R of an account not assessed, V of one not ranked */
  scores: { attractiveness: number | null; relationship: number | null; value: number | null; composite: number | null };
  risk: { level: RiskLevel; points: number; reasons: string[] };
  completeness: number;
  failed: string[];
  /** the plan/stale rule fails */
  stale: boolean;
  figures: {
    latestYear: number | null;
    latestRevenue: number | null;
    growth: number | null;
    shareOfWallet: number | null;
    profit: number | null;
    weightedPipeline: number;
    openOpportunities: number;
    effortShare: number | null;
  };
}

const orNull = (n: number | null) => (n === null ? null : round1(n));

export function accountRow({ analysis: a, account, file, completeness, failed, currency }: ListedInput): AccountRow {
  const lead = account.team?.account_lead ?? null;
  const owners: string[] = [];
  for (const name of [lead, ...(account.contacts ?? []).map((c) => c.owner)]) if (name && !owners.includes(name)) owners.push(name);
  const f = a.figures;
  return {
    id: a.id,
    name: a.name,
    file,
    industry: account.industry ?? null,
    region: account.region ?? null,
    // the figures are in the workspace currency (converted where the account has its own)
    currency: f.currency ?? currency,
    reviewed: account.reviewed ?? null,
    lead,
    owners,
    tier: a.tier,
    abc: a.abc,
    segment: a.segment,
    quadrant: a.quadrant,
    scores: {
      attractiveness: orNull(a.scores.attractiveness),
      relationship: orNull(a.scores.relationship),
      value: orNull(a.scores.value),
      composite: orNull(a.scores.composite),
    },
    risk: { level: a.risk.level, points: a.risk.points, reasons: a.risk.reasons.map((r) => r.rule) },
    completeness,
    failed: [...failed],
    stale: failed.includes('plan/stale'),
    figures: {
      latestYear: f.latestYear,
      latestRevenue: f.latestRevenue,
      growth: round4(f.growth),
      shareOfWallet: round4(f.shareOfWallet),
      profit: round4(f.profit),
      weightedPipeline: round4(f.weightedPipeline)!,
      openOpportunities: f.openOpportunities,
      effortShare: f.effortShare,
    },
  };
}

/** The filters of `kam ls` (each list: any of its values; every filter given must hold). */
export interface AccountFilters {
  tier?: readonly Tier[];
  segment?: readonly Segment[];
  quadrant?: readonly Quadrant[];
  risk?: readonly RiskLevel[];
  owner?: string;
  region?: string;
  industry?: string;
  incomplete?: boolean;
  stale?: boolean;
}

/** The values each enumerated filter takes, for the usage errors. */
export const filterChoices = { tier: Tier.options, segment: segments, quadrant: quadrants, risk: riskLevels } as const;

export function matches(row: AccountRow, f: AccountFilters): boolean {
  return (
    (f.tier === undefined || f.tier.includes(row.tier)) &&
    (f.segment === undefined || f.segment.includes(row.segment)) &&
    (f.quadrant === undefined || (row.quadrant !== null && f.quadrant.includes(row.quadrant))) &&
    (f.risk === undefined || f.risk.includes(row.risk.level)) &&
    (f.owner === undefined || row.owners.some((o) => sameName(o, f.owner!))) &&
    (f.region === undefined || sameName(row.region ?? undefined, f.region)) &&
    (f.industry === undefined || sameName(row.industry ?? undefined, f.industry)) &&
    (!f.incomplete || row.completeness < 100) &&
    (!f.stale || row.stale)
  );
}

type Cell = string | number | boolean | null;

interface Column {
  head: string;
  align: 'left' | 'right';
  /** the value as CSV and `--columns` JSON give it */
  value(r: AccountRow): Cell;
  /** the order `--sort` gives (numbers highest first, completeness lowest first); ties by id */
  compare(x: AccountRow, y: AccountRow): number;
}

const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const nullable = (x: string | null, y: string | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : text(x, y));
const desc = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : y - x);
/** By the order of `values`; null (unknown) last. */
const order = <T extends string>(values: readonly T[]) => (x: T | null, y: T | null) => (x === null ? values.length : values.indexOf(x)) - (y === null ? values.length : values.indexOf(y));

const textColumn = (head: string, value: (r: AccountRow) => string | null): Column => ({
  head,
  align: 'left',
  value,
  compare: (x, y) => nullable(value(x), value(y)),
});
const numberColumn = (head: string, value: (r: AccountRow) => number | null): Column => ({
  head,
  align: 'right',
  value,
  compare: (x, y) => desc(value(x), value(y)),
});

/** Every column of `kam ls`, by its `--columns` / `--sort` name. */
export const accountColumns = {
  id: textColumn('id', (r) => r.id),
  name: textColumn('name', (r) => r.name),
  industry: textColumn('industry', (r) => r.industry),
  region: textColumn('region', (r) => r.region),
  lead: textColumn('lead', (r) => r.lead),
  owners: textColumn('owners', (r) => r.owners.join('; ')),
  tier: { head: 'tier', align: 'left', value: (r) => r.tier, compare: (x, y) => order(Tier.options)(x.tier, y.tier) },
  abc: textColumn('abc', (r) => r.abc),
  segment: { head: 'segment', align: 'left', value: (r) => r.segment, compare: (x, y) => order(segments)(x.segment, y.segment) },
  quadrant: { head: 'quadrant', align: 'left', value: (r) => r.quadrant, compare: (x, y) => order(quadrants)(x.quadrant, y.quadrant) },
  risk: { head: 'risk', align: 'left', value: (r) => r.risk.level, compare: (x, y) => y.risk.points - x.risk.points },
  'risk-points': numberColumn('risk points', (r) => r.risk.points),
  attractiveness: numberColumn('A', (r) => r.scores.attractiveness),
  relationship: numberColumn('R', (r) => r.scores.relationship),
  value: numberColumn('V', (r) => r.scores.value),
  composite: numberColumn('S', (r) => r.scores.composite),
  completeness: { head: 'complete', align: 'right', value: (r) => r.completeness, compare: (x, y) => x.completeness - y.completeness },
  stale: { head: 'stale', align: 'left', value: (r) => r.stale, compare: (x, y) => Number(y.stale) - Number(x.stale) },
  failed: textColumn('failed rules', (r) => r.failed.join(' ')),
  reviewed: textColumn('reviewed', (r) => r.reviewed),
  revenue: numberColumn('revenue', (r) => r.figures.latestRevenue),
  growth: numberColumn('growth', (r) => r.figures.growth),
  'wallet-share': numberColumn('wallet share', (r) => r.figures.shareOfWallet),
  profit: numberColumn('profit', (r) => r.figures.profit),
  pipeline: numberColumn('pipeline', (r) => r.figures.weightedPipeline),
  opportunities: numberColumn('open opps', (r) => r.figures.openOpportunities),
  currency: textColumn('currency', (r) => r.currency),
  file: textColumn('file', (r) => r.file),
} satisfies Record<string, Column>;

export type AccountColumn = keyof typeof accountColumns;
export const accountColumnNames = Object.keys(accountColumns) as AccountColumn[];
export const isAccountColumn = (s: string): s is AccountColumn => Object.hasOwn(accountColumns, s);
export const defaultAccountColumns: readonly AccountColumn[] = ['id', 'name', 'tier', 'segment', 'quadrant', 'risk', 'composite', 'completeness', 'lead', 'region'];

export function sortRows(rows: readonly AccountRow[], by: AccountColumn): AccountRow[] {
  const column: Column = accountColumns[by];
  return [...rows].sort((x, y) => column.compare(x, y) || text(x.id, y.id));
}

export const columnValue = (row: AccountRow, column: AccountColumn): Cell => (accountColumns[column] as Column).value(row);

/** Cell text for people: scores with one decimal, ratios as percent, money with separators. */
export function shownValue(row: AccountRow, column: AccountColumn): string {
  const v = columnValue(row, column);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'yes' : '';
  if (typeof v === 'string') return v;
  switch (column) {
    case 'attractiveness':
    case 'relationship':
    case 'value':
    case 'composite':
      return v.toFixed(1);
    case 'completeness':
      return `${v.toFixed(0)} %`;
    case 'growth':
    case 'wallet-share':
      return `${(Math.round(v * 1000) / 10).toFixed(1)} %`;
    case 'revenue':
    case 'profit':
    case 'pipeline':
      return Math.round(v).toLocaleString('en-US');
    default:
      return String(v);
  }
}

/** The rows as a grid of display text, for the table and Markdown. */
export function accountGrid(rows: readonly AccountRow[], columns: readonly AccountColumn[]): Grid {
  return {
    heads: columns.map((c) => accountColumns[c].head),
    aligns: columns.map((c) => accountColumns[c].align),
    rows: rows.map((r) => columns.map((c) => shownValue(r, c))),
  };
}
