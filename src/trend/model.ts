/**
 * What `kam trend` reports, as plain data: the revisions it replayed, and per account a series of
 * points (composite score, tier, quadrant, risk level, completeness) with each change marked, and
 * its slippage (due dates moved, actions closed late). `--format json` prints it as it is.
 */

/** One replayed revision. */
export interface TrendRevision {
  commit: string;
  /** the commit date, YYYY-MM-DD */
  date: string;
  subject: string;
  /** the date the revision was scored at (`--as-of`, else the commit date) */
  asOf: string;
  /** false when the revision could not be scored (its kam.yaml cannot be read): see `problem` */
  scored: boolean;
  problem: string | null;
  /** invalid workspace files at this revision (left out of its scores), sorted */
  invalid: string[];
}

export const trendFields = ['composite', 'tier', 'quadrant', 'risk', 'completeness'] as const;
export type TrendField = (typeof trendFields)[number];

export type TrendChange =
  | { kind: 'added' }
  | { kind: 'renamed'; from: string; to: string }
  | { kind: 'invalid' }
  | { kind: 'field'; field: TrendField; from: string | number | null; to: string | number | null };

export interface TrendPoint {
  commit: string;
  date: string;
  /** the account's id at this revision */
  id: string;
  /** false: the account's file was invalid at this revision (no scores) */
  valid: boolean;
  /** rounded to one decimal */
  composite: number | null;
  tier: string | null;
  quadrant: string | null;
  risk: string | null;
  /** 0-100, one decimal */
  completeness: number | null;
  /** what changed since the account's previous point (an account's first point: `added`) */
  changes: TrendChange[];
}

export interface DueMove {
  kind: 'action' | 'objective';
  /** the action's task, the objective's id (else its text) */
  key: string;
  from: string;
  to: string;
  /** to - from in days (negative: brought forward) */
  days: number;
  commit: string;
  date: string;
}

export interface LateClosure {
  task: string;
  due: string;
  /** the commit date of the revision that closed it */
  closed: string;
  daysLate: number;
  commit: string;
}

export interface Slippage {
  /** due dates of open actions and of objectives that moved, in history order */
  moves: DueMove[];
  /** how many distinct actions and objectives moved */
  items: number;
  /** the days moved, summed (later minus earlier) */
  days: number;
  /** actions set to `done` in a revision dated after their due date */
  late: LateClosure[];
}

export interface TrendSeries {
  /** the account's latest id */
  id: string;
  /** every id it had, in order (more than one when it was renamed) */
  ids: string[];
  name: string;
  points: TrendPoint[];
  /** the revision from which its file is gone (null while it is there) */
  removed: { commit: string; date: string } | null;
  slippage: Slippage;
}

export interface Trend {
  /** the settings every revision was scored with: its own (`revision`) or the last one's (`head`) */
  settings: 'revision' | 'head';
  revisions: TrendRevision[];
  /** sorted by id */
  accounts: TrendSeries[];
}
