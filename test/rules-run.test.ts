/** The rules engine (src/rules/run.ts): tiers, severities, crashes, positions, completeness. */
import { describe, expect, it } from 'vitest';
import { analyseWorkspace, type WorkspaceAnalysis } from '../src/analysis/index.js';

import { parseYaml } from '../src/load/parse.js';
import { loadWorkspace, validAccounts } from '../src/load/workspace.js';
import { Account } from '../src/schema/account.js';
import { Config } from '../src/schema/config.js';
import { allTiers, defineRule } from '../src/rules/define.js';
import { rules } from '../src/rules/index.js';
import { checkAccount, checkFromPrecheck, checkWorkspace, completeness, envOf, precheckAccount, ruleMeta, rulesFor, ruleSettingFindings, UNKNOWN_RULE, type RuleEnv } from '../src/rules/run.js';
import { example, tempWorkspace } from './helpers.js';

const tiersOf = (a: WorkspaceAnalysis) => new Map(a.accounts.map((x) => [x.id, x.tier]));

function input(text: string, tier: 'key' | 'ordinary' | 'prospect') {
  const parsed = parseYaml(text, true);
  return { file: 'accounts/a.yaml', account: Account.parse(parsed.value), tier, locator: parsed.locator! };
}
const env = (settings: Record<string, unknown> = {}, more: Partial<RuleEnv> = {}): RuleEnv => ({
  config: Config.parse(settings),
  today: '2026-06-30',
  competitors: new Map(),
  competitorIds: new Set(),
  ...more,
});

describe('rulesFor', () => {
  it('filters by tier and drops rules turned off', () => {
    const config = Config.parse({ rules: { 'plan/summary': 'off' } });
    const ids = (tier: 'key' | 'ordinary' | 'prospect') => rulesFor(tier, config).map((r) => r.id);
    expect(ids('prospect')).toEqual(['plan/overdue', 'service/open-issues', 'refs/competitor', 'tier/drift', 'assessment/missing']);
    expect(ids('ordinary')).toEqual([
      'team/account-lead', 'contacts/decision-maker', 'plan/actions', 'plan/overdue', 'plan/stale', 'service/open-issues', 'refs/competitor', 'tier/drift', 'assessment/missing',
    ]);
    expect(ids('key')).toHaveLength(rules.length - 1);
  });
});

describe('checkAccount', () => {
  const bare = 'id: a\nname: A\nteam:\n  solution_lead: X\n';

  it('points a missing node at its closest existing parent', () => {
    const r = checkAccount(input(bare, 'ordinary'), env({ rules: { 'plan/stale': 'off' } }));
    expect(r.findings.map((f) => [f.rule, f.line, f.column, f.severity])).toEqual([
      ['assessment/missing', 1, 1, 'warn'],
      ['contacts/decision-maker', 1, 1, 'error'],
      ['plan/actions', 1, 1, 'error'],
      ['plan/summary', 1, 1, 'error'],
      ['team/account-lead', 3, 1, 'error'],
    ]);
    expect(r.findings.every((f) => f.file === 'accounts/a.yaml' && f.account === 'a')).toBe(true);
  });

  it('applies kam.yaml severities and drops rules turned off', () => {
    const r = checkAccount(input(bare, 'ordinary'), env({ rules: { 'team/account-lead': 'warn', 'plan/summary': 'off', 'plan/stale': 'error' } }));
    const bySeverity = Object.fromEntries(r.findings.map((f) => [f.rule, f.severity]));
    expect(bySeverity).toEqual({ 'assessment/missing': 'warn', 'team/account-lead': 'warn', 'contacts/decision-maker': 'error', 'plan/actions': 'error', 'plan/stale': 'error' });
    expect(r.applied).not.toContain('plan/summary');
  });

  it('turns a rule that throws into an error finding and carries on', () => {
    const boom = defineRule({ id: 'test/boom', description: 'throws', tiers: ['ordinary'], severity: 'warn', check: () => { throw new TypeError('cannot read x\nstack'); } });
    const fine = defineRule({ id: 'test/fine', description: 'finds', tiers: ['ordinary'], severity: 'warn', check: () => [{ path: ['name'], message: 'found' }] });
    const r = checkAccount(input(bare, 'ordinary'), env({}, { rules: [boom, fine] }));
    expect(r.findings).toEqual([
      { file: 'accounts/a.yaml', line: 1, column: 1, severity: 'error', rule: 'test/boom', message: 'rule test/boom crashed: cannot read x', account: 'a' },
      { file: 'accounts/a.yaml', line: 2, column: 7, severity: 'warn', rule: 'test/fine', message: 'found', account: 'a' },
    ]);
    expect(r.failed).toEqual(['test/boom', 'test/fine']);
    expect(r.completeness).toBe(0);
  });

  it('does not run rules of other tiers', () => {
    expect(checkAccount(input('id: a\nname: A\nassessment: { attractiveness: low }\n', 'prospect'), env()).findings).toEqual([]);
  });
});

