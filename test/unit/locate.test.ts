/** Paths to positions, through both parsers: they must agree on every path. */
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/load/locate.js';
import { parseYaml } from '../../src/load/parse.js';

const source = [
  '# modeline', // 1
  'id: a', // 2
  'team:', // 3
  '  account_lead: 王磊', // 4
  'contacts:', // 5
  '  - name: 李总', // 6
  '    role: decision_maker', // 7
  'service:', // 8
  '  issues:', // 9
  '    - { id: Q-1, opened: 2026-09-20 }', // 10
  'empty:', // 11
  'flow: {a: 1, b: [1, 2]}', // 12
  '',
].join('\n');

const cases: [readonly (string | number)[], 'key' | 'value', number, number][] = [
  [['id'], 'value', 2, 5],
  [['id'], 'key', 2, 1],
  [['team', 'account_lead'], 'value', 4, 17],
  [['team', 'account_lead'], 'key', 4, 3],
  [['team', 'executive_sponsor'], 'value', 3, 1], // missing: its parent's key
  [['team'], 'value', 3, 1], // a block mapping value: its key
  [['contacts', 0, 'role'], 'value', 7, 11],
  [['contacts', 0], 'value', 6, 5],
  [['contacts', 5, 'name'], 'value', 5, 1], // past the end: the list's key
  [['service', 'issues', 0, 'opened'], 'value', 10, 26],
  [['empty'], 'value', 11, 1],
  [['empty', 'x'], 'value', 11, 1],
  [['flow', 'b', 1], 'value', 12, 21],
  [['nowhere'], 'value', 1, 1], // not in the file: its first line
];

describe('locate', () => {
  // an anchor sends the same text down the slow path (eemeli's yaml)
  const fast = parseYaml(source, true).locator!;
  const slow = parseYaml(source.replace('id: a', 'id: &x a'), true).locator!;
  for (const [path, target, line, column] of cases) {
    it(`${path.join('.')} (${target}) is at ${line}:${column}`, () => {
      expect(fast.locate(path, target)).toEqual({ line, column });
      const s = slow.locate(path, target);
      expect(s.line).toBe(line);
      if (path[0] !== 'id') expect(s.column).toBe(column);
    });
  }

  it('LineIndex maps offsets to 1-based lines and columns', () => {
    const lines = new LineIndex('ab\ncd\n\nef');
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(4)).toEqual({ line: 2, column: 2 });
    expect(lines.position(6)).toEqual({ line: 3, column: 1 });
    expect(lines.position(8)).toEqual({ line: 4, column: 2 });
  });
});
