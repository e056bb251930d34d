/** `kam check`: validation plus rules, formats, --quiet, --max-warnings, --changed-since, exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, kam, kamProcess, tempWorkspace } from '../helpers.js';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warn';
  rule: string;
  message: string;
  account: string | null;
}
const parse = (stdout: string): JsonFinding[] => JSON.parse(stdout);
const rulesByAccount = (findings: JsonFinding[]) => {
  const out: Record<string, string[]> = {};
  for (const f of findings) (out[f.account ?? f.file] ??= []).push(f.rule);
  for (const list of Object.values(out)) list.sort();
  return out;
};

/** An ordinary account with revenue and everything an ordinary plan needs (an assessment too, unless `extra` gives one). */
const ordinary = (id: string, extra = '') =>
  `id: ${id}\nname: ${id}\nreviewed: 2026-06-01\nteam: { account_lead: L }\nfinancials: { revenue: { 2025: 100 } }\n` +
  `contacts:\n  - { name: P, role: decision_maker, owner: L }\nplan:\n  summary: Keep it\n  actions:\n    - { task: Call, owner: L, due: 2026-12-31 }\n` +
  `${extra.includes('assessment:') ? '' : 'assessment: { attractiveness: low }\n'}${extra}`;
const KAM = 'version: 1\nas_of: 2026-06-30\n';
/** Two warnings: a stale review and a tier drift. */
const twoWarnings = ordinary('w', 'assessment: { declared_tier: key, attractiveness: low }\n').replace('reviewed: 2026-06-01', 'reviewed: 2025-01-01');

