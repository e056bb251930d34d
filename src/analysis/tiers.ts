/**
 * The four classes of SPEC section 3, each with the inputs it looked at and a one-line reason:
 * tier (key / ordinary / prospect), abc (cumulative revenue share), segment (VIP / MGC / BZ /
 * standard) and quadrant (portfolio matrix). Decided on unrounded scores; thresholds come from
 * `kam.yaml: scoring.thresholds`.
 */
import type { Rating } from '../schema/common.js';
import type { Scoring } from '../schema/config.js';
import type { Tier } from '../schema/account.js';
import { flat, num, pct } from './text.js';
import { UNKNOWN, type Unknown } from './scores.js';

export type Thresholds = Scoring['thresholds'];
export const abcClasses = ['A', 'B', 'C'] as const;
export type Abc = (typeof abcClasses)[number];
export const segments = ['VIP', 'MGC', 'BZ', 'standard'] as const;
export type Segment = (typeof segments)[number];
export const quadrants = ['strategic', 'star', 'status', 'streamline'] as const;
export type Quadrant = (typeof quadrants)[number];

export interface TierBreakdown {
  value: Tier;
  latestRevenue: number | Unknown;
  /** S, or when a score is unknown S from what is known (unknown scores count as 0) */
  composite: number;
  /** the scores unknown when the tier was decided (`A`, `R` not assessed; `V` not ranked) */
  unknown: string[];
  threshold: number;
  explain: string;
}

export interface AbcBreakdown {
  /** null when the account is not ranked (its currency has no rate) */
  value: Abc | null;
  /** latest revenue (absent or negative counts as 0) */
  revenue: number | Unknown;
  /** this account's share of the workspace's latest revenue */
  share: number;
  /** cumulative share of the accounts before it (by revenue, highest first): where it starts */
  start: number;
  /** shared by all accounts of one analysis: do not change */
  readonly thresholds: Readonly<{ a: number; b: number }>;
  explain: string;
}

export interface SegmentBreakdown {
  value: Segment;
  profit: number | Unknown;
  abc: Abc | null;
  volume: Rating | Unknown;
  growth: number | Unknown;
  growthThreshold: number;
  explain: string;
}

export interface QuadrantBreakdown {
  /** null when A or R is unknown: the account is not placed on the matrix */
  value: Quadrant | null;
  attractiveness: number | null;
  relationship: number | null;
  split: number;
  explain: string;
}

const known = <T>(x: T | null | undefined): T | Unknown => (x === null || x === undefined ? UNKNOWN : x);

/**
 * `prospect` without (positive) latest revenue; else `key` when S >= threshold; else `ordinary`.
 * With a score unknown (`unknown`), S is the one from what is known, unknown scores counted as 0:
 * the tier the known figures guarantee (an unassessed account is not key until it is assessed).
 */
export function tierOf(latestRevenue: number | null, composite: number, threshold: number, unknown: readonly string[] = []): TierBreakdown {
  const value: Tier = latestRevenue === null || latestRevenue <= 0 ? 'prospect' : composite >= threshold ? 'key' : 'ordinary';
  const from = unknown.length ? ` from what is known (${unknown.join(', ')} unknown, counted as 0)` : '';
  const explain =
    value === 'prospect'
      ? `prospect: ${latestRevenue === null ? 'no revenue recorded' : `latest revenue ${num(latestRevenue)}`}`
      : `${value}: composite${from} ${num(composite)} ${value === 'key' ? '>=' : '<'} ${num(threshold)}`;
  return { value, latestRevenue: known(latestRevenue), composite, unknown: [...unknown], threshold, explain: flat(explain) };
}

/**
 * ABC for every account at once: accounts sorted by latest revenue, highest first; an account
 * belongs to the class in which its cumulative share starts (A below `a`, B below `b`, else C), so
 * the one that crosses a boundary stays in the class it starts in. Accounts with equal revenue
 * share a class (the one their group starts in), so the order among them does not matter. Absent
 * or negative revenue counts as 0; when the workspace has no revenue at all every account is C.
 */
