/**
 * The `kam score --json` contract (SPEC section 6): one array, sorted by id, of
 * `{ id, name, scores, tier, abc, segment, quadrant, risk, breakdown }` plus `figures` and
 * `unassessed`. A score that is unknown is null (A and R of an account not assessed, V of one whose
 * currency has no rate, S when any of them is), as are `quadrant` and `abc` then. Scores and
 * the scores inside the breakdown are rounded to one decimal; other computed numbers (ratios,
 * points, money) to at most four decimals. Extend, never rename.
 */
import type { AccountAnalysis } from './index.js';
import { clean, round1 } from './numbers.js';
import type { WeightedBreakdown } from './scores.js';

const round4 = (x: number) => Math.round(clean(x * 1e4)) / 1e4;
/** a score rounded to one decimal; null (unknown) stays null */
const score1 = (x: number | null) => (x === null ? null : round1(x));

/** Every number inside `value` rounded to four decimals (a copy; strings and the rest kept). */
function roundDeep<T>(value: T): T {
  if (typeof value === 'number') return round4(value) as T;
  if (Array.isArray(value)) return value.map(roundDeep) as T;
  if (value !== null && typeof value === 'object') {
    // a plain loop: this runs over every account's breakdown, 10,000s of times per `--json`
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = roundDeep((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}

const weighted = (b: WeightedBreakdown, scoreInputs = false) => ({
  ...roundDeep(b),
  score: score1(b.score),
  factors: b.factors.map((f) => ({
    ...roundDeep(f),
    input: scoreInputs && typeof f.input === 'number' ? round1(f.input) : f.input,
  })),
});

export function scoreJson(a: AccountAnalysis) {
  const b = a.breakdown;
  return {
    id: a.id,
    name: a.name,
    scores: {
      attractiveness: score1(a.scores.attractiveness),
      relationship: score1(a.scores.relationship),
      value: score1(a.scores.value),
      composite: score1(a.scores.composite),
    },
    tier: a.tier,
    abc: a.abc,
    segment: a.segment,
    quadrant: a.quadrant,
    unassessed: a.unassessed,
    risk: {
      level: a.risk.level,
      points: a.risk.points,
      reasons: a.risk.reasons.map((r) => ({ rule: r.rule, points: r.points, message: r.message, path: r.path })),
    },
    breakdown: {
      attractiveness: weighted(b.attractiveness),
      relationship: { ...weighted(b.relationship), coverage: b.relationship.coverage },
      value: { ...roundDeep(b.value), score: score1(b.value.score) },
      composite: { ...weighted(b.composite, true), known: round1(b.composite.known) },
      tier: { ...roundDeep(b.tier), composite: round1(b.tier.composite) },
      abc: roundDeep(b.abc),
      segment: roundDeep(b.segment),
      quadrant: { ...roundDeep(b.quadrant), attractiveness: score1(b.quadrant.attractiveness), relationship: score1(b.quadrant.relationship) },
    },
    figures: roundDeep(a.figures),
  };
}

export type ScoreJson = ReturnType<typeof scoreJson>;

/** The `kam score --json` array for these accounts, sorted by id. */
export const scoresJson = (accounts: readonly AccountAnalysis[]): ScoreJson[] =>
  [...accounts].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).map(scoreJson);
