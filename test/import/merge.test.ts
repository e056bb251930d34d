import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readTable } from '../../src/import/csv.js';
import { exportKind, parseDate, planEntries } from '../../src/import/entries.js';
import { levelOf } from '../../src/import/levels.js';
import { assignIds, compare, describeChange, editText } from '../../src/import/merge.js';
import { stageOf } from '../../src/import/stages.js';
import { pathSegments, resolveTarget, setIn } from '../../src/import/target.js';
import { personName, readUsers } from '../../src/import/users.js';

const table = (text: string) => readTable(new TextEncoder().encode(text), 'test.csv');

describe('compare', () => {
  it('adds what the file lacks, reports what differs, and leaves alone what the export does not fill', () => {
    const file = { name: 'A', team: { account_lead: 'Mine' }, assessment: { relationship: 'good' } };
    const changes = compare(file, { name: 'A', team: { account_lead: 'Theirs', sales_manager: 'X' }, industry: 'Retail' });
    expect(changes).toEqual([
      { path: ['team', 'account_lead'], kind: 'differ', from: 'Mine', to: 'Theirs' },
      { path: ['team', 'sales_manager'], kind: 'add', to: 'X' },
      { path: ['industry'], kind: 'add', to: 'Retail' },
    ]);
    expect(changes.flatMap(describeChange)).toEqual(['team.account_lead: "Mine" in the file, "Theirs" in the export', 'team.sales_manager: "X" added', 'industry: "Retail" added']);
  });

  it('matches entries by their Salesforce id, in 15 or 18 characters, wherever they stand; new ones are appended', () => {
    const file = { contacts: [{ name: 'Mine', role: 'user' }, { name: 'Lena', 'x-crm': { Id: '003Ec00000Cn2AAIAZ' } }] };
    const changes = compare(file, { contacts: [{ name: 'Lena W', 'x-crm': { Id: '003Ec00000Cn2AA' } }, { name: 'New', 'x-crm': { Id: '003Ec00000Cn9AA' } }] });
    expect(changes).toEqual([
      { path: ['contacts', 1, 'name'], kind: 'differ', from: 'Lena', to: 'Lena W' },
      { path: ['contacts', 1, 'x-crm', 'Id'], kind: 'differ', from: '003Ec00000Cn2AAIAZ', to: '003Ec00000Cn2AA' },
      { path: ['contacts'], kind: 'add', append: true, to: { name: 'New', 'x-crm': { Id: '003Ec00000Cn9AA' } } },
    ]);
  });

  it('finds nothing to do when the file holds the export', () => {
    const data = { name: 'A', financials: { revenue: { 2025: 5 } }, contacts: [{ name: 'P', 'x-crm': { Id: '003A' } }], 'x-crm': { Id: '001A' } };
    expect(compare(structuredClone(data), data)).toEqual([]);
  });
});

