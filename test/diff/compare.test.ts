import { describe, expect, it } from 'vitest';
import type { DiffAnalysis, Analyse } from '../../src/diff/analysis.js';
import { analysisDelta } from '../../src/diff/analysis.js';
import { accountChanges, compareWorkspaces } from '../../src/diff/compare.js';
import { diffFields } from '../../src/diff/fields.js';
import type { AccountDiff, WorkspaceDiff } from '../../src/diff/model.js';
import { selectWorkspaceFiles } from '../../src/load/workspace.js';
import { loadWorkspace, type Workspace } from '../../src/load/workspace.js';
import type { Account } from '../../src/schema/account.js';

/** A workspace held in memory: file → text. */
const ws = (files: Record<string, string>): Workspace =>
  loadWorkspace('/in-memory', { list: selectWorkspaceFiles(Object.keys(files)), read: (f) => ({ text: files[f] }) });

const sides = { base: { revision: 'HEAD', commit: 'a'.repeat(40) }, head: { revision: null, commit: null } };
const compare = (a: Record<string, string>, b: Record<string, string>, analyse?: Analyse): WorkspaceDiff =>
  compareWorkspaces(ws(a), ws(b), { ...sides, analyse, today: '2026-11-01' });

const account = (over: Partial<Account> = {}): Account => ({
  id: 'initech',
  name: '英泰科技',
  financials: { revenue: { '2024': 100, '2025': 120 }, margin: 0.28 },
  customer: { swot: { strengths: ['s1'], weaknesses: ['w1'], opportunities: ['o1'], threats: ['t1', 't2'] } },
  contacts: [
    { name: '李总', level: 'executive', attitude: 'supporter' },
    { name: '王工', level: 'manager' },
  ],
  plan: {
    summary: 'grow',
    objectives: [
      { id: 'grow-share', text: 'Raise share to 45%', target: 0.45, due: '2026-12-31' },
      { text: 'Win line 3', due: '2027-03-31' },
    ],
    actions: [
      { task: 'Workshop', owner: '陈静', due: '2026-11-30', status: 'in_progress' },
      { task: 'Site visit', owner: '陈静', due: '2026-12-15', status: 'planned' },
      { task: 'Price review', owner: '孙明', due: '2026-10-01', status: 'done' },
      { task: 'Old idea', status: 'planned' },
    ],
  },
  ...over,
});

describe('accountChanges', () => {
  it('finds nothing between equal accounts', () => {
    const c = accountChanges(account(), account());
    expect(c).toEqual({
      objectives: { added: [], removed: [], redated: [] },
      actions: { added: [], removed: [], closed: [], reopened: [], redated: [], reassigned: [] },
      contacts: { added: [], removed: [] },
      swot: {},
      fields: [],
    });
  });

  it('reports actions closed, reopened, re-dated, re-assigned, added and removed, matched by task', () => {
    const base = account();
    const head = account({
      plan: {
        ...base.plan,
        actions: [
          { task: 'Workshop', owner: '陈静', due: '2026-11-30', status: 'done' },
          { task: 'Site visit', owner: '王磊', due: '2027-01-15', status: 'in_progress' },
          { task: 'Price review', owner: '孙明', due: '2026-10-01', status: 'planned' },
          { task: 'Call the buyer', owner: '王磊', due: '2026-11-20' },
        ],
      },
    });
    const c = accountChanges(base, head);
    expect(c.actions).toEqual({
      added: [{ task: 'Call the buyer', owner: '王磊', due: '2026-11-20', status: null }],
      removed: [{ task: 'Old idea', owner: null, due: null, status: 'planned' }],
      closed: [{ task: 'Workshop', from: 'in_progress', to: 'done' }],
      reopened: [{ task: 'Price review', from: 'done', to: 'planned' }],
      redated: [{ task: 'Site visit', from: '2026-12-15', to: '2027-01-15' }],
      reassigned: [{ task: 'Site visit', from: '陈静', to: '王磊' }],
    });
    // a status change that is neither a close nor a reopen stays a field change; the others do not repeat
    expect(c.fields).toEqual([{ kind: 'value', path: 'plan.actions[Site visit].status', from: 'planned', to: 'in_progress' }]);
  });

  it('matches objectives by id, else by text', () => {
    const base = account();
    const head = account({
      plan: {
        ...base.plan,
        objectives: [
          { id: 'grow-share', text: 'Raise share to 50%', target: 0.5, due: '2027-06-30' },
          { text: 'Win line 4', due: '2027-03-31' },
        ],
      },
    });
    const c = accountChanges(base, head);
    expect(c.objectives).toEqual({
      added: [{ key: 'Win line 4', text: 'Win line 4', due: '2027-03-31' }],
      removed: [{ key: 'Win line 3', text: 'Win line 3', due: '2027-03-31' }],
      redated: [{ key: 'grow-share', text: 'Raise share to 50%', from: '2026-12-31', to: '2027-06-30' }],
    });
    expect(c.fields).toEqual([
      { kind: 'value', path: 'plan.objectives[grow-share].target', from: 0.45, to: 0.5 },
      { kind: 'value', path: 'plan.objectives[grow-share].text', from: 'Raise share to 45%', to: 'Raise share to 50%' },
    ]);
  });

  it('reports contacts added and removed by name, and their other changes as fields', () => {
    const head = account({ contacts: [{ name: '李总', level: 'executive', attitude: 'champion' }, { name: '赵总', level: 'executive' }] });
    const c = accountChanges(account(), head);
    expect(c.contacts).toEqual({ added: ['赵总'], removed: ['王工'] });
    expect(c.fields).toEqual([{ kind: 'value', path: 'contacts[李总].attitude', from: 'supporter', to: 'champion' }]);
  });

  it('reports SWOT items added and removed per list', () => {
    const head = account({ customer: { swot: { strengths: ['s1', 's2'], weaknesses: ['w1'], opportunities: [], threats: ['t2'] } } });
    const c = accountChanges(account(), head);
    expect(c.swot).toEqual({ strengths: { added: ['s2'], removed: [] }, opportunities: { added: [], removed: ['o1'] }, threats: { added: [], removed: ['t1'] } });
    expect(c.fields).toEqual([]);
  });

  it('reports every other leaf as path: old -> new, lists of values as items, sorted by path', () => {
    const head = account({
      name: '英泰科技有限公司',
      region: 'East China',
      financials: { revenue: { '2024': 100, '2025': 130, '2026': 10 }, margin: 0.3 },
      opportunities: [{ name: 'Line 3', stage: 'proposal' }],
      customer: { ...account().customer, structure: { selection_criteria: ['price', 'service'] } },
    });
    const base = account({ opportunities: [{ name: 'Line 2', stage: 'won' }, { name: 'Line 3', stage: 'qualified' }] });
    expect(accountChanges(base, head).fields).toEqual([
      { kind: 'items', path: 'customer.structure.selection_criteria', added: ['price', 'service'], removed: [] },
      { kind: 'value', path: 'financials.margin', from: 0.28, to: 0.3 },
      { kind: 'value', path: 'financials.revenue.2025', from: 120, to: 130 },
      { kind: 'value', path: 'financials.revenue.2026', from: null, to: 10 },
      { kind: 'value', path: 'name', from: '英泰科技', to: '英泰科技有限公司' },
      { kind: 'entry', path: 'opportunities[Line 2]', change: 'removed', value: { name: 'Line 2', stage: 'won' } },
      { kind: 'value', path: 'opportunities[Line 3].stage', from: 'qualified', to: 'proposal' },
      { kind: 'value', path: 'region', from: null, to: 'East China' },
    ]);
  });
});

