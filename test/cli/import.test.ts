import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtures, kam, tempWorkspace } from '../helpers.js';
import { readTree } from './authoring-helpers.js';

const csv = (name: string) => join(fixtures, 'import', name);
const workspace = () => tempWorkspace({ 'kam.yaml': 'version: 1\ncompany: Example Co.\n' });
const account = (root: string, id: string) => parse(readFileSync(join(root, 'accounts', `${id}.yaml`), 'utf8'));

describe('kam import', () => {
  it('imports a Salesforce report export (BOM, CRLF, quotes, line breaks, duplicates, Chinese names, footer)', async () => {
    const root = workspace();
    copyFileSync(csv('salesforce-report.csv'), join(root, 'export.csv'));
    const r = await kam(['import', 'export.csv', '--map', 'Total Sales=financials.revenue.2025'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'created accounts/acme-corporation.yaml (row 2)',
        'created accounts/acme-corporation-2.yaml (row 3)',
        'created accounts/ningchuan-dianchi-gufen-youxian-gongsi.yaml (row 4)',
        'created accounts/muller-sohne-gmbh.yaml (row 5)',
        'created accounts/yingtai-keji.yaml (row 6)',
        'created accounts/acme-corporation-2-2.yaml (row 8)',
        '',
        '6 files created, 0 updated, 0 unchanged, 0 kept. 1 row skipped.',
        "Currency: the export names none (no CurrencyIsoCode); amounts taken as CNY, the workspace's.",
        'For completion and checks in editors (yaml-language-server), run `kam schema` once.',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('kam: export.csv row 7: skipped: no account name\nkam: export.csv row 9: ignored: a report footer (5 lines)\n');

    expect(account(root, 'acme-corporation')).toEqual({
      id: 'acme-corporation',
      name: 'Acme Corporation',
      industry: 'Manufacturing',
      region: 'Bavaria, Germany',
      team: { account_lead: 'Anna Schmidt' },
      financials: { revenue: { 2025: 4100000 } },
      assessment: { attractiveness: 'high' },
      customer: { summary: 'Maker of "everything", since 1950' },
      'x-crm': { Id: '001A000001AAA', Type: 'Customer - Direct', AnnualRevenue: 1250000000, NumberOfEmployees: 12000 },
    });
    expect(account(root, 'acme-corporation-2')).toMatchObject({ name: 'Acme Corporation', region: 'United States', 'x-crm': { Id: '001A000002AAA', Type: 'Prospect' } });
    expect(account(root, 'ningchuan-dianchi-gufen-youxian-gongsi')).toMatchObject({
      name: '宁川电池股份有限公司',
      region: '江苏, 中国',
      team: { account_lead: '王磊' },
      financials: { revenue: { 2025: 12300000 } },
      assessment: { attractiveness: 'medium' },
      customer: { summary: '动力电池与储能电池制造商,\n三个生产基地。\nThird line: "quoted", with commas.' },
      'x-crm': { AnnualRevenue: 8600000000, NumberOfEmployees: 5400 },
    });
    expect(account(root, 'muller-sohne-gmbh')).toMatchObject({ name: 'Müller & Söhne GmbH', region: 'Austria', financials: { revenue: { 2025: 950000 } } });
    expect(account(root, 'yingtai-keji')).toMatchObject({ name: '英泰科技', region: '上海', team: { account_lead: '陈静' } });
    expect(account(root, 'yingtai-keji')['x-crm']).toBeUndefined();

    const text = readFileSync(join(root, 'accounts/ningchuan-dianchi-gufen-youxian-gongsi.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/account.schema.json');
    expect(text).toContain('name: 宁川电池股份有限公司\n');
    expect(text).toMatch(/^# contacts:/m);

    const v = await kam(['validate', '-C', root, '--format', 'json']);
    expect(JSON.parse(v.stdout)).toEqual([]);
    expect(v.code).toBe(0);

    const before = readTree(root);
    const again = await kam(['import', 'export.csv', '--map', 'Total Sales=financials.revenue.2025'], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('unchanged accounts/acme-corporation.yaml (row 2)\n');
    expect(again.stdout).toContain('0 files created, 0 updated, 6 unchanged, 0 kept.');
    expect(readTree(root)).toEqual(before);
  });

  it('imports a Data Loader export by API names, with --map to fields, lists and x- keys', async () => {
    const root = workspace();
    const r = await kam(
      ['import', csv('data-loader.csv'), '-C', root, '--map', 'Margin__c=financials.margin', '--map', 'Key_Account__c=x-crm.key_account', '--map', 'Buying_Center__c=customer.structure.selection_criteria'],
      { cwd: root },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('created accounts/globex-china.yaml (row 2)\ncreated accounts/hooli-inc.yaml (row 3)\ncreated accounts/jinhe-shipin-yinliao-jituan.yaml (row 4)\n');
    expect(r.stdout).toContain('Currency: CNY (2 rows), USD (1 row), as CurrencyIsoCode says; rows without one are in CNY, the workspace\'s.\n');
    expect(r.stdout).toContain('3 account leads missing: Salesforce gives user ids (kept under x-crm.OwnerId); run again with --users users.csv (a Salesforce User export) to name them.\n');
    expect(r.stderr).toContain('row 4: column "Margin__c": "28" does not fit financials.margin (must be at most 1; got the number 28): kept under x-crm\n');
    expect(account(root, 'globex-china')).toEqual({
      id: 'globex-china',
      name: 'Globex China',
      industry: 'Automotive',
      region: 'Jiangsu, China',
      financials: { margin: 0.28 },
      customer: { summary: 'Tier-1 supplier, EV drives', structure: { selection_criteria: ['Purchasing', 'Engineering'] } },
      'x-crm': { key_account: 'yes', Id: '001B000001', BillingCity: 'Suzhou', OwnerId: '005A0001', AnnualRevenue: 3200000, NumberOfEmployees: 800, Segment__c: 'Gold' },
    });
    expect(account(root, 'hooli-inc')).toMatchObject({ name: 'Hooli, Inc.', currency: 'USD' });
    expect(account(root, 'jinhe-shipin-yinliao-jituan')).toMatchObject({ name: '金禾食品饮料集团', 'x-crm': { Margin__c: '28', AnnualRevenue: 1400000 } });
    expect(account(root, 'jinhe-shipin-yinliao-jituan').financials).toBeUndefined();
    // valid, but a USD account in a CNY workspace needs a rate in kam.yaml fx (README "Currencies")
    const v = await kam(['validate', '-C', root, '--format', 'json']);
    expect((JSON.parse(v.stdout) as { file: string; rule: string }[]).map((f) => `${f.file} ${f.rule}`)).toEqual(['accounts/hooli-inc.yaml config/fx-missing']);
  });

  it('reads semicolon-separated files with European numbers', async () => {
    const root = workspace();
    const r = await kam(['import', csv('excel-semicolon.csv'), '--map', 'Kunde=name', '--map', 'Umsatz 2025=financials.revenue.2025', '--map', 'Branche=industry'], { cwd: root });
    expect(r.code).toBe(0);
    expect(account(root, 'nordwerk-automotive-gmbh')).toEqual({
      id: 'nordwerk-automotive-gmbh',
      name: 'Nordwerk Automotive GmbH',
      industry: 'Automobilzulieferer',
      financials: { revenue: { 2025: 1234567.89 } },
      'x-crm': { Land: 'Deutschland' },
    });
    expect(account(root, 'societe-generale-paris')).toMatchObject({ name: 'Société Générale; Paris', financials: { revenue: { 2025: 12500 } } });
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('reads UTF-16 tab-separated text (Excel "Unicode text")', async () => {
    const root = workspace();
    const r = await kam(['import', csv('utf16-tabs.csv')], { cwd: root });
    expect(r.code).toBe(0);
    expect(account(root, 'ningchuan-dianchi')).toEqual({ id: 'ningchuan-dianchi', name: '宁川电池', industry: 'Energy' });
    expect(account(root, 'globex')).toEqual({ id: 'globex', name: 'Globex', industry: 'Automotive' });
  });

  it('shows what it would write with --dry-run, and writes nothing', async () => {
    const root = workspace();
    const before = readTree(root);
    const r = await kam(['import', csv('utf16-tabs.csv'), '--dry-run'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'would create accounts/ningchuan-dianchi.yaml (row 2):',
        '    id: ningchuan-dianchi',
        '    name: 宁川电池',
        '    industry: Energy',
        'would create accounts/globex.yaml (row 3):',
        '    id: globex',
        '    name: Globex',
        '    industry: Automotive',
        '',
        'Dry run, nothing written: would create 2 files, update 0; 0 unchanged, 0 kept.',
        "Currency: the export names none (no CurrencyIsoCode); amounts taken as CNY, the workspace's.",
        '',
      ].join('\n'),
    );
    expect(readTree(root)).toEqual(before);
  });

  it('adds to an existing file what it lacks, reports what differs, and takes the export\'s values only with --force', async () => {
    const root = tempWorkspace({ 'accounts/globex.yml': 'id: globex\nname: Mine # my name for it\n' });
    const kept = await kam(['import', csv('utf16-tabs.csv')], { cwd: root });
    expect(kept.stdout).toContain(
      'updated accounts/globex.yml (row 3)\n    ~ name: "Mine" in the file, "Globex" in the export: kept\n    + industry: "Automotive" added\n',
    );
    expect(kept.stdout).toContain("1 difference from the export kept as the files have them; --force takes the export's.");
    expect(readFileSync(join(root, 'accounts/globex.yml'), 'utf8')).toBe('id: globex\nname: Mine # my name for it\nindustry: Automotive\n');
    const forced = await kam(['import', csv('utf16-tabs.csv'), '--force'], { cwd: root });
    expect(forced.stdout).toContain('updated accounts/globex.yml (row 3)\n    ~ name: "Mine" in the file, "Globex" in the export: the export\'s taken (--force)\n');
    expect(forced.stdout).toContain('unchanged accounts/ningchuan-dianchi.yaml (row 2)');
    expect(readFileSync(join(root, 'accounts/globex.yml'), 'utf8')).toBe('id: globex\nname: Globex # my name for it\nindustry: Automotive\n');
    expect(Object.keys(readTree(root)).sort()).toEqual(['accounts/globex.yml', 'accounts/ningchuan-dianchi.yaml']);
  });

  it('reads a GBK export (Chinese Excel) with --encoding gbk', async () => {
    const root = workspace();
    const r = await kam(['import', csv('gbk.csv'), '--encoding', 'gbk'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('created accounts/ningchuan.yaml (row 2)');
    expect(account(root, 'ningchuan')).toMatchObject({ name: '宁川', industry: 'Energy' });
  });

  it.each([
    [['import', 'nope.csv'], 'kam: no such file: nope.csv\n'],
    [['import', csv('broken-quote.csv')], /^kam: .*broken-quote\.csv: Quote Not Closed: the parsing is finished with an opening quote at line \d+\n$/],
    [['import', csv('gbk.csv')], /^kam: .*gbk\.csv is not UTF-8 text: save it as "CSV UTF-8 \(Comma delimited\)" \(Excel\) or export it as UTF-8 from the CRM, or, if it came from a Chinese Excel \(GBK\), run again with --encoding gbk\n$/],
    [['import', csv('gbk.csv'), '--encoding', 'klingon'], 'kam: --encoding: "klingon" is not an encoding kam knows; for example utf-8, gbk, gb18030, big5, shift_jis, windows-1252\n'],
    [['import', csv('gbk.csv'), '--encoding', 'utf-8'], /^kam: .*gbk\.csv is not utf-8 text: check the encoding the CRM or spreadsheet saved it in\n$/],
    [['import', csv('excel-semicolon.csv')], /^kam: no column gives the account name: expected "Name" or "Account Name", or map one, as in --map "Company=name" \(the columns: Kunde, Branche, Umsatz 2025, Land\)\n$/],
    [['import', csv('data-loader.csv'), '--map', 'Segment__c=financials.segment'], 'kam: --map "Segment__c=financials.segment": financials has no field `segment`\n'],
    [['import', csv('data-loader.csv'), '--map', 'Segment__c=team.acount_lead'], 'kam: --map "Segment__c=team.acount_lead": team has no field `acount_lead`, did you mean `account_lead`?\n'],
    [['import', csv('data-loader.csv'), '--map', 'Segment__c=financials.revenue.last'], 'kam: --map "Segment__c=financials.revenue.last": `financials.revenue` is by year: write a four-digit year, as in financials.revenue.2025\n'],
    [['import', csv('data-loader.csv'), '--map', 'Segment__c=contacts'], 'kam: --map "Segment__c=contacts": `contacts` is a list of entries; a column fills one field of an entry, as in contacts[0].name\n'],
    [['import', csv('data-loader.csv'), '--map', 'Segment__c=team'], /^kam: --map "Segment__c=team": `team` is a section: map to one of its fields \(account_lead, /],
    [['import', csv('data-loader.csv'), '--map', 'Segment__c=id'], 'kam: --map "Segment__c=id": `id` is made from the name (or the CRM id); map the name instead\n'],
    [['import', csv('data-loader.csv'), '--map', 'Segment'], 'kam: --map takes "<column>=<field.path>", as in --map "Total Sales=financials.revenue.2025"; got "Segment"\n'],
    [['import', csv('data-loader.csv'), '--map', 'Revenue=financials.wallet'], /^kam: --map "Revenue=financials\.wallet": the CSV has no column "Revenue" \(its columns: Id, Name, /],
    [['import', csv('data-loader.csv'), '--map', 'Segment__c=industry', '--map', 'Margin__c=industry'], 'kam: --map "Margin__c=industry": industry is already filled by column "Segment__c"\n'],
  ])('exits 2 for %j without writing', async (argv, message) => {
    const root = workspace();
    const before = readTree(root);
    const r = await kam(argv, { cwd: root });
    expect(r.code).toBe(2);
    if (typeof message === 'string') expect(r.stderr).toBe(message);
    else expect(r.stderr).toMatch(message);
    expect(readTree(root)).toEqual(before);
  });
});
