/**
 * Regression tests for the adversarial review (issue 20): each case reproduces what the review
 * found and fails without the fix.
 */
import { describe, expect, it } from 'vitest';
import { kam, tempWorkspace } from '../helpers.js';
import { change, gitRepo } from '../git-helpers.js';
import { join } from 'node:path';

describe('11. paths given to git are literal pathspecs', () => {
  it('diffs a workspace folder named `:(exclude)ws`', async () => {
    const root = gitRepo({
      ':(exclude)ws/kam.yaml': 'version: 1\n',
      ':(exclude)ws/accounts/a.yaml': 'id: a\nname: A\n',
      'other/accounts/b.yaml': 'id: b\nname: B\n',
    });
    change(root, { ':(exclude)ws/accounts/a.yaml': 'id: a\nname: A2\n' }, 'second');
    const r = await kam(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: join(root, ':(exclude)ws') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('A2');
    expect(r.stdout).not.toContain('"b"');
  });
});

describe('4. control characters never reach the terminal or a CI log raw', () => {
  const hostileKey = 'x\n::error file=kam.yaml,line=1::INJECTED';
  const hostileName = 'Evil \x1b]0;pwned\x07\x1b[31mCorp';

  it('stylish: a key holding a newline and `::error` prints no line a runner reads as a command', async () => {
    const root = tempWorkspace({ 'accounts/a.yaml': `id: a\nname: A\n${JSON.stringify(hostileKey)}: 1\n` });
    const r = await kam(['check', '-C', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('x\\n::error file=kam.yaml');
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/^\s*::/);
  });

  it('score and diff show a name with escape sequences escaped', async () => {
    const root = gitRepo({ 'accounts/a.yaml': `id: a\nname: ${JSON.stringify(hostileName)}\n` });
    const score = await kam(['score', '-C', root]);
    expect(score.stdout).not.toContain('\x1b');
    expect(score.stdout).toContain('Evil \\x1b]0;pwned\\x07\\x1b[31mCorp');
    change(root, { 'accounts/a.yaml': `id: a\nname: ${JSON.stringify(hostileName)}\nregion: x\n` }, 'second');
    const diff = await kam(['diff', 'HEAD~1', 'HEAD'], { cwd: root });
    expect(diff.code).toBe(0);
    expect(diff.stdout).not.toContain('\x1b');
    expect(diff.stdout).toContain('\\x1b]0;pwned');
  });
});
