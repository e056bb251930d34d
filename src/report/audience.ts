/**
 * The account plan for each audience (README "Audiences"), from the team's plan context:
 * - `team`: the plan context as it is (`planModel`).
 * - `exec`: the same plan without file paths, lines or rule ids: the completeness findings become
 *   "gaps in this plan" in plain words, grouped by area (`labels/audience.ts`, else the catalogue's
 *   description), the risk reasons plain risk signals, and the score formulas an appendix.
 * - `customer`: a mutual plan to share with the account: a context built from nothing but the
 *   account's name, the plan summary and vision, the objectives and actions marked `shared: true`
 *   (dates, owners, status) and our team's names. Nothing internal is in it (no scores, risk,
 *   attitudes, competitors, intel, margins, findings), so no template can show it.
 * Pure, like `model.ts`.
 */
import { codes, isCode, type Code } from '../codes.js';
import type { Account, ActionStatus } from '../schema/account.js';
import type { AccountInput, PlanInput } from './input.js';
import { labelsFor } from './labels/index.js';
import { planModel, teamRoles, type PlanContext, type TeamRole } from './model.js';

export interface Gap {
  code: string;
  /** the gap in plain words, in the report's language */
  text: string;
  /** a must for the plan's tier (an error), else recommended */
  required: boolean;
  /** how many findings of this code */
  count: number;
}

export interface GapGroup {
  area: string;
  /** the area's name in the report's language */
  name: string;
  gaps: Gap[];
}

/** The exec plan: the team's context, with `gaps`, `riskSignals` and `appendix` instead of findings with locations and formulas. */
export interface ExecPlanContext extends Omit<PlanContext, 'audience' | 'explain'> {
  audience: 'exec';
  /** null: the formulas are in `appendix` */
  explain: null;
  gaps: GapGroup[];
  riskSignals: { points: number; text: string }[];
  appendix: { formulas: string[] };
}

export interface MutualObjective {
  id: string | null;
  text: string;
  metric: string | null;
  target: number | string | null;
  due: string | null;
}

export interface MutualAction {
  task: string;
  owner: string | null;
  due: string | null;
  status: ActionStatus;
  /** the shared objective it serves (its id, else its text), null when none or not shared */
  objective: string | null;
}

/** The customer's mutual plan. */
export interface MutualPlanContext {
  report: 'account';
  audience: 'customer';
  lang: PlanInput['lang'];
  today: string;
  company: string | null;
  currency: string;
  account: { id: string; name: string };
  plan: { summary: string | null; vision: string | null; objectives: MutualObjective[]; actions: MutualAction[] };
  team: { roles: { role: TeamRole; name: string }[] };
}

export type AnyPlanContext = PlanContext | ExecPlanContext | MutualPlanContext;

/** The areas gaps are grouped in, in order: a rule code's prefix (`contacts/stale` → contacts). */
export const gapAreas = ['assessment', 'team', 'contacts', 'customer', 'competitors', 'self', 'plan', 'intel', 'service', 'tier', 'refs', 'other'] as const;

const areaOf = (code: string): string => {
  const prefix = code.slice(0, code.indexOf('/'));
  return (gapAreas as readonly string[]).includes(prefix) ? prefix : 'other';
};

/** A catalogue description without its code marks: the fallback for a code the labels do not phrase. */
const plainDescription = (code: string, lang: PlanInput['lang']): string =>
  isCode(code) ? codes[code as Code].description[lang].replace(/`/g, '') : code;

const textOrNull = (s: string | undefined | null) => (s === undefined || s === null || s.trim() === '' ? null : s);

/** `value` without `x-` keys at any depth (the loader drops them already; a context built by hand may hold them). */
function withoutOwnKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutOwnKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('x-')).map(([k, v]) => [k, withoutOwnKeys(v)])) as T;
}

/** The exec plan of one account. */
export function execModel(plan: PlanContext): ExecPlanContext {
  const labels = labelsFor(plan.lang).audience;
  const byCode = new Map<string, Gap>();
  for (const f of plan.findings.completeness) {
    const gap = byCode.get(f.rule);
    if (gap) {
      gap.count++;
      gap.required ||= f.severity === 'error';
    } else {
      byCode.set(f.rule, { code: f.rule, text: labels.gap[f.rule] ?? plainDescription(f.rule, plan.lang), required: f.severity === 'error', count: 1 });
    }
  }
  const gaps = gapAreas
    .map((area) => ({
      area,
      name: labels.gapArea[area],
      gaps: [...byCode.values()]
        .filter((g) => areaOf(g.code) === area)
        .sort((a, b) => Number(b.required) - Number(a.required) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    }))
    .filter((g) => g.gaps.length > 0);
  const riskSignals = plan.findings.risk
    .map((r) => ({ points: r.points, text: labels.risk[r.rule] ?? plainDescription(r.rule, plan.lang) }))
    .sort((a, b) => b.points - a.points);
  return {
    ...plan,
    audience: 'exec',
    account: withoutOwnKeys(plan.account),
    summary: { ...plan.summary, file: '' },
    explain: null,
    findings: { risk: [], completeness: [], errors: plan.findings.errors, warnings: plan.findings.warnings },
    gaps,
    riskSignals,
    appendix: { formulas: Object.values(plan.explain).filter((l): l is string => typeof l === 'string') },
  };
}

/** The customer's mutual plan of one account: only what is marked shared, and no analysis. */
export function mutualModel(input: PlanInput, account: Account): MutualPlanContext {
  const plan = account.plan ?? {};
  const objectives: MutualObjective[] = (plan.objectives ?? [])
    .filter((o) => o.shared === true)
    .map((o) => ({ id: o.id ?? null, text: o.text, metric: textOrNull(o.metric), target: o.target ?? null, due: o.due ?? null }));
  // an action names its objective by id or by text; only a shared objective is named to the customer
  const sharedObjective = (ref: string | undefined): string | null => {
    if (ref === undefined) return null;
    const o = objectives.find((x) => x.id === ref || x.text === ref);
    return o ? (o.id ?? o.text) : null;
  };
  const actions: MutualAction[] = (plan.actions ?? [])
    .filter((a) => a.shared === true)
    .map((a) => ({ task: a.task, owner: textOrNull(a.owner), due: a.due ?? null, status: a.status ?? 'planned', objective: sharedObjective(a.objective) }));
  return {
    report: 'account',
    audience: 'customer',
    lang: input.lang,
    today: input.today,
    company: input.company,
    currency: account.currency ?? input.currency,
    account: { id: account.id, name: account.name },
    plan: { summary: textOrNull(plan.summary), vision: textOrNull(plan.vision), objectives, actions },
    team: {
      roles: teamRoles.flatMap((role) => {
        const name = textOrNull(account.team?.[role]);
        return name === null ? [] : [{ role, name }];
      }),
    },
  };
}

/** The plan context of one account for the input's audience. */
export function planContextFor(input: PlanInput, item: AccountInput, portfolioHref: string): AnyPlanContext {
  const audience = input.audience ?? 'team';
  if (audience === 'customer') return mutualModel(input, item.account);
  const plan = planModel(input, item, portfolioHref);
  return audience === 'exec' ? execModel(plan) : plan;
}
