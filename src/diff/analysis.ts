/**
 * The hook through which `kam diff` shows what a change did to the analysis: classes (tier, abc,
 * segment, quadrant), scores and defection risk, per account, before and after.
 *
 * The diff does not compute any of it. The caller passes an `Analyse` function; the analysis
 * module's results are adapted to `DiffAnalysis` (the minimal shape the diff needs) where the
 * command wires it in. Without one, the diff has no analysis deltas (`WorkspaceDiff.analysed`
 * is false) and the renderers leave the class table out.
 */
import type { Workspace } from '../load/workspace.js';
import type { AccountAnalysis as Analysed } from '../analysis/index.js';
import type { ScoreName } from '../analysis/scores.js';

export const classNames = ['tier', 'abc', 'segment', 'quadrant'] as const;
export type ClassName = (typeof classNames)[number];
export const scoreNames = ['attractiveness', 'relationship', 'value', 'composite'] as const satisfies readonly ScoreName[];

export interface DiffRiskReason {
  rule: string;
  message: string;
}

/** What the diff needs to know of one analysed account: a part of the analysis's own record. */
export type DiffAnalysis = Pick<Analysed, 'tier' | 'abc' | 'segment' | 'quadrant' | 'scores'> & {
  risk: { level: string; reasons: DiffRiskReason[] };
};

/**
 * Analyses every valid account of a workspace, keyed by account id. `today` is the same date for
 * both sides of a diff, so that deltas come from the plans, not from the clock.
 */
export type Analyse = (ws: Workspace, today: string) => ReadonlyMap<string, DiffAnalysis>;

export interface ClassChange {
  name: ClassName;
  from: string | null;
  to: string | null;
}

export interface ScoreChange {
  name: ScoreName;
  from: number | null;
  to: number | null;
  /** to - from, rounded to one decimal; null when a side is missing */
  delta: number | null;
}

export interface RiskChange {
  from: string | null;
  to: string | null;
  /** reasons at head that were not at base, and the reverse; compared by rule and message */
  appeared: DiffRiskReason[];
  went: DiffRiskReason[];
}

/** Only what changed: empty lists and a null risk when nothing did. */
export interface AnalysisDelta {
  classes: ClassChange[];
  scores: ScoreChange[];
  risk: RiskChange | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const reasonKey = (r: DiffRiskReason) => `${r.rule}\u0000${r.message}`;
const byRuleThenMessage = (a: DiffRiskReason, b: DiffRiskReason) => (reasonKey(a) < reasonKey(b) ? -1 : reasonKey(a) > reasonKey(b) ? 1 : 0);

/** The delta between an account's analysis at base and at head (either may be absent); undefined when nothing changed. */
export function analysisDelta(base: DiffAnalysis | undefined, head: DiffAnalysis | undefined): AnalysisDelta | undefined {
  if (!base && !head) return undefined;
  // an account that comes or goes shows only its tier, composite score and risk level: the
  // headline, not every class and reason of a plan that has no other side to compare with
  const whole = base !== undefined && head !== undefined;
  const classes: ClassChange[] = [];
  for (const name of whole ? classNames : (['tier'] as const)) {
    const from = base?.[name] ?? null;
    const to = head?.[name] ?? null;
    if (from !== to) classes.push({ name, from, to });
  }
  const scores: ScoreChange[] = [];
  for (const name of whole ? scoreNames : (['composite'] as const)) {
    const from = base && base.scores[name] !== null ? round1(base.scores[name]) : null;
    const to = head && head.scores[name] !== null ? round1(head.scores[name]) : null;
    if (from !== to) scores.push({ name, from, to, delta: from !== null && to !== null ? round1(to - from) : null });
  }
  const before = new Set((base?.risk.reasons ?? []).map(reasonKey));
  const after = new Set((head?.risk.reasons ?? []).map(reasonKey));
  const appeared = whole ? head.risk.reasons.filter((r) => !before.has(reasonKey(r))).sort(byRuleThenMessage) : [];
  const went = whole ? base.risk.reasons.filter((r) => !after.has(reasonKey(r))).sort(byRuleThenMessage) : [];
  const from = base?.risk.level ?? null;
  const to = head?.risk.level ?? null;
  const risk = from !== to || appeared.length > 0 || went.length > 0 ? { from, to, appeared, went } : null;
  if (classes.length === 0 && scores.length === 0 && risk === null) return undefined;
  return { classes, scores, risk };
}
