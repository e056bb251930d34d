import { describe, expect, it } from 'vitest';
import {
  attractiveness,
  attractivenessScore,
  composite,
  compositeScore,
  coverage,
  normalise,
  normaliseWeights,
  relationship,
  relationshipScore,
  valueScores,
  valueScoresOnly,
} from '../../src/analysis/scores.js';
import { loadWorkspace, validAccounts } from '../../src/load/workspace.js';
import { example } from '../helpers.js';
import { account, config } from './account.js';

const weights = config().scoring.weights;

describe('attractiveness A (SPEC 3)', () => {
  it('is 100 x (0.4 attractiveness + 0.3 volume + 0.3 margin) with its breakdown', () => {
    const a = attractiveness(account({ assessment: { attractiveness: 'high', potential: { volume: 'high', margin: 'medium' } } }), weights.attractiveness);
    expect(a.score).toBe(85); // 40 + 30 + 15
    expect(a.explain).toBe('attractiveness 85 = 0.4 x high + 0.3 x volume:high + 0.3 x margin:medium');
    expect(a.factors).toEqual([
      { name: 'attractiveness', input: 'high', value: 1, weight: 0.4, points: 40 },
      { name: 'volume', input: 'high', value: 1, weight: 0.3, points: 30 },
      { name: 'margin', input: 'medium', value: 0.5, weight: 0.3, points: 15 },
    ]);
  });

  it('counts a missing input as 0 and says unknown', () => {
    const a = attractiveness(account({ assessment: { potential: { margin: 'low' } } }), weights.attractiveness);
    expect(a.score).toBe(0);
    expect(a.explain).toBe('attractiveness 0 = 0.4 x unknown + 0.3 x volume:unknown + 0.3 x margin:low');
    expect(attractiveness(account({ assessment: { attractiveness: 'medium' } }), weights.attractiveness).score).toBe(20);
  });

  it('takes weights as relative: 40/30/30 is the same as 0.4/0.3/0.3; 2/1/1 halves the first', () => {
    const acc = account({ assessment: { attractiveness: 'high', potential: { volume: 'low', margin: 'medium' } } });
    expect(attractiveness(acc, { attractiveness: 40, volume: 30, margin: 30 }).score).toBe(55);
    const b = attractiveness(acc, { attractiveness: 2, volume: 1, margin: 1 });
    expect(b.score).toBe(62.5); // 50 + 0 + 12.5
    expect(b.explain).toBe('attractiveness 62.5 = 0.5 x high + 0.25 x volume:low + 0.25 x margin:medium');
  });

  it('normalise keeps weights that sum to 1 and zero weights as they are', () => {
    expect(normalise({ a: 0.45, b: 0.35, c: 0.2 })).toEqual({ a: 0.45, b: 0.35, c: 0.2 });
    expect(normalise({ a: 0, b: 0 })).toEqual({ a: 0, b: 0 });
    expect(normalise({ a: 3, b: 1 })).toEqual({ a: 0.75, b: 0.25 });
  });
});