describe('editText', () => {
  const text = '# mine\nid: a\nname: A  # the name\nteam:\n  account_lead: X  # keep\n# a note\ncontacts:\n  - name: P\n    role: user  # important\n    x-crm:\n      Id: "003A"\nfinancials: { revenue: { 2024: 1 } }\n';

  it('changes values where they stand and inserts new ones, keeping every other character', () => {
    const wanted = { team: { account_lead: 'Y', sales_manager: 'Z' }, contacts: [{ name: 'P2', 'x-crm': { Id: '003A' } }, { name: 'Q', 'x-crm': { Id: '003B' } }], financials: { revenue: { 2025: 5 } }, industry: 'Retail' };
    const out = editText(text, compare(parse(text), wanted));
    expect(out).toBe(
      '# mine\nid: a\nname: A  # the name\nteam:\n  account_lead: Y  # keep\n  sales_manager: Z\n# a note\ncontacts:\n  - name: P2\n    role: user  # important\n    x-crm:\n      Id: "003A"\n  - name: Q\n    x-crm:\n      Id: 003B\nfinancials: { revenue: { 2024: 1, 2025: 5 } }\nindustry: Retail\n',
    );
  });

  it('fills an empty key and an empty flow list', () => {
    const out = editText('id: a\nname: A\nteam:\nopportunities: []\n', compare({ id: 'a', name: 'A', team: null, opportunities: [] }, { team: { account_lead: 'Y' }, opportunities: [{ name: 'D' }] }));
    expect(parse(out)).toEqual({ id: 'a', name: 'A', team: { account_lead: 'Y' }, opportunities: [{ name: 'D' }] });
  });

  it('gives the data the changes describe, and keeps the lines it did not change (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z ,:'#-]{0,12}$/);
    fc.assert(
      fc.property(fc.record({ lead: word, title: word, newTitle: word, extra: word, names: fc.array(word, { maxLength: 3 }) }), ({ lead, title, newTitle, extra, names }) => {
        const source = `id: a\nname: A\nteam:\n  account_lead: ${JSON.stringify(lead)}  # keep\ncontacts:\n  - name: P\n    title: ${JSON.stringify(title)}\n    x-crm: { Id: "003A" }\n`;
        const wanted = {
          team: { account_lead: lead, sales_manager: extra },
          contacts: [{ name: 'P', title: newTitle, 'x-crm': { Id: '003A' } }, ...names.map((n, i) => ({ name: n, 'x-crm': { Id: `003N${i}` } }))],
        };
        const out = editText(source, compare(parse(source), wanted));
        const data = parse(out);
        expect(data.team).toEqual({ account_lead: lead, sales_manager: extra });
        expect(data.contacts).toEqual(wanted.contacts);
        expect(out).toContain(`  account_lead: ${JSON.stringify(lead)}  # keep\n`);
        expect(compare(data, wanted)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('assignIds', () => {
  it('finds files by Salesforce id first, then by slug where no other id claims the file', () => {
    const files = [
      { id: 'acme', crmId: '001A00000000001' },
      { id: 'acme-2', crmId: '001A00000000002' },
      { id: 'globex' },
    ];
    const rows = [
      { base: 'acme', recordId: '001A00000000002AAA' },
      { base: 'acme', recordId: '001A00000000003' },
      { base: 'globex', recordId: '001A00000000004' },
      { base: 'acme' },
    ];
    expect(assignIds(rows, files)).toEqual([
      { id: 'acme-2', exists: true },
      { id: 'acme-3', exists: false },
      { id: 'globex', exists: true },
      { id: 'acme', exists: true },
    ]);
  });
});

describe('Salesforce exports', () => {
  it('are told apart by their headers', () => {
    expect(exportKind(['Id', 'AccountId', 'FirstName', 'LastName', 'Title', 'Email'])).toBe('contact');
    expect(exportKind(['Contact ID', 'Account ID', 'First Name', 'Last Name', 'Email'])).toBe('contact');
    expect(exportKind(['Id', 'AccountId', 'Name', 'StageName', 'Amount', 'CloseDate'])).toBe('opportunity');
    expect(exportKind(['Id', 'Username', 'LastName', 'FirstName', 'Name', 'Email'])).toBe('user');
    expect(exportKind(['Id', 'Name', 'BillingCity', 'Rating'])).toBe('account');
    expect(exportKind(['Company Name', 'Contact Name', 'Contact Title'])).toBe('account');
  });

  it('map stages: the standard ones, then IsClosed/IsWon, then words; else none', () => {
    expect(stageOf('Proposal/Price Quote')).toBe('proposal');
    expect(stageOf('negotiation/review')).toBe('negotiation');
    expect(stageOf('Id. Decision Makers')).toBe('qualified');
    expect(stageOf('Dead - No Budget', { closed: true, won: false })).toBe('lost');
    expect(stageOf('Signed', { closed: true, won: true })).toBe('won');
    expect(stageOf('报价中')).toBe('proposal');
    expect(stageOf('Verbal Commit', { closed: false })).toBeUndefined();
  });

  it.each([
    ['CEO', 'executive'], ['SVP, Operations', 'executive'], ['Regional General Manager', 'executive'], ['总经理', 'executive'], ['副总裁', 'executive'],
    ['Director, Purchasing', 'manager'], ['采购总监', 'manager'], ['销售经理', 'manager'], ['Assistant Vice President', 'manager'],
    ['Assistant to the CEO', 'operational'], ['总经理助理', 'operational'], ['Buyer', 'operational'], ['采购工程师', 'operational'],
    ['Receptionist', undefined], ['', undefined], ['Prevp', undefined],
  ])('title %j is level %j', (title, level) => {
    expect(levelOf(title)).toBe(level);
  });

  it.each([
    ['2027-03-31', '2027-03-31'], ['2027-03-31T00:00:00.000Z', '2027-03-31'], ['2027/3/31', '2027-03-31'], ['31.03.2027', '2027-03-31'],
    ['3/31/2027', '2027-03-31'], ['31/3/2027', '2027-03-31'], ['4/4/2027', '2027-04-04'], ['4/5/2027', undefined], ['2027-02-30', undefined], ['soon', undefined],
  ])('date %j is %j', (cell, date) => {
    expect(parseDate(cell)).toBe(date);
  });

  it('joins Chinese names without a space, others with one', () => {
    expect(personName('磊', '王')).toBe('王磊');
    expect(personName('Lei', 'Wang')).toBe('Lei Wang');
    expect(personName(undefined, '王 磊')).toBe('王磊');
    expect(personName(undefined, 'Anna Schmidt')).toBe('Anna Schmidt');
    expect(personName('', '')).toBeUndefined();
  });

  it('read a User export, and refuse another table as one', () => {
    const users = readUsers(table('Id,Username,LastName,FirstName\n005Ec000004oBPOIA2,w@x,王,磊\n'), 'u.csv');
    expect(users.get('005Ec000004oBPO')).toBe('王磊');
    expect(() => readUsers(table('Id,Name\n1,A\n'), 'u.csv')).toThrow(/not a Salesforce User export/);
  });

  it('give contacts with no name, no account or a deleted flag no entry, and say why', () => {
    const plan = planEntries(table('Id,AccountId,FirstName,LastName,Title,IsDeleted\n1,001A,Lei,Wang,VP Sales,false\n2,,A,B,,false\n3,001A,,,CEO,false\n4,001A,C,D,,true\n'), 'contacts');
    expect(plan.entries.map((e) => e.data)).toEqual([{ name: 'Lei Wang', title: 'VP Sales', level: 'executive', 'x-crm': { Id: '1' } }]);
    expect(plan.notes.map((n) => [n.row, n.message])).toEqual([
      [3, 'skipped: no AccountId'],
      [4, 'skipped: no contact name'],
      [5, 'skipped: deleted in Salesforce (IsDeleted)'],
    ]);
    expect(plan.counts.deleted).toBe(1);
  });
});

describe('field paths', () => {
  it('parse list paths and refuse prototype keys', () => {
    expect(pathSegments('contacts[0].name')).toEqual(['contacts', 0, 'name']);
    expect(pathSegments('plan.actions[2].task')).toEqual(['plan', 'actions', 2, 'task']);
    for (const bad of ['__proto__', 'x-crm.__proto__', 'contacts[0].constructor', 'prototype.x', 'toString']) {
      const target = resolveTarget(bad);
      expect(target).toHaveProperty('problem');
    }
  });

  it('never reach a prototype when setting values', () => {
    const root: Record<string, unknown> = {};
    setIn(root, ['contacts', 0, 'name'], 'P');
    setIn(root, ['x-crm', 'hasOwnProperty'], 'v');
    expect(root).toEqual({ contacts: [{ name: 'P' }], 'x-crm': { hasOwnProperty: 'v' } });
    expect(() => setIn(root, ['__proto__', 'polluted'], 'yes')).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('headers that are prototype keys', () => {
  it('are kept under x-crm as `<name> (column)` and pollute nothing', async () => {
    const { planImport } = await import('../../src/import/plan.js');
    const plan = planImport(table('Name,__proto__,constructor\nA,x,y\n'));
    const crm = plan.accounts[0].data['x-crm'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(crm)).toBe(Object.prototype);
    expect(Object.keys(crm)).toEqual(['__proto__ (column)', 'constructor (column)']);
    expect(crm['__proto__ (column)']).toBe('x');
    const entries = planEntries(table('AccountId,FirstName,LastName,Email,__proto__\n001A,A,B,a@b,x\n'), 'contacts');
    expect((entries.entries[0].data['x-crm'] as Record<string, unknown>)['__proto__ (column)']).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
