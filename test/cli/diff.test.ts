import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRenderers } from '../../src/diff/render/index.js';
import { kam, kamProcess, tempWorkspace } from '../helpers.js';
import { change, git, gitRepo } from '../git-helpers.js';

const initech = (over: { status?: string; due?: string; owner?: string; threats?: string; contacts?: string; margin?: string } = {}) => `id: initech
name: 英泰科技有限公司
region: East China
financials:
  revenue: { 2024: 3200000, 2025: 4100000 }
  margin: ${over.margin ?? '0.28'}
customer:
  swot:
    strengths: [技术领先]
    weaknesses: [采购流程慢]
    opportunities: [新工厂]
    threats: [${over.threats ?? '价格战, 供应商整合'}]
contacts:
  - name: 李总
    role: decision_maker
    level: executive
${over.contacts ?? ''}plan:
  summary: grow
  objectives:
    - id: grow-share
      text: Raise share of wallet to 45%
      due: 2026-12-31
  actions:
    - task: Workshop on automation line retrofit
      owner: 陈静
      due: 2026-11-30
      status: ${over.status ?? 'in_progress'}
    - task: Executive visit
      owner: ${over.owner ?? '刘总'}
      due: ${over.due ?? '2026-12-10'}
      status: planned
`;

/** A repository with two commits: the second closes, re-dates and re-assigns actions, and more. */
function history() {
  const root = gitRepo({
    'kam.yaml': 'version: 1\ncompany: Example Co.\n',
    'accounts/initech.yaml': initech(),
    'accounts/globex-cn.yaml': 'id: globex-cn\nname: Globex China\n',
    'accounts/umbrella.yaml': 'id: umbrella\nname: Umbrella Corp\nregion: North\n',
  });
  change(
    root,
    {
      'accounts/initech.yaml': initech({ status: 'done', due: '2027-01-15', owner: '王磊', threats: '价格战', margin: '0.3', contacts: '  - name: 王工\n    level: manager\n' }),
      'accounts/globex-cn.yaml': null,
      'accounts/umbrella.yaml': null,
      'accounts/umbrella-group.yaml': 'id: umbrella-group\nname: Umbrella Corp\nregion: North\n',
      'accounts/hooli.yaml': 'id: hooli\nname: Hooli\n',
    },
    'second',
  );
  return root;
}

