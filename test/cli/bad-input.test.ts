/**
 * SPEC section 8: each kind of bad input gives a finding with file, line, column and a yaml/ or
 * schema/ rule, exit 1, no stack trace, and the valid file beside it is not reported.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, kamProcess, tempWorkspace } from '../helpers.js';

interface Expected {
  line: number;
  column: number;
  rule: string;
  message: RegExp;
}

const cases: Record<string, Expected[]> = {
  syntax: [{ line: 3, column: 1, rule: 'yaml/bad-indent', message: /Flow sequence/ }],
  'duplicate-key': [{ line: 4, column: 1, rule: 'yaml/duplicate-key', message: /`industry` appears twice/ }],
  'multiple-docs': [{ line: 3, column: 1, rule: 'yaml/multiple-docs', message: /one YAML document/ }],
  tabs: [{ line: 4, column: 1, rule: 'yaml/tab-as-indent', message: /tabs/ }],
  empty: [{ line: 1, column: 1, rule: 'yaml/empty', message: /empty/ }],
  'comments-only': [{ line: 1, column: 1, rule: 'yaml/empty', message: /empty/ }],
  list: [{ line: 1, column: 1, rule: 'schema/type', message: /must be a mapping .*not a list/ }],
  'alias-bomb': [{ line: 4, column: 10, rule: 'yaml/alias-bomb', message: /aliases/ }],
  'proto-keys': [
    { line: 3, column: 1, rule: 'schema/unknown-key', message: /unknown key `__proto__`/ },
    { line: 5, column: 1, rule: 'schema/unknown-key', message: /unknown key `constructor`/ },
  ],
  binary: [{ line: 2, column: 7, rule: 'yaml/binary', message: /binary/ }],
  encoding: [{ line: 2, column: 7, rule: 'yaml/encoding', message: /not UTF-8: byte 0xbf/ }],
};

function check(root: string, expected: Expected[]) {
  const r = kamProcess(['validate', '-C', root, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  const findings = JSON.parse(r.stdout) as { file: string; line: number; column: number; rule: string; message: string; severity: string }[];
  expect(findings.map((f) => f.file)).not.toContain('accounts/ok.yaml');
  expect(findings).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    expect(findings[i]).toMatchObject({ file: 'accounts/bad.yaml', line: e.line, column: e.column, rule: e.rule, severity: 'error' });
    expect(findings[i].message).toMatch(e.message);
  });
  // the stylish output names file:line:col too, and never a stack trace
  const text = kamProcess(['validate', '-C', root]);
  expect(text.stdout).toContain('accounts/bad.yaml');
  expect(text.stdout).toContain(`${expected[0].line}:${expected[0].column}`);
  expect(text.stdout + text.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
}

describe('bad input', () => {
  for (const [kind, expected] of Object.entries(cases)) {
    it(`reports ${kind} with file, line, column and rule`, () => check(join(fixtures, 'bad-input', kind), expected));
  }

  it('refuses files over 1 MiB without parsing them', () => {
    const root = tempWorkspace({ 'accounts/ok.yaml': 'id: ok\nname: OK\n' });
    writeFileSync(join(root, 'accounts', 'bad.yaml'), `id: bad\nname: Bad\nx-pad: "${'x'.repeat(1024 * 1024)}"\n`);
    check(root, [{ line: 1, column: 1, rule: 'yaml/too-large', message: /limit is 1048576/ }]);
  });

  it('does not pollute Object.prototype through __proto__ or constructor keys', async () => {
    const { loadWorkspace } = await import('../../src/load/workspace.js');
    const ws = loadWorkspace(join(fixtures, 'bad-input', 'proto-keys'));
    expect(ws.findings.length).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('reports an id that differs from the file name', () => {
    const root = tempWorkspace({ 'accounts/initech.yaml': 'id: initek\nname: Initech\n' });
    const r = kamProcess(['validate', '-C', root, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ line: 1, column: 5, rule: 'schema/id-mismatch', message: 'id `initek` must equal the file name `initech`' }),
    ]);
  });

  it('suggests the closest key for an unknown one and keeps x- keys', () => {
    const root = tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\nself:\n  stratgy: grow\nx-crm:\n  owner: 1\n' });
    const r = kamProcess(['validate', '-C', root, '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ line: 4, column: 3, rule: 'schema/unknown-key', message: 'unknown key `stratgy`, did you mean `strategy`?' }),
    ]);
  });

  it('checks dates are real calendar dates and ratios lie in [0, 1]', () => {
    const root = tempWorkspace({
      'accounts/a.yaml': 'id: a\nname: A\nreviewed: 2026-02-30\nfinancials:\n  margin: 1.4\nassessment:\n  relationship: gud\n',
    });
    const r = kamProcess(['validate', '-C', root, '--format', 'json']);
    const found = JSON.parse(r.stdout).map((f: { line: number; column: number; rule: string }) => [f.line, f.column, f.rule]);
    expect(found).toEqual([
      [3, 11, 'schema/date'],
      [5, 11, 'schema/range'],
      [7, 17, 'schema/enum'],
    ]);
  });

  it('exits 2 with file:line:col for a kam.yaml that does not parse', () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\ncurrency: [CNY\n', 'accounts/a.yaml': 'id: a\nname: A\n' });
    const r = kamProcess(['validate', '-C', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kam: kam\.yaml:3:1: cannot read the workspace settings/);
  });
});
