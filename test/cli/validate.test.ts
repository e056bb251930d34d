import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { example, kam, kamProcess, tempWorkspace } from '../helpers.js';

describe('kam validate', () => {
  it('passes the bundled example workspace', async () => {
    const r = await kam(['validate', '-C', example]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ \d+ files valid/);
  });

  it('prints findings as JSON sorted by file, line, column', async () => {
    const root = tempWorkspace({
      'accounts/b.yaml': 'id: b\nname: B\nstratgy: x\n',
      'accounts/a.yaml': 'id: a\nname: 3\n',
    });
    const r = await kam(['validate', '-C', root, '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout);
    expect(findings).toEqual([
      { file: 'accounts/a.yaml', line: 2, column: 7, severity: 'error', rule: 'schema/type', message: '`name` must be text, not the number 3', account: 'a' },
      { file: 'accounts/b.yaml', line: 3, column: 1, severity: 'error', rule: 'schema/unknown-key', message: 'unknown key `stratgy`', account: 'b' },
    ]);
  });

  it('exits 2 for a missing workspace folder, without a stack trace', () => {
    const r = kamProcess(['validate', '-C', '/no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kam: no such workspace folder: /no/such/folder\n');
  });

  it.each([['validate'], ['check'], ['score'], ['plan']])('kam %s exits 2 in a folder that is not a workspace, writing nothing', async (command) => {
    const cwd = tempWorkspace({ 'notes.txt': 'x' });
    const r = await kam([command], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kam: not a kam workspace: . has no kam.yaml and no accounts/ folder; run `kam init` there, or name the workspace with -C <folder>\n');
    const outside = await kam([command, '-C', cwd]);
    expect(outside.stderr).toContain(`not a kam workspace: ${cwd} has no kam.yaml`);
    expect(readdirSync(cwd)).toEqual(['notes.txt']);
  });

  it('takes a folder with accounts and no kam.yaml as a workspace, and files named anywhere', async () => {
    expect((await kam(['check'], { cwd: tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\n' }) })).code).toBe(0);
    const cwd = tempWorkspace({ 'a.yaml': 'id: a\nname: A\n' });
    const r = await kam(['validate', 'a.yaml'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 file valid');
  });

  it('exits 2 for an unknown flag', () => {
    const r = kamProcess(['validate', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--bogus'/);
  });
});

describe('kam validate colour', () => {
  const broken = () => tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\nstratgy: x\n' });

  it('colours only when asked: FORCE_COLOR wins, NO_COLOR and pipes stay plain', async () => {
    const root = broken();
    const forced = await kam(['validate', '-C', root], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    const plain = await kam(['validate', '-C', root], { env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
    const piped = kamProcess(['validate', '-C', root]);
    expect(piped.stdout).not.toContain('\u001b[');
    expect(piped.stdout).toContain('3:1  error  unknown key `stratgy`');
  });
});

describe('kam validate and kam.yaml', () => {
  it('reports a misspelt rule id in kam.yaml: rules, with a suggestion', async () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\nrules:\n  plan/stael: off\n', 'accounts/a.yaml': 'id: a\nname: A\n' });
    const r = await kam(['validate', '-C', root, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ file: 'kam.yaml', line: 3, column: 3, rule: 'config/unknown-rule', message: 'unknown rule `plan/stael` in rules, did you mean `plan/stale`?' }),
    ]);
  });
});
