import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { possibleTiers } from '../../src/analysis/index.js';
import { composite, normaliseWeights } from '../../src/analysis/scores.js';
import { abcOf, quadrantOf, segmentOf, tierOf } from '../../src/analysis/tiers.js';
import { config } from './account.js';

const abc = { a: 0.8, b: 0.95 };
const classes = (revenues: (number | null)[]) => abcOf(revenues, abc).map((x) => x.value).join('');

describe('tier (SPEC 3)', () => {
  it('is prospect when the latest revenue is 0 or absent, whatever the composite', () => {
    expect(tierOf(null, 99, 65)).toMatchObject({ value: 'prospect', latestRevenue: 'unknown', explain: 'prospect: no revenue recorded' });
    expect(tierOf(0, 99, 65)).toMatchObject({ value: 'prospect', explain: 'prospect: latest revenue 0' });
  });

  it('is key at S >= 65 (the threshold itself included), else ordinary', () => {
    expect(tierOf(1, 65, 65)).toMatchObject({ value: 'key', explain: 'key: composite 65 >= 65' });
    expect(tierOf(1, 64.99, 65)).toMatchObject({ value: 'ordinary', explain: 'ordinary: composite 64.99 < 65' });
    expect(tierOf(1, 70, 75).value).toBe('ordinary');
  });
});

describe('abc (SPEC 3): cumulative share of latest revenue', () => {
  it('keeps the account that crosses 80 % in A and the one that crosses 95 % in B', () => {
    // total 100; starts at 0, 50, 75 (crosses 80: A), 90 (crosses 95: B), 96 (C)
    expect(classes([50, 25, 15, 6, 4])).toBe('AAABC');
    const r = abcOf([50, 25, 15, 6, 4], abc);
    expect(r[2]).toMatchObject({ value: 'A', share: 0.15, start: 0.75 });
    expect(r[2].explain).toBe('A: starts at 75 % of cumulative revenue (< 80 %), own share 15 %');
    expect(r[3].explain).toBe('B: starts at 90 % of cumulative revenue (in 80 %-95 %), own share 6 %');
  });

  it('puts an account that starts exactly on a boundary in the next class', () => {
    expect(classes([80, 15, 5])).toBe('ABC');
  });

  it('sorts by revenue, whatever the input order', () => {
    expect(classes([4, 15, 50, 6, 25])).toBe('CAABA');
  });

  it('gives accounts of equal revenue the class their group starts in', () => {
    expect(classes([40, 40, 10, 10])).toBe('AABB');
    expect(classes([70, 10, 10, 10])).toBe('AAAA'); // the three 10s start together at 70 %
  });

  it('counts absent, zero and negative revenue as 0: those accounts are C', () => {
    expect(classes([100, null, 0, -5])).toBe('ACCC');
    expect(abcOf([null], abc)[0]).toMatchObject({ value: 'C', revenue: 'unknown', explain: 'C: no account has revenue' });
  });

  it('makes the only account with revenue A', () => {
    expect(classes([1])).toBe('A');
  });

  it('follows thresholds from kam.yaml', () => {
    expect(abcOf([50, 25, 15, 6, 4], { a: 0.5, b: 0.75 }).map((x) => x.value).join('')).toBe('ABCCC');
  });
});

describe('segment (SPEC 3)', () => {
  it('is BZ when profit < 0, even for an A account', () => {
    expect(segmentOf(-10_000, 'A', 'high', 0.5, 0.2)).toMatchObject({ value: 'BZ', explain: 'BZ: profit -10000 < 0' });
  });
  it('is VIP for abc A otherwise', () => {
    expect(segmentOf(5, 'A', 'low', null, 0.2).value).toBe('VIP');
    expect(segmentOf(null, 'A', undefined, null, 0.2).value).toBe('VIP'); // unknown profit is not BZ
  });
  it('is MGC for high volume potential or growth at or above the threshold', () => {
    expect(segmentOf(5, 'B', 'high', null, 0.2)).toMatchObject({ value: 'MGC', explain: 'MGC: volume potential high' });
    expect(segmentOf(5, 'C', 'medium', 0.2, 0.2)).toMatchObject({ value: 'MGC', explain: 'MGC: growth 20 % >= 20 %' });
  });
  it('is standard otherwise, saying what it looked at', () => {
    const s = segmentOf(null, 'B', undefined, 0.1999, 0.2);
    expect(s).toMatchObject({ value: 'standard', profit: 'unknown', volume: 'unknown', growth: 0.1999 });
    expect(s.explain).toBe('standard: profit unknown, abc B, volume potential unknown, growth 20 % < 20 %');
    expect(segmentOf(0, 'C', 'low', null, 0.2).explain).toBe('standard: profit 0 >= 0, abc C, volume potential low, growth unknown');
  });
});

describe('quadrant (SPEC 3)', () => {
  it('splits A (vertical) and R (horizontal) at 50, a score at the split counting as high', () => {
    expect(quadrantOf(50, 50, 50)).toMatchObject({ value: 'strategic', explain: 'strategic: A 50 >= 50, R 50 >= 50' });
    expect(quadrantOf(85, 41, 50)).toMatchObject({ value: 'star', explain: 'star: A 85 >= 50, R 41 < 50' });
    expect(quadrantOf(49.9, 82, 50).value).toBe('status');
    expect(quadrantOf(10, 10, 50).value).toBe('streamline');
    expect(quadrantOf(60, 60, 70).value).toBe('streamline');
  });
});

describe('possibleTiers (what the worker threads run the tier rules for)', () => {
  it('holds the tier the account gets, whatever the others make of its V', () => {
    const score = fc.double({ min: 0, max: 100, noNaN: true });
    const weight = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(score, score, score, fc.option(fc.double({ min: -10, max: 1e7, noNaN: true })), fc.tuple(weight, weight, weight), score, (a, r, v, revenue, [wa, wv, wr], key) => {
        fc.pre(wa + wv + wr > 0);
        const settings = config({ scoring: { weights: { composite: { attractiveness: wa, value: wv, relationship: wr } }, thresholds: { key } } });
        const w = normaliseWeights(settings.scoring.weights).composite;
        const actual = tierOf(revenue, composite(a, v, r, w).score, key).value;
        expect(possibleTiers({ id: 'x', latestRevenue: revenue, attractiveness: a, relationship: r }, settings)).toContain(actual);
      }),
      { numRuns: 2000 },
    );
  });

  it('is one tier when V cannot change it, two when it can', () => {
    const settings = config();
    const inputs = (latestRevenue: number | null, a: number, r: number) => ({ id: 'x', latestRevenue, attractiveness: a, relationship: r });
    expect(possibleTiers(inputs(null, 100, 100), settings)).toEqual(['prospect']);
    expect(possibleTiers(inputs(1000, 100, 100), settings)).toEqual(['key']);
    expect(possibleTiers(inputs(1000, 0, 0), settings)).toEqual(['ordinary']);
    expect(possibleTiers(inputs(1000, 70, 70), settings)).toEqual(['ordinary', 'key']);
  });
});
