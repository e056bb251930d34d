import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { stylish } from '../../src/format/stylish.js';

const f = (line: number, message: string, severity: Finding['severity'] = 'error'): Finding => ({
  file: 'accounts/a.yaml', line, column: 3, severity, rule: 'team/account-lead', message, account: 'a',
});
const ctx = { chalk: new Chalk({ level: 0 }), version: '0', rules: [] };

describe('stylish', () => {
  it('groups by file and aligns rule ids, counting Chinese characters as two columns', () => {
    const out = stylish([f(4, '没有客户经理'), f(12, 'no account lead', 'warn')], ctx);
    expect(out).toBe(
      [
        '',
        'accounts/a.yaml',
        '  4:3   error  没有客户经理     team/account-lead',
        '  12:3  warn   no account lead  team/account-lead',
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for no findings', () => {
    expect(stylish([], ctx)).toBe('');
  });
});

describe('format names', () => {
  it('every --format choice has a formatter, and every formatter a choice', async () => {
    const { formatNames, formatters } = await import('../../src/format/index.js');
    expect(Object.keys(formatters).sort()).toEqual([...formatNames].sort());
  });
});
