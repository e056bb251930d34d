/**
 * Real client data through the CLI: an account in another currency (kam.yaml fx), the current
 * year's revenue so far, and accounts imported without an assessment, in score, check, plan and
 * diff (README "Currencies", "Partial years", "Unassessed accounts").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kam, tempWorkspace } from '../helpers.js';
import { change, gitRepo } from '../git-helpers.js';

const assessed = 'assessment: { attractiveness: high, potential: { volume: high, margin: medium }, relationship: good, relationship_level: service }\n';
const files = {
  'kam.yaml': 'version: 1\ncurrency: EUR\nas_of: 2026-11-15\nfx:\n  CNY: 0.13\n',
  'accounts/big-eur.yaml': `id: big-eur\nname: Big EUR\nfinancials:\n  revenue: { 2024: 2000000, 2025: 2400000, 2026: 400000 }\n${assessed}`,
  'accounts/china-co.yaml': `id: china-co\nname: China Co\ncurrency: CNY\nfinancials:\n  revenue: { 2025: 10000000 }\n${assessed}`,
  'accounts/imported.yaml': 'id: imported\nname: Imported Co\nfinancials:\n  revenue: { 2025: 100000 }\n',
};

describe('an EUR workspace with a CNY account, this year so far, and an imported account', () => {
  it('kam score --json: converted figures with the original, complete years, A and R null when not assessed', async () => {
    const root = tempWorkspace(files);
    const r = await kam(['score', '-C', root, '--json']);
    expect(r.code).toBe(0);
    const byId = Object.fromEntries((JSON.parse(r.stdout) as { id: string }[]).map((a) => [a.id, a])) as Record<string, any>;
    // CNY 10 M at 0.13 is EUR 1.3 M: below EUR 2.4 M, not above it
    expect(byId['big-eur']).toMatchObject({ abc: 'A', segment: 'VIP', scores: { value: 100 } });
    expect(byId['china-co'].scores.value).toBe(50);
    expect(byId['china-co'].figures).toMatchObject({ currency: 'EUR', latestRevenue: 1_300_000, original: { currency: 'CNY', latestRevenue: 10_000_000 } });
    // 2026 is not over: latest is 2025, no drop, and the year so far with its run rate
    expect(byId['big-eur'].figures).toMatchObject({ latestYear: 2025, latestRevenue: 2_400_000, yearToDate: { year: 2026, revenue: 400_000, elapsed: 319 } });
    expect(byId['big-eur'].risk.reasons.map((x: { rule: string }) => x.rule)).not.toContain('risk/revenue-drop');
    // not assessed: null, never 0; not on the matrix; the tier from what is known
    expect(byId.imported).toMatchObject({ unassessed: true, quadrant: null, tier: 'ordinary', scores: { attractiveness: null, relationship: null, composite: null } });
    expect(byId.imported.breakdown.tier.explain).toMatch(/^ordinary: composite from what is known \(A, R unknown, counted as 0\)/);
  });

  it('kam score: "not assessed" in the table, the unassessed accounts listed under the portfolio', async () => {
    const r = await kam(['score', '-C', tempWorkspace(files)]);
    const row = r.stdout.split('\n').find((l) => l.includes('Imported Co'))!;
    expect(row.match(/not assessed/g)).toHaveLength(3); // A, R and S
    expect(r.stdout).toContain('not assessed (1; A and R unknown, not on the matrix): imported');
  });

  it('kam check: assessment/missing says what to fill in, so an imported plan is never complete', async () => {
    const r = await kam(['check', '-C', tempWorkspace(files), '--format', 'json']);
    const missing = (JSON.parse(r.stdout) as { file: string; rule: string; severity: string }[]).filter((f) => f.rule === 'assessment/missing');
    expect(missing).toEqual([expect.objectContaining({ file: 'accounts/imported.yaml', severity: 'warn' })]);
    const scored = JSON.parse((await kam(['score', '-C', tempWorkspace(files), '--json'])).stdout) as { id: string; completeness: number }[];
    expect(scored.find((a) => a.id === 'imported')!.completeness).toBeLessThan(100);
  });

  it('an account whose currency has no rate: config/fx-missing at its currency line, left out of V and abc', async () => {
    const root = tempWorkspace({ ...files, 'accounts/uk-co.yaml': `id: uk-co\nname: UK Co\ncurrency: GBP\nfinancials:\n  revenue: { 2025: 90000000 }\n${assessed}` });
    const v = await kam(['validate', '-C', root, '--format', 'json']);
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout)).toEqual([
      expect.objectContaining({ file: 'accounts/uk-co.yaml', line: 3, column: 11, severity: 'error', rule: 'config/fx-missing', account: 'uk-co' }),
    ]);
    const s = await kam(['score', '-C', root, '--json']);
    const uk = (JSON.parse(s.stdout) as any[]).find((a) => a.id === 'uk-co');
    expect(uk).toMatchObject({ abc: null, scores: { value: null, composite: null }, figures: { unconverted: true, latestRevenue: null } });
    const big = (JSON.parse(s.stdout) as any[]).find((a) => a.id === 'big-eur');
    expect(big.scores.value).toBe(100); // GBP 90 M raw would have outranked it
  });

  it('kam plan: EUR figures with the CNY original beside them; the unassessed account apart from the matrix', async () => {
    const root = tempWorkspace(files);
    const r = await kam(['plan', '-C', root]);
    expect(r.code).toBe(0);
    const plan = readFileSync(join(root, 'reports', 'accounts', 'china-co.md'), 'utf8');
    expect(plan).toContain('EUR 1,300,000 (CNY 10,000,000) (2025)');
    const big = readFileSync(join(root, 'reports', 'accounts', 'big-eur.md'), 'utf8');
    expect(big).toMatch(/2026 so far: EUR 400,000, run rate EUR 457,680/);
    const imported = readFileSync(join(root, 'reports', 'accounts', 'imported.md'), 'utf8');
    expect(imported).toContain('| not assessed | not assessed | 0.0 | not assessed |');
    const portfolio = readFileSync(join(root, 'reports', 'portfolio.md'), 'utf8');
    expect(portfolio).toContain('**Not assessed (not on the matrix)** (1): [Imported Co](accounts/imported.md)');
    const svg = readFileSync(join(root, 'reports', 'portfolio-matrix.svg'), 'utf8');
    expect(svg).toContain('Big EUR');
    expect(svg).not.toContain('Imported Co');
  });

  it('kam diff: assessing an imported account shows A and R from unknown to their scores', async () => {
    const root = gitRepo(files);
    change(root, { 'accounts/imported.yaml': `id: imported\nname: Imported Co\nfinancials:\n  revenue: { 2025: 100000 }\n${assessed}` });
    const r = await kam(['diff', '-C', root, '--format', 'json']);
    expect(r.code).toBe(0);
    const { analysis } = JSON.parse(r.stdout).accounts[0];
    expect(analysis.scores).toContainEqual({ name: 'attractiveness', from: null, to: 85, delta: null });
    expect(analysis.scores).toContainEqual({ name: 'relationship', from: null, to: 52, delta: null });
    expect(analysis.classes).toContainEqual({ name: 'quadrant', from: null, to: 'strategic' });
    const text = await kam(['diff', '-C', root]);
    expect(text.stdout).toContain('~ attractiveness: not assessed → 85');
    expect(text.stdout).toContain('~ quadrant: not on the matrix → strategic');
  });
});
