import { describe, expect, it } from 'vitest';
import { analyseAccount, analyseWorkspace, computeFigures, rankRevenues } from '../../src/analysis/index.js';
import { loadWorkspace, validAccounts } from '../../src/load/workspace.js';
import { example } from '../helpers.js';
import { account, config, withRevenue } from './account.js';

describe('analyseWorkspace on the example (hand-computed figures)', () => {
  const ws = loadWorkspace(example);
  const { accounts, portfolio } = analyseWorkspace(validAccounts(ws).map((d) => d.data), ws.config, '2026-11-01');
  const byId = Object.fromEntries(accounts.map((a) => [a.id, a]));
  const row = (id: string) => {
    const a = byId[id];
    return [a.scores.attractiveness, a.scores.relationship, a.scores.value, a.scores.composite, a.tier, a.abc, a.segment, a.quadrant, a.risk.level, a.risk.points];
  };

  it('scores and classifies every account', () => {
    expect(accounts.map((a) => a.id)).toEqual([
      'baiao-pharma', 'jinhe-foods', 'kaisheng-solar', 'meridian-medical', 'ningchuan-battery', 'nordwerk-automotive', 'pacific-packaging', 'yingtai-tech',
    ]);
    expect(row('ningchuan-battery')).toEqual([85, 90, 100, 91.25, 'key', 'A', 'VIP', 'strategic', 'low', 2]);
    expect(row('yingtai-tech')).toEqual([85, 82, 85.714285714, 84.65, 'key', 'A', 'VIP', 'strategic', 'low', 2]);
    expect(row('nordwerk-automotive')).toEqual([85, 41, 71.428571429, 71.45, 'key', 'A', 'VIP', 'star', 'high', 13]);
    // jinhe starts at 79.8 % of cumulative revenue and crosses 80 %: still A
    expect(row('jinhe-foods')).toEqual([50, 82, 57.142857143, 58.9, 'ordinary', 'A', 'VIP', 'strategic', 'low', 2]);
    // pacific starts at 88.6 % and crosses 95 %: still B
    expect(row('pacific-packaging')).toEqual([70, 52, 42.857142857, 56.9, 'ordinary', 'B', 'MGC', 'strategic', 'low', 2]);
    expect(row('baiao-pharma')).toEqual([80, 60, 28.571428571, 58, 'ordinary', 'C', 'MGC', 'strategic', 'medium', 4]);
    expect(row('kaisheng-solar')).toEqual([85, 42, 7.142857143, 49.15, 'prospect', 'C', 'MGC', 'star', 'medium', 4]);
    expect(row('meridian-medical')).toEqual([65, 30, 7.142857143, 37.75, 'prospect', 'C', 'standard', 'star', 'medium', 4]);
  });

  it('explains why nordwerk-automotive is key', () => {
    const b = byId['nordwerk-automotive'].breakdown;
    expect(b.attractiveness.explain).toBe('attractiveness 85 = 0.4 x high + 0.3 x volume:high + 0.3 x margin:medium');
    expect(b.relationship.explain).toBe('relationship 41 = 0.5 x state:regressing + 0.2 x level:service + 0.3 x coverage:4/5');
    expect(b.value.explain).toBe('value 71.4 = 100 x (5 lower + 0.5 x 0 equal) / 7 other accounts, by latest revenue 3500000');
    expect(b.composite.explain).toBe('composite 71.5 = 0.45 x A:85 + 0.35 x V:71.4 + 0.2 x R:41');
    expect(b.tier.explain).toBe('key: composite 71.45 >= 65');
    expect(b.quadrant.explain).toBe('star: A 85 >= 50, R 41 < 50');
  });

  it('computes the portfolio view', () => {
    expect(portfolio).toEqual({
      accounts: 8,
      tiers: {
        key: { count: 3, share: 0.375, reference: 0.1 },
        ordinary: { count: 3, share: 0.375, reference: 0.3 },
        prospect: { count: 2, share: 0.25, reference: 0.6 },
      },
      keyEffort: { share: 0.55, reference: 0.6, unknown: [] },
      abc: { A: 4, B: 1, C: 3 },
      risk: { low: 4, medium: 3, high: 1 },
      revenue: 18_050_000,
      unassessed: [],
      unranked: [],
    });
  });
});

