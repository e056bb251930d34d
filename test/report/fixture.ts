/** A hand-built report input: accounts with a fixed analysis, independent of the scoring code. */
import type { Account } from '../../src/schema/account.js';
import type { ReportAnalysis, AccountInput, ReportInput } from '../../src/report/input.js';
import type { Finding } from '../../src/findings.js';

export function analysis(over: Partial<ReportAnalysis> = {}): ReportAnalysis {
  return {
    scores: { attractiveness: 85, relationship: 74, value: 100, composite: 88.15 },
    tier: 'key',
    abc: 'A',
    segment: 'VIP',
    quadrant: 'strategic',
    risk: { level: 'medium', points: 3, reasons: [{ rule: 'risk/criteria', points: 2, message: 'we and a competitor both meet the purchase criteria (hooli)' }, { rule: 'risk/executive', points: 1, message: 'no executive-level contact' }] },
    figures: {
      latestYear: 2025,
      latestRevenue: 6800000,
      previousYear: 2024,
      previousRevenue: 5200000,
      growth: 0.3077,
      shareOfWallet: 0.3238,
      profit: 1688000,
      weightedPipeline: 3240000,
      openOpportunities: 2,
      effortShare: 0.22,
    },
    coverage: { decisionMaker: true, influencer: true, executive: true, threeContacts: true, twoOwners: false },
    formulas: {
      attractiveness: { score: 85, factors: [{ name: 'attractiveness', input: 'high', weight: 0.4 }, { name: 'volume', input: 'high', weight: 0.3 }, { name: 'margin', input: 'medium', weight: 0.3 }] },
      relationship: { score: 74, factors: [{ name: 'state', input: 'good', weight: 0.5 }, { name: 'level', input: 'strategic', weight: 0.2 }, { name: 'coverage', input: '4/5', weight: 0.3 }] },
      value: { score: 100, revenue: 6800000, lower: 0, equal: 0, others: 0 },
      composite: { score: 82.6, factors: [{ name: 'A', input: 85, weight: 0.45 }, { name: 'V', input: 100, weight: 0.35 }, { name: 'R', input: 74, weight: 0.2 }] },
    },
    ...over,
  };
}

export function account(over: Partial<Account> = {}): Account {
  return {
    id: 'acme',
    name: 'Acme Ltd',
    industry: 'widgets',
    team: { account_lead: 'Wang Lei', executive_sponsor: 'Liu', effort_share: 0.22 },
    financials: { revenue: { '2024': 5200000, '2025': 6800000 }, margin: 0.3, wallet: 21000000 },
    assessment: { attractiveness: 'high', potential: { volume: 'high', margin: 'medium' }, relationship: 'good', relationship_level: 'strategic', lifecycle: 'growth', declared_tier: 'key' },
    customer: { summary: 'A maker of widgets.', swot: { strengths: ['cost'], weaknesses: ['scale'], opportunities: ['export'], threats: ['rivals'] } },
    contacts: [
      { name: 'Zhou', title: 'COO', role: 'decision_maker', level: 'executive', attitude: 'supporter', owner: 'Liu', last_contact: '2026-10-09' },
      { name: 'Wu', title: 'Engineering director', role: 'influencer', level: 'manager', attitude: 'champion', owner: 'Liu', last_contact: '2026-05-01' },
    ],
    competitors: [{ ref: 'hooli', share: 0.22, meets_criteria: true, activities: 'servo supplier' }],
    self: { offerings: ['plc', 'other'], strengths: ['integration'], weaknesses: ['price'], meets_criteria: true, customer_view: 'major' },
    intel: [{ fact: 'New line approved', level: 4, source: 'COO', date: '2026-10-09' }],
    plan: {
      summary: 'Win the new line.',
      vision: 'Strategic partner.',
      objectives: [{ id: 'win', text: 'Win line 4', target: 6000000, due: '2027-03-31' }],
      actions: [
        { task: 'Demo', owner: 'Chen', due: '2026-10-20', status: 'in_progress', objective: 'win' },
        { task: 'Visit', owner: 'Liu', due: '2026-12-05' },
        { task: 'Done thing', owner: 'Zhao', due: '2026-09-30', status: 'done' },
      ],
      revenue_plan: [{ year: 2026, target: 8500000, actual: 6100000, margin: 0.31 }],
    },
    opportunities: [
      { name: 'Line 4', stage: 'qualified', value: 6000000, probability: 0.4, close_date: '2027-03-31' },
      { name: 'Old deal', stage: 'won', value: 900000, probability: 1, close_date: '2026-06-30' },
    ],
    service: { issues: [{ id: 'Q-1', opened: '2026-10-01', severity: 'high', summary: 'drift' }], satisfaction: [{ date: '2026-06-30', score: 8.5 }] },
    ...over,
  };
}

export const finding = (over: Partial<Finding> = {}): Finding => ({
  file: 'accounts/acme.yaml',
  line: 3,
  column: 1,
  severity: 'warn',
  rule: 'plan/overdue',
  message: 'action "Demo" was due 2026-10-20',
  account: 'acme',
  ...over,
});

export function item(over: { account?: Partial<Account>; analysis?: Partial<ReportAnalysis>; findings?: Finding[]; completeness?: number | null } = {}): AccountInput {
  const a = account(over.account);
  return {
    file: `accounts/${a.id}.yaml`,
    account: a,
    analysis: analysis(over.analysis),
    findings: over.findings ?? [finding({ file: `accounts/${a.id}.yaml`, account: a.id })],
    completeness: over.completeness === undefined ? 88.9 : over.completeness,
  };
}

export function input(accounts: AccountInput[] = [item()], over: Partial<ReportInput> = {}): ReportInput {
  return {
    company: 'Galaxy Automation',
    currency: 'CNY',
    lang: 'en',
    today: '2026-11-01',
    quadrantThreshold: 50,
    contactStaleDays: 90,
    serviceSlaDays: 14,
    self: { name: 'Galaxy', offerings: [{ id: 'plc', name: 'GX PLC' }] },
    competitors: new Map([['hooli', { id: 'hooli', name: 'Hooli Control', strengths: ['cheap'], weaknesses: ['no MES'], price_position: 'below_market' as const }]]),
    accounts,
    skipped: [],
    ...over,
  };
}
