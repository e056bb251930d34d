import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { assessRisk, riskLevelOf, riskRules, type Risk } from '../../src/analysis/risk.js';
import type { Account } from '../../src/schema/account.js';
import { repoRoot } from '../helpers.js';
import { account } from './account.js';

const today = '2026-11-01';
/** An account that gives no risk point at all; each test changes one thing. */
const safe: Partial<Account> = {
  assessment: { relationship: 'good', lifecycle: 'growth' },
  contacts: [
    { name: 'CEO', level: 'executive', owner: 'A' },
    { name: 'Engineer', level: 'operational', owner: 'B' },
  ],
  self: { meets_criteria: true, price_position: 'at_market' },
  competitors: [{ ref: 'globex', meets_criteria: false }],
  financials: { revenue: { 2024: 100, 2025: 95 } },
  service: { issues: [{ opened: '2026-10-01', resolved: '2026-10-03' }], satisfaction: [{ date: '2026-01-01', score: 7 }, { date: '2026-06-01', score: 7 }] },
};
const risk = (fields: Partial<Account>, sla = 14): Risk => {
  const a = account({ ...safe, ...fields });
  return assessRisk(a, { figures: computeFigures(a), today, serviceSlaDays: sla });
};
const only = (r: Risk) => r.reasons.map(({ rule, points }) => `${rule} +${points}`);

