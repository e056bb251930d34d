/**
 * Number hygiene for scores: binary floating point turns 0.45 x 85 + ... into 84.64999999999999.
 * Scores are kept "unrounded" (full precision, classes are decided on them) but cleaned of that
 * noise at 1e-9, so a score meant to equal a threshold reaches it; output rounds to one decimal.
 */

/** `x` without binary floating-point noise (rounded at 9 decimals). */
export const clean = (x: number): number => Math.round(x * 1e9) / 1e9;

/** `x` rounded to one decimal, halves away from zero for scores (84.65 → 84.7). */
export const round1 = (x: number): number => Math.round(clean(x * 10)) / 10;
