import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealDate } from '../../src/schema/common.js';

describe('isRealDate', () => {
  it('knows month lengths and leap years', () => {
    expect(['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'].map(isRealDate)).toEqual([true, true, true, true]);
    expect(['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '26-01-01'].map(isRealDate)).toEqual(
      Array(8).fill(false),
    );
  });

  it('agrees with the calendar of Date for every day of four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const date = new Date(Date.UTC(y, m - 1, d));
        const real = m >= 1 && m <= 12 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        expect(isRealDate(text)).toBe(real);
      }),
      { numRuns: 3000 },
    );
  });
});
