import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountFile } from '../../src/authoring/account-template.js';
import { loadDoc } from '../../src/load/workspace.js';
import { readTable } from '../../src/import/csv.js';
import { planImport } from '../../src/import/plan.js';
import { normaliseColumn, recogniseColumn, salesforceFields } from '../../src/import/salesforce.js';
import { firstSlug, slugify, uniqueIds } from '../../src/import/slug.js';
import { resolveTarget, setIn } from '../../src/import/target.js';
import { Users } from '../../src/import/users.js';

const table = (text: string) => readTable(new TextEncoder().encode(text), 'test.csv');

describe('slugs', () => {
  it.each([
    ['Acme Corporation', 'acme-corporation'],
    ['  Hooli, Inc.  ', 'hooli-inc'],
    ['Müller & Söhne GmbH', 'muller-sohne-gmbh'],
    ['ＡＢＣ　Ｌｔｄ', 'abc-ltd'],
    ['宁川电池 Battery Co.', 'ningchuan-dianchi-battery-co'],
    ['宁川电池', 'ningchuan-dianchi'],
    ["Let's Stop N Shop", 'lets-stop-n-shop'],
    ['Bon app’', 'bon-app'],
    ['A.B.C. Trading', 'abc-trading'],
    ['华泰精密', 'huatai-jingmi'],
    ['中石化', 'zhongshihua'],
    ['华', 'hua'],
    ['重庆长安汽车', 'chongqing-changan-qiche'],
    ['绿色ABC公司', 'lvse-abc-gongsi'],
    ['Ресурс', ''],
    ['--', ''],
    ['a'.repeat(30) + ' ' + 'b'.repeat(40), 'a'.repeat(30)],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('falls back from the name to the CRM id to account-<row>', () => {
    expect(firstSlug(['Ресурс', '001A0003'], 'account-4')).toBe('001a0003');
    expect(firstSlug(['Ресурс', undefined], 'account-4')).toBe('account-4');
  });

  it('numbers repeats in order, around names that already end in a number', () => {
    expect(uniqueIds(['acme', 'acme', 'acme-2', 'acme', 'globex'])).toEqual(['acme', 'acme-2', 'acme-2-2', 'acme-3', 'globex']);
  });
});

describe('the Salesforce field table', () => {
  it('gives every column name exactly one meaning', () => {
    const meanings = new Map<string, Set<string>>();
    for (const f of salesforceFields) for (const name of [f.api, ...f.labels]) meanings.set(normaliseColumn(name), (meanings.get(normaliseColumn(name)) ?? new Set()).add(f.api));
    expect([...meanings].filter(([, apis]) => apis.size > 1)).toEqual([]);
  });

  it('recognises API names and report labels whatever their case and punctuation', () => {
    expect(recogniseColumn('Billing State/Province')?.api).toBe('BillingState');
    expect(recogniseColumn('billing_state')?.api).toBe('BillingState');
    expect(recogniseColumn('ACCOUNT NAME')?.api).toBe('Name');
    expect(recogniseColumn('Owner.Name')?.api).toBe('Owner');
    expect(recogniseColumn('Total Sales')).toBeUndefined();
  });

  it('targets only fields the account schema has', () => {
    for (const field of salesforceFields) if (field.target) expect(resolveTarget(field.target)).not.toHaveProperty('problem');
  });
});

describe('planImport', () => {
  it("prefers the owner's name to the owner's id, row by row; an id alone never becomes a name", () => {
    const plan = planImport(table('Name,OwnerId,Account Owner\nA,005Ec000004oBPNIA2,Wang Lei\nB,005Ec000004oBPOIA2,\nC,,005Ec000004oBPOIA2\n'));
    expect(plan.accounts.map((a) => a.data)).toEqual([
      { id: 'a', name: 'A', team: { account_lead: 'Wang Lei' }, 'x-crm': { OwnerId: '005Ec000004oBPNIA2' } },
      { id: 'b', name: 'B', 'x-crm': { OwnerId: '005Ec000004oBPOIA2' } },
      { id: 'c', name: 'C', 'x-crm': { Owner: '005Ec000004oBPOIA2' } },
    ]);
    expect(plan.counts.ownersMissing).toBe(2);
  });

  it('names owners from a User export, by the 15- or the 18-character id', () => {
    const users = new Users();
    users.set('005Ec000004oBPOIA2', '王磊');
    const plan = planImport(table('Name,OwnerId\nB,005Ec000004oBPO\n'), [], { users });
    expect(plan.accounts[0].data).toEqual({ id: 'b', name: 'B', team: { account_lead: '王磊' }, 'x-crm': { OwnerId: '005Ec000004oBPO' } });
    expect(plan.counts.ownersMissing).toBe(0);
  });

  it('takes Rating (Hot, Warm, Cold) as the attractiveness and nothing else; another rating stays under x-crm', () => {
    const plan = planImport(table('Name,Rating\nA,Hot\nB,warm\nC,Cold\nD,Very Hot\nE,\n'));
    expect(plan.accounts.map((a) => a.data)).toEqual([
      { id: 'a', name: 'A', assessment: { attractiveness: 'high' } },
      { id: 'b', name: 'B', assessment: { attractiveness: 'medium' } },
      { id: 'c', name: 'C', assessment: { attractiveness: 'low' } },
      { id: 'd', name: 'D', 'x-crm': { Rating: 'Very Hot' } },
      { id: 'e', name: 'E' },
    ]);
  });

  it('skips and counts rows Salesforce marks deleted, leaves out system stamps, counts currencies', () => {
    const plan = planImport(table('Id,IsDeleted,Name,CurrencyIsoCode,SystemModstamp,LastViewedDate\n1,false,A,EUR,x,y\n2,true,B,EUR,x,y\n3,1,C,USD,x,y\n4,,D,usd,x,y\n'), [], { currency: 'EUR' });
    expect(plan.accounts.map((a) => a.data)).toEqual([
      { id: 'a', name: 'A', 'x-crm': { Id: '1' } },
      { id: 'd', name: 'D', currency: 'USD', 'x-crm': { Id: '4' } },
    ]);
    expect(plan.counts).toMatchObject({ deleted: 2, currencies: { EUR: 1, USD: 1 } });
    expect(plan.notes).toEqual([
      { row: 3, message: 'skipped: deleted in Salesforce (IsDeleted)' },
      { row: 4, message: 'skipped: deleted in Salesforce (IsDeleted)' },
    ]);
  });

  it('fills entries of lists from list paths, a level from the title, and leaves out an entry without its required name', () => {
    const plan = planImport(table('Company,Contact Name,Contact Title,Second,Deal,Deal Value\nA,Maria Anders,Owner,Ana Trujillo,Refit,"1,200"\nB,,Sales Manager,,,\n'), [
      'Company=name', 'Contact Name=contacts[0].name', 'Contact Title=contacts[0].title', 'Second=contacts[1].name', 'Deal=opportunities[0].name', 'Deal Value=opportunities[0].value',
    ]);
    expect(plan.accounts.map((a) => a.data)).toEqual([
      { id: 'a', name: 'A', contacts: [{ name: 'Maria Anders', title: 'Owner', level: 'executive' }, { name: 'Ana Trujillo' }], opportunities: [{ name: 'Refit', value: 1200 }] },
      { id: 'b', name: 'B', 'x-crm': { 'Contact Title': 'Sales Manager' } },
    ]);
    expect(plan.notes).toEqual([{ row: 3, message: 'contacts[0] left out: name is required; its cells are kept under x-crm' }]);
  });

  it('lets --map take a field from a recognised column, which then goes to x-crm', () => {
    const plan = planImport(table('Account Name,Legal Name\nAcme,Acme Holding AG\n'), ['Legal Name=name']);
    expect(plan.accounts[0].data).toEqual({ id: 'acme-holding-ag', name: 'Acme Holding AG', 'x-crm': { Name: 'Acme' } });
  });

  it('matches --map columns loosely when the exact name is not there', () => {
    const plan = planImport(table('Name,TOTAL_SALES\nAcme,"1,000"\n'), ['Total Sales=financials.wallet']);
    expect(plan.accounts[0].data).toEqual({ id: 'acme', name: 'Acme', financials: { wallet: 1000 } });
  });

  it('converts cells to the kind of their field, keeping what does not fit under x-crm with a note', () => {
    const plan = planImport(
      table('Name,Attr,Competitor Fit,Reviewed,Share\nAcme,High,Yes,2026-02-30,15%\nGlobex,very high,no,2026-10-12,abc\n'),
      ['Attr=assessment.attractiveness', 'Competitor Fit=self.meets_criteria', 'Reviewed=reviewed', 'Share=team.effort_share'],
    );
    expect(plan.accounts.map((a) => a.data)).toEqual([
      { id: 'acme', name: 'Acme', team: { effort_share: 0.15 }, assessment: { attractiveness: 'high' }, self: { meets_criteria: true }, 'x-crm': { Reviewed: '2026-02-30' } },
      { id: 'globex', name: 'Globex', reviewed: '2026-10-12', self: { meets_criteria: false }, 'x-crm': { Attr: 'very high', Share: 'abc' } },
    ]);
    expect(plan.notes).toEqual([
      { row: 2, message: 'column "Reviewed": "2026-02-30" does not fit reviewed (must be a real calendar date written YYYY-MM-DD): kept under x-crm' },
      { row: 3, message: 'column "Attr": "very high" does not fit assessment.attractiveness (is not one of high, medium, low): kept under x-crm' },
      { row: 3, message: 'column "Share": "abc" does not fit team.effort_share (is not a number): kept under x-crm' },
    ]);
  });

  it('skips rows without a name and rows whose field count differs from the header, saying so', () => {
    const plan = planImport(table('Name,Industry\n,Energy\nAcme\n"Globex",Auto,extra\nHooli,Software\n'));
    expect(plan.accounts.map((a) => a.id)).toEqual(['hooli']);
    expect(plan.notes).toEqual([
      { row: 2, message: 'skipped: no account name' },
      { row: 3, message: 'skipped: it has 1 field, the header has 2' },
      { row: 4, message: 'skipped: it has 3 fields, the header has 2' },
    ]);
  });

  it('numbers rows as a spreadsheet does: blank lines count, line breaks inside a field do not', () => {
    const plan = planImport(table('Name,Note\n\n"A","line 1\nline 2"\n\nB,x\n'));
    expect(plan.accounts.map((a) => [a.row, a.id])).toEqual([[3, 'a'], [5, 'b']]);
  });

  it('names empty and repeated header cells so no value is lost', () => {
    const plan = planImport(table('Name,,Tag,Tag\nAcme,a,b,c\n'));
    expect(plan.accounts[0].data['x-crm']).toEqual({ 'column 2': 'a', Tag: 'b', 'Tag (2)': 'c' });
  });

  it('keeps a one-column file whole (no footer detection without columns to tell)', () => {
    const plan = planImport(table('Name\nAcme\n\nGlobex\n'));
    expect(plan.accounts.map((a) => a.id)).toEqual(['acme', 'globex']);
  });
});

describe('any export', () => {
  const quoteCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const cellText = fc.string({ unit: 'grapheme', maxLength: 30 });

  it('gives valid files with unique ids that keep every name (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cellText, cellText, fc.option(fc.integer({ min: 0, max: 1e12 }))), { minLength: 1, maxLength: 12 }), (records) => {
        const lines = ['Account Name,Industry,Total Sales', ...records.map(([name, industry, sales]) => [name, industry, sales === null ? '' : sales.toLocaleString('en-US')].map(quoteCell).join(','))];
        const plan = planImport(table(`\uFEFF${lines.join('\r\n')}\r\n`), ['Total Sales=financials.revenue.2025']);
        const expected = records.map(([name]) => name.replace(/\r\n?/g, '\n').trim()).filter((n) => n !== '');
        expect(plan.accounts.map((a) => a.data.name)).toEqual(expected);
        expect(new Set(plan.accounts.map((a) => a.id)).size).toBe(plan.accounts.length);
        for (const { id, data } of plan.accounts) {
          expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
          const doc = loadDoc('account', `accounts/${id}.yaml`, { text: accountFile(data, '# modeline') });
          expect(doc.findings).toEqual([]);
          expect(doc.data).toEqual(data);
        }
      }),
      { numRuns: 200 },
    );
  });
});