describe('completeness', () => {
  it('is the share of applied rules passed, as a percentage with one decimal', () => {
    expect(completeness(9, 2)).toBe(77.8);
    expect(completeness(20, 8)).toBe(60);
    expect(completeness(3, 0)).toBe(100);
    expect(completeness(0, 0)).toBe(100);
  });

  it('counts only the rules that apply and are not off', () => {
    const text = 'id: a\nname: A\nteam: { account_lead: L }\n';
    // unassessed: assessment/missing fails too
    expect(checkAccount(input(text, 'ordinary'), env()).completeness).toBe(completeness(10, 5));
    expect(checkAccount(input(text, 'ordinary'), env({ rules: { 'plan/summary': 'off', 'plan/actions': 'off' } })).completeness).toBe(completeness(8, 3));
  });

  it('gives the example its intended picture', () => {
    const ws = loadWorkspace(example);
    const tiers = tiersOf(analyseWorkspace(validAccounts(ws).map((d) => d.data), ws.config, ws.config.as_of!));
    const result = checkWorkspace(ws, tiers, '2026-11-01');
    expect(Object.fromEntries(result.accounts.map((a) => [a.id, [a.tier, a.completeness]]))).toEqual({
      // assessment/missing applies to every tier and the example's accounts all pass it
      'baiao-pharma': ['ordinary', 80],
      'jinhe-foods': ['ordinary', 100],
      'kaisheng-solar': ['prospect', 100],
      'meridian-medical': ['prospect', 100],
      'ningchuan-battery': ['key', 100],
      'nordwerk-automotive': ['key', 61.9],
      'pacific-packaging': ['ordinary', 80],
      'yingtai-tech': ['key', 100],
    });
  });
});

describe('kam.yaml rules', () => {
  it('reports unknown rule ids at their key, with a suggestion', () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\nrules:\n  plan/stale: warn\n  plan/stal: off\n  made/up: error\n' });
    const findings = ruleSettingFindings(loadWorkspace(root));
    expect(findings).toEqual([
      { file: 'kam.yaml', line: 4, column: 3, severity: 'error', rule: UNKNOWN_RULE, message: 'unknown rule `plan/stal` in rules, did you mean `plan/stale`?', account: null },
      { file: 'kam.yaml', line: 5, column: 3, severity: 'error', rule: UNKNOWN_RULE, message: 'unknown rule `made/up` in rules', account: null },
    ]);
  });

  it('describes the rules that are on, at their configured severity, for SARIF', () => {
    const meta = ruleMeta(Config.parse({ rules: { 'plan/stale': 'error', 'intel/depth': 'off' } }));
    expect(meta).toHaveLength(rules.length - 1);
    expect(meta.find((m) => m.id === 'plan/stale')).toEqual({ id: 'plan/stale', description: expect.any(String), severity: 'error', tiers: ['key', 'ordinary'] });
    expect(meta.find((m) => m.id === 'intel/depth')).toBeUndefined();
  });
});

describe('rules run before the tier is known (precheckAccount)', () => {
  it('give, at each tier, what the rules run at that tier alone give (fixtures and example)', async () => {
    const { readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { fixtures } = await import('./helpers.js');
    const roots = [example, ...readdirSync(join(fixtures, 'rules')).filter((d) => !d.startsWith('_')).map((d) => join(fixtures, 'rules', d))];
    let compared = 0;
    let differ = 0;
    for (const root of roots) {
      const ws = loadWorkspace(root);
      const env = envOf(ws, ws.config.as_of ?? '2026-11-01');
      for (const doc of validAccounts(ws)) {
        const all = precheckAccount(doc.data, doc.locator, env);
        for (const tier of allTiers) {
          const input = { file: doc.file, id: doc.data.id, tier };
          const alone = checkAccount({ ...input, account: doc.data, locator: doc.locator }, env);
          expect(checkFromPrecheck(all, input, env)).toEqual(alone);
          compared++;
        }
        const perTier = allTiers.map((tier) => JSON.stringify(checkFromPrecheck(all, { file: doc.file, id: doc.data.id, tier }, env).findings.map((f) => f.message)));
        if (new Set(perTier).size > 1) differ++;
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(differ).toBeGreaterThan(0); // some outcomes do depend on the tier
  });

  it('runs a rule once for every tier unless it reads ctx.tier', () => {
    const calls: string[] = [];
    const blind = { id: 'x/blind', description: '', tiers: allTiers, severity: 'warn' as const, check: () => (calls.push('blind'), [{ path: [], message: 'always' }]) };
    const seeing = { id: 'x/seeing', description: '', tiers: allTiers, severity: 'warn' as const, check: (ctx: { tier: string }) => (calls.push(`seeing:${ctx.tier}`), []) };
    const ws = loadWorkspace(example);
    const doc = validAccounts(ws)[0];
    const pre = precheckAccount(doc.data, doc.locator, { ...envOf(ws, '2026-11-01'), rules: [blind, seeing] as never });
    expect(calls).toEqual(['blind', ...allTiers.map((t) => `seeing:${t}`)]);
    expect(pre.outcomes['x/blind' as never]).toEqual([{ tiers: [...allTiers], hits: [{ line: 1, column: 1, message: 'always' }] }]);
  });
});