describe('kam check', () => {
  it('shows the intended mix of findings on the example and exits 1', async () => {
    const r = await kam(['check', '-C', example, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(rulesByAccount(parse(r.stdout))).toEqual({
      'nordwerk-automotive': [
        'contacts/multi-threaded', 'contacts/stale', 'customer/swot', 'intel/depth', 'plan/overdue', 'plan/stale', 'service/open-issues', 'team/executive-sponsor',
      ],
      'baiao-pharma': ['plan/actions', 'plan/summary'],
      'pacific-packaging': ['plan/stale', 'tier/drift'],
    });
  });

  it('sets the exit code through bin/kam.js, without colour in a pipe', () => {
    const r = kamProcess(['check', '-C', example, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toContain('✖ 4 problems (4 errors, 0 warnings)');
  });

  it('prints stylish output with positions by default', async () => {
    const r = await kam(['check', '-C', example]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('accounts/nordwerk-automotive.yaml');
    expect(r.stdout).toMatch(/8:1\s+error\s+no executive sponsor: set team.executive_sponsor\s+team\/executive-sponsor/);
    expect(r.stdout).toContain('✖ 12 problems (4 errors, 8 warnings)');
  });

  it('says so when everything passes, and exits 0', async () => {
    const root = tempWorkspace({ 'kam.yaml': KAM, 'accounts/a.yaml': ordinary('a') });
    const r = await kam(['check', '-C', root]);
    expect(r.stdout).toBe('✔ 1 account checked: no problems\n');
    expect(r.code).toBe(0);
  });

  it('reports validation findings and runs the rules only on valid accounts', async () => {
    const root = tempWorkspace({ 'kam.yaml': KAM, 'accounts/bad.yaml': 'id: bad\nname: 3\n', 'accounts/a.yaml': ordinary('a', 'competitors: [{ ref: nobody }]\n') });
    const r = await kam(['check', '-C', root, '--format', 'json']);
    expect(parse(r.stdout).map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual(['accounts/a.yaml:13 refs/competitor', 'accounts/bad.yaml:2 schema/type']);
    expect(r.code).toBe(1);
  });

  it('takes today from --as-of over kam.yaml as_of', async () => {
    const root = tempWorkspace({ 'kam.yaml': KAM, 'accounts/a.yaml': ordinary('a') });
    const later = await kam(['check', '-C', root, '--as-of', '2027-01-15', '--format', 'json']);
    expect(parse(later.stdout).map((f) => f.rule)).toEqual(['plan/stale', 'plan/overdue']);
    const bad = await kam(['check', '-C', root, '--as-of', '2027-02-30']);
    expect(bad.code).toBe(2);
  });

  describe('kam.yaml rules', () => {
    it('changes severities and turns rules off', async () => {
      const root = tempWorkspace({
        'kam.yaml': `${KAM}rules:\n  plan/summary: off\n  team/account-lead: warn\n  tier/drift: error\n`,
        'accounts/a.yaml': ordinary('a', 'assessment: { declared_tier: key, attractiveness: low }\n').replace('team: { account_lead: L }\n', '').replace('  summary: Keep it\n', ''),
      });
      const r = await kam(['check', '-C', root, '--format', 'json']);
      expect(parse(r.stdout).map((f) => [f.rule, f.severity])).toEqual([
        ['team/account-lead', 'warn'],
        ['tier/drift', 'error'],
      ]);
      expect(r.code).toBe(1);
    });

    it('exits 0 when the only error-level rule is downgraded to warn', async () => {
      const root = tempWorkspace({ 'kam.yaml': `${KAM}rules:\n  team/account-lead: warn\n`, 'accounts/a.yaml': ordinary('a').replace('team: { account_lead: L }\n', '') });
      const r = await kam(['check', '-C', root]);
      expect(r.stdout).toContain('✖ 1 problem (0 errors, 1 warning)');
      expect(r.code).toBe(0);
    });

    it('reports an unknown rule id at its key in kam.yaml, with a suggestion', async () => {
      const root = tempWorkspace({ 'kam.yaml': `${KAM}rules:\n  team/acount-lead: off\n`, 'accounts/a.yaml': ordinary('a') });
      const r = await kam(['check', '-C', root, '--format', 'json']);
      expect(parse(r.stdout)).toEqual([
        { file: 'kam.yaml', line: 4, column: 3, severity: 'error', rule: 'config/unknown-rule', message: 'unknown rule `team/acount-lead` in rules, did you mean `team/account-lead`?', account: null },
      ]);
      expect(r.code).toBe(1);
    });
  });

  describe('--quiet and --max-warnings', () => {
    it('--quiet shows errors only and still exits 1 on them', async () => {
      const r = await kam(['check', '-C', example, '--quiet', '--format', 'json']);
      const shown = parse(r.stdout);
      expect(shown.length).toBe(4);
      expect(shown.every((f) => f.severity === 'error')).toBe(true);
      expect(r.code).toBe(1);
    });

    it('--quiet hides warnings and exits 0 without errors', async () => {
      const root = tempWorkspace({ 'kam.yaml': KAM, 'accounts/w.yaml': twoWarnings });
      const r = await kam(['check', '-C', root, '-q']);
      expect(r.stdout).toBe('✔ 1 account checked: no problems\n');
      expect(r.code).toBe(0);
    });

    it('--max-warnings fails the run only when the warnings exceed it, --quiet or not', async () => {
      const root = tempWorkspace({ 'kam.yaml': KAM, 'accounts/w.yaml': twoWarnings });
      expect((await kam(['check', '-C', root])).code).toBe(0);
      expect((await kam(['check', '-C', root, '--max-warnings', '2'])).code).toBe(0);
      const over = await kam(['check', '-C', root, '--max-warnings', '1']);
      expect(over.code).toBe(1);
      expect(over.stdout).toContain('kam found too many warnings (maximum: 1).');
      expect((await kam(['check', '-C', root, '--max-warnings', '0', '--quiet'])).code).toBe(1);
    });

    it('--max-warnings takes a whole number', async () => {
      const r = await kam(['check', '-C', example, '--max-warnings', 'many']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--max-warnings takes a whole number');
    });
  });

  describe('--changed-since', () => {
    const git = (cwd: string, ...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.name=kam test', '-c', 'user.email=kam@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    const noLead = (id: string, extra = '') => ordinary(id, extra).replace('team: { account_lead: L }\n', '');

    /** A repository whose workspace sits in `plans/`, committed with three failing accounts. */
    function repo(): { top: string; root: string } {
      const top = tempWorkspace({
        'README.md': 'not a plan\n',
        'plans/kam.yaml': KAM,
        'plans/competitors/rival.yaml': 'id: rival\nname: Rival\n',
        'plans/accounts/alpha.yaml': noLead('alpha'),
        'plans/accounts/beta.yaml': noLead('beta'),
        'plans/accounts/gamma.yaml': noLead('gamma', 'competitors: [{ ref: rival }]\n'),
      });
      git(top, 'init', '-q');
      git(top, 'add', '.');
      git(top, 'commit', '-q', '-m', 'plans');
      return { top, root: join(top, 'plans') };
    }
    const check = async (root: string, ...more: string[]) => {
      const r = await kam(['check', '-C', root, '--changed-since', 'HEAD', '--format', 'json', ...more]);
      return { ...r, accounts: [...new Set(r.code === 2 ? [] : parse(r.stdout).map((f) => f.account ?? f.file))].sort() };
    };

    it('reports nothing when nothing changed', async () => {
      const { root } = repo();
      const r = await check(root);
      expect(r.accounts).toEqual([]);
      expect(r.code).toBe(0);
      const stylish = await kam(['check', '-C', root, '--changed-since', 'HEAD']);
      expect(stylish.stdout).toBe('✔ 0 accounts checked (changed since HEAD): no problems\n');
    });

    it('reports the changed and the untracked accounts only', async () => {
      const { top, root } = repo();
      writeFileSync(join(root, 'accounts/beta.yaml'), noLead('beta', 'industry: changed\n'));
      writeFileSync(join(root, 'accounts/delta.yaml'), noLead('delta'));
      writeFileSync(join(top, 'README.md'), 'changed outside the workspace\n');
      const r = await check(root);
      expect(r.accounts).toEqual(['beta', 'delta']);
      expect(r.code).toBe(1);
    });

    it('sees staged changes and changes since an older commit', async () => {
      const { top, root } = repo();
      writeFileSync(join(root, 'accounts/alpha.yaml'), noLead('alpha', 'industry: changed\n'));
      git(top, 'add', '.');
      git(top, 'commit', '-q', '-m', 'alpha');
      expect((await check(root)).accounts).toEqual([]);
      const r = await kam(['check', '-C', root, '--changed-since', 'HEAD~1', '--format', 'json']);
      expect([...new Set(parse(r.stdout).map((f) => f.account))]).toEqual(['alpha']);
    });

    it('still ranks against the whole workspace: tiers do not change with the selection', async () => {
      const { root } = repo();
      // attractive but the smallest: ordinary among all three (V = 0); alone it would rank first and be key
      writeFileSync(
        join(root, 'accounts/beta.yaml'),
        noLead('beta', 'assessment: { attractiveness: high, potential: { volume: high, margin: high }, declared_tier: key }\n').replace('2025: 100', '2025: 10'),
      );
      const r = await check(root);
      const beta = parse(r.stdout).filter((f) => f.account === 'beta');
      expect(beta.map((f) => f.rule)).toEqual(['team/account-lead', 'tier/drift']);
      expect(beta[1].message).toBe('declared tier key, computed tier ordinary');
    });

    it('checks every account when kam.yaml changed', async () => {
      const { root } = repo();
      writeFileSync(join(root, 'kam.yaml'), `${KAM}rules:\n  plan/stale: error\n`);
      expect((await check(root)).accounts).toEqual(['alpha', 'beta', 'gamma']);
    });

    it('checks the accounts that refer to a changed or deleted competitor profile', async () => {
      const { root } = repo();
      rmSync(join(root, 'competitors/rival.yaml'));
      const r = await check(root);
      expect(r.accounts).toEqual(['gamma']);
      expect(parse(r.stdout).map((f) => f.rule)).toContain('refs/competitor');
    });

    it('is a usage error for an unknown revision', async () => {
      const { root } = repo();
      const r = await kam(['check', '-C', root, '--changed-since', 'no-such-branch']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('kam: --changed-since: unknown git revision "no-such-branch"\n');
      const dash = await kam(['check', '-C', root, '--changed-since=--output=x']);
      expect(dash.code).toBe(2);
    });

    it('is a usage error outside a git repository', async () => {
      const root = tempWorkspace({ 'kam.yaml': KAM });
      mkdirSync(join(root, 'accounts'));
      const r = await kam(['check', '-C', root, '--changed-since', 'HEAD']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^kam: --changed-since needs a git repository/);
    });
  });
});
