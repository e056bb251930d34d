/** The table writer: widths by display width, fitting a width (shorten, then leave out), linear in rows. */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderTable, type TableColumn } from '../../src/util/table.js';
import { displayWidth, truncate, wrap } from '../../src/util/text-width.js';

const columns: TableColumn[] = [
  { head: 'id' },
  { head: 'name', shrink: true, minWidth: 8 },
  { head: 'S', align: 'right', priority: 3 },
  { head: 'abc', priority: 1 },
  { head: 'segment', priority: 2 },
];
const rows = [
  ['globex', 'Globex Corporation International', '84.7', 'A', 'VIP'],
  ['baiao', '百奥制药股份有限公司', '58.0', 'C', 'MGC'],
];

describe('text width', () => {
  it('counts Chinese as two columns, ASCII by length', () => {
    expect(displayWidth('百奥')).toBe(4);
    expect(displayWidth('abc')).toBe(3);
  });

  it('truncates by display width with an ellipsis', () => {
    expect(truncate('Globex Corporation', 8)).toBe('Globex …');
    expect(truncate('百奥制药股份', 7)).toBe('百奥制…');
    expect(truncate('百奥制药股份', 6)).toBe('百奥…');
    expect(truncate('short', 8)).toBe('short');
  });

  it('wraps at spaces, and between characters where there are none', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('百奥制药股份有限公司', 8)).toEqual(['百奥制药', '股份有限', '公司']);
    expect(wrap('anything', undefined)).toEqual(['anything']);
  });

  it('truncate and wrap never pass the width (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '百', '奥', 'é', '-'), maxLength: 80 }), fc.integer({ min: 2, max: 30 }), (text, width) => {
        expect(stringWidth(truncate(text, width))).toBeLessThanOrEqual(width);
        for (const line of wrap(text, width)) expect(stringWidth(line)).toBeLessThanOrEqual(width);
      }),
    );
  });
});

describe('renderTable', () => {
  it('without a width shows every column at its natural width, Chinese aligned', () => {
    const { text, dropped } = renderTable(columns, rows);
    expect(dropped).toEqual([]);
    const lines = text.split('\n');
    expect(new Set(lines.map((l) => stringWidth(l))).size).toBe(1);
    expect(lines[3]).toBe('│ globex │ Globex Corporation International │ 84.7 │ A   │ VIP     │');
    expect(lines[4]).toBe('│ baiao  │ 百奥制药股份有限公司             │ 58.0 │ C   │ MGC     │');
  });

  it('shortens the shrinkable column first, then leaves out the lowest priority', () => {
    const shortened = renderTable(columns, rows, { width: 56 });
    expect(shortened.dropped).toEqual([]);
    expect(shortened.text).toContain('│ Globex Corporation … │');
    const dropped = renderTable(columns, rows, { width: 36 });
    expect(dropped.dropped).toEqual(['abc', 'segment']);
    for (const line of dropped.text.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(36);
  });

  it('never passes the width, whatever the cells (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '百', '奥', '9'), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell, cell, cell), { maxLength: 8 }), fc.integer({ min: 21, max: 140 }), (cells, width) => {
        const { text } = renderTable(columns, cells, { width });
        const lines = text.split('\n');
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
        expect(new Set(lines.map((l) => stringWidth(l))).size).toBe(1);
      }),
    );
  });

  it('paints after padding, so colour does not count in the width', () => {
    const { text } = renderTable([{ head: 'tier' }], [['key'], ['ordinary']], { paint: (_r, _c, s) => `<${s}>`, paintHead: (s) => `*${s}*` });
    expect(text.split('\n')[1]).toBe('│ *tier    * │');
    expect(text.split('\n')[3]).toBe('│ <key     > │');
  });
});
