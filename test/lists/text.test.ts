/** The list commands' text helpers: CSV fields and the formula guard, Markdown cells, day counts. */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionUid, parseDays } from '../../src/lists/actions.js';
import { BOM, csvField, csvText, guardCell, mdCell } from '../../src/lists/text.js';
import { truthy, withoutNulls } from '../../src/lists/where.js';

describe('CSV', () => {
  it('guards cells a spreadsheet would run as a formula, never numbers', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(guardCell(s)).toBe(`'${s}`);
    for (const s of ['1+1', 'a=b', '', '李娜']) expect(guardCell(s)).toBe(s);
    expect(csvField(-3)).toBe('-3');
    expect(csvField('-3')).toBe("'-3");
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('round-trips any text through csv-parse (the guard aside), BOM and Chinese included', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const text = csvText(['a', 'b'], rows, true);
        expect(text.startsWith(BOM)).toBe(true);
        const back = parse(text, { bom: true, relax_column_count: false }) as string[][];
        expect(back.slice(1)).toEqual(rows.map((r) => r.map(guardCell)));
      }),
    );
    expect(csvText(['名称'], [['贝塔, "制药"']])).toBe('名称\r\n"贝塔, ""制药"""\r\n');
  });
});

describe('Markdown cells and the rest', () => {
  it('escapes pipes, backslashes and line breaks', () => {
    expect(mdCell('a|b\\c\nd')).toBe('a\\|b\\\\c<br>d');
  });

  it('reads day counts', () => {
    expect([parseDays('14d'), parseDays('2w'), parseDays('7'), parseDays(' 3D '), parseDays('x'), parseDays('-1d'), parseDays('1.5d')]).toEqual([14, 14, 7, 3, undefined, undefined, undefined]);
  });

  it('derives UIDs from the account and the task alone', () => {
    expect(actionUid('a', 'Call', 0)).toBe(actionUid('a', ' Call ', 0));
    expect(actionUid('a', 'Call', 0)).not.toBe(actionUid('b', 'Call', 0));
    expect(actionUid('a', 'Call', 0)).not.toBe(actionUid('a', 'Call', 1));
    expect(actionUid('a', 'Call', 0)).toMatch(/^[0-9a-f]{20}\.a@kam$/);
  });

  it('casts as JSONata $boolean does, and leaves nulls out', () => {
    expect([truthy(undefined), truthy(null), truthy(0), truthy(''), truthy([]), truthy([0, '']), truthy({}), truthy([0, 1]), truthy('x'), truthy({ a: 1 })]).toEqual([
      false, false, false, false, false, false, false, true, true, true,
    ]);
    expect(withoutNulls({ a: null, b: { c: null, d: 1 }, e: [null, 2] })).toEqual({ b: { d: 1 }, e: [null, 2] });
  });
});
