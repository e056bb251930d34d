/** The list commands' table: the box cli-table3 draws for `kam score`, drawn in linear time. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { listTable } from '../../src/cli/list-view.js';
import { displayWidth } from '../../src/util/text-width.js';

const plain = new Chalk({ level: 0 });
const cliTable3 = (heads: string[], aligns: ('left' | 'right')[], rows: string[][]) => {
  const t = new Table({ head: heads, colAligns: aligns, style: { head: [], border: [], compact: true } });
  for (const r of rows) t.push(r);
  return t.toString();
};

describe('listTable', () => {
  it('draws what cli-table3 draws, Chinese and right alignment included', () => {
    const heads = ['id', 'name', 'S'];
    const aligns = ['left', 'left', 'right'] as const;
    const rows = [
      ['a', '贝塔制药有限公司', '58.0'],
      ['bb', 'Alpha', '7.5'],
    ];
    expect(listTable({ heads, aligns: [...aligns], rows }, plain)).toBe(cliTable3(heads, [...aligns], rows));
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('', 'x', 'abc', '李娜', 'Wang Lei', '12.5 %', '提交报价（含备件），', 'é', '🙂 ok', 'ｶﾀｶﾅ', '한국'), { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (cells) => {
        expect(listTable({ heads, aligns: [...aligns], rows: cells }, plain)).toBe(cliTable3(heads, [...aligns], cells));
      }),
    );
  });

  it('measures as string-width does', () => {
    const ranges = [[0x20, 0x7e], [0x3000, 0x303f], [0x4e00, 0x9fff], [0xff01, 0xffef], [0xa0, 0x2ff]] as const;
    const char = fc.constantFrom(...ranges).chain(([lo, hi]) => fc.integer({ min: lo, max: hi }).map((c) => String.fromCodePoint(c)));
    fc.assert(fc.property(fc.array(char, { maxLength: 12 }).map((cs) => cs.join('')), (s) => {
      expect(displayWidth(s)).toBe(stringWidth(s));
    }), { numRuns: 2000 });
  });

  it('paints after measuring', () => {
    const colour = new Chalk({ level: 1 });
    const out = listTable({ heads: ['a'], aligns: ['left'], rows: [['x'], ['']] }, colour, (_c, text) => colour.red(text));
    expect(out).toContain(`│ ${colour.red('x')} │`);
    expect(out).toContain('│   │');
  });
});
