/** Currencies (kam.yaml fx) and partial years (fiscal_year_start): README "Currencies" and "Partial years". */
import { describe, expect, it } from 'vitest';
import { analyseWorkspace, computeFigures, possibleTiers, tierInputs, tiersOf } from '../../src/analysis/index.js';
import { currentYear, yearOf } from '../../src/analysis/years.js';
import { rateFor } from '../../src/schema/fx.js';
import { account, config } from './account.js';

const eur = config({ currency: 'EUR', fx: { CNY: 0.13, USD: { 2024: 0.9, 2025: 0.92 } } });

describe('rates (kam.yaml fx)', () => {
  it('gives one rate for every year, or the rate of the year', () => {
    expect(rateFor(eur, 'EUR', 2025)).toBe(1);
    expect(rateFor(eur, 'CNY', 2019)).toBe(0.13);
    expect(rateFor(eur, 'USD', 2024)).toBe(0.9);
    expect(rateFor(eur, 'USD', 2025)).toBe(0.92);
  });

  it('takes a missing year from the closest year before it, else the earliest rate given', () => {
    expect(rateFor(eur, 'USD', 2027)).toBe(0.92); // later than every rate: the latest
    expect(rateFor(eur, 'USD', 2023)).toBe(0.9); // earlier than every rate: the earliest
    const gap = config({ currency: 'EUR', fx: { USD: { 2022: 0.8, 2025: 0.92 } } });
    expect(rateFor(gap, 'USD', 2024)).toBe(0.8);
  });

  it('has no rate for a currency kam.yaml does not name', () => {
    expect(rateFor(eur, 'GBP', 2025)).toBeNull();
    expect(rateFor(config({ fx: { USD: {} } }), 'USD', 2025)).toBeNull();
  });
});

describe('conversion of an account in another currency', () => {
  it('converts revenue with the rate of its year, and wallet, cost and pipeline before any figure uses them', () => {
    const a = account({
      currency: 'USD',
      financials: { revenue: { 2024: 1_000_000, 2025: 1_000_000 }, margin: 0.5, cost_to_serve: 100_000, wallet: 4_000_000 },
      opportunities: [{ name: 'deal', stage: 'proposal', value: 200_000, probability: 0.5, close_date: '2024-06-30' }],
    });
    const f = computeFigures(a, eur, '2026-03-01');
    expect(f.currency).toBe('EUR');
    expect(f.latestRevenue).toBeCloseTo(920_000);
    expect(f.previousRevenue).toBeCloseTo(900_000);
    expect(f.growth).toBeCloseTo(20_000 / 900_000); // the rates move growth, not only the amounts
    expect(f.shareOfWallet).toBeCloseTo(0.25);
    expect(f.profit).toBeCloseTo(920_000 * 0.5 - 92_000);
    expect(f.weightedPipeline).toBeCloseTo(200_000 * 0.9 * 0.5); // the close date's year
    expect(f.original).toMatchObject({ currency: 'USD', latestRevenue: 1_000_000, previousRevenue: 1_000_000, profit: 400_000, weightedPipeline: 100_000 });
    expect(f.unconverted).toBe(false);
  });

  it('ranks the converted figure: CNY 10 M at 0.13 is EUR 1.3 M, below EUR 2.4 M', () => {
    const cn = account({ id: 'cn', currency: 'CNY', financials: { revenue: { 2025: 10_000_000 } } });
    const big = account({ id: 'big', financials: { revenue: { 2025: 2_400_000 } } });
    const [b, c] = analyseWorkspace([cn, big], eur, '2026-11-01').accounts;
    expect([b.id, b.scores.value, c.id, c.scores.value]).toEqual(['big', 100, 'cn', 0]);
    expect(c.figures.latestRevenue).toBeCloseTo(1_300_000);
  });

  it('leaves an account whose currency has no rate out of V and abc, never comparing raw numbers', () => {
    const gb = account({ id: 'gb', currency: 'GBP', financials: { revenue: { 2024: 1_000_000, 2025: 800_000 }, margin: 0.2 } });
    const small = account({ id: 'small', financials: { revenue: { 2025: 1000 } } });
    const { accounts, portfolio } = analyseWorkspace([gb, small], eur, '2026-11-01');
    const g = accounts.find((a) => a.id === 'gb')!;
    const s = accounts.find((a) => a.id === 'small')!;
    expect(g.figures).toMatchObject({ unconverted: true, latestRevenue: null, profit: null });
    expect(g.scores.value).toBeNull();
    expect(g.abc).toBeNull();
    expect(g.tier).toBe('ordinary'); // it has revenue: not a prospect
    expect(g.risk.reasons.map((r) => r.rule)).toContain('risk/revenue-drop'); // the drop in its own currency
    expect(s).toMatchObject({ abc: 'A', scores: { value: 100 } }); // the only account ranked
    expect(portfolio).toMatchObject({ unranked: ['gb'], revenue: 1000 });
  });
});

