import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountFile } from '../../src/authoring/account-template.js';
import { loadDoc } from '../../src/load/workspace.js';
import { readTable } from '../../src/import/csv.js';
import { planImport } from '../../src/import/plan.js';
import { normaliseColumn, recogniseColumn, salesforceFields } from '../../src/import/salesforce.js';
import { firstSlug, slugify, uniqueIds } from '../../src/import/slug.js';
import { resolveTarget } from '../../src/import/target.js';

const table = (text: string) => readTable(new TextEncoder().encode(text), 'test.csv');

describe('slugs', () => {
  it.each([
    ['Acme Corporation', 'acme-corporation'],
    ['  Hooli, Inc.  ', 'hooli-inc'],
    ['Müller & Söhne GmbH', 'muller-sohne-gmbh'],
    ['ＡＢＣ　Ｌｔｄ', 'abc-ltd'],
    ['宁川电池 Battery Co.', 'battery-co'],
    ['宁川电池', ''],
    ['--', ''],
    ['a'.repeat(30) + ' ' + 'b'.repeat(40), 'a'.repeat(30)],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('falls back from the name to the CRM id to account-<row>', () => {
    expect(firstSlug(['宁川电池', '001A0003'], 'account-4')).toBe('001a0003');
    expect(firstSlug(['宁川电池', undefined], 'account-4')).toBe('account-4');
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
  it("prefers the owner's name to the owner's id, row by row, and keeps the other under x-crm", () => {
    const plan = planImport(table('Name,OwnerId,Account Owner\nA,005X,Wang Lei\nB,005Y,\n'));
    expect(plan.accounts.map((a) => a.data)).toEqual([
      { id: 'a', name: 'A', team: { account_lead: 'Wang Lei' }, 'x-crm': { OwnerId: '005X' } },
      { id: 'b', name: 'B', team: { account_lead: '005Y' } },
    ]);
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
