import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/import/number.js';

describe('parseNumber', () => {
  it.each([
    ['0', 0],
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['1,234,567.89', 1234567.89],
    ['1.234.567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['1 234 567', 1234567],
    ['1\u202f234\u202f567,5', 1234567.5],
    ["1'234'567.25", 1234567.25],
    ['12,34,567', 1234567],
    ['3,5', 3.5],
    ['1.234', 1.234],
    ['0,123', 0.123],
    ['  42  ', 42],
    ['-1,200', -1200],
    ['−7', -7],
    ['+7', 7],
    ['(1,200.50)', -1200.5],
    ['USD 1,200.50', 1200.5],
    ['1,200 EUR', 1200],
    ['$3,200,000', 3200000],
    ['¥3,200,000', 3200000],
    ['RMB 50', 50],
    ['-$5', -5],
    ['28%', 0.28],
    ['12.5 %', 0.125],
    ['1.2E+06', 1200000],
    ['320万', 3200000],
    ['1.5亿', 150000000],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['', ' ', 'n/a', '-', '1,2,3', '1,23,4', '12-34', '1.2.3,4', 'abc', '1e', '$', '5 apples', '1 2'])('refuses %j', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });

  it.each([
    ['12.500', 12500],
    ['1.234.567,89', 1234567.89],
    ['1,5', 1.5],
    ['1,234', 1.234],
    ['0,5 %', 0.005],
    ['€ 1.200', 1200],
  ])('reads %j as %d where the decimal mark is a comma', (text, value) => {
    expect(parseNumber(text, { decimalComma: true })).toBe(value);
  });

  it('reads back what spreadsheets write (property)', () => {
    const en = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
    const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
    const ch = new Intl.NumberFormat('de-CH', { maximumFractionDigits: 4 });
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }).filter((n) => n !== 0), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = Number(`${whole}.${String(cents).padStart(2, '0')}`);
        expect(parseNumber(en.format(value))).toBe(value);
        expect(parseNumber(fr.format(value))).toBe(value);
        expect(parseNumber(ch.format(value))).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
