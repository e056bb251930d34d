/**
 * Small text helpers for explanations and risk messages: numbers without noise, percentages, and
 * `flat`, which keeps 100,000 accounts' explanations compact in memory.
 */
import { clean } from './numbers.js';

/** A number for explanations: at most `digits` decimals, no trailing zeros (0.4, 85, 84.65). */
export const num = (x: number, digits = 2): string => String(Math.round(clean(x * 10 ** digits)) / 10 ** digits);

/** A ratio as a percentage for explanations: 0.8 → "80 %", 0.1667 → "16.7 %". */
export const pct = (ratio: number): string => `${num(ratio * 100, 1)} %`;

/**
 * The same string, stored flat. Strings built from pieces (`${a} ${b}`, `+=`) are kept by V8 as
 * trees of their pieces, about five times the size of the text; reading one character flattens
 * the tree in place. Explanations are kept for every account, so this matters at 100,000.
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}