describe('partial years (fiscal_year_start)', () => {
  it('names a fiscal year by the calendar year it starts in', () => {
    expect(yearOf('2026-11-15', '01-01')).toBe(2026);
    expect(yearOf('2026-03-31', '04-01')).toBe(2025);
    expect(yearOf('2026-04-01', '04-01')).toBe(2026);
  });

  it('counts the days of the current year up to and including today', () => {
    expect(currentYear('2026-01-01', '01-01')).toEqual({ year: 2026, start: '2026-01-01', end: '2026-12-31', elapsed: 1, days: 365 });
    expect(currentYear('2026-12-31', '01-01')).toMatchObject({ year: 2026, elapsed: 365 });
    expect(currentYear('2027-03-31', '04-01')).toEqual({ year: 2026, start: '2026-04-01', end: '2027-03-31', elapsed: 365, days: 365 });
    expect(currentYear('2027-04-01', '04-01')).toEqual({ year: 2027, start: '2027-04-01', end: '2028-03-31', elapsed: 1, days: 366 });
  });

  const growing = account({ financials: { revenue: { 2024: 500_000, 2025: 650_000, 2026: 400_000 } } });

  it('takes latest revenue and growth from complete years; the current year is year to date with its run rate', () => {
    const f = computeFigures(growing, config(), '2026-11-01');
    expect([f.latestYear, f.latestRevenue, f.previousYear, f.growth]).toEqual([2025, 650_000, 2024, 0.3]);
    expect(f.yearToDate).toEqual({ year: 2026, revenue: 400_000, runRate: (400_000 * 365) / 305, elapsed: 305, days: 365 });
  });

  it('does not see a drop in a year that is not over (risk/revenue-drop, V and abc)', () => {
    const [a] = analyseWorkspace([growing], config(), '2026-11-01').accounts;
    expect(a.risk.reasons.map((r) => r.rule)).not.toContain('risk/revenue-drop');
    expect(a.abc).toBe('A');
  });

  it('moves the boundary with fiscal_year_start: on 2026-03-31 the fiscal year 2025 is still running', () => {
    const fiscal = config({ fiscal_year_start: '04-01' });
    const a = account({ financials: { revenue: { 2024: 1_000_000, 2025: 300_000 } } });
    const before = computeFigures(a, fiscal, '2026-03-31');
    expect([before.latestYear, before.latestRevenue, before.yearToDate?.year]).toEqual([2024, 1_000_000, 2025]);
    // on the boundary day the new year starts: 2025 is complete, and it fell 70 %
    const on = computeFigures(a, fiscal, '2026-04-01');
    expect([on.latestYear, on.latestRevenue, on.yearToDate]).toEqual([2025, 300_000, null]);
    const [r] = analyseWorkspace([a], fiscal, '2026-04-01').accounts;
    expect(r.risk.reasons.map((x) => x.rule)).toContain('risk/revenue-drop');
  });

  it('on 1 January with the calendar year, last year is complete and this year has one day', () => {
    const a = account({ financials: { revenue: { 2025: 1_000_000, 2026: 10_000 } } });
    const f = computeFigures(a, config(), '2026-01-01');
    expect(f.latestYear).toBe(2025);
    expect(f.yearToDate).toMatchObject({ year: 2026, revenue: 10_000, runRate: 3_650_000, elapsed: 1 });
  });

  it('refuses a fiscal_year_start that is not a day of every year', () => {
    expect(() => config({ fiscal_year_start: '02-29' })).toThrow();
    expect(() => config({ fiscal_year_start: '4-1' })).toThrow();
    expect(config({ fiscal_year_start: '10-01' }).fiscal_year_start).toBe('10-01');
  });
});

describe('the tiers of kam check (from the tier inputs) are those of the analysis', () => {
  it('with accounts converted, unranked, unassessed and with a year to date', () => {
    const accounts = [
      account({ id: 'big', financials: { revenue: { 2025: 2_400_000, 2026: 100 } }, assessment: { attractiveness: 'high', relationship: 'very_strong', relationship_level: 'strategic' } }),
      account({ id: 'cn', currency: 'CNY', financials: { revenue: { 2025: 10_000_000 } }, assessment: { attractiveness: 'high', potential: { volume: 'high', margin: 'high' } } }),
      account({ id: 'gb', currency: 'GBP', financials: { revenue: { 2025: 9_000_000 } }, assessment: { attractiveness: 'high', potential: { volume: 'high', margin: 'high' }, relationship: 'very_strong', relationship_level: 'strategic' } }),
      account({ id: 'imported', financials: { revenue: { 2025: 50_000 } } }),
      account({ id: 'new', financials: { revenue: { 2026: 70_000 } } }),
    ];
    const today = '2026-11-01';
    const analysed = new Map(analyseWorkspace(accounts, eur, today).accounts.map((a) => [a.id, a.tier]));
    const inputs = accounts.map((a) => tierInputs(a, eur, today));
    expect(tiersOf(inputs, eur)).toEqual(analysed);
    for (const x of inputs) expect(possibleTiers(x, eur)).toContain(analysed.get(x.id));
    expect(analysed.get('new')).toBe('prospect'); // only this year's revenue so far: no complete year
    expect(analysed.get('imported')).toBe('ordinary');
    expect(analysed.get('gb')).toBe('ordinary'); // A 100, R 70 (no contacts), V unknown counted as 0: S 59
  });
});