describe('analyseWorkspace', () => {
  it('scores a workspace of one account: V is 100', () => {
    const [a] = analyseWorkspace([withRevenue('solo', 1000)], config(), '2026-11-01').accounts;
    expect(a.scores.value).toBe(100);
    // no assessment: A, R and so S unknown; the tier from what is known, S 35 < 65
    expect(a).toMatchObject({ abc: 'A', tier: 'ordinary', segment: 'VIP', unassessed: true, quadrant: null });
    expect(a.scores).toEqual({ attractiveness: null, relationship: null, value: 100, composite: null });
    expect(a.breakdown.tier).toMatchObject({ composite: 35, unknown: ['A', 'R'] });
    expect(a.breakdown.tier.explain).toBe('ordinary: composite from what is known (A, R unknown, counted as 0) 35 < 65');
  });

  it('scores an empty workspace', () => {
    const r = analyseWorkspace([], config(), '2026-11-01');
    expect(r.accounts).toEqual([]);
    expect(r.portfolio.tiers.key).toEqual({ count: 0, share: 0, reference: 0.1 });
  });

  it('does not crash on an account with nothing but id and name', () => {
    const [a] = analyseWorkspace([account({ id: 'bare' })], config(), '2026-11-01').accounts;
    expect(a).toMatchObject({ tier: 'prospect', abc: 'C', segment: 'standard', quadrant: null, unassessed: true, risk: { level: 'medium', points: 4 } });
    expect(a.breakdown.tier.latestRevenue).toBe('unknown');
  });

  it('sorts accounts by id and ranks them together', () => {
    const r = analyseWorkspace([withRevenue('b', 10), withRevenue('a', 30), withRevenue('c', null)], config(), '2026-11-01');
    expect(r.accounts.map((a) => [a.id, a.scores.value])).toEqual([['a', 100], ['b', 50], ['c', 0]]);
  });

  it('follows kam.yaml scoring weights and thresholds', () => {
    const a = withRevenue('a', 100, { assessment: { attractiveness: 'high', potential: { volume: 'low', margin: 'low' }, relationship: 'good' } });
    const b = withRevenue('b', 300);
    const defaults = analyseWorkspace([a, b], config(), '2026-11-01').accounts[0];
    expect(defaults.scores).toEqual({ attractiveness: 40, relationship: 40, value: 0, composite: 26 });
    const custom = config({
      scoring: {
        weights: { attractiveness: { attractiveness: 1, volume: 0, margin: 0 }, composite: { attractiveness: 1, value: 0, relationship: 0 } },
        thresholds: { key: 90, quadrant: 40 },
      },
    });
    const [x] = analyseWorkspace([a, b], custom, '2026-11-01').accounts;
    expect(x.scores).toEqual({ attractiveness: 100, relationship: 40, value: 0, composite: 100 });
    expect(x.breakdown.composite.explain).toBe('composite 100 = 1 x A:100 + 0 x V:0 + 0 x R:40');
    expect(x).toMatchObject({ tier: 'key', quadrant: 'strategic' });
    expect(analyseWorkspace([a, b], config({ scoring: { thresholds: { key: 100.0 } } }), '2026-11-01').accounts[0].tier).toBe('ordinary');
  });

  it('uses today for open service issues', () => {
    const a = account({ id: 'a', service: { issues: [{ opened: '2026-10-01' }] } });
    const rules = (today: string) => analyseWorkspace([a], config(), today).accounts[0].risk.reasons.map((r) => r.rule);
    expect(rules('2026-10-15')).not.toContain('risk/open-issues');
    expect(rules('2026-10-16')).toContain('risk/open-issues');
  });

  it('analyses 20,000 accounts (sorting, no quadratic step)', () => {
    const accounts = Array.from({ length: 20_000 }, (_, i) =>
      withRevenue(`acc-${String(i).padStart(5, '0')}`, i % 10 === 0 ? null : (i % 1000) * 1000, {
        assessment: { attractiveness: (['high', 'medium', 'low'] as const)[i % 3], potential: { volume: 'high', margin: 'medium' }, relationship: 'good' },
        contacts: [{ name: 'x', level: 'executive', owner: 'a' }, { name: 'y', owner: 'b' }],
        self: { meets_criteria: true },
      }),
    );
    const { accounts: out, portfolio } = analyseWorkspace(accounts, config(), '2026-11-01');
    expect(out).toHaveLength(20_000);
    // revenue 999 000 is the highest: 20 accounts share it (i % 1000 = 999); below them 19 980 others
    const top = out.find((a) => a.id === 'acc-00999')!;
    expect(top.breakdown.value).toMatchObject({ lower: 19_980, equal: 19 });
    expect(top.scores.value).toBe(clean9((100 * (19_980 + 9.5)) / 19_999));
    // every tenth account has no revenue: a prospect (revenue 0, i % 1000 = 0, is among them)
    expect(portfolio.tiers.prospect.count).toBe(2_000);
    expect(portfolio.accounts).toBe(20_000);
  });
});

const clean9 = (x: number) => Math.round(x * 1e9) / 1e9;

describe('analysis in two steps', () => {
  it('analyseAccount with the ranks of rankRevenues is analyseWorkspace', () => {
    const accounts = validAccounts(loadWorkspace(example)).map((d) => d.data);
    const settings = loadWorkspace(example).config;
    const whole = analyseWorkspace(accounts, settings, '2026-11-01');
    const ranked = rankRevenues(
      accounts.map((a) => computeFigures(a).latestRevenue),
      settings,
    );
    const apart = accounts.map((a, i) => analyseAccount(a, computeFigures(a), ranked[i], settings, '2026-11-01'));
    expect(apart.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(whole.accounts);
    expect(whole.accounts.length).toBeGreaterThan(3);
  });
});

describe('breakdowns shared by accounts alike', () => {
  it('A, R and the quadrant of accounts with the same inputs are one object, and the analysis is what it was', () => {
    const base = account({ assessment: { attractiveness: 'high', relationship: 'good', potential: { volume: 'high', margin: 'low' } } });
    const accounts = ['a', 'b', 'c'].map((id) => ({ ...base, id, name: id }));
    const { accounts: out } = analyseWorkspace(accounts, config(), '2026-11-01');
    expect(out[0].breakdown.attractiveness).toBe(out[1].breakdown.attractiveness);
    expect(out[0].breakdown.relationship).toBe(out[2].breakdown.relationship);
    expect(out[0].breakdown.quadrant).toBe(out[1].breakdown.quadrant);
    expect(out[0].breakdown.attractiveness.explain).toMatch(/^attractiveness /);
    // other weights: other breakdowns
    const other = analyseWorkspace(accounts, config({ scoring: { weights: { attractiveness: { attractiveness: 1, volume: 0, margin: 0 } } } }), '2026-11-01');
    expect(other.accounts[0].breakdown.attractiveness).not.toBe(out[0].breakdown.attractiveness);
    expect(other.accounts[0].scores.attractiveness).toBe(100);
  });
});
