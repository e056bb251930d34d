/**
 * The year boundary (README "Partial years"): `kam.yaml: fiscal_year_start` (MM-DD, default
 * 01-01) starts each year, and a (fiscal) year is named by the calendar year it starts in. The
 * year "today" falls in is not complete: the figures use complete years, and show the current
 * one as year to date with its run rate. Pure.
 */
import { daysBetween } from '../today.js';

/** The (fiscal) year `date` (YYYY-MM-DD) falls in. */
export function yearOf(date: string, fiscalYearStart: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= fiscalYearStart ? year : year - 1;
}

export interface CurrentYear {
  /** the year today falls in */
  year: number;
  /** its first and last day, YYYY-MM-DD */
  start: string;
  end: string;
  /** days of it up to and including today (1 on its first day) */
  elapsed: number;
  /** days in it */
  days: number;
}

const startOf = (year: number, fiscalYearStart: string) => `${String(year).padStart(4, '0')}-${fiscalYearStart}`;

export function currentYear(today: string, fiscalYearStart: string): CurrentYear {
  const year = yearOf(today, fiscalYearStart);
  const start = startOf(year, fiscalYearStart);
  const next = startOf(year + 1, fiscalYearStart);
  const end = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { year, start, end, elapsed: daysBetween(start, today) + 1, days: daysBetween(start, next) };
}
