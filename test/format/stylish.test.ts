import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { stylish } from '../../src/format/stylish.js';

const f = (line: number, message: string, severity: Finding['severity'] = 'error'): Finding => ({
  file: 'accounts/a.yaml', line, column: 3, severity, rule: 'team/account-lead', message, account: 'a',
});
const ctx = { chalk: new Chalk({ level: 0 }), version: '0', rules: [] };

describe('stylish', () => {
  it('groups by file; no message is padded to the longest', () => {
    const out = stylish([f(4, '没有客户经理'), f(12, 'no account lead', 'warn')], ctx);
    expect(out).toBe(
      [
        '',
        'accounts/a.yaml',
        '  4:3   error  没有客户经理  team/account-lead',
        '  12:3  warn   no account lead  team/account-lead',
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('with a width, wraps a long message under itself (Chinese by display width) and keeps the rule id on the last line', () => {
    const long = 'action "Submit TCO comparison (8 years) for Line 7 servo presses" was due 2026-09-30 and is in_progress';
    const zh = '行动“向工厂厂长提交第七生产线伺服压力机八年总拥有成本比较报告”已于 2026-09-30 到期，仍在进行中';
    const out = stylish([f(4, long), f(5, zh, 'warn')], { ...ctx, width: 60 });
    const lines = out.split('\n');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
    expect(lines[2]).toBe('  4:3  error  action "Submit TCO comparison (8 years) for');
    expect(lines.filter((l) => l.startsWith('              ')).length).toBeGreaterThan(1);
    expect(lines.filter((l) => l.includes('team/account-lead'))).toHaveLength(2);
    const zhLines = lines.slice(lines.findIndex((l) => l.includes('5:3')), -3);
    expect(zhLines.length).toBeGreaterThan(1);
    expect(zhLines.join('').replace('5:3  warn', '').replace('team/account-lead', '').replace(/\s/g, '')).toBe(zh.replace(/\s/g, ''));
  });

  it('puts the rule id on a line of its own when the last line has no room for it', () => {
    const out = stylish([f(4, 'x'.repeat(44))], { ...ctx, width: 60 });
    expect(out.split('\n').slice(2, 4)).toEqual([`  4:3  error  ${'x'.repeat(44)}`, `${' '.repeat(14)}team/account-lead`]);
  });

  it('without a width (piped) never wraps', () => {
    const out = stylish([f(4, 'word '.repeat(40).trim())], ctx);
    expect(out.split('\n')[2]).toBe(`  4:3  error  ${'word '.repeat(40).trim()}  team/account-lead`);
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
