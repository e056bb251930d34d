/**
 * The rule fixtures are the rule tests: every rule has a workspace `test/fixtures/rules/<group>-<name>/`
 * whose offending lines carry `# expect <rule>` markers. Each fixture runs through `kam check`
 * together with the shared accounts of `_base/` (which pass every rule); the findings must be
 * exactly the markers (rule and line), no more, no fewer.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseWorkspace, type WorkspaceAnalysis } from '../src/analysis/index.js';

import { listWorkspaceFiles, loadWorkspace, validAccounts } from '../src/load/workspace.js';
import { rules } from '../src/rules/index.js';
import { envOf } from '../src/rules/run.js';
import { fixtures, kam, repoRoot } from './helpers.js';

const tiersOf = (a: WorkspaceAnalysis) => new Map(a.accounts.map((x) => [x.id, x.tier]));

const rulesFixtures = join(fixtures, 'rules');
const BASE = '_base';
const fixtureOf = (id: string) => id.replace('/', '-');

/** A fixture plus the shared base accounts, in a fresh temporary folder. */
function workspaceOf(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `kam-rule-${name}-`));
  cpSync(join(rulesFixtures, BASE), root, { recursive: true, filter: (src) => !src.endsWith('README.md') });
  cpSync(join(rulesFixtures, name), root, { recursive: true });
  return root;
}

/** `file:line rule` for every `# expect a, b` marker of every workspace file. */
function markers(root: string): string[] {
  return listWorkspaceFiles(root).flatMap((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .flatMap((text, i) => {
        const m = /#\s*expect\s+(.+)$/.exec(text);
        return m ? m[1].split(/[\s,]+/).filter(Boolean).map((rule) => `${file}:${i + 1} ${rule}`) : [];
      }),
  );
}

interface JsonFinding {
  file: string;
  line: number;
  severity: 'error' | 'warn';
  rule: string;
}

describe('rule fixtures', () => {
  const names = readdirSync(rulesFixtures, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== BASE)
    .map((e) => e.name)
    .sort();

  it('every rule has a fixture, and every fixture a rule', () => {
    expect(names).toEqual(rules.map((r) => fixtureOf(r.id)).sort());
  });

  it('every rule file under src/rules/<group>/ is in the list of src/rules/index.ts', () => {
    const dir = join(repoRoot, 'src', 'rules');
    const files = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((g) => readdirSync(join(dir, g.name)).filter((f) => f.endsWith('.ts')).map((f) => `${g.name}/${f.replace(/\.ts$/, '')}`))
      .sort();
    expect(files).toEqual(rules.map((r) => r.id).sort());
  });

  it('the base accounts pass every rule and land in their tiers', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kam-rule-base-'));
    cpSync(join(rulesFixtures, BASE), root, { recursive: true });
    const r = await kam(['check', '-C', root, '--as-of', '2026-06-30', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const ws = loadWorkspace(root);
    const tiers = tiersOf(analyseWorkspace(validAccounts(ws).map((d) => d.data), ws.config, '2026-06-30'));
    expect(Object.fromEntries(tiers)).toEqual({ 'base-key': 'key', 'base-ordinary': 'ordinary', 'base-prospect': 'prospect' });
  });

  for (const rule of rules) {
    const name = fixtureOf(rule.id);
    describe(rule.id, () => {
      it('reports exactly the marked lines', async () => {
        expect(existsSync(join(rulesFixtures, name)), `fixture ${name}`).toBe(true);
        const root = workspaceOf(name);
        const expected = markers(root);
        expect(expected.filter((m) => m.endsWith(` ${rule.id}`)).length, 'the fixture marks at least one finding of its rule').toBeGreaterThan(0);
        const r = await kam(['check', '-C', root, '--format', 'json']);
        expect(r.stderr).toBe('');
        const found: JsonFinding[] = JSON.parse(r.stdout);
        expect(found.map((f) => `${f.file}:${f.line} ${f.rule}`).sort()).toEqual(expected.sort());
        expect(r.code).toBe(found.some((f) => f.severity === 'error') ? 1 : 0);
        for (const f of found.filter((f) => f.rule === rule.id)) expect(f.severity).toBe(rule.severity);
      });

      it('has an exempt account of a tier it does not apply to, which would fail it', () => {
        expect(existsSync(join(rulesFixtures, name)), `fixture ${name}`).toBe(true);
        const root = workspaceOf(name);
        const ws = loadWorkspace(root);
        const valid = validAccounts(ws);
        const tiers = tiersOf(analyseWorkspace(valid.map((d) => d.data), ws.config, ws.config.as_of!));
        const exempt = valid.filter((d) => /^accounts\/exempt-/.test(d.file));
        const others = (['key', 'ordinary', 'prospect'] as const).filter((t) => !rule.tiers.includes(t));
        expect(exempt.length > 0, `exempt-*.yaml accounts in ${relative(repoRoot, join(rulesFixtures, name))}`).toBe(others.length > 0);
        const env = envOf(ws, ws.config.as_of!);
        for (const doc of exempt) {
          const tier = tiers.get(doc.data.id)!;
          expect(others, `${doc.file} is of a tier the rule does not apply to`).toContain(tier);
          const would = rule.check({ ...env, account: doc.data, tier: rule.tiers[0] });
          expect(would.length, `${doc.file} would fail ${rule.id}`).toBeGreaterThan(0);
        }
      });
    });
  }
});
