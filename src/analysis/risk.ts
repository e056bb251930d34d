/**
 * Defection risk (SPEC section 4, seed 002): points from nine rules, each recorded as a reason
 * with its rule id, points, a message a consultant understands and the document path it is about
 * (for `kam check` and reports to point at). Level: 0-2 low, 3-5 medium, 6 and up high.
 *
 * One rule, one entry of `riskRules`: `id` (its description is in `src/codes.ts`) and a pure
 * `assess` that returns a reason or nothing.
 */
import { codes, type RiskCode } from '../codes.js';
import type { DocPath } from '../load/locate.js';
import type { Account, Lifecycle, RelationshipState } from '../schema/account.js';
import { daysBetween } from '../today.js';
import type { Figures } from './figures.js';
import { flat, num, pct } from './text.js';

export type RiskLevel = 'low' | 'medium' | 'high';
export const riskLevels: readonly RiskLevel[] = ['low', 'medium', 'high'];

/** What a risk rule returns when it gives points. */
export interface RiskHit {
  points: number;
  /** one line, e.g. "a competitor meets the purchase criteria and we do not (globex)" */
  message: string;
  /** the node of the account file the reason is about, e.g. ['self', 'meets_criteria'] */
  path: DocPath;
}

export interface RiskReason extends RiskHit {
  /** `risk/criteria`, `risk/relationship`, ... (see `riskRules`) */
  rule: RiskRuleId;
}

export interface Risk {
  level: RiskLevel;
  /** the sum of the reasons' points */
  points: number;
  /** in the order of `riskRules`; rules that gave no points are left out */
  reasons: RiskReason[];
}

/** What a risk rule sees besides the account. */
export interface RiskContext {
  figures: Figures;
  /** YYYY-MM-DD (see `decideToday`) */
  today: string;
  /** `kam.yaml: checks.service_sla_days` */
  serviceSlaDays: number;
}

interface RiskRule<Id extends RiskCode> {
  id: Id;
  /** from the catalogue (`src/codes.ts`) */
  description: string;
  assess(account: Account, ctx: RiskContext): RiskHit | undefined;
}

const defineRiskRule = <Id extends RiskCode>(rule: Omit<RiskRule<Id>, 'description'>): RiskRule<Id> => ({
  id: rule.id,
  description: codes[rule.id].description.en,
  assess: rule.assess,
});

const riskStates: readonly RelationshipState[] = ['defensive', 'regressing'];
const riskLifecycles: readonly Lifecycle[] = ['defense', 'hibernation', 'suspension'];
/** at most this many points from open service issues */
export const MAX_ISSUE_POINTS = 3;
export const SATISFACTION_FLOOR = 6;
export const REVENUE_DROP = 0.1;

const list = (names: string[]) => names.join(', ');

