/**
 * The starter account file of `kam new` and `kam import`: every section of an account plan
 * (SPEC 1.4), in the order of the plan, commented out where it has no value yet.
 */
import {
  ActionStatus, Attitude, ContactLevel, ContactRole, CustomerView, IssueSeverity, Lifecycle, OpportunityStage,
  RelationshipLevel, RelationshipState, Tier,
} from '../schema/account.js';
import { PricePosition, Rating } from '../schema/common.js';
import { oneOf, renderSkeleton, type Field } from './skeleton.js';

const rating = oneOf(Rating.options);

/**
 * The fields of the starter account file; money notes name `currency`, the workspace's (without
 * one they say "the workspace currency").
 */
export function accountFieldsFor(currency?: string): readonly Field[] {
  const inCurrency = currency ? `in ${currency}` : 'in the workspace currency';
  const other = currency === 'EUR' ? 'USD' : 'EUR';
  const money = (note: string) => `${note}, ${inCurrency}`;
  return [
  { key: 'id', example: 'initech', note: 'the file name without .yaml' },
  { key: 'name', example: '英泰科技有限公司' },
  { key: 'industry', example: 'electronics manufacturing' },
  { key: 'region', example: 'East China' },
  { key: 'currency', example: other, note: `only when its money is not ${currency ?? 'in the workspace currency'}; then give the rate in kam.yaml fx` },
  { key: 'reviewed', example: '2026-10-12', note: 'date of the last plan review' },
  {
    key: 'team',
    note: 'who works the account',
    fields: [
      { key: 'account_lead', example: '王磊', note: 'exactly one person faces the customer' },
      { key: 'solution_lead', example: '陈静' },
      { key: 'delivery_lead', example: '赵强' },
      { key: 'executive_sponsor', example: '刘总' },
      { key: 'sales_manager', example: '孙明' },
      { key: 'effort_share', example: '0.15', note: 'share of total sales time, 0-1' },
    ],
  },
  {
    key: 'financials',
    note: 'our business with it',
    fields: [
      { key: 'revenue', example: '{ 2024: 3200000, 2025: 4100000 }', note: money('our revenue by year') },
      { key: 'margin', example: '0.28', note: 'our gross margin, 0-1' },
      { key: 'cost_to_serve', example: '250000', note: money('yearly cost of serving it') },
      { key: 'wallet', example: '12000000', note: money("customer's yearly spend in our category") },
    ],
  },
  {
    key: 'assessment',
    note: 'is it a key account?',
    fields: [
      { key: 'attractiveness', example: 'high', note: rating },
      {
        key: 'potential',
        fields: [
          { key: 'volume', example: 'high', note: rating },
          { key: 'margin', example: 'medium', note: rating },
        ],
      },
      { key: 'relationship', example: 'good', note: oneOf(RelationshipState.options) },
      { key: 'relationship_level', example: 'service', note: oneOf(RelationshipLevel.options) },
      { key: 'lifecycle', example: 'growth', note: oneOf(Lifecycle.options) },
      { key: 'declared_tier', example: 'key', note: `${oneOf(Tier.options)}: the tier the team believes` },
    ],
  },
  {
    key: 'customer',
    note: 'the customer, analysed',
    fields: [
      { key: 'summary', example: 'Who they are and what they buy from us' },
      {
        key: 'industry_market',
        fields: [
          { key: 'position', example: 'Top-3 EMS supplier in East China' },
          { key: 'development', example: 'Moving into automotive electronics' },
          { key: 'barriers', example: '[certifications, scale]' },
          { key: 'buyer_power', example: 'high, a few large OEM customers' },
          { key: 'supplier_power', example: 'low' },
        ],
      },
      {
        key: 'strategy',
        fields: [
          { key: 'mission', example: 'Reliable electronics for mobility' },
          { key: 'goals', example: '[double automotive revenue by 2028]' },
          { key: 'positioning', example: 'Quality at a fair price' },
          { key: 'short_term', example: '[new SMT line in 2026]' },
          { key: 'threats', example: '[price pressure from OEMs]' },
          { key: 'long_term', example: 'Become a tier-1 automotive supplier' },
        ],
      },
      {
        key: 'structure',
        fields: [
          { key: 'organisation', example: 'Central engineering, plant maintenance teams' },
          { key: 'buying_process', example: 'Engineering shortlists, purchasing negotiates, COO signs' },
          { key: 'selection_criteria', example: '[total cost, delivery time, local service]' },
          { key: 'bidding', example: 'Three quotes above 1 million' },
        ],
      },
      {
        key: 'performance',
        fields: [
          { key: 'goals', example: 'Revenue +15 % a year' },
          { key: 'metrics', example: '[OEE, first-pass yield]' },
          { key: 'financial_health', example: 'Profitable, low debt' },
          { key: 'core_competences', example: '[fast industrialisation]' },
        ],
      },
      {
        key: 'needs',
        fields: [
          { key: 'role_of_our_offer', example: 'Automation of the assembly lines' },
          { key: 'changes', example: 'Moving from manual to automated testing' },
          { key: 'forecast', example: '{ 2026: 5000000 }', note: money('their spend with us, by year') },
        ],
      },
      {
        key: 'swot',
        fields: [
          { key: 'strengths', example: '[]' },
          { key: 'weaknesses', example: '[]' },
          { key: 'opportunities', example: '[]' },
          { key: 'threats', example: '[]' },
        ],
      },
    ],
  },
  {
    key: 'contacts',
    note: 'decision makers, influencers, supporters',
    item: [
      { key: 'name', example: '李总' },
      { key: 'title', example: 'COO' },
      { key: 'role', example: 'decision_maker', note: oneOf(ContactRole.options) },
      { key: 'level', example: 'executive', note: oneOf(ContactLevel.options) },
      { key: 'attitude', example: 'supporter', note: oneOf(Attitude.options) },
      { key: 'owner', example: '刘总', note: 'who on our side holds this relationship' },
      { key: 'last_contact', example: '2026-10-02' },
      { key: 'reports_to', example: '王总', note: 'the name of the contact above this one (org chart)' },
      { key: 'influences', example: '[张工]', note: 'names of the contacts this one influences' },
    ],
  },
  {
    key: 'competitors',
    note: "this account's view of each competitor",
    item: [
      { key: 'ref', example: 'globex', note: 'competitors/globex.yaml, or `name:` instead' },
      { key: 'name', example: 'Globex China' },
      { key: 'share', example: '0.35', note: "their share of this customer's wallet, 0-1" },
      { key: 'activities', example: 'Supplies the PLCs of lines 1 and 2' },
      { key: 'customer_view', example: 'Reliable but slow to respond' },
      { key: 'meets_criteria', example: 'true', note: "do they meet the customer's purchase criteria?" },
      { key: 'strengths', example: '[]' },
      { key: 'weaknesses', example: '[]' },
    ],
  },
  {
    key: 'self',
    note: 'our position at this account',
    fields: [
      { key: 'history', example: 'Supplier since 2019, started with one test line' },
      { key: 'offerings', example: '[]', note: 'offering ids from self.yaml, or free text' },
      { key: 'switching_cost', example: 'high', note: `${rating}: their cost of replacing us` },
      { key: 'supporters', example: '[]', note: 'who prefers us, and why' },
      { key: 'capabilities', example: '[]' },
      { key: 'constraints', example: '[]' },
      { key: 'strategy', example: 'Win the line-3 retrofit, then the service contract' },
      { key: 'strengths', example: '[]' },
      { key: 'weaknesses', example: '[]' },
      { key: 'meets_criteria', example: 'true', note: "do we meet the customer's purchase criteria?" },
      { key: 'price_position', example: 'at_market', note: oneOf(PricePosition.options) },
      { key: 'customer_view', example: 'major', note: `${oneOf(CustomerView.options)}: how they see our role` },
    ],
  },
  {
    key: 'intel',
    note: 'what we know, by source level',
    item: [
      { key: 'fact', example: 'Budget for line 3 approved in September' },
      { key: 'level', example: '3', note: '1 public, 2 analysts/press, 3 contacts, 4 top decision makers' },
      { key: 'source', example: '陈经理' },
      { key: 'date', example: '2026-09-15' },
    ],
  },
  {
    key: 'plan',
    note: 'objectives and actions',
    fields: [
      { key: 'summary', example: 'Overall objective and direction' },
      { key: 'vision', example: 'Their partner for every automated line' },
      {
        key: 'objectives',
        item: [
          { key: 'id', example: 'grow-share' },
          { key: 'text', example: 'Raise share of wallet to 45%' },
          { key: 'metric', example: 'share_of_wallet' },
          { key: 'target', example: '0.45' },
          { key: 'due', example: '2026-12-31' },
          { key: 'shared', example: 'true', note: "in the customer's mutual plan (kam plan --audience customer)" },
        ],
      },
      {
        key: 'actions',
        item: [
          { key: 'task', example: 'Workshop on the line-3 retrofit' },
          { key: 'owner', example: '陈静' },
          { key: 'due', example: '2026-11-30' },
          { key: 'status', example: 'planned', note: oneOf(ActionStatus.options) },
          { key: 'objective', example: 'grow-share' },
          { key: 'shared', example: 'true', note: "in the customer's mutual plan" },
        ],
      },
      { key: 'revenue_plan', note: money('target and actual by year'), entries: ['{ year: 2026, target: 5000000, actual: 3900000, margin: 0.27 }'] },
    ],
  },
  {
    key: 'opportunities',
    note: 'pipeline: lead -> opportunity -> contract',
    item: [
      { key: 'name', example: 'Line 3 retrofit' },
      { key: 'stage', example: 'proposal', note: oneOf(OpportunityStage.options) },
      { key: 'value', example: '1800000', note: inCurrency },
      { key: 'probability', example: '0.5' },
      { key: 'close_date', example: '2027-02-28' },
    ],
  },
  {
    key: 'service',
    note: 'issues and satisfaction',
    fields: [
      {
        key: 'issues',
        item: [
          { key: 'id', example: 'Q-118' },
          { key: 'opened', example: '2026-09-20' },
          { key: 'resolved', example: '2026-09-25' },
          { key: 'severity', example: 'high', note: oneOf(IssueSeverity.options) },
          { key: 'summary', example: 'Vision station false rejects' },
        ],
      },
      { key: 'satisfaction', note: 'surveys, 0-10', entries: ['{ date: 2026-06-30, score: 8 }'] },
    ],
  },
];
}

export const accountFields: readonly Field[] = accountFieldsFor();

export const accountHeader = [
  '# Account plan. Fill it in top-down: uncomment a line (remove "# ") and replace the example.',
  '# `kam check` says what the plan of this account\'s tier still needs.',
];

/** The text of `accounts/<id>.yaml` for `data` (at least `id` and `name`), money notes in `currency` (the workspace's). */
export const accountFile = (data: Record<string, unknown>, modeline: string, currency?: string): string =>
  renderSkeleton(currency ? accountFieldsFor(currency) : accountFields, data, [modeline, ...accountHeader]);
