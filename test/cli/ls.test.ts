/** `kam ls` on a fixture workspace: every filter, sort, columns and format. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixtures, kam, tempWorkspace } from '../helpers.js';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const week = join(fixtures, 'week');
const ids = async (...args: string[]) => {
  const r = await kam(['ls', '-C', week, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id);
};

describe('kam ls', () => {
  it('lists every valid account by id as a table, with a count', async () => {
    const r = await kam(['ls', '-C', week]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ id\s+│ name\s+│ tier\s+│ segment\s+│ quadrant\s+│ risk\s+│\s+S │ complete │ lead\s+│ region\s+│/);
    const order = ['alpha-auto', 'beta-pharma', 'gamma-solar'].map((id) => r.stdout.indexOf(id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(r.stdout).toContain('贝塔制药有限公司');
    expect(r.stdout.trimEnd().endsWith('3 accounts')).toBe(true);
  });

  it('filters by tier, segment, quadrant and risk (several values with commas)', async () => {
    expect(await ids('--tier', 'key')).toEqual(['alpha-auto']);
    expect(await ids('--tier', 'ordinary,prospect')).toEqual(['beta-pharma', 'gamma-solar']);
    expect(await ids('--segment', 'VIP')).toEqual(['alpha-auto']);
    expect(await ids('--quadrant', 'streamline')).toEqual(['beta-pharma', 'gamma-solar']);
    expect(await ids('--risk', 'medium')).toEqual(['beta-pharma', 'gamma-solar']);
    expect(await ids('--risk', 'high')).toEqual([]);
  });

  it('--owner matches the account lead or any contact owner, case ignored', async () => {
    expect(await ids('--owner', 'wang lei')).toEqual(['alpha-auto', 'beta-pharma']);
    expect(await ids('--owner', '陈静')).toEqual(['alpha-auto']);
    expect(await ids('--owner', '李娜')).toEqual(['beta-pharma']);
    expect(await ids('--owner', 'Nobody')).toEqual([]);
  });

  it('filters by region and industry (case ignored), --incomplete and --stale', async () => {
    expect(await ids('--region', 'east china')).toEqual(['alpha-auto', 'gamma-solar']);
    expect(await ids('--industry', 'pharmaceuticals')).toEqual(['beta-pharma']);
    expect(await ids('--incomplete')).toEqual(['alpha-auto', 'beta-pharma']);
    expect(await ids('--stale')).toEqual(['beta-pharma']);
    expect(await ids('--incomplete', '--region', 'East China')).toEqual(['alpha-auto']);
  });

  it('--where runs a JSONata expression on the JSON row', async () => {
    expect(await ids('--where', 'scores.composite > 50')).toEqual(['alpha-auto']);
    expect(await ids('--where', 'figures.latestRevenue >= 2000000 and "plan/stale" in failed')).toEqual(['beta-pharma']);
    expect(await ids('--where', '$count(owners) = 0')).toEqual(['gamma-solar']);
    expect(await ids('--where', 'owners[$ = "陈静"]')).toEqual(['alpha-auto']);
    expect(await ids('--where', 'figures.growth > 0')).toEqual(['alpha-auto']);
    expect(await ids('--where', 'figures.growth = null')).toEqual([]);
    expect(await ids('--where', '$not($exists(figures.growth))')).toEqual(['beta-pharma', 'gamma-solar']);
  });

  it('--where with a syntax error is a usage error that points at the column', async () => {
    const r = await kam(['ls', '-C', week, '--where', 'tier = ']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kam: --where: .* at column \d+ in "tier = " \(a JSONata expression/);
  });

  it('sorts by a column: numbers highest first, completeness lowest first, ties by id', async () => {
    expect(await ids('--sort', 'composite')).toEqual(['alpha-auto', 'beta-pharma', 'gamma-solar']);
    expect(await ids('--sort', 'completeness')).toEqual(['alpha-auto', 'beta-pharma', 'gamma-solar']);
    expect(await ids('--sort', 'name')).toEqual(['alpha-auto', 'gamma-solar', 'beta-pharma']);
  });

  it('--columns picks the columns of every format', async () => {
    const json = await kam(['ls', '-C', week, '--format', 'json', '--columns', 'id,revenue,growth,stale']);
    expect(JSON.parse(json.stdout)[0]).toEqual({ id: 'alpha-auto', revenue: 10000000, growth: 0.25, stale: false });
    const table = await kam(['ls', '-C', week, '--columns', 'id,revenue,growth']);
    expect(table.stdout).toMatch(/│ alpha-auto\s+│\s+10,000,000 │\s+25.0 % │/);
    const md = await kam(['ls', '-C', week, '--format', 'md', '--columns', 'id,name,completeness']);
    expect(md.stdout.split('\n').slice(0, 3)).toEqual(['| id | name | complete |', '|---|---|---:|', '| alpha-auto | Alpha Automotive | 52 % |']);
  });

  it('prints CSV that parses back, with the column names as headers', async () => {
    const r = await kam(['ls', '-C', week, '--format', 'csv', '--columns', 'id,name,owners,completeness']);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { id: 'alpha-auto', name: 'Alpha Automotive', owners: 'Wang Lei; 陈静', completeness: '52.4' },
      { id: 'beta-pharma', name: '贝塔制药有限公司', owners: '李娜; Wang Lei', completeness: '60' },
      { id: 'gamma-solar', name: 'Gamma Solar', owners: '', completeness: '100' },
    ]);
  });

  it('prints the whole row as JSON: what --where sees', async () => {
    const r = await kam(['ls', '-C', week, '--format', 'json', '--tier', 'key']);
    const [row] = JSON.parse(r.stdout);
    expect(Object.keys(row)).toEqual([
      'id', 'name', 'file', 'industry', 'region', 'currency', 'reviewed', 'lead', 'owners', 'tier', 'abc', 'segment', 'quadrant', 'scores', 'risk', 'completeness', 'failed', 'stale', 'figures',
    ]);
    expect(row).toMatchObject({ file: 'accounts/alpha-auto.yaml', currency: 'CNY', lead: 'Wang Lei', figures: { latestRevenue: 10000000, shareOfWallet: 0.5 } });
  });

  it('says so when nothing matches, and takes --as-of', async () => {
    expect((await kam(['ls', '-C', week, '--tier', 'key', '--risk', 'high'])).stdout).toBe('No accounts match.\n');
    // a year later alpha-auto's review is stale too
    expect(await ids('--stale', '--as-of', '2027-11-01')).toEqual(['alpha-auto', 'beta-pharma']);
  });

  it('refuses unknown filter values, columns and sort columns with exit 2', async () => {
    for (const args of [['--tier', 'gold'], ['--risk', 'low,huge'], ['--segment', 'vip'], ['--quadrant', 'x'], ['--columns', 'id,nope'], ['--sort', 'nope'], ['--format', 'xml'], ['--as-of', '2026-02-30']]) {
      const r = await kam(['ls', '-C', week, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^(kam: |error: )/);
    }
  });

  it('reports invalid files on stderr, lists the rest and exits 1', async () => {
    const root = tempWorkspace({
      'kam.yaml': readFileSync(join(week, 'kam.yaml'), 'utf8'),
      'accounts/good.yaml': 'id: good\nname: Good\n',
      'accounts/bad.yaml': 'id: bad\nname: Bad\nassessment: { attractiveness: huge }\n',
    });
    const r = await kam(['ls', '-C', root, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((x: { id: string }) => x.id)).toEqual(['good']);
    expect(r.stderr).toContain('accounts/bad.yaml');
    expect(r.stderr).toContain('1 invalid account file was left out of the list.');
  });

  it('refuses a folder that is not a workspace with exit 2', async () => {
    const r = await kam(['ls', '-C', tempWorkspace({ 'notes.txt': 'x' })]);
    expect(r.code).toBe(2);
  });
});