export function abcOf(revenues: readonly (number | null | undefined)[], thresholds: Thresholds['abc']): AbcBreakdown[] {
  const amount = revenues.map((r) => Math.max(r ?? 0, 0));
  const total = amount.reduce((s, r) => s + r, 0);
  const order = amount.map((_, i) => i).filter((i) => revenues[i] !== undefined).sort((x, y) => amount[y] - amount[x]);
  const out = new Array<AbcBreakdown>(revenues.length);
  const shared = { a: thresholds.a, b: thresholds.b };
  // an account whose currency has no rate (undefined) is left out: never compared on raw numbers
  revenues.forEach((r, i) => {
    if (r === undefined) out[i] = { value: null, revenue: UNKNOWN, share: 0, start: 0, thresholds: shared, explain: "abc not ranked: the account's currency has no rate in kam.yaml fx" };
  });
  let before = 0;
  for (let k = 0; k < order.length; ) {
    let end = k;
    while (end < order.length && amount[order[end]] === amount[order[k]]) end++;
    const start = total > 0 ? before / total : 1;
    const value: Abc = total > 0 && start < thresholds.a ? 'A' : total > 0 && start < thresholds.b ? 'B' : 'C';
    for (let j = k; j < end; j++) {
      const i = order[j];
      const share = total > 0 ? amount[i] / total : 0;
      const bounds = value === 'A' ? `< ${pct(thresholds.a)}` : value === 'B' ? `in ${pct(thresholds.a)}-${pct(thresholds.b)}` : `>= ${pct(thresholds.b)}`;
      const explain = total > 0 ? flat(`${value}: starts at ${pct(start)} of cumulative revenue (${bounds}), own share ${pct(share)}`) : 'C: no account has revenue';
      out[i] = { value, revenue: known(revenues[i]), share, start, thresholds: shared, explain };
      before += amount[i];
    }
    k = end;
  }
  return out;
}

/** `BZ` when profit < 0; else `VIP` when abc A; else `MGC` when volume potential is high or growth >= threshold; else `standard`. */
export function segmentOf(profit: number | null, abc: Abc | null, volume: Rating | undefined, growth: number | null, growthThreshold: number): SegmentBreakdown {
  let value: Segment;
  let explain: string;
  if (profit !== null && profit < 0) [value, explain] = ['BZ', `BZ: profit ${num(profit)} < 0`];
  else if (abc === 'A') [value, explain] = ['VIP', 'VIP: abc A'];
  else if (volume === 'high') [value, explain] = ['MGC', 'MGC: volume potential high'];
  else if (growth !== null && growth >= growthThreshold) [value, explain] = ['MGC', `MGC: growth ${pct(growth)} >= ${pct(growthThreshold)}`];
  else {
    const why = [
      profit === null ? 'profit unknown' : `profit ${num(profit)} >= 0`,
      `abc ${abc ?? UNKNOWN}`,
      `volume potential ${volume ?? UNKNOWN}`,
      growth === null ? 'growth unknown' : `growth ${pct(growth)} < ${pct(growthThreshold)}`,
    ];
    [value, explain] = ['standard', `standard: ${why.join(', ')}`];
  }
  return { value, profit: known(profit), abc, volume: known(volume), growth: known(growth), growthThreshold, explain: flat(explain) };
}

const sharedQuadrants = new Map<string, QuadrantBreakdown>();

/**
 * Portfolio matrix, A vertical against R horizontal, split at `split` (a score at the split counts
 * as high). Accounts with the same A and R share one breakdown (read-only data).
 */
export function quadrantOf(a: number | null, r: number | null, split: number): QuadrantBreakdown {
  if (a === null || r === null) {
    const missing = [a === null ? 'A' : '', r === null ? 'R' : ''].filter(Boolean).join(' and ');
    return { value: null, attractiveness: a, relationship: r, split, explain: `not on the matrix: ${missing} not assessed` };
  }
  const key = `${a}|${r}|${split}`;
  let breakdown = sharedQuadrants.get(key);
  if (!breakdown) {
    if (sharedQuadrants.size >= 10_000) sharedQuadrants.clear(); // A and R take few values; never grow without end
    sharedQuadrants.set(key, (breakdown = quadrantOfNew(a, r, split)));
  }
  return breakdown;
}

function quadrantOfNew(a: number, r: number, split: number): QuadrantBreakdown {
  const highA = a >= split;
  const highR = r >= split;
  const value: Quadrant = highA ? (highR ? 'strategic' : 'star') : highR ? 'status' : 'streamline';
  const side = (name: string, x: number, high: boolean) => `${name} ${num(x, 1)} ${high ? '>=' : '<'} ${num(split)}`;
  return { value, attractiveness: a, relationship: r, split, explain: flat(`${value}: ${side('A', a, highA)}, ${side('R', r, highR)}`) };
}
