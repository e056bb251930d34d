/**
 * The four scores of SPEC section 3, each 0-100 and each with its breakdown: attractiveness A,
 * relationship strength R, value V (percentile rank of latest revenue) and composite S.
 *
 * Weights come from `kam.yaml: scoring.weights`; they are relative (0.4/0.3/0.3 and 40/30/30 mean
 * the same), so every score stays within 0-100. A missing input counts as 0 and its breakdown
 * says `unknown`.
 */
import type { Account, RelationshipLevel, RelationshipState } from '../schema/account.js';
import type { Rating } from '../schema/common.js';
import type { Scoring } from '../schema/config.js';
import { clean } from './numbers.js';
import { flat, num } from './text.js';

export type Weights = Scoring['weights'];
export type ScoreName = 'attractiveness' | 'relationship' | 'value' | 'composite';
export const UNKNOWN = 'unknown';
export type Unknown = typeof UNKNOWN;

/** One weighted term of a score. */
export interface Factor {
  /** the factor: `attractiveness`, `volume`, `margin` (A); `state`, `level`, `coverage` (R); `A`, `V`, `R` (S) */
  name: string;
  /** the input as written (`high`, `good`, `4/5`, a score), or `unknown` when missing */
  input: string | number;
  /** the input on a 0-1 scale (0 when unknown) */
  value: number;
  /** the weight, normalised so that the weights of the score sum to 1 */
  weight: number;
  /** what the factor adds to the score: 100 x weight x value */
  points: number;
}

/** A weighted score (A, R, S) with its terms and a one-line explanation. */
export interface WeightedBreakdown {
  /** null when the score is unknown: A or R of an account not assessed, S when A, R or V is unknown */
  score: number | null;
  factors: Factor[];
  /** e.g. `attractiveness 85 = 0.4 x high + 0.3 x volume:high + 0.3 x margin:medium` */
  explain: string;
}

/** The five coverage checks of R (SPEC section 3). */
export const coverageChecks = ['decisionMaker', 'influencer', 'executive', 'threeContacts', 'twoOwners'] as const;
export type CoverageCheck = (typeof coverageChecks)[number];

export const coverageLabels = {
  decisionMaker: 'a decision maker known',
  influencer: 'an influencer known',
  executive: 'an executive-level contact',
  threeContacts: 'three or more contacts',
  twoOwners: 'contacts held by two or more people on our side',
} as const satisfies Record<CoverageCheck, string>;

/** `0/5` … `5/5`, made once */
const coverageInputs = coverageChecks.map((_, i) => `${i}/${coverageChecks.length}`).concat(`${coverageChecks.length}/${coverageChecks.length}`);

export interface RelationshipBreakdown extends WeightedBreakdown {
  /** which coverage checks the contacts meet (the gaps are the false ones) */
  coverage: Record<CoverageCheck, boolean>;
}

/** V: the latest revenue as a percentile rank among the accounts analysed together. */
export interface ValueBreakdown {
  /** null when the account is not ranked (its currency has no rate) */
  score: number | null;
  /** the latest revenue (`unknown` when absent; it then counts as 0) */
  revenue: number | Unknown;
  /** other accounts with lower latest revenue */
  lower: number;
  /** other accounts with equal latest revenue */
  equal: number;
  /** n - 1 */
  others: number;
  explain: string;
}

export const ratingValues = { high: 1, medium: 0.5, low: 0 } as const satisfies Record<Rating, number>;
export const stateValues = {
  very_strong: 1,
  good: 0.8,
  developing: 0.6,
  potential: 0.4,
  limited: 0.3,
  defensive: 0.2,
  regressing: 0.1,
} as const satisfies Record<RelationshipState, number>;
export const levelValues = { strategic: 1, service: 0.6, transactional: 0.2 } as const satisfies Record<RelationshipLevel, number>;

