/**
 * Audiences (`src/report/audience.ts`, README "Audiences"): the customer's mutual plan shows no
 * internal value at all, the exec plan no file path, line or rule id, and each keeps what it is for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeList, groupOf } from '../../src/codes.js';
import { execModel, gapAreas, mutualModel, planContextFor, type ExecPlanContext } from '../../src/report/audience.js';
import { audienceLabels } from '../../src/report/labels/audience.js';
import { en } from '../../src/report/labels/en.js';
import { planModel, portfolioModel } from '../../src/report/model.js';
import { createRenderer, type Renderer } from '../../src/report/render.js';
import { loadTemplates } from '../../src/report/templates.js';
import type { Account } from '../../src/schema/account.js';
import { account, finding, input, item } from './fixture.js';

// ---------------------------------------------------------------------------------------------
// an account whose every value is one of a kind, so that its text can be looked for in a report

/** Keys whose values are enum members, ids or flags, not free text: they keep the fixture's value. */
const KEPT = new Set([
  'id', 'ref', 'offerings', 'role', 'level', 'attitude', 'stage', 'status', 'severity', 'attractiveness', 'volume', 'relationship',
  'relationship_level', 'lifecycle', 'declared_tier', 'switching_cost', 'price_position', 'meets_criteria', 'shared', 'objective', 'currency', 'metric',
]);
const DATES = new Set(['due', 'last_contact', 'date', 'opened', 'resolved', 'reviewed', 'close_date']);

interface Marked {
  account: Account;
  /** every value of the account, with where it is */
  values: { path: string; text: string[] }[];
}