describe('kam diff', () => {
  it('text: what changed between two revisions', async () => {
    const root = history();
    const r = await kam(['diff', 'HEAD~1', 'HEAD', '-C', root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const base = git(root, 'rev-parse', '--short=7', 'HEAD~1').trim();
    const head = git(root, 'rev-parse', '--short=7', 'HEAD').trim();
    expect(r.stdout).toBe(
      [
        `kam diff HEAD~1 (${base}) → HEAD (${head})`,
        'accounts: 1 changed, 1 added, 1 removed, 1 renamed',
        '',
        '- globex-cn Globex China (removed)',
        '    analysis',
        '      ~ tier: prospect → (none)',
        '      ~ risk: medium → (none)',
        '',
        '+ hooli Hooli (added: accounts/hooli.yaml)',
        '    analysis',
        '      ~ tier: (none) → prospect',
        '      ~ risk: (none) → medium',
        '',
        '~ initech 英泰科技有限公司',
        '    actions',
        '      ✓ closed Workshop on automation line retrofit: in_progress → done',
        '      ~ re-dated Executive visit: 2026-12-10 → 2027-01-15',
        '      ~ re-assigned Executive visit: 刘总 → 王磊',
        '    contacts',
        '      + added 王工',
        '    SWOT',
        '      - threats: 供应商整合',
        '    fields',
        '      ~ financials.margin: 0.28 → 0.3',
        '    analysis',
        '      + risk reason: single-threaded: no contact has an owner on our side (risk/single-threaded)',
        '      - risk reason: single-threaded: 李总 is the only contact (risk/single-threaded)',
        '',
        '~ umbrella → umbrella-group Umbrella Corp (renamed from accounts/umbrella.yaml)',
        '',
      ].join('\n'),
    );
  });

  it('md: a pull-request comment with a headline, a table and bullet lists', async () => {
    const root = history();
    const r = await kam(['diff', 'HEAD~1', 'HEAD', '-C', root, '--format', 'md']);
    expect(r.code).toBe(0);
    const base = git(root, 'rev-parse', '--short=7', 'HEAD~1').trim();
    expect(r.stdout).toContain(`### kam diff: \`HEAD~1\` (${base}) → \`HEAD\``);
    expect(r.stdout).toContain('**accounts: 1 changed, 1 added, 1 removed, 1 renamed**');
    expect(r.stdout).toContain(
      [
        '| account | change | tier | abc | segment | quadrant | risk |',
        '|---|---|---|---|---|---|---|',
        '| `globex-cn` Globex China | removed | prospect → **–** |  |  |  | medium → **–** |',
        '| `hooli` Hooli | added | – → **prospect** |  |  |  | – → **medium** |',
      ].join('\n'),
    );
    expect(r.stdout).toContain(
      [
        '#### `initech` 英泰科技有限公司: changed',
        '',
        '- **actions**',
        '  - ✅ closed Workshop on automation line retrofit: in\\_progress → done',
        '  - ✏️ re-dated Executive visit: 2026-12-10 → 2027-01-15',
        '  - ✏️ re-assigned Executive visit: 刘总 → 王磊',
        '- **contacts**',
        '  - ➕ added 王工',
        '- **SWOT**',
        '  - ➖ threats: 供应商整合',
        '- **fields**',
        '  - ✏️ `financials.margin`: 0.28 → 0.3',
      ].join('\n'),
    );
    expect(r.stdout).toContain('#### `umbrella-group` Umbrella Corp: renamed from `umbrella`\n\n- file `accounts/umbrella.yaml` → `accounts/umbrella-group.yaml`');
  });

  it('json: stable data with sorted keys', async () => {
    const root = history();
    const r = await kam(['diff', 'HEAD~1', 'HEAD', '-C', root, '--format', 'json']);
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout);
    expect(Object.keys(diff)).toEqual(['accounts', 'analysed', 'base', 'files', 'head', 'skipped', 'summary']);
    expect(diff.base).toEqual({ commit: git(root, 'rev-parse', 'HEAD~1').trim(), revision: 'HEAD~1' });
    expect(diff.summary).toEqual({ added: 1, changed: 1, files: 0, removed: 1, renamed: 1, skipped: 0 });
    const initech = diff.accounts.find((a: { account: { id: string } }) => a.account.id === 'initech');
    expect(initech.changes.actions.closed).toEqual([{ from: 'in_progress', task: 'Workshop on automation line retrofit', to: 'done' }]);
    expect(initech.changes.actions.redated).toEqual([{ from: '2026-12-10', task: 'Executive visit', to: '2027-01-15' }]);
    expect(initech.changes.actions.reassigned).toEqual([{ from: '刘总', task: 'Executive visit', to: '王磊' }]);
    expect(initech.changes.contacts).toEqual({ added: ['王工'], removed: [] });
    expect(initech.changes.swot).toEqual({ threats: { added: [], removed: ['供应商整合'] } });
    expect(initech.changes.fields).toEqual([{ from: 0.28, kind: 'value', path: 'financials.margin', to: 0.3 }]);
    const renamed = diff.accounts.find((a: { kind: string }) => a.kind === 'renamed');
    expect(renamed.base.id).toBe('umbrella');
    const again = await kam(['diff', 'HEAD~1', 'HEAD', '-C', root, '--format', 'json']);
    expect(again.stdout).toBe(r.stdout);
  });

  it('compares HEAD with the working tree by default, uncommitted files included', async () => {
    const root = history();
    change(root, { 'accounts/hooli.yaml': 'id: hooli\nname: Hooli\nregion: West\n', 'accounts/draft.yaml': 'id: draft\nname: Draft\n' });
    const r = await kam(['diff', '-C', root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kam diff HEAD \([0-9a-f]{7}\) → the working tree\naccounts: 2 changed, 1 added\n/);
    expect(r.stdout).toContain('~ hooli Hooli\n    fields\n      + region: (none) → West\n');
    expect(r.stdout).toContain('+ draft Draft (added: accounts/draft.yaml)');
  });

  it('says so when nothing changed, and still exits 0', async () => {
    const root = history();
    const r = await kam(['diff', '-C', root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nNo changes to the account plans\.\n$/);
    const md = await kam(['diff', '-C', root, '--format', 'md']);
    expect(md.stdout).toMatch(/\nNo changes to the account plans\.\n$/);
  });

  it('finds the workspace from the current folder, in a folder of the repository', async () => {
    const root = gitRepo({ 'plans/kam.yaml': 'version: 1\n', 'plans/accounts/a.yaml': 'id: a\nname: A\n', 'other/accounts/b.yaml': 'id: b\nname: B\n' });
    change(root, { 'plans/accounts/a.yaml': 'id: a\nname: A2\n', 'other/accounts/b.yaml': 'id: b\nname: B2\n' });
    const r = await kam(['diff', '--format', 'json'], { cwd: join(root, 'plans', 'accounts') });
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout);
    expect(diff.accounts.map((a: { account: { file: string } }) => a.account.file)).toEqual(['accounts/a.yaml']);
    expect(diff.accounts[0].changes.fields).toEqual([{ from: 'A', kind: 'value', path: 'name', to: 'A2' }]);
  });

  it('colours the text format only when asked to', async () => {
    const root = history();
    const plain = await kam(['diff', 'HEAD~1', 'HEAD', '-C', root]);
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const coloured = await kam(['diff', 'HEAD~1', 'HEAD', '-C', root], { env: { FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(/\u001b\[32m\+\u001b\[39m/);
    const md = await kam(['diff', 'HEAD~1', 'HEAD', '-C', root, '--format', 'md'], { env: { FORCE_COLOR: '1' } });
    expect(md.stdout).not.toMatch(/\u001b\[/);
  });

  it('exits 2 with one line outside a git repository', async () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\n' });
    const r = await kam(['diff', '-C', root]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`kam: not a git repository: ${root}\n`);
  });

  it('exits 2 with one line for an unknown revision, base or head', async () => {
    const root = history();
    for (const argv of [['nope'], ['HEAD', 'nope'], ['--', '-x']]) {
      const r = await kam(['diff', '-C', root, ...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toBe(`kam: unknown revision: ${argv[argv.length - 1]}\n`);
    }
  });

  it('exits 2 for a repository without commits (HEAD names none) and for a bad --as-of', async () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\n' });
    git(root, 'init', '-q');
    expect((await kam(['diff', '-C', root])).stderr).toBe('kam: unknown revision: HEAD\n');
    const r = await kam(['diff', '-C', history(), '--as-of', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as-of must be a real date/);
  });

  it('exits 2 when kam.yaml at the base revision cannot be read, naming the revision', async () => {
    const root = gitRepo({ 'kam.yaml': 'version: [1\n' });
    change(root, { 'kam.yaml': 'version: 1\n' });
    const r = await kam(['diff', '-C', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kam: at HEAD: kam\.yaml:\d+:\d+: cannot read the workspace settings: /);
  });

  it('lists invalid files as not compared', async () => {
    const root = history();
    change(root, { 'accounts/hooli.yaml': 'id: hooli\nname: [broken\n' });
    const r = await kam(['diff', '-C', root]);
    expect(r.code).toBe(0);
    // the invalid file leaves the ranking, so the other prospect's value moves
    expect(r.stdout).toContain('accounts: 1 changed; 1 invalid file not compared (run kam validate)');
    expect(r.stdout).toContain('~ umbrella-group Umbrella Corp\n    analysis\n      ~ value: 25 → 0 (-25)');
    expect(r.stdout).toContain('Not compared (invalid; run kam validate):\n  accounts/hooli.yaml (invalid at head)\n');
  });

  it('offers exactly the renderers as --format choices', async () => {
    const r = await kam(['diff', '--help']);
    const choices = /choices: ([^)]*), default/.exec(r.stdout.replace(/\s+/g, ' '))![1];
    expect(choices).toBe(Object.keys(diffRenderers).map((k) => `"${k}"`).join(', '));
  });

  it('runs as a real process', () => {
    const root = history();
    const r = kamProcess(['diff', 'HEAD~1', '--format', 'json'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.renamed).toBe(1);
    const outside = kamProcess(['diff'], { cwd: tempWorkspace({}) });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^kam: not a git repository: .+\n$/);
  });
});