/** Weights divided by their sum (the same object when they already sum to 1); all-zero weights stay 0. */
export function normalise<K extends string>(weights: Record<K, number>): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const sum = keys.reduce((s, k) => s + weights[k], 0);
  if (sum <= 0 || Math.abs(sum - 1) < 1e-9) return weights;
  return Object.fromEntries(keys.map((k) => [k, weights[k] / sum])) as Record<K, number>;
}

const normalised = new WeakMap<Weights, Weights>();

/** Every weight group normalised (once per settings object). */
export function normaliseWeights(w: Weights): Weights {
  let n = normalised.get(w);
  if (!n) normalised.set(w, (n = { attractiveness: normalise(w.attractiveness), relationship: normalise(w.relationship), composite: normalise(w.composite) }));
  return n;
}

/**
 * A and R depend on a few enumerated inputs only, so accounts alike share one breakdown (by the
 * weights and those inputs): 100,000 accounts keep a few hundred of them, not 200,000. Breakdowns
 * are read-only data.
 */
function shared<T>(cache: WeakMap<object, Map<string, T>>, weights: object, key: string, make: () => T): T {
  let byKey = cache.get(weights);
  if (!byKey) cache.set(weights, (byKey = new Map()));
  let value = byKey.get(key);
  if (value === undefined) byKey.set(key, (value = make()));
  return value;
}
const attractivenessShared = new WeakMap<object, Map<string, WeightedBreakdown>>();
const relationshipShared = new WeakMap<object, Map<string, RelationshipBreakdown>>();

interface Term {
  name: string;
  input: string | number | undefined;
  value: number | undefined;
  weight: number;
}

/** The score of weighted terms, as `weighted` computes it, without the breakdown (for the tiers alone). */
export const weightedScore = (terms: readonly Term[]): number => clean(terms.reduce((sum, t) => sum + 100 * t.weight * (t.value ?? 0), 0));

/** Sums weighted terms into a score and writes its explanation (`label` is the score's name). */
export function weighted(label: string, terms: Term[]): WeightedBreakdown {
  // built with map, not push: exact-length arrays keep 100,000 breakdowns small
  const factors = terms.map((t): Factor => {
    const value = t.value ?? 0;
    return { name: t.name, input: t.input ?? UNKNOWN, value, weight: t.weight, points: clean(100 * t.weight * value) };
  });
  const score = weightedScore(terms);
  const term = (f: Factor) => `${num(f.weight, 3)} x ${f.name === label ? '' : `${f.name}:`}${typeof f.input === 'number' ? num(f.input, 1) : f.input}`;
  return { score, factors, explain: flat(`${label} ${num(score, 1)} = ${factors.map(term).join(' + ')}`) };
}

const rating = (r: Rating | undefined) => (r === undefined ? undefined : ratingValues[r]);

/** A = 100 x (0.4 attractiveness + 0.3 potential.volume + 0.3 potential.margin) */
export function attractiveness(account: Account, weights: Weights['attractiveness']): WeightedBreakdown {
  const a = account.assessment;
  const key = `${unassessed(account) ? '-' : '+'}|${a?.attractiveness}|${a?.potential?.volume}|${a?.potential?.margin}`;
  return shared(attractivenessShared, weights, key, () =>
    attractivenessKnown(account) ? weighted('attractiveness', attractivenessTerms(account, weights)) : notAssessed('attractiveness', attractivenessTerms(account, weights)),
  );
}
export const attractivenessScore = (account: Account, weights: Weights['attractiveness']): number | null =>
  attractivenessKnown(account) ? weightedScore(attractivenessTerms(account, weights)) : null;

/**
 * An account is unassessed when its `assessment` gives none of the inputs of A and R
 * (attractiveness, potential volume and margin, relationship state and level): what every
 * import creates. Its A and R are unknown (null), never 0. An assessment that gives some of them
 * is scored as SPEC section 3 says: a missing factor counts as 0 and the breakdown says unknown.
 */