/** `value` with its strings and numbers replaced by values found nowhere else (`S17Q`, 9,876,517, 0.4317, 2047-05-17). */
function mark(value: unknown, path: string, values: Marked['values'], key = ''): unknown {
  const n = values.length + 1;
  if (Array.isArray(value)) return value.map((v, i) => mark(v, `${path}[${i}]`, values, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mark(v, path ? `${path}.${k}` : k, values, k)]));
  }
  if (KEPT.has(key) && !(key === 'customer_view' && typeof value === 'string')) return value;
  if (DATES.has(key)) {
    const date = `20${40 + (n % 50)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
    values.push({ path, text: [date] });
    return date;
  }
  if (typeof value === 'string') {
    const text = `S${n}Q`;
    values.push({ path, text: [text] });
    return text;
  }
  if (typeof value === 'number') {
    if (value > 0 && value <= 1) {
      const ratio = 0.4 + n / 1000;
      values.push({ path, text: [String(ratio), `${(ratio * 100).toFixed(1)}%`] });
      return ratio;
    }
    const big = 9_876_000 + n;
    values.push({ path, text: [String(big), big.toLocaleString('en-US')] });
    return big;
  }
  return value;
}

/** A rich account (every section filled) with values of a kind; objectives and actions half shared. */
function markedAccount(): Marked {
  const base = account({
    region: 'east',
    reviewed: '2026-10-01',
    team: { account_lead: 'Wang', solution_lead: 'Chen', delivery_lead: 'Zhao', executive_sponsor: 'Liu', sales_manager: 'Sun', effort_share: 0.22 },
    financials: { revenue: { '2024': 5200000, '2025': 6800000 }, margin: 0.3, cost_to_serve: 400000, wallet: 21000000 },
    customer: {
      summary: 'profile',
      industry_market: { position: 'p', development: 'd', barriers: ['b'], buyer_power: 'bp', supplier_power: 'sp' },
      strategy: { mission: 'm', goals: ['g'], positioning: 'pos', short_term: ['st'], threats: ['t'], long_term: 'lt' },
      structure: { organisation: 'o', buying_process: 'bp', selection_criteria: ['sc'], bidding: 'bid' },
      performance: { goals: 'pg', metrics: ['pm'], financial_health: 'fh', core_competences: ['cc'] },
      needs: { role_of_our_offer: 'r', changes: 'c', forecast: { '2026': 7000000 } },
      swot: { strengths: ['s'], weaknesses: ['w'], opportunities: ['o'], threats: ['t'] },
    },
    competitors: [{ ref: 'hooli', name: 'Rival', share: 0.22, meets_criteria: true, activities: 'servo supplier', customer_view: 'cheap', strengths: ['fast'], weaknesses: ['slow'] }],
    self: {
      history: 'h', offerings: ['plc'], switching_cost: 'high', supporters: ['sup'], capabilities: ['cap'], constraints: ['con'], strategy: 'str',
      strengths: ['integration'], weaknesses: ['price'], meets_criteria: true, customer_view: 'major', price_position: 'above_market',
    },
    plan: {
      summary: 'Win the new line.',
      vision: 'Strategic partner.',
      objectives: [
        { id: 'win', text: 'Win line 4', metric: 'contract_value', target: 6000000, due: '2027-03-31' },
        { id: 'together', text: 'Joint roadmap', metric: 'roadmap_signed', target: 'signed', due: '2027-06-30', shared: true },
      ],
      actions: [
        { task: 'Demo', owner: 'Chen', due: '2026-10-20', status: 'in_progress', objective: 'win', shared: true },
        { task: 'Workshop', owner: 'Liu', due: '2026-12-05', objective: 'together', shared: true },
        { task: 'Price review', owner: 'Sun', due: '2026-11-30', status: 'planned', objective: 'win', shared: false },
      ],
      revenue_plan: [{ year: 2026, target: 8500000, actual: 6100000, margin: 0.31 }],
    },
    'x-notes': 'private note',
  } as Partial<Account>);
  const values: Marked['values'] = [];
  return { account: mark(base, '', values) as Account, values };
}

/** What a customer may read: the name, the plan summary and vision, what is shared, our team's names. */
function allowed(path: string, a: Account): boolean {
  if (['name', 'plan.summary', 'plan.vision'].includes(path)) return true;
  if (/^team\.(account_lead|solution_lead|delivery_lead|executive_sponsor|sales_manager)$/.test(path)) return true;
  const m = /^plan\.(objectives|actions)\[(\d+)\]\./.exec(path);
  if (m) return (a.plan as Record<string, { shared?: boolean }[]>)[m[1]][Number(m[2])].shared === true;
  return false;
}

const renderers = new Map<string, Renderer>();
const rendererFor = async (format: 'md' | 'html', lang: 'en' | 'zh') => {
  const key = `${format}-${lang}`;
  if (!renderers.has(key)) renderers.set(key, await createRenderer(loadTemplates(), { format, lang }));
  return renderers.get(key)!;
};

/** The internal values a report shows. */
function leaks(report: string, marked: Marked): string[] {
  return marked.values.filter((v) => !allowed(v.path, marked.account)).flatMap((v) => v.text.filter((t) => report.includes(t)).map((t) => `${v.path}: ${t}`));
}

const internalInput = (marked: Marked, lang: 'en' | 'zh') => {
  const it = item({
    account: marked.account,
    findings: [finding({ message: 'F1MESSAGEQ', rule: 'plan/overdue', file: 'accounts/SECRETFILE.yaml', line: 4321 })],
    analysis: { risk: { level: 'high', points: 4817, reasons: [{ rule: 'risk/criteria', points: 5, message: 'R1MESSAGEQ' }] }, scores: { attractiveness: 61.7, relationship: 42.3, value: 13.9, composite: 47.1 } },
  });
  return input([it], { lang, competitors: new Map([['hooli', { id: 'hooli', name: 'HOOLIPROFILEQ', summary: 'HOOLISUMMARYQ', strengths: ['HOOLISTRQ'], weaknesses: [] }]]) });
};
const ANALYSIS_TEXT = ['F1MESSAGEQ', 'SECRETFILE', '4321', 'R1MESSAGEQ', 'HOOLIPROFILEQ', 'HOOLISUMMARYQ', 'HOOLISTRQ', '61.7', '42.3', '13.9', '47.1', '4817', 'private note'];

describe('the customer audience', () => {
  for (const format of ['md', 'html'] as const) {
    for (const lang of ['en', 'zh'] as const) {
      it(`shows no internal value in a mutual plan (${format}, ${lang})`, async () => {
        const marked = markedAccount();
        const inp = internalInput(marked, lang);
        const renderer = await rendererFor(format, lang);
        const report = renderer.plan(planContextFor({ ...inp, audience: 'customer' }, inp.accounts[0], '../portfolio.md'));
        expect(leaks(report, marked)).toEqual([]);
        expect(ANALYSIS_TEXT.filter((t) => report.includes(t))).toEqual([]);
        // enum values of internal fields: no attitude, risk level, tier or segment label
        // (in the text a reader sees: the style sheet names classes such as risk-low)
        const visible = report.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ' ');
        for (const word of [...Object.values(en.attitude), ...Object.values(en.riskLevel), 'VIP', 'Strategic']) {
          expect(visible, word).not.toMatch(new RegExp(`\\b${word}\\b`, 'i'));
        }
        // and it does show what is shared
        const shared = marked.values.filter((v) => allowed(v.path, marked.account));
        expect(shared.length).toBeGreaterThan(10);
        for (const v of shared) if (!/\.objective$/.test(v.path)) expect(report, v.path).toContain(v.text[0]);
      });
    }
  }

  it('the same check finds the internal values in the team plan (the test can fail)', async () => {
    const marked = markedAccount();
    const inp = internalInput(marked, 'en');
    const report = (await rendererFor('md', 'en')).plan(planContextFor(inp, inp.accounts[0], '../portfolio.md'));
    expect(leaks(report, marked).length).toBeGreaterThan(40);
    expect(ANALYSIS_TEXT.filter((t) => report.includes(t)).length).toBeGreaterThan(8);
  });

  it('holds only the shared objectives and actions; an action names its objective only when that is shared', () => {
    const a = account({
      plan: {
        objectives: [{ id: 'secret', text: 'Raise price' }, { id: 'joint', text: 'Joint roadmap', shared: true }, { text: 'Unnamed shared', shared: true }],
        actions: [
          { task: 'a', objective: 'secret', shared: true },
          { task: 'b', objective: 'joint', shared: true },
          { task: 'c', objective: 'Unnamed shared', shared: true },
          { task: 'd', objective: 'joint' },
        ],
      },
    });
    const m = mutualModel(input(), a);
    expect(m.plan.objectives.map((o) => o.text)).toEqual(['Joint roadmap', 'Unnamed shared']);
    expect(m.plan.actions.map((x) => [x.task, x.objective])).toEqual([['a', null], ['b', 'joint'], ['c', 'Unnamed shared']]);
    expect(Object.keys(m).sort()).toEqual(['account', 'audience', 'company', 'currency', 'lang', 'plan', 'report', 'team', 'today']);
    expect(m.account).toEqual({ id: 'acme', name: 'Acme Ltd' });
  });

  it('never shows a value of an unshared objective or action (property)', async () => {
    const renderer = await rendererFor('md', 'en');
    const word = fc.stringMatching(/^[a-z]{4,10}$/);
    // unshared values start with INT, shared ones with SHR
    const text = (shared: boolean) => word.map((w) => `${shared ? 'SHR' : 'INT'}${w}`);
    const objective = fc.boolean().chain((shared) => fc.record({ text: text(shared), metric: text(shared), target: text(shared), shared: fc.constant(shared) }));
    const action = fc.boolean().chain((shared) => fc.record({ task: text(shared), owner: text(shared), shared: fc.constant(shared) }));
    await fc.assert(
      fc.asyncProperty(fc.array(objective, { maxLength: 5 }), fc.array(action, { maxLength: 5 }), fc.constantFrom('md', 'html' as const), async (objectives, actions, format) => {
        const a = account({ plan: { objectives, actions: actions.map((x, i) => ({ ...x, objective: objectives[i]?.text })) } });
        const report = (format === 'md' ? renderer : await rendererFor('html', 'en')).plan(mutualModel(input(), a));
        expect(report).not.toContain('INT');
        for (const o of objectives) if (o.shared) expect(report).toContain(o.text);
        for (const x of actions) if (x.shared) expect(report).toContain(x.task);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the exec audience', () => {
  const execPlan = (lang: 'en' | 'zh' = 'en') => {
    const inp = input([
      item({
        findings: [
          finding({ rule: 'plan/overdue', severity: 'warn', line: 192 }),
          finding({ rule: 'plan/overdue', severity: 'warn', line: 201 }),
          finding({ rule: 'team/executive-sponsor', severity: 'error', line: 8, message: 'no executive sponsor: set team.executive_sponsor' }),
          finding({ rule: 'contacts/stale', severity: 'warn', line: 99 }),
        ],
      }),
    ], { lang, audience: 'exec' });
    return { inp, context: planContextFor(inp, inp.accounts[0], '../portfolio.md') as ExecPlanContext };
  };

  it('groups the findings as gaps in plain words, musts first, with their counts', () => {
    const { context } = execPlan();
    expect(context.gaps).toEqual([
      { area: 'team', name: 'Our account team', gaps: [{ code: 'team/executive-sponsor', text: 'No executive on our side sponsors the account.', required: true, count: 1 }] },
      { area: 'contacts', name: 'Relationships at the customer', gaps: [{ code: 'contacts/stale', text: 'Key contacts have not been met for too long.', required: false, count: 1 }] },
      { area: 'plan', name: 'Plan and actions', gaps: [{ code: 'plan/overdue', text: 'Actions are overdue.', required: false, count: 2 }] },
    ]);
    expect(context.riskSignals.map((r) => r.points)).toEqual([2, 1]);
    expect(context.appendix.formulas).toHaveLength(4);
    expect(context.explain).toBeNull();
  });

  for (const format of ['md', 'html'] as const) {
    it(`shows no file path, line or rule id (${format})`, async () => {
      const { context } = execPlan();
      const report = (await rendererFor(format, 'en')).plan(context);
      expect(report).not.toContain('accounts/acme.yaml');
      expect(report).not.toMatch(/:\d+:\d+/);
      for (const code of codeList) expect(report, code).not.toContain(code);
      expect(report).toContain('Gaps in this plan');
      expect(report).toContain('Appendix: how the scores are made');
      // the formula lines are in the appendix, after the gaps
      expect(report.indexOf('attractiveness 85 ')).toBeGreaterThan(report.indexOf('Gaps in this plan'));
    });
  }

  it('has a plain phrase in both languages for every completeness rule and risk reason, and an area for each', () => {
    for (const code of codeList) {
      const group = groupOf(code);
      if (group === 'rules') {
        expect(audienceLabels.en.gap[code], code).toBeTruthy();
        expect(audienceLabels.zh.gap[code], code).toBeTruthy();
        expect(gapAreas, code).toContain(code.slice(0, code.indexOf('/')));
      }
      if (group === 'risk') {
        expect(audienceLabels.en.risk[code], code).toBeTruthy();
        expect(audienceLabels.zh.risk[code], code).toBeTruthy();
      }
    }
    for (const lang of ['en', 'zh'] as const) {
      for (const text of [...Object.values(audienceLabels[lang].gap), ...Object.values(audienceLabels[lang].risk)]) expect(text).not.toMatch(/[`_]|\w+\.\w+/);
    }
  });

  it('holds no x- data', () => {
    const plan = planModel(input(), item({ account: { 'x-notes': 'private', plan: { 'x-mine': 1, summary: 's' } } as Partial<Account> }), 'p.md');
    expect(JSON.stringify(plan.account)).toContain('x-notes');
    const exec = JSON.stringify(execModel(plan).account);
    expect(exec).not.toMatch(/x-notes|x-mine|private/);
    expect(exec).toContain('"summary":"s"');
  });

  it('falls back to the catalogue description for a code without a phrase', () => {
    const plan = planModel(input(), item({ findings: [finding({ rule: 'schema/type' })] }), 'p.md');
    expect(execModel(plan).gaps[0].gaps[0].text).toBe('Every value has the type the format reference gives it (text, number, list, mapping)');
  });

  it('names a skipped account file by its id in the exec portfolio, by its path in the team one', async () => {
    for (const format of ['md', 'html'] as const) {
      const renderer = await rendererFor(format, 'en');
      const skipped = [{ file: 'accounts/broken.yaml', id: 'broken', errors: 2 }];
      const team = renderer.portfolio(portfolioModel(input([item()], { skipped }), (id) => `accounts/${id}.${format}`, 'm.svg')).report;
      const exec = renderer.portfolio(portfolioModel(input([item()], { skipped, audience: 'exec' }), (id) => `accounts/${id}.${format}`, 'm.svg')).report;
      expect(team).toContain('accounts/broken.yaml');
      expect(exec).not.toContain('accounts/broken.yaml');
      expect(exec).toContain('broken (');
    }
  });

  it('shows gaps in Chinese with --lang zh', () => {
    const { context } = execPlan('zh');
    expect(context.gaps[0]).toMatchObject({ name: '我方客户团队', gaps: [{ text: '我方没有高层支持该客户。' }] });
  });
});
