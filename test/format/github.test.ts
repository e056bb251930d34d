import { describe, expect, it } from 'vitest';
import { github } from '../../src/format/github.js';
import { ctx, findings } from './findings.js';

const ANNOTATION = /^::(error|warning) file=([^,:\r\n]*),line=(\d+),col=(\d+),title=([^,:\r\n]*)::([^\r\n]*)$/;

describe('github format', () => {
  it('prints one workflow annotation per finding', () => {
    expect(github(findings, ctx)).toBe(
      [
        '::error file=accounts/a%2Cb%3Ac.yaml,line=3,col=1,title=schema/unknown-key::unknown key `stratgy`, did you mean `strategy`?',
        '::error file=accounts/initech.yaml,line=1,col=1,title=yaml/duplicate-key::Map keys must be unique',
        '::error file=accounts/initech.yaml,line=9,col=5,title=team/account-lead::no account lead: set team.account_lead',
        '::warning file=accounts/initech.yaml,line=12,col=3,title=plan/stale::name <script>alert("x")</script> & 100%25 \'quoted\'%0Asecond line%0D',
        '::warning file=kam.yaml,line=2,col=10,title=contacts/stale::英泰科技: 李总 last contacted 2026-05-01',
      ].join('\n'),
    );
  });

  it('keeps every annotation on one line that GitHub can split', () => {
    const lines = github(findings, ctx).split('\n');
    expect(lines).toHaveLength(findings.length);
    lines.forEach((line, i) => {
      const m = ANNOTATION.exec(line);
      expect(m, line).not.toBeNull();
      const [, level, file, row, col, title, message] = m!;
      const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
      expect(level).toBe(findings[i].severity === 'error' ? 'error' : 'warning');
      expect(unescape(file)).toBe(findings[i].file);
      expect([Number(row), Number(col)]).toEqual([findings[i].line, findings[i].column]);
      expect(title).toBe(findings[i].rule);
      expect(unescape(message)).toBe(findings[i].message);
    });
  });

  it('prints nothing for a clean run', () => {
    expect(github([], ctx)).toBe('');
  });
});