export const unassessed = (account: Account): boolean => {
  const a = account.assessment;
  return (
    a?.attractiveness === undefined &&
    a?.potential?.volume === undefined &&
    a?.potential?.margin === undefined &&
    a?.relationship === undefined &&
    a?.relationship_level === undefined
  );
};
export const attractivenessKnown = (account: Account): boolean => !unassessed(account);
export const relationshipKnown = attractivenessKnown;

/** The breakdown of a score that is not assessed: its factors all unknown, its score null. */
function notAssessed(label: string, terms: Term[]): WeightedBreakdown {
  const factors = terms.map((t): Factor => ({ name: t.name, input: t.input ?? UNKNOWN, value: 0, weight: t.weight, points: 0 }));
  return { score: null, factors, explain: `${label} not assessed: ${terms.filter((t) => t.input === undefined).map((t) => t.name).join(', ')} unknown` };
}

function attractivenessTerms(account: Account, weights: Weights['attractiveness']): Term[] {
  const w = normalise(weights);
  const a = account.assessment;
  return [
    { name: 'attractiveness', input: a?.attractiveness, value: rating(a?.attractiveness), weight: w.attractiveness },
    { name: 'volume', input: a?.potential?.volume, value: rating(a?.potential?.volume), weight: w.volume },
    { name: 'margin', input: a?.potential?.margin, value: rating(a?.potential?.margin), weight: w.margin },
  ];
}

/** Which of the five coverage checks the account's contacts meet. */
export function coverage(account: Account): Record<CoverageCheck, boolean> {
  const contacts = account.contacts ?? [];
  const owners = new Set(contacts.map((c) => c.owner?.trim()).filter((o): o is string => Boolean(o)));
  return {
    decisionMaker: contacts.some((c) => c.role === 'decision_maker'),
    influencer: contacts.some((c) => c.role === 'influencer'),
    executive: contacts.some((c) => c.level === 'executive'),
    threeContacts: contacts.length >= 3,
    twoOwners: owners.size >= 2,
  };
}

/** R = 100 x (0.5 state + 0.2 level + 0.3 coverage); coverage is never unknown (no contacts: 0/5). */
export function relationship(account: Account, weights: Weights['relationship']): RelationshipBreakdown {
  const cov = coverage(account);
  const a = account.assessment;
  const key = `${unassessed(account) ? '-' : '+'}|${a?.relationship}|${a?.relationship_level}|${coverageChecks.map((c) => (cov[c] ? 1 : 0)).join('')}`;
  return shared(relationshipShared, weights, key, () => {
    const terms = relationshipTerms(account, weights, cov);
    const result = relationshipKnown(account) ? weighted('relationship', terms) : notAssessed('relationship', terms);
    return { score: result.score, factors: result.factors, explain: result.explain, coverage: cov };
  });
}
export const relationshipScore = (account: Account, weights: Weights['relationship']): number | null =>
  relationshipKnown(account) ? weightedScore(relationshipTerms(account, weights, coverage(account))) : null;

function relationshipTerms(account: Account, weights: Weights['relationship'], cov: Record<CoverageCheck, boolean>): Term[] {
  const w = normalise(weights);
  const a = account.assessment;
  const met = coverageChecks.filter((c) => cov[c]).length;
  return [
    { name: 'state', input: a?.relationship, value: a?.relationship ? stateValues[a.relationship] : undefined, weight: w.state },
    { name: 'level', input: a?.relationship_level, value: a?.relationship_level ? levelValues[a.relationship_level] : undefined, weight: w.level },
    { name: 'coverage', input: coverageInputs[met], value: met / coverageChecks.length, weight: w.coverage },
  ];
}

/**
 * V for every account at once: `100 x (L + 0.5 E) / (n - 1)`, L and E counted among the others,
 * absent revenue as 0; 100 when n = 1. One sort, then a linear pass: O(n log n).
 */