describe('diffFields', () => {
  it('ignores the order of list items and tells duplicate keys apart', () => {
    expect(diffFields({ tags: ['a', 'b'] }, { tags: ['b', 'a'] })).toEqual([]);
    expect(diffFields({ tags: ['a', 'a'] }, { tags: ['a'] })).toEqual([{ kind: 'items', path: 'tags', added: [], removed: ['a'] }]);
    const keys = { list: (e: Record<string, unknown>) => e.task };
    expect(diffFields({ list: [{ task: 'x', n: 1 }, { task: 'x', n: 2 }] }, { list: [{ task: 'x', n: 1 }, { task: 'x', n: 3 }] }, { keys })).toEqual([
      { kind: 'value', path: 'list[x #2].n', from: 2, to: 3 },
    ]);
    expect(diffFields({ list: [{ n: 1 }] }, { list: [{ n: 2 }] })).toEqual([{ kind: 'value', path: 'list[0].n', from: 1, to: 2 }]);
  });
});

const file = (id: string, name: string, extra = '') => `id: ${id}\nname: ${name}\n${extra}`;

describe('compareWorkspaces', () => {
  it('reports accounts added, removed, renamed (same name, new id) and changed, sorted by id', () => {
    const d = compare(
      { 'accounts/old.yaml': file('old', 'Old Co'), 'accounts/foo.yaml': file('foo', 'Foo Ltd', 'region: A\n'), 'accounts/same.yaml': file('same', 'Same'), 'accounts/edit.yaml': file('edit', 'Edit', 'region: A\n') },
      { 'accounts/new.yaml': file('new', 'New Co'), 'accounts/foo-ltd.yaml': file('foo-ltd', 'Foo Ltd', 'region: B\n'), 'accounts/same.yaml': file('same', 'Same'), 'accounts/edit.yaml': file('edit', 'Edit', 'region: B\n') },
    );
    expect(d.summary).toEqual({ added: 1, removed: 1, renamed: 1, changed: 1, files: 0, skipped: 0 });
    expect(d.accounts.map((a) => [a.kind, a.account.id])).toEqual([
      ['changed', 'edit'],
      ['renamed', 'foo-ltd'],
      ['added', 'new'],
      ['removed', 'old'],
    ]);
    const renamed = d.accounts[1] as Extract<AccountDiff, { kind: 'renamed' }>;
    expect(renamed.base).toEqual({ id: 'foo', name: 'Foo Ltd', file: 'accounts/foo.yaml' });
    expect(renamed.changes.fields).toEqual([{ kind: 'value', path: 'region', from: 'A', to: 'B' }]);
    expect(d.analysed).toBe(false);
    expect(d.accounts.every((a) => a.analysis === undefined)).toBe(true);
  });

  it('does not pair accounts when the name is ambiguous', () => {
    const d = compare({ 'accounts/a.yaml': file('a', 'Same'), 'accounts/b.yaml': file('b', 'Same') }, { 'accounts/c.yaml': file('c', 'Same') });
    expect(d.accounts.map((a) => a.kind)).toEqual(['removed', 'removed', 'added']);
  });

  it('does not compare invalid account files but lists them', () => {
    const d = compare(
      { 'accounts/a.yaml': file('a', 'A'), 'accounts/b.yaml': 'id: b\nname: [\n', 'accounts/c.yaml': file('c', 'C', 'bogus: 1\n') },
      { 'accounts/a.yaml': 'id: a\nname: 5\n', 'accounts/b.yaml': file('b', 'B'), 'accounts/c.yaml': file('c', 'C', 'bogus: 1\n') },
    );
    expect(d.accounts).toEqual([]);
    expect(d.skipped).toEqual([
      { file: 'accounts/a.yaml', side: 'head' },
      { file: 'accounts/b.yaml', side: 'base' },
    ]);
  });

  it('reports changes to kam.yaml, self.yaml and competitors as field changes', () => {
    const d = compare(
      { 'kam.yaml': 'version: 1\ncurrency: CNY\n', 'competitors/globex.yaml': 'id: globex\nname: Globex\nstrengths: [price]\n', 'competitors/old.yaml': 'id: old\nname: Old\n' },
      { 'kam.yaml': 'version: 1\ncurrency: EUR\n', 'competitors/globex.yaml': 'id: globex\nname: Globex\nstrengths: [price, service]\n', 'self.yaml': 'name: Us\n' },
    );
    expect(d.files).toEqual([
      { file: 'competitors/globex.yaml', change: 'changed', fields: [{ kind: 'items', path: 'strengths', added: ['service'], removed: [] }] },
      { file: 'competitors/old.yaml', change: 'removed', fields: [] },
      { file: 'kam.yaml', change: 'changed', fields: [{ kind: 'value', path: 'currency', from: 'CNY', to: 'EUR' }] },
      { file: 'self.yaml', change: 'added', fields: [] },
    ]);
  });

  describe('the analysis hook', () => {
    const analysis = (over: Partial<DiffAnalysis> = {}): DiffAnalysis => ({
      tier: 'ordinary',
      abc: 'B',
      segment: 'standard',
      quadrant: 'status',
      scores: { attractiveness: 50, relationship: 60, value: 40, composite: 48.04 },
      risk: { level: 'low', reasons: [{ rule: 'risk/executive', message: 'no executive contact' }] },
      ...over,
    });
    /** Analysis read from `x-` keys, so a test can steer it from the files. */
    const fake: Analyse = (w) =>
      new Map(
        w.accounts.map((d) => {
          const raw = d.raw as Record<string, unknown>;
          return [d.id!, analysis((raw['x-analysis'] as Partial<DiffAnalysis>) ?? {})];
        }),
      );

    it('adds class, score and risk deltas, even to accounts whose files did not change', () => {
      const d = compare(
        { 'accounts/a.yaml': file('a', 'A'), 'accounts/b.yaml': file('b', 'B'), 'accounts/gone.yaml': file('gone', 'Gone') },
        {
          'accounts/a.yaml': file('a', 'A', 'x-analysis: { tier: key, scores: { attractiveness: 50, relationship: 60, value: 40, composite: 66.01 }, risk: { level: high, reasons: [{ rule: risk/price, message: above market }] } }\n'),
          'accounts/b.yaml': file('b', 'B'),
          'accounts/new.yaml': file('new', 'New'),
        },
        fake,
      );
      expect(d.analysed).toBe(true);
      expect(d.accounts.map((a) => [a.kind, a.account.id])).toEqual([['changed', 'a'], ['removed', 'gone'], ['added', 'new']]);
      expect(d.accounts[0].analysis).toEqual({
        classes: [{ name: 'tier', from: 'ordinary', to: 'key' }],
        scores: [{ name: 'composite', from: 48, to: 66, delta: 18 }],
        risk: { from: 'low', to: 'high', appeared: [{ rule: 'risk/price', message: 'above market' }], went: [{ rule: 'risk/executive', message: 'no executive contact' }] },
      });
      expect(d.accounts[2].analysis?.classes[0]).toEqual({ name: 'tier', from: null, to: 'ordinary' });
      // a removed account shows its headline only: tier, composite score, risk level
      expect(d.accounts[1].analysis?.risk).toEqual({ from: 'low', to: null, appeared: [], went: [] });
      expect(d.accounts[1].analysis?.classes.map((c) => c.name)).toEqual(['tier']);
    });

    it('gives no delta when nothing changed, compared at one decimal', () => {
      expect(analysisDelta(analysis(), analysis({ scores: { attractiveness: 50.04, relationship: 60, value: 40, composite: 48 } }))).toBeUndefined();
      expect(analysisDelta(undefined, undefined)).toBeUndefined();
    });
  });
});
