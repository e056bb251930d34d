import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { account } from './account.js';

describe('derived figures (SPEC 2)', () => {
  it('takes the greatest year as latest and the greatest year below it as previous', () => {
    const f = computeFigures(account({ financials: { revenue: { 2023: 3_900_000, 2025: 6_800_000, 2024: 5_200_000 }, margin: 0.31, cost_to_serve: 420_000, wallet: 21_000_000 } }));
    expect(f).toMatchObject({ latestYear: 2025, latestRevenue: 6_800_000, previousYear: 2024, previousRevenue: 5_200_000 });
    expect(f.growth).toBeCloseTo(6.8 / 5.2 - 1, 12);
    expect(f.shareOfWallet).toBeCloseTo(6.8 / 21, 12);
    expect(f.profit).toBeCloseTo(6_800_000 * 0.31 - 420_000, 6); // 1 688 000
  });

  it('computes growth of exactly 20 % exactly (no 0.19999…)', () => {
    expect(computeFigures(account({ financials: { revenue: { 2024: 1_000_000, 2025: 1_200_000 } } })).growth).toBe(0.2);
  });

  it('leaves growth unknown without a previous year or when the previous revenue is 0', () => {
    expect(computeFigures(account({ financials: { revenue: { 2025: 500 } } })).growth).toBeNull();
    expect(computeFigures(account({ financials: { revenue: { 2024: 0, 2025: 500 } } })).growth).toBeNull();
  });

  it('says unknown (null) for every figure whose input is missing, without crashing', () => {
    expect(computeFigures(account())).toEqual({
      latestYear: null,
      latestRevenue: null,
      previousYear: null,
      previousRevenue: null,
      growth: null,
      shareOfWallet: null,
      profit: null,
      weightedPipeline: 0,
      openOpportunities: 0,
      effortShare: null,
      currency: 'CNY',
      yearToDate: null,
      original: null,
      unconverted: false,
    });
    expect(computeFigures(account({ financials: { revenue: {} } })).latestRevenue).toBeNull();
  });

  it('handles zero revenue: known latest 0, share of wallet 0, profit minus the cost to serve', () => {
    const f = computeFigures(account({ financials: { revenue: { 2025: 0 }, margin: 0.3, cost_to_serve: 1000, wallet: 5000 } }));
    expect(f).toMatchObject({ latestRevenue: 0, shareOfWallet: 0, profit: -1000 });
  });

  it('gives negative profit when the cost to serve exceeds the margin; no cost counts as 0', () => {
    expect(computeFigures(account({ financials: { revenue: { 2025: 100_000 }, margin: 0.2, cost_to_serve: 30_000 } })).profit).toBe(-10_000);
    expect(computeFigures(account({ financials: { revenue: { 2025: 100_000 }, margin: 0.25 } })).profit).toBe(25_000);
    expect(computeFigures(account({ financials: { revenue: { 2025: 100_000 } } })).profit).toBeNull();
  });

  it('leaves share of wallet unknown without a wallet or with a wallet of 0', () => {
    expect(computeFigures(account({ financials: { revenue: { 2025: 1 } } })).shareOfWallet).toBeNull();
    expect(computeFigures(account({ financials: { revenue: { 2025: 1 }, wallet: 0 } })).shareOfWallet).toBeNull();
  });

  it('weights the pipeline over open opportunities only (not won or lost; no stage is open)', () => {
    const f = computeFigures(
      account({
        opportunities: [
          { name: 'a', stage: 'qualified', value: 6_000_000, probability: 0.4 },
          { name: 'b', stage: 'negotiation', value: 1_200_000, probability: 0.7 },
          { name: 'c', stage: 'won', value: 900_000, probability: 1 },
          { name: 'd', stage: 'lost', value: 500_000, probability: 0.1 },
          { name: 'e', value: 100_000, probability: 0.5 },
          { name: 'f', stage: 'lead', value: 300_000 },
        ],
      }),
    );
    expect(f.weightedPipeline).toBeCloseTo(2_400_000 + 840_000 + 50_000, 6);
    expect(f.openOpportunities).toBe(4);
  });
});
