/**
 * The formula lines under an account's scores, in the report's language: the same arithmetic as
 * the analysis' own explanations (`kam score --json`, English), from the breakdown's numbers.
 * English gives exactly those explanations; a test holds the two together.
 */
import { num } from '../analysis/text.js';
import type { Rating } from '../schema/common.js';
import type { RelationshipLevel, RelationshipState } from '../schema/account.js';
import { fill } from './helpers.js';
import type { ScoreName } from './input.js';
import type { Labels } from './labels/types.js';

/** A weighted score (A, R, S): its terms as the analysis' breakdown lists them. */
export interface WeightedFormula {
  /** null: not assessed (A, R), or unknown (S) */
  score: number | null;
  /** S from what is known, and the scores unknown (composite only) */
  known?: number;
  unknown?: readonly string[];
  factors: readonly { name: string; input: string | number; weight: number }[];
}

/** V: the account's rank by latest revenue among the others. */
export interface ValueFormula {
  /** null: not ranked */
  score: number | null;
  revenue: number | string;
  lower: number;
  equal: number;
  others: number;
}

export type ScoreFormulas = Record<Exclude<ScoreName, 'value'>, WeightedFormula> & { value: ValueFormula };

/** A factor's input as the labels show it: a rating, a relationship state or level, else as is. */
function inputText(factor: string, input: string | number, labels: Labels): string {
  const f = labels.formula;
  if (typeof input === 'number') return num(input, 1);
  if (input === 'unknown') return f.unknown;
  if (f.inputs === 'yaml') return input;
  if (factor === 'attractiveness' || factor === 'volume' || factor === 'margin') return labels.rating[input as Rating] ?? input;
  if (factor === 'state') return labels.relationship[input as RelationshipState] ?? input;
  if (factor === 'level') return labels.relationshipLevel[input as RelationshipLevel] ?? input;
  return input;
}

function weightedLine(name: Exclude<ScoreName, 'value'>, formula: WeightedFormula, labels: Labels): string {
  const f = labels.formula;
  if (formula.score === null && name === 'composite') {
    return fill(f.compositeUnknown, { name: f.names[name], missing: (formula.unknown ?? []).join(', '), score: num(formula.known ?? 0, 1) });
  }
  if (formula.score === null) {
    const unknown = formula.factors.filter((x) => x.input === 'unknown').map((x) => (x.name === name ? f.names[name] : (f.factors[x.name as keyof typeof f.factors] ?? x.name)));
    return fill(f.notAssessed, { name: f.names[name], terms: unknown.join(', ') });
  }
  const terms = formula.factors.map((factor) => {
    // the score's own factor (`attractiveness` in A) goes without its name; A, V and R are letters
    const label = factor.name === name ? '' : `${f.factors[factor.name as keyof typeof f.factors] ?? factor.name}${f.of}`;
    return `${num(factor.weight, 3)} ${f.times} ${label}${inputText(factor.name, factor.input, labels)}`;
  });
  return fill(f.weighted, { name: f.names[name], score: num(formula.score, 1), terms: terms.join(' + ') });
}

function valueLine(formula: ValueFormula, labels: Labels): string {
  const f = labels.formula;
  if (formula.score === null) return fill(f.notRanked, { name: f.names.value });
  if (formula.others === 0) return fill(f.valueOnly, { name: f.names.value });
  const revenue = typeof formula.revenue === 'number' ? num(formula.revenue) : f.revenueUnknown;
  return fill(f.value, { name: f.names.value, score: num(formula.score, 1), lower: formula.lower, equal: formula.equal, others: formula.others, revenue });
}

/** The four formula lines of an account, A, R, V and S, in the language of `labels`. */
export const formulaLines = (formulas: ScoreFormulas, labels: Labels): Record<ScoreName, string> => ({
  attractiveness: weightedLine('attractiveness', formulas.attractiveness, labels),
  relationship: weightedLine('relationship', formulas.relationship, labels),
  value: valueLine(formulas.value, labels),
  composite: weightedLine('composite', formulas.composite, labels),
});
