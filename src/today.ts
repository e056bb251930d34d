/**
 * "Today" for every date rule (staleness, overdue actions, open service issues): `--as-of`, else
 * `kam.yaml: as_of`, else the system date. Decided here, once per run.
 */
import { UsageError } from './errors.js';
import { isRealDate } from './schema/common.js';

export function decideToday(asOfFlag: string | undefined, configAsOf: string | undefined, systemDate: string): string {
  if (asOfFlag !== undefined) {
    if (!isRealDate(asOfFlag)) throw new UsageError(`--as-of must be a real date written YYYY-MM-DD, not "${asOfFlag}"`);
    return asOfFlag;
  }
  return configAsOf ?? systemDate;
}

/**
 * `decideToday` for one run: its `--as-of` and its system date now, the settings' `as_of` later,
 * once they are read (a large workspace's worker threads need it before the run has the workspace).
 */
export const todayFor =
  (asOfFlag: string | undefined, systemDate: () => string) =>
  (config: { as_of?: string }): string =>
    decideToday(asOfFlag, config.as_of, systemDate());

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