export function valueScores(revenues: readonly (number | null | undefined)[]): ValueBreakdown[] {
  const n = revenues.filter((r) => r !== undefined).length;
  const out = new Array<ValueBreakdown>(revenues.length);
  revenues.forEach((r, i) => {
    if (r === undefined) out[i] = { score: null, revenue: UNKNOWN, lower: 0, equal: 0, others: n, explain: NOT_RANKED };
  });
  rankValues(revenues, (i, score, lower, equal) => {
    const revenue = revenues[i] ?? UNKNOWN;
    const explain =
      n === 1
        ? `value 100: the only account`
        : `value ${num(score, 1)} = 100 x (${lower} lower + 0.5 x ${equal} equal) / ${n - 1} other accounts, by latest revenue ${typeof revenue === 'number' ? num(revenue) : 'unknown (counts as 0)'}`;
    out[i] = { score, revenue, lower, equal, others: n - 1, explain: flat(explain) };
  });
  return out;
}

/** The V scores alone, as `valueScores` computes them (for the tiers alone). */
export function valueScoresOnly(revenues: readonly (number | null | undefined)[]): (number | null)[] {
  const out = new Array<number | null>(revenues.length).fill(null);
  rankValues(revenues, (i, score) => (out[i] = score));
  return out;
}

/** Why an account whose currency has no rate has no V. */
export const NOT_RANKED = 'value not ranked: the account\'s currency has no rate in kam.yaml fx';

/** Ranks the revenues; `undefined` marks an account left out of the ranking (no rate for its currency). */
function rankValues(revenues: readonly (number | null | undefined)[], visit: (i: number, score: number, lower: number, equal: number) => void): void {
  const amount = revenues.map((r) => r ?? 0);
  const order = amount.map((_, i) => i).filter((i) => revenues[i] !== undefined).sort((a, b) => amount[a] - amount[b]);
  const n = order.length;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end < n && amount[order[end]] === amount[order[start]]) end++;
    const lower = start;
    const equal = end - start - 1;
    const score = n === 1 ? 100 : clean((100 * (lower + 0.5 * equal)) / (n - 1));
    for (let k = start; k < end; k++) visit(order[k], score, lower, equal);
    start = end;
  }
}

/** S with its breakdown, plus `known`: S from what is known, unknown scores counted as 0 (what the tier is decided on). */
export interface CompositeBreakdown extends WeightedBreakdown {
  known: number;
  /** the scores that are unknown */
  unknown: ('A' | 'V' | 'R')[];
}

type MaybeScore = number | null;

/** S = 0.45 A + 0.35 V + 0.20 R; null when A, V or R is unknown. */
export function composite(a: MaybeScore, v: MaybeScore, r: MaybeScore, weights: Weights['composite']): CompositeBreakdown {
  const terms = compositeTerms(a, v, r, weights);
  const unknown = terms.filter((t) => t.value === undefined).map((t) => t.name as 'A' | 'V' | 'R');
  const b = weighted('composite', terms);
  if (unknown.length === 0) return { ...b, known: b.score!, unknown };
  const known = weightedScore(terms);
  return { score: null, factors: b.factors, explain: flat(`composite unknown (${unknown.join(', ')} unknown); from what is known ${num(known, 1)}`), known, unknown };
}
/** S from what is known (unknown scores count as 0): what the tier is decided on. */
export const compositeScore = (a: MaybeScore, v: MaybeScore, r: MaybeScore, weights: Weights['composite']): number => weightedScore(compositeTerms(a, v, r, weights));

function compositeTerms(a: MaybeScore, v: MaybeScore, r: MaybeScore, weights: Weights['composite']): Term[] {
  const w = normalise(weights);
  const term = (name: string, x: MaybeScore, weight: number): Term => ({ name, input: x ?? undefined, value: x === null ? undefined : x / 100, weight });
  return [term('A', a, w.attractiveness), term('V', v, w.value), term('R', r, w.relationship)];
}
