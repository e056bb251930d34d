/**
 * `npm run bench` is too slow for CI; this runs its runner on tiny workspaces (`--smoke`) so that
 * it cannot rot: every target row is printed with a ratio and a verdict.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

describe('benchmark runner', () => {
  it('prints every target with its ratio and verdict (smoke run on small workspaces)', () => {
    const work = mkdtempSync(join(tmpdir(), 'kam-bench-'));
    const r = spawnSync(process.execPath, [join(repoRoot, 'bench/run.js'), '--smoke', '--work', work], { encoding: 'utf8', timeout: 240_000 });
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\| .* \| (pass|FAIL)/.test(l));
    const names = rows.map((l) => l.split('|')[1].trim());
    expect(names).toEqual([
      'kam --version',
      'kam --help',
      'validate 50',
      'check --format json 50',
      'score --json 50',
      'validate 50',
      'check --format json 50',
      'score --json 50',
      'check --format json 100',
      'analysis 5000',
      'score table 10000',
      'plan html 20',
      'plan md 20',
      'diff 20 (5 changed)',
      'trend 20 (5 revisions, 2 changed each)',
      'ls 50',
      'ls --where 50',
      'actions 50',
      'actions --format ics 50',
      'export xlsx 50',
      'validate 5000 unknown keys',
      'check --format json 50',
      'check --format json 100',
      'score --json 200 (',
      'plan md 200 (',
      'diff 200 (1 changed) (',
      'YAML test suite',
    ].map((n) => (n.endsWith('(') ? expect.stringMatching(new RegExp(`^${n.replace(/[()]/g, '\\$&')}`)) : n)));
    // the floors of this run, printed beside the cases
    for (const floor of ['ajv + js-yaml 50', 'render md 20', 'render html 20']) expect(r.stdout).toContain(`| ${floor} |`);
    // every case ran: a ratio, not n/a (a command that failed would show "FAIL (its error)")
    for (const row of rows) expect(row, row).toMatch(/\d+\.\d+x|MiB|of \d+ error cases/);
    expect(r.stdout).toMatch(/^\d+ passed, \d+ failed$/m);
    expect(r.stdout).toContain('| case | time | against | its time | ratio | rounds | target | verdict |');
  }, 300_000);
});
