/** Numbers people read (`src/report/numbers.ts`): money full and short by language, percentages. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyFull, moneyShort, NBSP, percentText, SHORT_FROM } from '../../src/report/numbers.js';

const plain = (s: string) => s.replaceAll(NBSP, ' ');

describe('money', () => {
  it.each([
    [3_500_000, 'en', 'CNY 3,500,000'],
    [3_500_000, 'zh', 'CNY 3,500,000'],
    [-130_000, 'en', 'CNY -130,000'],
    [1250.5, 'en', 'CNY 1,250.5'],
    [0, 'en', 'CNY 0'],
  ] as const)('full %d (%s) = %s', (value, lang, text) => {
    expect(plain(moneyFull(value, 'CNY', lang))).toBe(text);
  });

  it.each([
    [3_500_000, 'en', 'CNY 3.5 M'],
    [735_000, 'en', 'CNY 735 K'],
    [1_200_000_000, 'en', 'CNY 1.2 B'],
    [9_800, 'en', 'CNY 9,800'],
    [3_500_000, 'zh', 'CNY 350万'],
    [12_345_678, 'zh', 'CNY 1234.6万'],
    [120_000_000, 'zh', 'CNY 1.2亿'],
    [85_000, 'zh', 'CNY 8.5万'],
    [9_999, 'zh', 'CNY 9,999'],
    [-2_100_000, 'en', 'CNY -2.1 M'],
  ] as const)('short %d (%s) = %s', (value, lang, text) => {
    expect(plain(moneyShort(value, 'CNY', lang))).toBe(text);
  });

  it('joins code, number and unit with no-break spaces, so that an amount never wraps', () => {
    expect(moneyShort(3_500_000, 'EUR', 'en')).toBe(`EUR${NBSP}3.5${NBSP}M`);
    expect(moneyFull(6_800_000, 'EUR', 'zh')).toBe(`EUR${NBSP}6,800,000`);
    fc.assert(
      fc.property(fc.double({ min: -1e13, max: 1e13, noNaN: true }), fc.constantFrom('en', 'zh' as const), (v, lang) => {
        for (const text of [moneyFull(v, 'CNY', lang), moneyShort(v, 'CNY', lang)]) expect(text).not.toMatch(/\s(?<!\u00a0)/);
      }),
    );
  });

  it('short amounts stay within a tenth of a unit of the value (property)', () => {
    const units: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12, 万: 1e4, 亿: 1e8 };
    fc.assert(
      fc.property(fc.integer({ min: SHORT_FROM, max: 9e11 }), fc.constantFrom('en', 'zh' as const), (v, lang) => {
        const m = /^CNY ([\d.,]+) ?(\D*)$/.exec(plain(moneyShort(v, 'CNY', lang)));
        expect(m).not.toBeNull();
        const unit = units[m![2]] ?? 1;
        expect(Math.abs(Number(m![1].replaceAll(',', '')) * unit - v)).toBeLessThanOrEqual(0.05 * unit + 1e-6);
      }),
    );
  });
});

describe('percentages', () => {
  it.each([
    [0.32, 1, false, '32.0%'],
    [0.3238, 1, false, '32.4%'],
    [0.6, 0, false, '60%'],
    [0.275, 1, true, '+27.5%'],
    [-0.35, 1, true, '-35.0%'],
    [0, 1, true, '0.0%'],
    [-0.0001, 1, false, '0.0%'],
  ] as const)('%d with %d decimals (sign %s) = %s', (ratio, digits, sign, text) => {
    expect(percentText(ratio, 'en', digits, sign)).toBe(text);
    expect(percentText(ratio, 'zh', digits, sign)).toBe(text);
  });
});
