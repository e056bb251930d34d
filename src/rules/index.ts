/**
 * The one list of completeness rules (SPEC section 5), in the order of the spec's table. Adding a
 * rule is one file under `src/rules/<group>/` plus one line here, its entry in `src/codes.ts`
 * (description, tiers, severity, how to fix), its fixture and README row.
 */
import type { RuleCode } from '../codes.js';
import assessmentMissing from './assessment/missing.js';
import competitorsAnalysed from './competitors/analysed.js';
import contactsDecisionMaker from './contacts/decision-maker.js';
import contactsExecutive from './contacts/executive.js';
import contactsMultiThreaded from './contacts/multi-threaded.js';
import contactsStale from './contacts/stale.js';
import customerBuyingProcess from './customer/buying-process.js';
import customerSwot from './customer/swot.js';
import intelDepth from './intel/depth.js';
import planActions from './plan/actions.js';
import planObjectives from './plan/objectives.js';
import planOverdue from './plan/overdue.js';
import planRevenue from './plan/revenue.js';
import planStale from './plan/stale.js';
import planSummary from './plan/summary.js';
import refsCompetitor from './refs/competitor.js';
import selfAnalysis from './self/analysis.js';
import serviceOpenIssues from './service/open-issues.js';
import teamAccountLead from './team/account-lead.js';
import teamExecutiveSponsor from './team/executive-sponsor.js';
import tierDrift from './tier/drift.js';

export const rules = [
  teamAccountLead,
  teamExecutiveSponsor,
  contactsDecisionMaker,
  contactsExecutive,
  contactsMultiThreaded,
  contactsStale,
  customerSwot,
  customerBuyingProcess,
  competitorsAnalysed,
  selfAnalysis,
  planSummary,
  planObjectives,
  planActions,
  planOverdue,
  planRevenue,
  planStale,
  intelDepth,
  serviceOpenIssues,
  refsCompetitor,
  tierDrift,
  assessmentMissing,
] as const;

export type RuleId = (typeof rules)[number]['id'];

// every rule has a code in the catalogue, and every rule code of the catalogue a rule here
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const catalogued: Same<RuleId, RuleCode> = true;
void catalogued;
export const ruleIds: readonly RuleId[] = rules.map((r) => r.id);