describe('defection risk (SPEC 4)', () => {
  it('gives no point to the safe account', () => {
    expect(risk({})).toEqual({ level: 'low', points: 0, reasons: [] });
  });

  describe('risk/criteria', () => {
    it('alert (+2): we and a competitor both meet them', () => {
      const r = risk({ competitors: [{ ref: 'globex', meets_criteria: true }, { name: '恒控', meets_criteria: true }] });
      expect(r.reasons).toEqual([
        { rule: 'risk/criteria', points: 2, path: ['self', 'meets_criteria'], message: 'we and a competitor both meet the purchase criteria (globex, 恒控)' },
      ]);
    });
    it('alarm (+4): a competitor does and we do not', () => {
      const r = risk({ self: { meets_criteria: false }, competitors: [{ ref: 'globex', meets_criteria: true }] });
      expect(r.reasons[0]).toMatchObject({ points: 4, message: 'a competitor meets the purchase criteria and we do not (globex)' });
    });
    it('nobody does (+2); a competitor without meets_criteria counts as not meeting them', () => {
      expect(only(risk({ self: { meets_criteria: false }, competitors: [{ ref: 'globex' }] }))).toEqual(['risk/criteria +2']);
      expect(only(risk({ self: { meets_criteria: false }, competitors: [] }))).toEqual(['risk/criteria +2']);
      expect(only(risk({ competitors: [{ ref: 'globex' }] }))).toEqual([]);
    });
    it('unknown (+1) without self.meets_criteria', () => {
      expect(risk({ self: {} }).reasons).toEqual([
        { rule: 'risk/criteria', points: 1, path: ['self', 'meets_criteria'], message: 'unknown whether we meet the purchase criteria: set self.meets_criteria' },
      ]);
    });
  });

  it('risk/relationship (+2): defensive or regressing', () => {
    expect(only(risk({ assessment: { relationship: 'defensive' } }))).toEqual(['risk/relationship +2']);
    expect(risk({ assessment: { relationship: 'regressing' } }).reasons[0]).toMatchObject({ path: ['assessment', 'relationship'], message: 'the relationship is regressing' });
    expect(only(risk({ assessment: { relationship: 'limited' } }))).toEqual([]);
  });

  it('risk/lifecycle (+1): defense, hibernation or suspension', () => {
    for (const lifecycle of ['defense', 'hibernation', 'suspension'] as const) {
      expect(only(risk({ assessment: { relationship: 'good', lifecycle } }))).toEqual(['risk/lifecycle +1']);
    }
    expect(only(risk({ assessment: { relationship: 'good', lifecycle: 'harvest' } }))).toEqual([]);
  });

  it('risk/single-threaded (+2): at most one contact, or one owner among them', () => {
    const exec = { name: 'CEO', level: 'executive' as const };
    expect(risk({ contacts: [{ ...exec, owner: 'A' }] }).reasons).toEqual([
      { rule: 'risk/single-threaded', points: 2, path: ['contacts'], message: 'single-threaded: CEO is the only contact' },
    ]);
    expect(risk({ contacts: [{ ...exec, owner: '张涛' }, { name: 'x', owner: ' 张涛 ' }, { name: 'y' }] }).reasons[0].message).toBe(
      'single-threaded: every contact is held by 张涛 alone',
    );
    expect(risk({ contacts: [exec, { name: 'x' }] }).reasons[0].message).toBe('single-threaded: no contact has an owner on our side');
  });

  it('risk/no-executive (+1)', () => {
    expect(risk({ contacts: [{ name: 'a', level: 'manager', owner: 'A' }, { name: 'b', owner: 'B' }] }).reasons).toEqual([
      { rule: 'risk/no-executive', points: 1, path: ['contacts'], message: 'no executive-level contact' },
    ]);
  });

  it('no contacts at all: single-threaded and no executive', () => {
    expect(only(risk({ contacts: undefined }))).toEqual(['risk/single-threaded +2', 'risk/no-executive +1']);
  });

  describe('risk/open-issues', () => {
    it('+1 per issue open more than service_sla_days, at most +3', () => {
      const issues = [
        { id: 'Q-1', opened: '2026-10-18' }, // 14 days: not more than 14
        { id: 'Q-2', opened: '2026-10-17' }, // 15 days
        { id: 'Q-3', opened: '2026-09-01', resolved: '2026-09-30' }, // resolved
      ];
      expect(risk({ service: { issues } }).reasons).toEqual([
        { rule: 'risk/open-issues', points: 1, path: ['service', 'issues', 1], message: '1 service issue open longer than 14 days: Q-2 (15 days)' },
      ]);
      const many = ['2026-10-01', '2026-09-01', '2026-08-01', '2026-07-01'].map((opened) => ({ opened }));
      const r = risk({ service: { issues: many } });
      expect(r.reasons[0]).toMatchObject({ points: 3, path: ['service', 'issues', 3] });
      expect(r.reasons[0].message).toBe('4 service issues open longer than 14 days: #4 (123 days), #3 (92 days), #2 (61 days), #1 (31 days)');
    });
    it('follows checks.service_sla_days and today', () => {
      expect(only(risk({ service: { issues: [{ opened: '2026-10-17' }] } }, 30))).toEqual([]);
      expect(only(risk({ service: { issues: [{ opened: '2026-12-01' }] } }))).toEqual([]); // opened after today
    });
  });

  describe('risk/satisfaction (+1)', () => {
    it('latest below 6', () => {
      expect(risk({ service: { satisfaction: [{ date: '2026-06-01', score: 5.5 }] } }).reasons).toEqual([
        { rule: 'risk/satisfaction', points: 1, path: ['service', 'satisfaction', 0, 'score'], message: 'latest satisfaction 5.5 (2026-06-01) is below 6' },
      ]);
    });
    it('latest lower than the one before, by date not by file order', () => {
      const r = risk({ service: { satisfaction: [{ date: '2026-06-01', score: 7 }, { date: '2025-12-01', score: 8 }] } });
      expect(r.reasons[0]).toMatchObject({ path: ['service', 'satisfaction', 0, 'score'], message: 'latest satisfaction 7 (2026-06-01) is lower than the one before (8 on 2025-12-01)' });
      expect(only(risk({ service: { satisfaction: [{ date: '2026-06-01', score: 8 }, { date: '2025-12-01', score: 7 }] } }))).toEqual([]);
      expect(only(risk({ service: { satisfaction: [{ date: '2026-06-01', score: 6 }] } }))).toEqual([]);
    });
  });

  it('risk/revenue-drop (+1): latest down 10 % or more on the previous year', () => {
    expect(risk({ financials: { revenue: { 2024: 1_000_000, 2025: 900_000 } } }).reasons).toEqual([
      { rule: 'risk/revenue-drop', points: 1, path: ['financials', 'revenue', '2025'], message: 'revenue fell 10 % in 2025 on 2024 (900000 against 1000000)' },
    ]);
    expect(only(risk({ financials: { revenue: { 2024: 1_000_000, 2025: 900_001 } } }))).toEqual([]);
    expect(only(risk({ financials: { revenue: { 2025: 1 } } }))).toEqual([]);
    expect(only(risk({ financials: { revenue: { 2024: 0, 2025: 0 } } }))).toEqual([]);
  });

  it('risk/price (+1): above market', () => {
    expect(risk({ self: { meets_criteria: true, price_position: 'above_market' } }).reasons).toEqual([
      { rule: 'risk/price', points: 1, path: ['self', 'price_position'], message: 'our price is above market' },
    ]);
  });

  it('adds the rules up (the nordwerk case: 13 points, high)', () => {
    const r = risk({
      self: { meets_criteria: false, price_position: 'above_market' },
      competitors: [{ ref: 'globex', meets_criteria: true }, { ref: 'hooli', meets_criteria: false }],
      assessment: { relationship: 'regressing', lifecycle: 'defense' },
      contacts: [{ name: 'Vogel', level: 'executive', owner: '张涛' }, { name: '钱宇', owner: '张涛' }, { name: '杜志明', owner: '张涛' }],
      service: {
        issues: [{ opened: '2026-07-08', resolved: '2026-07-30' }, { id: 'NW-207', opened: '2026-10-01' }],
        satisfaction: [{ date: '2025-11-30', score: 7 }, { date: '2026-05-31', score: 5 }],
      },
      financials: { revenue: { 2023: 3_600_000, 2024: 4_200_000, 2025: 3_500_000 } },
    });
    expect(only(r)).toEqual([
      'risk/criteria +4',
      'risk/relationship +2',
      'risk/lifecycle +1',
      'risk/single-threaded +2',
      'risk/open-issues +1',
      'risk/satisfaction +1',
      'risk/revenue-drop +1',
      'risk/price +1',
    ]);
    expect(r).toMatchObject({ points: 13, level: 'high' });
  });

  it('levels: 0-2 low, 3-5 medium, 6 and up high', () => {
    expect([0, 2, 3, 5, 6, 20].map(riskLevelOf)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
    expect(risk({ self: { meets_criteria: true, price_position: 'above_market' }, assessment: { relationship: 'defensive' } })).toMatchObject({ points: 3, level: 'medium' });
  });

  it('has the nine rules of the spec, ids once each', () => {
    expect(riskRules.map((r) => r.id)).toEqual([
      'risk/criteria',
      'risk/relationship',
      'risk/lifecycle',
      'risk/single-threaded',
      'risk/no-executive',
      'risk/open-issues',
      'risk/satisfaction',
      'risk/revenue-drop',
      'risk/price',
    ]);
  });

  it('are the rows of the README risk table, in order', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Defection risk'), readme.indexOf('### Overrides'));
    const rows = [...section.matchAll(/^\| `(risk\/[a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(riskRules.map((r) => r.id));
  });
});
