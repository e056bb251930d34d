/**
 * Exchange rates of `kam.yaml: fx` into the workspace currency (README "Currencies"): one rate per
 * currency, or one per year. The rate of a year is the one given for it, else the one given for
 * the closest year before it, else (a year before every year given) the earliest one. Pure.
 */
import type { Config, Fx } from './config.js';

/** The currency an account's money is written in. */
export const currencyOf = (account: { currency?: string }, config: Pick<Config, 'currency'>): string => account.currency ?? config.currency;

/** Whether money in `currency` can be converted into the workspace currency. */
export const hasRate = (config: Pick<Config, 'currency' | 'fx'>, currency: string): boolean => rateFor(config, currency, 0) !== null;

/**
 * One unit of `currency` in the workspace currency in `year`; 1 for the workspace currency itself,
 * null when `kam.yaml: fx` gives no rate for it.
 */
export function rateFor(config: Pick<Config, 'currency' | 'fx'>, currency: string, year: number): number | null {
  if (currency === config.currency) return 1;
  if (!Object.hasOwn(config.fx, currency)) return null;
  const given: Fx[string] = config.fx[currency];
  if (typeof given === 'number') return given;
  const years = Object.keys(given)
    .map(Number)
    .sort((a, b) => a - b);
  if (years.length === 0) return null;
  let pick = years[0];
  for (const y of years) if (y <= year) pick = y;
  return given[String(pick)];
}
