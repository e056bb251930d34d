/**
 * The starter files speak to users: no references to the format reference or its sources, money
 * notes in the workspace's own currency, and a percentage in a ratio field says to write the ratio.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kam, tempWorkspace } from '../helpers.js';

const SOURCES = /\bseed\b|\bseeds\b|\bSPEC\b|format reference \d/i;

describe('starter files', () => {
  it('kam init writes kam.yaml, self.yaml and the example without citing the spec or its sources', async () => {
    const cwd = tempWorkspace({});
    expect((await kam(['init', 'w', '--yes', '--currency', 'EUR', '--example'], { cwd })).code).toBe(0);
    for (const file of ['kam.yaml', 'self.yaml', 'accounts/initech.yaml']) expect(readFileSync(join(cwd, 'w', file), 'utf8')).not.toMatch(SOURCES);
    const config = readFileSync(join(cwd, 'w', 'kam.yaml'), 'utf8');
    expect(config).toMatch(/^# fx: /m);
    expect(config).toMatch(/^# fiscal_year_start: 01-01 /m);
  });

  it('kam new writes money notes in the workspace currency, and no source references', async () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\ncurrency: EUR\n' });
    expect((await kam(['new', 'acme', '--yes', '-C', root])).code).toBe(0);
    const text = readFileSync(join(root, 'accounts', 'acme.yaml'), 'utf8');
    expect(text).not.toMatch(SOURCES);
    expect(text).toMatch(/revenue: .*# our revenue by year, in EUR$/m);
    expect(text).toMatch(/wallet: .*in EUR$/m);
    expect(text).toMatch(/# currency: USD .*only when its money is not EUR; then give the rate in kam.yaml fx$/m);
    expect(text).not.toContain('CNY');
  });

  it('a percentage in a ratio field is a finding that says to write the ratio', async () => {
    const root = tempWorkspace({
      'accounts/a.yaml': 'id: a\nname: A\nfinancials:\n  margin: 18%\nteam:\n  effort_share: 12.5 %\n',
    });
    const r = await kam(['validate', '-C', root, '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { line: number; rule: string; message: string }[]).map((f) => [f.line, f.rule, f.message])).toEqual([
      [4, 'schema/type', '`margin` is a ratio between 0 and 1: write 0.18, not 18%'],
      [6, 'schema/type', '`effort_share` is a ratio between 0 and 1: write 0.125, not 12.5 %'],
    ]);
  });
});
