/**
 * The `kam score` table and the portfolio view under it, as text. Pure: the analysis, the chosen
 * sort column and a chalk instance in, a string out. Widths come from cli-table3 (string-width),
 * so Chinese names take two columns per character and line up.
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { AccountAnalysis, Portfolio, RiskLevel } from '../analysis/index.js';
import { round1 } from '../analysis/index.js';
import type { Tier } from '../schema/account.js';

/** An analysed account with its plan's completeness (percent of the rules for its tier passed). */
export type ScoredAccount = AccountAnalysis & { completeness: number };

interface Column {
  head: string;
  align: 'left' | 'right';
  cell(a: ScoredAccount, chalk: ChalkInstance): string;
  /** the order `--sort` gives; ties fall back to id */
  compare(x: ScoredAccount, y: ScoredAccount): number;
}

const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const rank = <T extends string>(order: readonly T[]) => (x: T, y: T) => order.indexOf(x) - order.indexOf(y);
const tierOrder = rank<Tier>(['key', 'ordinary', 'prospect']);
const score = (x: number) => round1(x).toFixed(1);
const pct = (ratio: number) => `${round1(ratio * 100).toFixed(1)} %`;

export const tierColour = { key: (c, s) => c.green.bold(s), ordinary: (c, s) => c.cyan(s), prospect: (c, s) => c.dim(s) } satisfies Record<
  Tier,
  (c: ChalkInstance, s: string) => string
>;
export const riskColour = { high: (c, s) => c.red.bold(s), medium: (c, s) => c.yellow(s), low: (c, s) => c.green(s) } satisfies Record<
  RiskLevel,
  (c: ChalkInstance, s: string) => string
>;

/** An unknown score: A, R (and S) of an account not assessed, V of one whose currency has no rate. */
const unknownScore = (key: keyof AccountAnalysis['scores']) => (key === 'value' ? 'no rate' : 'not assessed');

const scoreColumn = (head: string, key: keyof AccountAnalysis['scores']): Column => ({
  head,
  align: 'right',
  cell: (a, c) => {
    const s = a.scores[key];
    return s === null ? c.dim(unknownScore(key)) : score(s);
  },
  // unknown scores sort last
  compare: (x, y) => (y.scores[key] ?? -1) - (x.scores[key] ?? -1),
});

/** The table's columns; their keys are the `--sort` choices (numbers sort highest first). */
export const scoreColumns = {
  id: { head: 'id', align: 'left', cell: (a) => a.id, compare: (x, y) => text(x.id, y.id) },
  name: { head: 'name', align: 'left', cell: (a) => a.name, compare: (x, y) => text(x.name, y.name) },
  attractiveness: scoreColumn('A', 'attractiveness'),
  relationship: scoreColumn('R', 'relationship'),
  value: scoreColumn('V', 'value'),
  composite: scoreColumn('S', 'composite'),
  tier: { head: 'tier', align: 'left', cell: (a, c) => tierColour[a.tier](c, a.tier), compare: (x, y) => tierOrder(x.tier, y.tier) },
  abc: { head: 'abc', align: 'left', cell: (a, c) => a.abc ?? c.dim('—'), compare: (x, y) => text(x.abc ?? 'Z', y.abc ?? 'Z') },
  segment: { head: 'segment', align: 'left', cell: (a) => a.segment, compare: (x, y) => text(x.segment, y.segment) },
  quadrant: { head: 'quadrant', align: 'left', cell: (a, c) => a.quadrant ?? c.dim('—'), compare: (x, y) => text(x.quadrant ?? '~', y.quadrant ?? '~') },
  risk: {
    head: 'risk',
    align: 'left',
    cell: (a, c) => riskColour[a.risk.level](c, `${a.risk.level} ${a.risk.points}`),
    compare: (x, y) => y.risk.points - x.risk.points,
  },
  completeness: {
    head: 'complete',
    align: 'right',
    cell: (a, c) => (a.completeness < 100 ? c.yellow(`${a.completeness.toFixed(0)} %`) : `${a.completeness.toFixed(0)} %`),
    compare: (x, y) => x.completeness - y.completeness,
  },
} satisfies Record<string, Column>;

export type SortColumn = keyof typeof scoreColumns;
export const sortColumns = Object.keys(scoreColumns) as SortColumn[];
export const isSortColumn = (s: string): s is SortColumn => Object.hasOwn(scoreColumns, s);

export function sortAccounts(accounts: readonly ScoredAccount[], by: SortColumn): ScoredAccount[] {
  const column: Column = scoreColumns[by];
  return [...accounts].sort((x, y) => column.compare(x, y) || text(x.id, y.id));
}

export function scoreTable(accounts: readonly ScoredAccount[], chalk: ChalkInstance): string {
  const columns: Column[] = Object.values(scoreColumns);
  const table = new Table({
    head: columns.map((c) => chalk.bold(c.head)),
    colAligns: columns.map((c) => c.align),
    style: { head: [], border: [], compact: true },
  });
  for (const a of accounts) table.push(columns.map((c) => c.cell(a, chalk)));
  return table.toString();
}

/** Ids inline, at most ten, then how many more. */
const shortList = (ids: readonly string[]) => (ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more`);

/** The portfolio view: tier shares against the 10/30/60 reference, key accounts' effort share. */
export function portfolioView(p: Portfolio, today: string, chalk: ChalkInstance): string {
  const tiers = (['key', 'ordinary', 'prospect'] as const).map((t) => {
    const { count, share, reference } = p.tiers[t];
    return `  ${tierColour[t](chalk, t.padEnd(8))}  ${String(count).padStart(5)}  ${pct(share).padStart(7)}  (reference ${pct(reference)})`;
  });
  const e = p.keyEffort;
  const missing = e.unknown.length ? `; without effort_share: ${e.unknown.join(', ')}` : '';
  return [
    chalk.bold(`Portfolio: ${p.accounts} account${p.accounts === 1 ? '' : 's'}, as of ${today}`),
    `  ${'tier'.padEnd(8)}  ${'count'.padStart(5)}  ${'share'.padStart(7)}`,
    ...tiers,
    `  key accounts' effort share: ${pct(e.share)} of sales time (reference ${pct(e.reference)})${missing}`,
    ...(p.unassessed.length ? [`  not assessed (${p.unassessed.length}; A and R unknown, not on the matrix): ${shortList(p.unassessed)}`] : []),
    ...(p.unranked.length ? [`  no exchange rate in kam.yaml fx (${p.unranked.length}; left out of V, abc and the revenue total): ${shortList(p.unranked)}`] : []),
  ].join('\n');
}
