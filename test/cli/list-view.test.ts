/** The list commands' table: the box cli-table3 draws for `kam score`, drawn in linear time. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listTable } from '../../src/cli/list-view.js';

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
      fc.property(fc.array(fc.array(fc.constantFrom('', 'x', 'abc', '李娜', 'Wang Lei', '12.5 %'), { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (cells) => {
        expect(listTable({ heads, aligns: [...aligns], rows: cells }, plain)).toBe(cliTable3(heads, [...aligns], cells));
      }),
    );
  });

  it('paints after measuring', () => {
    const colour = new Chalk({ level: 1 });
    const out = listTable({ heads: ['a'], aligns: ['left'], rows: [['x'], ['']] }, colour, (_c, text) => colour.red(text));
    expect(out).toContain(`│ ${colour.red('x')} │`);
    expect(out).toContain('│   │');
  });
});
