import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber, formatPercent, formatScore } from '../../src/report/helpers.js';

describe('number formatting (no locale: the same bytes everywhere)', () => {
  it.each([
    [0, 2, '0'],
    [1234567, 2, '1,234,567'],
    [1234567.5, 2, '1,234,567.5'],
    [999.999, 2, '1,000'],
    [-130000, 2, '-130,000'],
    [-0.001, 2, '0'],
    [1.005, 2, '1.01'],
    [0.45, 2, '0.45'],
  ])('formatNumber(%d, %d) = %s', (value, digits, text) => {
    expect(formatNumber(value, digits)).toBe(text);
  });

  it('formats money with the currency code before the amount', () => {
    expect(formatMoney(6800000, 'CNY')).toBe('CNY 6,800,000');
    expect(formatMoney(-1250.5, 'EUR')).toBe('EUR -1,250.5');
  });

  it('formats ratios as percentages with at most one decimal, optionally signed', () => {
    expect(formatPercent(0.3238)).toBe('32.4%');
    expect(formatPercent(0.45)).toBe('45%');
    expect(formatPercent(0.3077, 1, true)).toBe('+30.8%');
    expect(formatPercent(-0.6, 0, true)).toBe('-60%');
    expect(formatPercent(0, 0, true)).toBe('0%');
  });

  it('formats scores with exactly one decimal, halves away from zero', () => {
    expect(formatScore(85)).toBe('85.0');
    expect(formatScore(84.65)).toBe('84.7');
    expect(formatScore(88.15)).toBe('88.2');
  });
});
