/**
 * What `kam diff` reports, as plain data: the renderers (`render/`) only print it and `--format
 * json` prints it as it is. Every list is sorted, so the same two revisions give the same bytes.
 */
import type { AnalysisDelta } from './analysis.js';

/** A YAML leaf value; `null` stands for "absent". */
export type Scalar = string | number | boolean | null;

/** Which side of the comparison. */
export interface Side {
  /** the revision as written (`HEAD`, `main`), or null for the working tree */
  revision: string | null;
  /** the commit it names, or null for the working tree */
  commit: string | null;
}

/**
 * One changed leaf outside the sections that have their own lists. `path` reads like the YAML:
 * `financials.margin`, `financials.revenue.2025`, `contacts[李总].attitude`,
 * `opportunities[Line 3 retrofit].stage`; list entries are named by their key (see `keys.ts`).
 */
export type FieldChange =
  /** a leaf changed, appeared (`from: null`) or went (`to: null`) */
  | { kind: 'value'; path: string; from: Scalar; to: Scalar }
  /** a list of plain values (tags, names): the items that appeared and went */
  | { kind: 'items'; path: string; added: Scalar[]; removed: Scalar[] }
  /** a whole entry of a list of mappings appeared or went (`value` is the entry) */
  | { kind: 'entry'; path: string; change: 'added' | 'removed'; value: unknown };

export interface ObjectiveRef {
  /** `id`, else the text */
  key: string;
  text: string;
  due: string | null;
}

export interface ActionRef {
  task: string;
  owner: string | null;
  due: string | null;
  status: string | null;
}

export interface ObjectiveChanges {
  added: ObjectiveRef[];
  removed: ObjectiveRef[];
  /** `due` changed */
  redated: { key: string; text: string; from: string | null; to: string | null }[];
}

export interface ActionChanges {
  added: ActionRef[];
  removed: ActionRef[];
  /** status became `done` or `dropped` (from an open one, or none) */
  closed: { task: string; from: string | null; to: 'done' | 'dropped' }[];
  /** status went from `done` / `dropped` back to an open one (or none) */
  reopened: { task: string; from: 'done' | 'dropped'; to: string | null }[];
  /** `due` changed */
  redated: { task: string; from: string | null; to: string | null }[];
  /** `owner` changed */
  reassigned: { task: string; from: string | null; to: string | null }[];
}

export const swotLists = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
export type SwotList = (typeof swotLists)[number];

export interface AccountChanges {
  objectives: ObjectiveChanges;
  actions: ActionChanges;
  /** contacts by name */
  contacts: { added: string[]; removed: string[] };
  /** `customer.swot` items per list (only lists with a change are present) */
  swot: Partial<Record<SwotList, { added: string[]; removed: string[] }>>;
  /** every other change, in path order */
  fields: FieldChange[];
}

export interface AccountRef {
  id: string;
  name: string;
  file: string;
}

export type AccountDiff =
  | { kind: 'added'; account: AccountRef; analysis?: AnalysisDelta }
  | { kind: 'removed'; account: AccountRef; analysis?: AnalysisDelta }
  /**
   * `changed`: the same id on both sides, with content changes or (when analysed) class, score or
   * risk changes, which another account's change can cause (V is a rank, abc a cumulative share).
   * `renamed`: a removed and an added account with the same `name` (see `compare.ts`).
   */
  | { kind: 'changed' | 'renamed'; base: AccountRef; account: AccountRef; changes: AccountChanges; analysis?: AnalysisDelta };

export type DiffKind = AccountDiff['kind'];

/** A change to a workspace file other than an account: kam.yaml, self.yaml, a competitor. */
export interface FileDiff {
  file: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

/** An account file that is invalid on a side and so was not compared; `kam validate` says why. */
export interface Skipped {
  file: string;
  side: 'base' | 'head' | 'both';
}

export interface WorkspaceDiff {
  base: Side;
  head: Side;
  /** whether the analysis hook ran (class, score and risk deltas present) */
  analysed: boolean;
  summary: Record<DiffKind, number> & { files: number; skipped: number };
  /** sorted by the head id (the base id for removed accounts) */
  accounts: AccountDiff[];
  /** sorted by file */
  files: FileDiff[];
  /** sorted by file */
  skipped: Skipped[];
}
