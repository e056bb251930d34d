/** `kam trend` on a scripted git history: every format, the rename rule, slippage, the git processes it starts. */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSpawn, type Spawn } from '../../src/git/run.js';
import { openRepo } from '../../src/git/revision.js';
import { replayHistory, thinOut } from '../../src/pipeline/history.js';
import type { Trend } from '../../src/trend/model.js';
import { kam, kamProcess, tempWorkspace } from '../helpers.js';
import { account, commitAt, scriptedHistory } from './history.js';

let root: string;
let commits: string[];
let trend: Trend;

beforeAll(async () => {
  ({ root, commits } = scriptedHistory());
  const r = await kam(['trend', '-C', root, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  trend = JSON.parse(r.stdout) as Trend;
});

const series = (id: string) => trend.accounts.find((s) => s.id === id)!;
const col = (id: string, field: 'composite' | 'tier' | 'quadrant' | 'risk' | 'completeness') => series(id).points.map((p) => p[field]);

describe('kam trend --format json', () => {
  it('replays every commit that changed the workspace, oldest first, each at its commit date', () => {
    expect(trend.settings).toBe('revision');
    expect(trend.revisions.map((r) => r.commit)).toEqual(commits);
    expect(trend.revisions.map((r) => [r.date, r.asOf])).toEqual(['2026-01-10', '2026-02-10', '2026-03-20', '2026-04-10', '2026-05-10', '2026-06-10'].map((d) => [d, d]));
    expect(trend.revisions.map((r) => r.subject)).toEqual(['start', 'redate and promote', 'close late, add delta', 'rename gamma, remove delta', 'break beta', 'mend beta']);
    expect(trend.revisions.map((r) => r.invalid)).toEqual([[], [], [], [], ['accounts/beta.yaml'], []]);
  });

  it('gives one series per account: tier changes marked with their commit, a broken file as a gap, a renamed account as one series', () => {
    expect(trend.accounts.map((s) => [s.id, s.ids])).toEqual([
      ['alpha', ['alpha']],
      ['beta', ['beta']],
      ['delta', ['delta']],
      ['gamma-industries', ['gamma', 'gamma-industries']],
    ]);
    expect(col('beta', 'tier')).toEqual(['ordinary', 'key', 'key', 'key', null, 'ordinary']);
    expect(col('beta', 'quadrant')).toEqual(['streamline', 'strategic', 'strategic', 'strategic', null, 'streamline']);
    expect(series('beta').points.map((p) => p.valid)).toEqual([true, true, true, true, false, true]);
    const promoted = series('beta').points[1];
    expect(promoted.commit).toBe(commits[1]);
    expect(promoted.changes).toContainEqual({ kind: 'field', field: 'tier', from: 'ordinary', to: 'key' });
    expect(promoted.changes).toContainEqual({ kind: 'field', field: 'risk', from: 'medium', to: 'low' });
    expect(series('beta').points[4].changes).toEqual([{ kind: 'invalid' }]);
    // mended: compared with its last valid point
    expect(series('beta').points[5].changes).toContainEqual({ kind: 'field', field: 'tier', from: 'key', to: 'ordinary' });
    expect(col('alpha', 'completeness')).toEqual([52.4, 52.4, 47.6, 47.6, 47.6, 47.6]);
    expect(col('alpha', 'composite')[0]).toBe(100);
  });

  it('follows added, removed and renamed accounts', () => {
    expect(series('delta').points.map((p) => p.commit)).toEqual([commits[2]]);
    expect(series('delta').points[0].changes).toEqual([{ kind: 'added' }]);
    expect(series('delta').removed).toEqual({ commit: commits[3], date: '2026-04-10' });
    const g = series('gamma-industries');
    expect(g.points.map((p) => p.id)).toEqual(['gamma', 'gamma', 'gamma', 'gamma-industries', 'gamma-industries', 'gamma-industries']);
    expect(g.points[3].changes[0]).toEqual({ kind: 'renamed', from: 'gamma', to: 'gamma-industries' });
    expect(g.removed).toBeNull();
  });

  it('measures slippage: a re-dated open action and an action closed late', () => {
    expect(series('alpha').slippage).toEqual({
      moves: [{ kind: 'action', key: 'Workshop', from: '2026-02-01', to: '2026-03-15', days: 42, commit: commits[1], date: '2026-02-10' }],
      items: 1,
      days: 42,
      late: [{ task: 'Workshop', due: '2026-03-15', closed: '2026-03-20', daysLate: 5, commit: commits[2] }],
    });
    expect(series('beta').slippage).toEqual({ moves: [], items: 0, days: 0, late: [] });
  });

  it('gives the same bytes on every run', async () => {
    const a = await kam(['trend', '-C', root, '--format', 'json']);
    expect(JSON.parse(a.stdout)).toEqual(trend);
    expect((await kam(['trend', '-C', root, '--format', 'json'])).stdout).toBe(a.stdout);
  });
});

describe('kam trend formats', () => {
  it('table: the rows that changed a class, risk or completeness, with the commit, and the slippage', async () => {
    const r = await kam(['trend', '-C', root]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`6 revisions from 2026-01-10 (${commits[0].slice(0, 7)}) to 2026-06-10 (${commits[5].slice(0, 7)}), 6 scored with each revision's own settings; 4 accounts`);
    expect(r.stdout).toContain(`invalid at 2026-05-10 ${commits[4].slice(0, 7)} (left out): accounts/beta.yaml`);
    expect(r.stdout).toMatch(new RegExp(`2026-02-10 {2}${commits[1].slice(0, 7)} {2}100\\.0 {2}key .*tier ordinary → key`));
    expect(r.stdout).toContain('slippage: 1 due date move of 1 item, +42 days in all; 1 action closed late (Workshop: 5 days)');
    expect(r.stdout).toContain('gamma-industries  Gamma (was gamma)');
    expect(r.stdout).toContain('renamed from gamma');
    expect(r.stdout).toMatch(/delta {2}Delta removed 2026-04-10/);
    expect(r.stdout).toContain('invalid file');
  });

  it('md: a table per account, names escaped', async () => {
    const r = await kam(['trend', '-C', root, '--format', 'md']);
    expect(r.stdout.startsWith('## Plan trend\n')).toBe(true);
    expect(r.stdout).toContain('### Gamma (`gamma-industries`) (was `gamma`)');
    expect(r.stdout).toContain(`| 2026-02-10 | \`${commits[1].slice(0, 7)}\` | 100.0 | key | strategic | low | 38.1% |`);
    expect(r.stdout).toContain('Slippage: 1 due date move of 1 item, +42 days in all; 1 action closed late (Workshop: 5 days).');
  });

  it('csv: one row per account and revision', async () => {
    const r = await kam(['trend', '-C', root, '--format', 'csv']);
    const rows = r.stdout.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe('account,name,commit,date,id,valid,composite,tier,quadrant,risk,completeness,changes');
    expect(rows.length).toBe(1 + trend.accounts.reduce((n, s) => n + s.points.length, 0));
    expect(rows).toContain(`beta,Beta,${commits[4]},2026-05-10,beta,false,,,,,,invalid file`);
    expect(rows).toContain(`gamma-industries,Gamma,${commits[3]},2026-04-10,gamma-industries,true,3,ordinary,streamline,medium,50,renamed from gamma; composite 14.7 → 3 (-11.7)`);
  });
});

describe('kam trend options', () => {
  it('ids: an account by any of its ids; an unknown id is a usage error with a suggestion', async () => {
    const r = await kam(['trend', 'gamma', '-C', root, '--format', 'json']);
    expect((JSON.parse(r.stdout) as Trend).accounts.map((s) => s.id)).toEqual(['gamma-industries']);
    const bad = await kam(['trend', 'alpah', '-C', root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean `alpha`');
  });

  it('--since and --until take revisions (the first included) and dates', async () => {
    const json = async (...args: string[]) => JSON.parse((await kam(['trend', '-C', root, '--format', 'json', ...args])).stdout) as Trend;
    expect((await json('--since', commits[2])).revisions.map((r) => r.commit)).toEqual(commits.slice(2));
    expect((await json('--since', '2026-03-01', '--until', '2026-04-30')).revisions.map((r) => r.commit)).toEqual(commits.slice(2, 4));
    expect((await json('--until', commits[1])).revisions.map((r) => r.commit)).toEqual(commits.slice(0, 2));
    expect((await kam(['trend', '-C', root, '--since', 'nope'])).code).toBe(2);
    expect((await kam(['trend', '-C', root, '--since', '2026-02-30'])).code).toBe(2);
  });

  it('--every month keeps the last revision of each month; --as-of scores every revision at one date', async () => {
    expect(thinOut([{ date: '2026-01-05' }, { date: '2026-01-20' }, { date: '2026-02-01' }].map((c, i) => ({ ...c, commit: String(i), time: 0, subject: '' })), 'month').map((c) => c.commit)).toEqual(['1', '2']);
    expect(thinOut(['2026-11-30', '2026-12-06', '2026-12-07'].map((date, i) => ({ date, commit: String(i), time: 0, subject: '' })), 'week').map((c) => c.commit)).toEqual(['1', '2']);
    const r = JSON.parse((await kam(['trend', '-C', root, '--format', 'json', '--every', 'month', '--as-of', '2026-12-31'])).stdout) as Trend;
    expect(r.revisions.length).toBe(6);
    expect(r.revisions.every((x) => x.asOf === '2026-12-31')).toBe(true);
    expect((await kam(['trend', '-C', root, '--as-of', '2026-13-01'])).code).toBe(2);
  });

  it('--settings head scores every revision with the last revision\'s kam.yaml', async () => {
    const ws = tempWorkspace({});
    const { gitAt } = await import('./history.js');
    gitAt(ws, '2026-01-01', 'init', '-q');
    const strongish = 'assessment:\n  attractiveness: high\n  potential: { volume: high, margin: high }\n';
    commitAt(ws, '2026-01-01', 'one', { 'kam.yaml': 'version: 1\nscoring: { thresholds: { key: 99 } }\n', 'accounts/a.yaml': account('a', 'A', 10, strongish) });
    commitAt(ws, '2026-02-01', 'two', { 'kam.yaml': 'version: 1\nscoring: { thresholds: { key: 50 } }\n' });
    const tiers = async (...args: string[]) => (JSON.parse((await kam(['trend', '-C', ws, '--format', 'json', ...args])).stdout) as Trend).accounts[0].points.map((p) => p.tier);
    expect(await tiers()).toEqual(['ordinary', 'key']);
    expect(await tiers('--settings', 'head')).toEqual(['key', 'key']);
  });

  it('a revision whose kam.yaml cannot be read is listed, not scored', async () => {
    const ws = tempWorkspace({});
    const { gitAt } = await import('./history.js');
    gitAt(ws, '2026-01-01', 'init', '-q');
    commitAt(ws, '2026-01-01', 'one', { 'kam.yaml': 'version: 1\n', 'accounts/a.yaml': account('a', 'A', 10, '') });
    commitAt(ws, '2026-02-01', 'two', { 'kam.yaml': 'version: [1\n' });
    commitAt(ws, '2026-03-01', 'three', { 'kam.yaml': 'version: 1\n' });
    const r = await kam(['trend', '-C', ws, '--format', 'json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as Trend;
    expect(t.revisions.map((x) => x.scored)).toEqual([true, false, true]);
    expect(t.revisions[1].problem).toMatch(/^kam\.yaml:\d+:\d+: cannot read the workspace settings/);
    expect(t.accounts[0].points.length).toBe(2);
    expect((await kam(['trend', '-C', ws])).stdout).toMatch(/not scored: 2026-02-01 [0-9a-f]{7} kam\.yaml:\d+/);
  });

  it('exit 2 outside a git repository; a history with no workspace commit says so', async () => {
    const plain = tempWorkspace({ 'kam.yaml': 'version: 1\n' });
    const r = await kam(['trend', '-C', plain]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a git repository');
    const ws = tempWorkspace({});
    const { gitAt } = await import('./history.js');
    gitAt(ws, '2026-01-01', 'init', '-q');
    commitAt(ws, '2026-01-01', 'readme only', { 'README.md': 'x\n' });
    const none = await kam(['trend', '-C', ws]);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('No commit changed the workspace in this range.\n');
  });

  it('a workspace inside a repository: only its folder\'s history', async () => {
    const top = tempWorkspace({});
    const { gitAt } = await import('./history.js');
    gitAt(top, '2026-01-01', 'init', '-q');
    commitAt(top, '2026-01-01', 'one', { 'clients/acme/kam.yaml': 'version: 1\n', 'clients/acme/accounts/a.yaml': account('a', 'A', 10, ''), 'clients/other/accounts/b.yaml': account('b', 'B', 10, '') });
    commitAt(top, '2026-02-01', 'other only', { 'clients/other/accounts/b.yaml': account('b', 'B', 20, '') });
    commitAt(top, '2026-03-01', 'acme', { 'clients/acme/accounts/a.yaml': account('a', 'A', 30, '') });
    const t = JSON.parse((await kam(['trend', '--format', 'json'], { cwd: join(top, 'clients/acme') })).stdout) as Trend;
    expect(t.revisions.map((r) => r.subject)).toEqual(['one', 'acme']);
    expect(t.accounts.map((s) => s.id)).toEqual(['a']);
  });
});

describe('history at scale', () => {
  it('starts the same few git processes for 3 revisions or 12, and reads an unchanged file once', async () => {
    const ws = tempWorkspace({});
    const { gitAt } = await import('./history.js');
    gitAt(ws, '2026-01-01', 'init', '-q');
    const files: Record<string, string> = { 'kam.yaml': 'version: 1\n' };
    for (let i = 0; i < 30; i++) files[`accounts/a${i}.yaml`] = account(`a${i}`, `A${i}`, 10 + i, '');
    commitAt(ws, '2026-01-01', 'c0', files);
    const day = (i: number) => `2026-01-${String(i + 1).padStart(2, '0')}`;
    for (let r = 1; r < 12; r++) commitAt(ws, day(r), `c${r}`, { [`accounts/a${r}.yaml`]: account(`a${r}`, `A${r}`, 100 + r, '') });
    const counted = async (since?: string) => {
      const spawned: string[][] = [];
      const asked: string[] = [];
      const spawn: Spawn = (cmd, args, options): ChildProcess => {
        spawned.push([...args]);
        const child = defaultSpawn(cmd, args, options);
        if (args.find((a) => !a.startsWith('-')) === 'cat-file') {
          const write = child.stdin!.write.bind(child.stdin!) as (chunk: string) => boolean;
          (child.stdin as unknown as { write: (chunk: string) => boolean }).write = (chunk: string) => {
            asked.push(...chunk.split('\n').filter(Boolean));
            return write(chunk);
          };
        }
        return child;
      };
      const repo = await openRepo(ws, { spawn });
      const t = await replayHistory(repo, { since });
      return { spawned, asked, t };
    };
    const few = await counted(day(9));
    const many = await counted();
    expect(few.t.revisions.length).toBe(3);
    expect(many.t.revisions.length).toBe(12);
    const kinds = (s: string[][]) => s.map((a) => a.find((x) => !x.startsWith('-')));
    expect(kinds(many.spawned)).toEqual(['rev-parse', 'rev-parse', 'log', 'cat-file']);
    expect(many.spawned.filter((a) => a.includes('cat-file')).length).toBe(1);
    expect(few.spawned.length).toBeLessThanOrEqual(many.spawned.length + 1);
    expect(many.spawned.length).toBeLessThanOrEqual(4);
    // every object asked for once: 12 commits, 12 top folders and 12 accounts/ folders (each
    // revision changed both), 31 files at the first revision and one new file in each other one
    expect(new Set(many.asked).size).toBe(many.asked.length);
    expect(many.asked.length).toBe(12 + 12 + 12 + 31 + 11);
  });

  it('a test of the test: a counting spawner sees every process', async () => {
    const spawned: string[] = [];
    const spawn: Spawn = (cmd, args, options) => {
      // the git subcommand: the first argument after the global options (`--literal-pathspecs`)
      spawned.push(args.find((a) => !a.startsWith('-'))!);
      return defaultSpawn(cmd, args, options);
    };
    await openRepo(mkdtempSync(join(tmpdir(), 'kam-no-git-')), { spawn }).catch(() => undefined);
    expect(spawned).toEqual(['rev-parse']);
  });
});

describe('the same scores as kam score', () => {
  it('on a generated workspace (every tier, invalid files), the trend of one revision is what kam score says of it', async () => {
    // @ts-expect-error plain JavaScript benchmark helper
    const { generate } = (await import('../../bench/generate.js')) as { generate: (root: string, n: number) => string };
    const ws = generate(mkdtempSync(join(tmpdir(), 'kam-trend-gen-')), 150);
    const { gitAt } = await import('./history.js');
    gitAt(ws, '2026-10-01', 'init', '-q');
    commitAt(ws, '2026-10-01', 'all', {});
    const t = JSON.parse((await kam(['trend', '-C', ws, '--format', 'json'])).stdout) as Trend;
    const scored = JSON.parse((await kam(['score', '-C', ws, '--json', '--as-of', '2026-10-01'])).stdout) as {
      id: string;
      scores: { composite: number };
      tier: string;
      quadrant: string;
      risk: { level: string };
      completeness: number;
    }[];
    const last = new Map(t.accounts.map((s) => [s.id, s.points[s.points.length - 1]]));
    expect(scored.length).toBeGreaterThan(100);
    expect(new Set(scored.map((s) => s.tier))).toEqual(new Set(['key', 'ordinary', 'prospect']));
    for (const s of scored) {
      const p = last.get(s.id)!;
      expect([p.composite, p.tier, p.quadrant, p.risk, p.completeness]).toEqual([s.scores.composite, s.tier, s.quadrant, s.risk.level, s.completeness]);
    }
    expect([...last.values()].filter((p) => !p.valid).length).toBe(t.revisions[0].invalid.length);
  });
});

describe('on worker threads', () => {
  it('KAM_THREADS=2 splits the revisions between two workers and prints the same bytes as one thread', () => {
    for (const format of ['json', 'table']) {
      const one = kamProcess(['trend', '-C', root, '--format', format], { env: { KAM_THREADS: '0' } });
      expect(one.code).toBe(0);
      const two = kamProcess(['trend', '-C', root, '--format', format], { env: { KAM_THREADS: '2' } });
      expect(two.stderr).toBe('');
      expect(two.stdout).toBe(one.stdout);
    }
    const head = kamProcess(['trend', '-C', root, '--format', 'json', '--settings', 'head'], { env: { KAM_THREADS: '2' } });
    expect(head.stdout).toBe(kamProcess(['trend', '-C', root, '--format', 'json', '--settings', 'head'], { env: { KAM_THREADS: '0' } }).stdout);
  });
});
