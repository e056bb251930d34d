/**
 * The `kam score` table and the portfolio view under it, as text. Pure: the analysis, the chosen
 * sort column, a chalk instance and the terminal width in, a string out. The table writer
 * (util/table.ts) measures display width, so Chinese names take two columns per character and
 * line up, and fits the width: names shortened first, then the low-priority columns left out.
 */
import type { ChalkInstance } from 'chalk';
import type { AccountAnalysis, Portfolio, RiskLevel } from '../analysis/index.js';
import { round1 } from '../analysis/index.js';
import type { Tier } from '../schema/account.js';
import { renderTable } from '../util/table.js';
import { wrap } from '../util/text-width.js';

/** An analysed account with its plan's completeness (percent of the rules for its tier passed). */
export type ScoredAccount = AccountAnalysis & { completeness: number };

interface Column {
  head: string;
  align: 'left' | 'right';
  /** the cell's plain text */
  cell(a: ScoredAccount): string;
  /** colours the padded cell */
  paint?(a: ScoredAccount, chalk: ChalkInstance, text: string): string;
  /** left out to fit the terminal, lowest first (id and name always stay) */
  priority?: number;
  /** shortened with an ellipsis to fit, down to `minWidth` */
  shrink?: boolean;
  minWidth?: number;
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

const scoreColumn = (head: string, key: keyof AccountAnalysis['scores'], priority: number): Column => ({
  head,
  align: 'right',
  priority,
  cell: (a) => {
    const s = a.scores[key];
    return s === null ? unknownScore(key) : score(s);
  },
  paint: (a, c, text) => (a.scores[key] === null ? c.dim(text) : text),
  // unknown scores sort last
  compare: (x, y) => (y.scores[key] ?? -1) - (x.scores[key] ?? -1),
});

/**
 * The table's columns; their keys are the `--sort` and `--columns` choices (numbers sort highest
 * first). Priorities say which go first when the table is too wide: abc, segment, quadrant, V, R,
 * A, complete, risk, tier, S.
 */
export const scoreColumns = {
  id: { head: 'id', align: 'left', cell: (a) => a.id, compare: (x, y) => text(x.id, y.id) },
  name: { head: 'name', align: 'left', shrink: true, minWidth: 24, cell: (a) => a.name, compare: (x, y) => text(x.name, y.name) },
  attractiveness: scoreColumn('A', 'attractiveness', 6),
  relationship: scoreColumn('R', 'relationship', 5),
  value: scoreColumn('V', 'value', 4),
  composite: scoreColumn('S', 'composite', 10),
  tier: { head: 'tier', align: 'left', priority: 9, cell: (a) => a.tier, paint: (a, c, s) => tierColour[a.tier](c, s), compare: (x, y) => tierOrder(x.tier, y.tier) },
  abc: { head: 'abc', align: 'left', priority: 1, cell: (a) => a.abc ?? '—', paint: (a, c, s) => (a.abc === null ? c.dim(s) : s), compare: (x, y) => text(x.abc ?? 'Z', y.abc ?? 'Z') },
  segment: { head: 'segment', align: 'left', priority: 2, cell: (a) => a.segment, compare: (x, y) => text(x.segment, y.segment) },
  quadrant: { head: 'quadrant', align: 'left', priority: 3, cell: (a) => a.quadrant ?? '—', paint: (a, c, s) => (a.quadrant === null ? c.dim(s) : s), compare: (x, y) => text(x.quadrant ?? '~', y.quadrant ?? '~') },
  risk: {
    head: 'risk',
    align: 'left',
    priority: 8,
    cell: (a) => `${a.risk.level} ${a.risk.points}`,
    paint: (a, c, s) => riskColour[a.risk.level](c, s),
    compare: (x, y) => y.risk.points - x.risk.points,
  },
  completeness: {
    head: 'complete',
    align: 'right',
    priority: 7,
    cell: (a) => `${a.completeness.toFixed(0)} %`,
    paint: (a, c, s) => (a.completeness < 100 ? c.yellow(s) : s),
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

/** A `--columns` entry: a column's key (`composite`) or its head (`S`), in any case. */
export function columnByName(name: string): SortColumn | undefined {
  const wanted = name.trim().toLowerCase();
  return sortColumns.find((k) => k.toLowerCase() === wanted || scoreColumns[k].head.toLowerCase() === wanted);
}

export interface TableFit {
  /** the terminal's width; undefined: no limit (piped, or --wide) */
  width?: number;
  /** the columns to show, in order (default: all) */
  columns?: readonly SortColumn[];
}

export function scoreTable(accounts: readonly ScoredAccount[], chalk: ChalkInstance, fit: TableFit = {}): string {
  const columns: Column[] = (fit.columns ?? sortColumns).map((k) => scoreColumns[k]);
  const rows = accounts.map((a) => columns.map((c) => c.cell(a)));
  const { text: table, dropped } = renderTable(columns, rows, {
    width: fit.width,
    paintHead: (s) => chalk.bold(s),
    paint: (r, c, s) => {
      const paint = columns[c].paint;
      return paint ? paint(accounts[r], chalk, s) : s;
    },
  });
  if (dropped.length === 0) return table;
  const note = `(${dropped.join(', ')} left out to fit ${fit.width} columns: --wide shows all, --columns picks)`;
  return [table, ...wrap(note, fit.width).map((l) => chalk.dim(l))].join('\n');
}

/** Ids inline, at most ten, then how many more. */
const shortList = (ids: readonly string[]) => (ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more`);

/** The portfolio view: tier shares against the 10/30/60 reference, key accounts' effort share. */
export function portfolioView(p: Portfolio, today: string, chalk: ChalkInstance, width?: number): string {
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
    ...wrap(`key accounts' effort share: ${pct(e.share)} of sales time (reference ${pct(e.reference)})${missing}`, width && width - 4).map(
      (line, i) => `${i === 0 ? '  ' : '    '}${line}`,
    ),
    ...(p.unassessed.length ? wrap(`not assessed (${p.unassessed.length}; A and R unknown, not on the matrix): ${shortList(p.unassessed)}`, width && width - 4).map((line, i) => `${i === 0 ? '  ' : '    '}${line}`) : []),
    ...(p.unranked.length ? wrap(`no exchange rate in kam.yaml fx (${p.unranked.length}; left out of V, abc and the revenue total): ${shortList(p.unranked)}`, width && width - 4).map((line, i) => `${i === 0 ? '  ' : '    '}${line}`) : []),
  ].join('\n');
}
