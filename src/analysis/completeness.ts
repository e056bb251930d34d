/**
 * Completeness of an account's plan (SPEC section 5): the share of the rules that apply to its
 * tier (and are not `off`) that it passes, as a percentage. The rules engine (`src/rules/run.ts`)
 * counts; this file says what the count means. Pure.
 */

/** `passed / applied` as a percentage rounded to one decimal; 100 when no rule applies. */
export function completeness(applied: number, failed: number): number {
  if (applied === 0) return 100;
  return Math.round((1000 * (applied - failed)) / applied) / 10;
}