export const riskRules = [
  defineRiskRule({
    id: 'risk/criteria',
    assess(account) {
      const path = ['self', 'meets_criteria'];
      const rivals = (account.competitors ?? []).filter((c) => c.meets_criteria === true).map((c) => c.name ?? c.ref ?? '?');
      const ours = account.self?.meets_criteria;
      if (ours === undefined) return { points: 1, path, message: 'unknown whether we meet the purchase criteria: set self.meets_criteria' };
      if (ours && rivals.length === 0) return undefined;
      if (ours) return { points: 2, path, message: `we and a competitor both meet the purchase criteria (${list(rivals)})` };
      if (rivals.length > 0) return { points: 4, path, message: `a competitor meets the purchase criteria and we do not (${list(rivals)})` };
      return { points: 2, path, message: 'nobody meets the purchase criteria, neither we nor any competitor' };
    },
  }),
  defineRiskRule({
    id: 'risk/relationship',
    assess(account) {
      const state = account.assessment?.relationship;
      return state && riskStates.includes(state)
        ? { points: 2, path: ['assessment', 'relationship'], message: `the relationship is ${state}` }
        : undefined;
    },
  }),
  defineRiskRule({
    id: 'risk/lifecycle',
    assess(account) {
      const stage = account.assessment?.lifecycle;
      return stage && riskLifecycles.includes(stage)
        ? { points: 1, path: ['assessment', 'lifecycle'], message: `the account is in the ${stage} stage of its lifecycle` }
        : undefined;
    },
  }),
  defineRiskRule({
    id: 'risk/single-threaded',
    assess(account) {
      const contacts = account.contacts ?? [];
      const path = ['contacts'];
      if (contacts.length === 0) return { points: 2, path, message: 'single-threaded: no contact known at the customer' };
      if (contacts.length === 1) return { points: 2, path, message: `single-threaded: ${contacts[0].name} is the only contact` };
      const owners = [...new Set(contacts.map((c) => c.owner?.trim()).filter((o): o is string => Boolean(o)))];
      if (owners.length === 0) return { points: 2, path, message: 'single-threaded: no contact has an owner on our side' };
      if (owners.length === 1) return { points: 2, path, message: `single-threaded: every contact is held by ${owners[0]} alone` };
      return undefined;
    },
  }),
  defineRiskRule({
    id: 'risk/no-executive',
    assess(account) {
      return (account.contacts ?? []).some((c) => c.level === 'executive')
        ? undefined
        : { points: 1, path: ['contacts'], message: 'no executive-level contact' };
    },
  }),
  defineRiskRule({
    id: 'risk/open-issues',
    assess(account, { today, serviceSlaDays }) {
      const late = (account.service?.issues ?? [])
        .map((issue, index) => ({ issue, index, days: daysBetween(issue.opened, today) }))
        .filter(({ issue, days }) => issue.resolved === undefined && days > serviceSlaDays)
        .sort((x, y) => y.days - x.days || x.index - y.index);
      if (late.length === 0) return undefined;
      const named = late.map(({ issue, index, days }) => `${issue.id ?? `#${index + 1}`} (${days} days)`);
      const what = late.length === 1 ? '1 service issue' : `${late.length} service issues`;
      return {
        points: Math.min(late.length, MAX_ISSUE_POINTS),
        path: ['service', 'issues', late[0].index],
        message: `${what} open longer than ${serviceSlaDays} days: ${list(named)}`,
      };
    },
  }),
  defineRiskRule({
    id: 'risk/satisfaction',
    assess(account) {
      const surveys = (account.service?.satisfaction ?? []).map((s, index) => ({ ...s, index }));
      surveys.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.index - y.index));
      const latest = surveys[surveys.length - 1];
      if (!latest) return undefined;
      const before = surveys[surveys.length - 2];
      const low = latest.score < SATISFACTION_FLOOR;
      const fell = before !== undefined && latest.score < before.score;
      if (!low && !fell) return undefined;
      const why = [low ? `below ${SATISFACTION_FLOOR}` : '', fell ? `lower than the one before (${num(before.score)} on ${before.date})` : ''].filter(Boolean);
      return {
        points: 1,
        path: ['service', 'satisfaction', latest.index, 'score'],
        message: `latest satisfaction ${num(latest.score)} (${latest.date}) is ${why.join(' and ')}`,
      };
    },
  }),
  defineRiskRule({
    id: 'risk/revenue-drop',
    assess(_account, { figures }) {
      // complete years only; an account whose currency has no rate is judged in its own currency
      const f = figures.unconverted && figures.original ? { ...figures, latestRevenue: figures.original.latestRevenue, previousRevenue: figures.original.previousRevenue } : figures;
      if (f.latestRevenue === null || f.previousRevenue === null || f.previousRevenue <= 0) return undefined;
      // (previous - latest) / previous is exact for a drop of exactly 10 %
      const drop = (f.previousRevenue - f.latestRevenue) / f.previousRevenue;
      return drop >= REVENUE_DROP
        ? {
            points: 1,
            path: ['financials', 'revenue', String(f.latestYear)],
            message: `revenue fell ${pct(drop)} in ${f.latestYear} on ${f.previousYear} (${num(f.latestRevenue)} against ${num(f.previousRevenue)})`,
          }
        : undefined;
    },
  }),
  defineRiskRule({
    id: 'risk/price',
    assess(account) {
      return account.self?.price_position === 'above_market'
        ? { points: 1, path: ['self', 'price_position'], message: 'our price is above market' }
        : undefined;
    },
  }),
] as const;

export type RiskRuleId = (typeof riskRules)[number]['id'];

// every risk rule has a code in the catalogue, and every risk code a rule here
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const catalogued: Same<RiskRuleId, RiskCode> = true;
void catalogued;

export const riskLevelOf = (points: number): RiskLevel => (points >= 6 ? 'high' : points >= 3 ? 'medium' : 'low');

export function assessRisk(account: Account, ctx: RiskContext): Risk {
  const reasons: RiskReason[] = [];
  for (const rule of riskRules) {
    const r = rule.assess(account, ctx);
    if (r && r.points > 0) reasons.push({ rule: rule.id, points: r.points, message: flat(r.message), path: r.path });
  }
  const points = reasons.reduce((s, r) => s + r.points, 0);
  return { level: riskLevelOf(points), points, reasons: reasons.slice() }; // slice: exact length
}
