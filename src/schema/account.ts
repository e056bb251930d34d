/**
 * `accounts/<id>.yaml`: one key account's plan (SPEC 1.4). Only `id` and `name` are required here;
 * what a plan of a given tier must contain is decided by the completeness rules (`src/rules/`).
 */
import { z } from 'zod';
import { PricePosition, Rating, isoDate, money, ratio, schemaRules, slug, text, textList } from './common.js';

export const Tier = z.enum(['key', 'ordinary', 'prospect']);
export const RelationshipState = z.enum([
  'potential', 'developing', 'good', 'very_strong', 'limited', 'defensive', 'regressing',
]);
export const RelationshipLevel = z.enum(['transactional', 'service', 'strategic']);
export const Lifecycle = z.enum([
  'breakthrough', 'consolidation', 'growth', 'harvest', 'defense', 'hibernation', 'suspension',
]);
export const ContactRole = z.enum(['decision_maker', 'influencer', 'supporter', 'user', 'gatekeeper']);
export const ContactLevel = z.enum(['executive', 'manager', 'operational']);
export const Attitude = z.enum(['champion', 'supporter', 'neutral', 'skeptic', 'opponent']);
export const ActionStatus = z.enum(['planned', 'in_progress', 'done', 'blocked', 'dropped']);
export const OpportunityStage = z.enum(['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
export const IssueSeverity = z.enum(['critical', 'high', 'medium', 'low']);
export const CustomerView = z.enum(['major', 'limited']);

const year = z.string().regex(/^\d{4}$/, { message: 'must be a four-digit year' });
/** `{ 2024: 3200000, 2025: 4100000 }`: money by year. */
const byYear = z.record(year, money);

export const Team = z.object({
  account_lead: text.optional(),
  solution_lead: text.optional(),
  delivery_lead: text.optional(),
  executive_sponsor: text.optional(),
  sales_manager: text.optional(),
  effort_share: ratio.optional(),
});

export const Financials = z.object({
  revenue: byYear.optional(),
  margin: ratio.optional(),
  cost_to_serve: money.optional(),
  wallet: money.optional(),
});

export const Assessment = z.object({
  attractiveness: Rating.optional(),
  potential: z.object({ volume: Rating.optional(), margin: Rating.optional() }).optional(),
  relationship: RelationshipState.optional(),
  relationship_level: RelationshipLevel.optional(),
  lifecycle: Lifecycle.optional(),
  declared_tier: Tier.optional(),
});

export const Customer = z.object({
  summary: text.optional(),
  industry_market: z
    .object({
      position: text.optional(),
      development: text.optional(),
      barriers: textList.optional(),
      buyer_power: text.optional(),
      supplier_power: text.optional(),
    })
    .optional(),
  strategy: z
    .object({
      mission: text.optional(),
      goals: textList.optional(),
      positioning: text.optional(),
      short_term: textList.optional(),
      threats: textList.optional(),
      long_term: text.optional(),
    })
    .optional(),
  structure: z
    .object({
      organisation: text.optional(),
      buying_process: text.optional(),
      selection_criteria: textList.optional(),
      bidding: text.optional(),
    })
    .optional(),
  performance: z
    .object({
      goals: text.optional(),
      metrics: textList.optional(),
      financial_health: text.optional(),
      core_competences: textList.optional(),
    })
    .optional(),
  needs: z
    .object({
      role_of_our_offer: text.optional(),
      changes: text.optional(),
      forecast: byYear.optional(),
    })
    .optional(),
  swot: z
    .object({
      strengths: textList.optional(),
      weaknesses: textList.optional(),
      opportunities: textList.optional(),
      threats: textList.optional(),
    })
    .optional(),
});

export const Contact = z.object({
  name: text,
  title: text.optional(),
  role: ContactRole.optional(),
  level: ContactLevel.optional(),
  attitude: Attitude.optional(),
  owner: text.optional(),
  last_contact: isoDate.optional(),
  /** the `name` of the contact of this account this one reports to (the org chart's solid lines) */
  reports_to: text.optional(),
  /** the `name`s of contacts of this account this one influences (dashed lines) */
  influences: textList.optional(),
});

export const CompetitorEntry = z
  .object({
    ref: slug.optional(),
    name: text.optional(),
    share: ratio.optional(),
    activities: text.optional(),
    customer_view: text.optional(),
    meets_criteria: z.boolean().optional(),
    strengths: textList.optional(),
    weaknesses: textList.optional(),
  })
  .refine((c) => c.ref !== undefined || c.name !== undefined, {
    message: 'a competitor entry needs `ref` (a file in competitors/) or `name`',
    params: { rule: schemaRules.required },
  })
  // the same rule for JSON Schema (editors, and the compiled fast check of large workspaces)
  .meta({ anyOf: [{ required: ['ref'] }, { required: ['name'] }] });

export const Position = z.object({
  history: text.optional(),
  offerings: textList.optional(),
  switching_cost: Rating.optional(),
  supporters: textList.optional(),
  capabilities: textList.optional(),
  constraints: textList.optional(),
  strategy: text.optional(),
  strengths: textList.optional(),
  weaknesses: textList.optional(),
  meets_criteria: z.boolean().optional(),
  price_position: PricePosition.optional(),
  customer_view: CustomerView.optional(),
});

export const Intel = z.object({
  fact: text,
  level: z.int().min(1).max(4).optional(),
  source: text.optional(),
  date: isoDate.optional(),
});

export const Objective = z.object({
  id: slug.optional(),
  text,
  metric: text.optional(),
  target: z.union([z.number(), z.string()]).optional(),
  due: isoDate.optional(),
  /** shown in the customer's mutual plan (`kam plan --audience customer`) */
  shared: z.boolean().optional(),
});

export const Action = z.object({
  task: text,
  owner: text.optional(),
  due: isoDate.optional(),
  status: ActionStatus.optional(),
  objective: text.optional(),
  /** shown in the customer's mutual plan (`kam plan --audience customer`) */
  shared: z.boolean().optional(),
});

export const RevenuePlanEntry = z.object({
  year: z.int().min(1900).max(2999),
  target: money.optional(),
  actual: money.optional(),
  margin: ratio.optional(),
});

export const Plan = z.object({
  summary: text.optional(),
  vision: text.optional(),
  objectives: z.array(Objective).optional(),
  actions: z.array(Action).optional(),
  revenue_plan: z.array(RevenuePlanEntry).optional(),
});

export const Opportunity = z.object({
  name: text,
  stage: OpportunityStage.optional(),
  value: money.optional(),
  probability: ratio.optional(),
  close_date: isoDate.optional(),
});

export const ServiceIssue = z.object({
  id: text.optional(),
  opened: isoDate,
  resolved: isoDate.optional(),
  severity: IssueSeverity.optional(),
  summary: text.optional(),
});

export const Satisfaction = z.object({
  date: isoDate,
  score: z.number().min(0).max(10),
});

export const Service = z.object({
  issues: z.array(ServiceIssue).optional(),
  satisfaction: z.array(Satisfaction).optional(),
});

export const Account = z.object({
  id: slug,
  name: text,
  industry: text.optional(),
  region: text.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be a three-letter currency code such as CNY' }).optional(),
  reviewed: isoDate.optional(),
  team: Team.optional(),
  financials: Financials.optional(),
  assessment: Assessment.optional(),
  customer: Customer.optional(),
  contacts: z.array(Contact).optional(),
  competitors: z.array(CompetitorEntry).optional(),
  self: Position.optional(),
  intel: z.array(Intel).optional(),
  plan: Plan.optional(),
  opportunities: z.array(Opportunity).optional(),
  service: Service.optional(),
});

export type Account = z.infer<typeof Account>;
export type Tier = z.infer<typeof Tier>;
export type RelationshipState = z.infer<typeof RelationshipState>;
export type RelationshipLevel = z.infer<typeof RelationshipLevel>;
export type Lifecycle = z.infer<typeof Lifecycle>;
export type ContactRole = z.infer<typeof ContactRole>;
export type ContactLevel = z.infer<typeof ContactLevel>;
export type Attitude = z.infer<typeof Attitude>;
export type ActionStatus = z.infer<typeof ActionStatus>;
export type OpportunityStage = z.infer<typeof OpportunityStage>;
export type Contact = z.infer<typeof Contact>;
export type CompetitorEntry = z.infer<typeof CompetitorEntry>;
export type Action = z.infer<typeof Action>;
export type Objective = z.infer<typeof Objective>;
export type ServiceIssue = z.infer<typeof ServiceIssue>;
export type Opportunity = z.infer<typeof Opportunity>;