describe('relationship strength R (SPEC 3)', () => {
  const contacts = [
    { name: 'COO', role: 'decision_maker' as const, level: 'executive' as const, owner: '刘建国' },
    { name: 'Director', role: 'influencer' as const, level: 'manager' as const, owner: '王磊' },
    { name: 'Buyer', role: 'gatekeeper' as const, level: 'manager' as const, owner: '孙明' },
  ];

  it('is 100 x (0.5 state + 0.2 level + 0.3 coverage), all five coverage checks met', () => {
    const r = relationship(account({ assessment: { relationship: 'good', relationship_level: 'strategic' }, contacts }), weights.relationship);
    expect(r.score).toBe(90); // 40 + 20 + 30
    expect(r.explain).toBe('relationship 90 = 0.5 x state:good + 0.2 x level:strategic + 0.3 x coverage:5/5');
    expect(Object.values(r.coverage).every(Boolean)).toBe(true);
  });

  it('counts the coverage checks one by one', () => {
    // one owner for all: 4/5 (the nordwerk case): 5 + 12 + 24 = 41
    const one = contacts.map((c) => ({ ...c, owner: '张涛' }));
    const r = relationship(account({ assessment: { relationship: 'regressing', relationship_level: 'service' }, contacts: one }), weights.relationship);
    expect(r.score).toBe(41);
    expect(r.coverage).toEqual({ decisionMaker: true, influencer: true, executive: true, threeContacts: true, twoOwners: false });
    expect(coverage(account({ contacts: [{ name: 'x', role: 'influencer', level: 'operational', owner: 'a' }] }))).toEqual({
      decisionMaker: false,
      influencer: true,
      executive: false,
      threeContacts: false,
      twoOwners: false,
    });
  });

  it('has every state and level value of the spec', () => {
    const score = (relationship_state: string, level: string) =>
      relationship(account({ assessment: { relationship: relationship_state as never, relationship_level: level as never } }), { state: 1, level: 0, coverage: 0 }).score +
      relationship(account({ assessment: { relationship_level: level as never } }), { state: 0, level: 1, coverage: 0 }).score / 1000;
    expect(score('very_strong', 'strategic')).toBe(100.1);
    expect(score('good', 'service')).toBe(80.06);
    expect(score('developing', 'transactional')).toBe(60.02);
    expect(score('potential', 'strategic')).toBe(40.1);
    expect(score('limited', 'strategic')).toBe(30.1);
    expect(score('defensive', 'strategic')).toBe(20.1);
    expect(score('regressing', 'strategic')).toBe(10.1);
  });

  it('without assessment is unknown (null, not 0): not assessed', () => {
    const r = relationship(account(), weights.relationship);
    expect(r.score).toBeNull();
    expect(r.explain).toBe('relationship not assessed: state, level unknown');
  });

  it('with an assessment but no state, level or contacts is 0 with unknown state and level and coverage 0/5', () => {
    const r = relationship(account({ assessment: { attractiveness: 'low' } }), weights.relationship);
    expect(r.score).toBe(0);
    expect(r.explain).toBe('relationship 0 = 0.5 x state:unknown + 0.2 x level:unknown + 0.3 x coverage:0/5');
  });
});

describe('value V (SPEC 3): percentile rank of latest revenue', () => {
  it('is 100 x (L + 0.5 E) / (n - 1)', () => {
    const v = valueScores([6_800_000, 4_100_000, 3_500_000, 1_600_000, 1_200_000, 850_000, null, 0]);
    expect(v.map((x) => x.score)).toEqual([100, 85.714285714, 71.428571429, 57.142857143, 42.857142857, 28.571428571, 7.142857143, 7.142857143]);
    expect(v[1]).toMatchObject({ revenue: 4_100_000, lower: 6, equal: 0, others: 7 });
    expect(v[6]).toMatchObject({ revenue: 'unknown', lower: 0, equal: 1 });
    expect(v[6].explain).toBe('value 7.1 = 100 x (0 lower + 0.5 x 1 equal) / 7 other accounts, by latest revenue unknown (counts as 0)');
  });

  it('gives ties the same score, half a rank per equal account', () => {
    // 100, 100: L = 2 (50 and 0), E = 1 → 2.5 / 3; 50: L = 1 → 1/3; 0: 0
    expect(valueScores([100, 50, 100, 0]).map((x) => x.score)).toEqual([83.333333333, 33.333333333, 83.333333333, 0]);
    expect(valueScores([7, 7, 7]).map((x) => x.score)).toEqual([50, 50, 50]);
  });

  it('is 100 for the only account, whatever its revenue', () => {
    expect(valueScores([null])[0]).toMatchObject({ score: 100, explain: 'value 100: the only account' });
    expect(valueScores([])).toEqual([]);
  });
});

describe('composite S (SPEC 3)', () => {
  it('is 0.45 A + 0.35 V + 0.20 R, cleaned of floating-point noise', () => {
    const s = composite(85, 600 / 7, 82, weights.composite);
    expect(s.score).toBe(84.65);
    expect(s.explain).toBe('composite 84.7 = 0.45 x A:85 + 0.35 x V:85.7 + 0.2 x R:82');
    expect(s.factors.map((f) => f.points)).toEqual([38.25, 30, 16.4]);
  });
});

describe('scores without their breakdowns (what the tiers need)', () => {
  it('are the scores of the breakdowns', () => {
    const revenues = [5, null, 5, 0, 12, 7.5, null, 100];
    expect(valueScoresOnly(revenues)).toEqual(valueScores(revenues).map((v) => v.score));
    const w = normaliseWeights(config().scoring.weights);
    const accounts = validAccounts(loadWorkspace(example)).map((d) => d.data);
    for (const a of accounts) {
      expect(attractivenessScore(a, w.attractiveness)).toBe(attractiveness(a, w.attractiveness).score);
      expect(relationshipScore(a, w.relationship)).toBe(relationship(a, w.relationship).score);
      expect(compositeScore(61.5, 33.3, 87, w.composite)).toBe(composite(61.5, 33.3, 87, w.composite).score);
    }
    expect(accounts.length).toBeGreaterThan(3);
  });
});
