/**
 * Salesforce opportunity stages as kam's (`lead | qualified | proposal | negotiation | won |
 * lost`): the standard stage names first, then `IsClosed`/`IsWon` for a custom stage, then
 * words of the stage name. A stage none of these place gives no stage (the name stays under
 * `x-crm.StageName`, where it always is).
 */
import type { OpportunityStage } from '../schema/account.js';
import { normaliseColumn } from './salesforce.js';

/** The standard Salesforce sales process, stage by stage (the README lists it). */
export const standardStages: readonly (readonly [string, OpportunityStage])[] = [
  ['Prospecting', 'lead'],
  ['Qualification', 'qualified'],
  ['Needs Analysis', 'qualified'],
  ['Value Proposition', 'qualified'],
  ['Id. Decision Makers', 'qualified'],
  ['Perception Analysis', 'qualified'],
  ['Proposal/Price Quote', 'proposal'],
  ['Negotiation/Review', 'negotiation'],
  ['Closed Won', 'won'],
  ['Closed Lost', 'lost'],
];

const byName = new Map(standardStages.map(([name, stage]) => [normaliseColumn(name), stage]));

const keywords: readonly (readonly [RegExp, OpportunityStage])[] = [
  [/won|赢单|成交|签约/i, 'won'],
  [/lost|输单|丢单|失败/i, 'lost'],
  [/negotiat|谈判|议价/i, 'negotiation'],
  [/proposal|quote|offer|报价|方案|投标/i, 'proposal'],
  [/qualif|needs|discovery|analysis|需求|确认|验证/i, 'qualified'],
  [/prospect|lead|线索|初步|潜在/i, 'lead'],
];

export interface StageFacts {
  closed?: boolean;
  won?: boolean;
}

export function stageOf(name: string, facts: StageFacts = {}): OpportunityStage | undefined {
  const standard = byName.get(normaliseColumn(name));
  if (standard) return standard;
  if (facts.closed === true) return facts.won === true ? 'won' : facts.won === false ? 'lost' : undefined;
  return keywords.find(([re]) => re.test(name))?.[1];
}
