/** `kam explain [code]`: the catalogue of finding codes on the command line. */
import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/cli/commands/explain.js';
import { codeList } from '../../src/codes.js';
import { example, kam, tempWorkspace } from '../helpers.js';

describe('kam explain', () => {
  it('explains a completeness rule: requirement, default severity, tiers and fix', async () => {
    const r = await kam(['explain', 'team/account-lead']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'team/account-lead: completeness rule',
        '  requirement: `team.account_lead` set',
        '  default severity: error (change it in kam.yaml: rules)',
        '  applies to: key, ordinary',
        '  how to fix: Name the person who leads the account in `team.account_lead`.',
        '',
      ].join('\n'),
    });
  });

  it('explains a yaml code', async () => {
    const r = await kam(['explain', 'yaml/tab-as-indent']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^yaml\/tab-as-indent: YAML or file check\n/);
    expect(r.stdout).toContain('  default severity: error\n');
    expect(r.stdout).toContain('  applies to: every file it concerns\n');
    expect(r.stdout).toMatch(/how to fix: YAML does not allow tabs as indentation: indent with spaces/);
  });

  it('explains a risk code, which has points rather than a severity', async () => {
    const r = await kam(['explain', 'risk/single-threaded']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('defection risk reason');
    expect(r.stdout).toContain('default severity: none; it adds points to the defection risk (kam score)');
    expect(r.stdout).toContain('applies to: every valid account');
  });

  it('speaks Chinese with --lang zh', async () => {
    const r = await kam(['explain', 'plan/summary', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      ['plan/summary：完整性规则', '  要求：已填写 `plan.summary`', '  默认级别：error（可在 kam.yaml 的 rules 中修改）', '  适用于：key、ordinary', '  修复方法：在 `plan.summary` 中用几句话概括计划。', ''].join('\n'),
    );
  });

  it('takes the language from kam.yaml when run in a workspace, and --lang wins over it', async () => {
    const ws = tempWorkspace({ 'kam.yaml': 'lang: zh\n' });
    expect((await kam(['explain', 'schema/date'], { cwd: ws })).stdout).toMatch(/^schema\/date：格式检查\n/);
    expect((await kam(['explain', 'schema/date', '--lang', 'en'], { cwd: ws })).stdout).toMatch(/^schema\/date: schema check\n/);
    expect((await kam(['explain', 'schema/date', '-C', example])).stdout).toMatch(/^schema\/date: schema check\n/);
    // a kam.yaml that does not parse leaves explain in English
    const broken = tempWorkspace({ 'kam.yaml': 'lang: [zh\n' });
    expect((await kam(['explain', 'schema/date'], { cwd: broken })).stdout).toMatch(/^schema\/date: schema check\n/);
  });

  it('an unknown code is a usage error with a "did you mean"', async () => {
    const typo = await kam(['explain', 'team/acount-lead']);
    expect(typo).toEqual({ code: 2, stdout: '', stderr: 'kam: unknown code `team/acount-lead`, did you mean `team/account-lead`? (`kam explain` lists every code)\n' });
    const bare = await kam(['explain', 'duplicate-key']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('did you mean `yaml/duplicate-key`?');
    const far = await kam(['explain', 'nothing-like-it']);
    expect(far.code).toBe(2);
    expect(far.stderr).toBe('kam: unknown code `nothing-like-it` (`kam explain` lists every code)\n');
  });

  it('without a code lists every code, grouped by prefix', async () => {
    const r = await kam(['explain']);
    expect(r.code).toBe(0);
    const listed = [...r.stdout.matchAll(/^ {2}(\S+\/\S+) /gm)].map((m) => m[1]);
    expect(listed).toEqual(codeList);
    const headings = r.stdout.split('\n').filter((l) => /^\S.*\(\d+\)$/.test(l));
    expect(headings).toEqual(['YAML and file checks (32)', 'schema checks (12)', 'kam.yaml settings (2)', 'defection risk reasons (9)', 'completeness rules (21)']);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Run `kam explain <code>` for what a code means and how to fix it.');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('wraps at spaces, between Chinese characters, and never before closing punctuation', () => {
    expect(wrap('one two three four', 30, '    ')).toEqual(['    one two three four']);
    expect(wrap('aaaa bbbb cccc dddd eeee ffff', 22, '')).toEqual(['aaaa bbbb cccc dddd', 'eeee ffff']);
    const zh = wrap('一二三四五六七八九十，一二三四五六七八九十', 20, '');
    expect(zh).toEqual(['一二三四五六七八九十，', '一二三四五六七八九十']);
  });
});
