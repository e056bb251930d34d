/**
 * Regression tests for the adversarial review (issue 20): each case reproduces what the review
 * found and fails without the fix.
 */
import { describe, expect, it } from 'vitest';
import { kam } from '../helpers.js';
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
