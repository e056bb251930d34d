/**
 * Money of one account in the workspace currency (README "Currencies"): an account whose
 * `currency` is not the workspace's has its amounts converted with `kam.yaml: fx`, at the rate of
 * the year each amount belongs to, before any figure, score or class uses them. Without a rate
 * nothing is converted (`rate` is null), and the account is never compared on raw numbers. Pure.
 */
import type { Config } from '../schema/config.js';
import { currencyOf, rateFor } from '../schema/fx.js';
import { currentYear, yearOf, type CurrentYear } from './years.js';

/** What converting needs of the workspace. */
export type MoneySettings = Pick<Config, 'currency' | 'fx' | 'fiscal_year_start'>;

export interface Money {
  /** the workspace currency, which converted amounts are in */
  currency: string;
  /** the currency the account's amounts are written in */
  original: string;
  /** whether the two differ */
  foreign: boolean;
  /** whether a rate is known (always for the workspace currency) */
  convertible: boolean;
  /** the year "today" falls in */
  current: CurrentYear;
  /** `amount` of `year` in the workspace currency; null without a rate or an amount */
  at(amount: number | null | undefined, year: number): number | null;
  /** the year a date (YYYY-MM-DD) falls in, or the current year without one */
  yearOf(date: string | undefined): number;
}

export function moneyOf(account: { currency?: string }, settings: MoneySettings, today: string): Money {
  const original = currencyOf(account, settings);
  const current = currentYear(today, settings.fiscal_year_start);
  const rates = new Map<number, number | null>();
  const rate = (year: number) => {
    let r = rates.get(year);
    if (r === undefined) rates.set(year, (r = rateFor(settings, original, year)));
    return r;
  };
  return {
    currency: settings.currency,
    original,
    foreign: original !== settings.currency,
    convertible: rateFor(settings, original, current.year) !== null,
    current,
    at(amount, year) {
      if (amount === null || amount === undefined) return null;
      const r = rate(year);
      return r === null ? null : r === 1 ? amount : amount * r;
    },
    yearOf: (date) => (date === undefined ? current.year : yearOf(date, settings.fiscal_year_start)),
  };
}
