/**
 * `kam import` on Salesforce exports with their real headers (Data Loader: Account, Contact,
 * Opportunity, User), one after the other into one workspace, then again, then changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtures, kam, tempWorkspace } from '../helpers.js';
import { readTree } from './authoring-helpers.js';

const sf = (name: string) => join(fixtures, 'import', 'salesforce', `${name}.csv`);
// the exports hold CNY and USD rows too: their rates into EUR (else config/fx-missing)
const eur = () => tempWorkspace({ 'kam.yaml': 'version: 1\ncompany: Example Co.\ncurrency: EUR\nfx: { CNY: 0.13, USD: 0.92 }\n' });
const account = (root: string, id: string) => parse(readFileSync(join(root, 'accounts', `${id}.yaml`), 'utf8'));
const ids = ['burlington-textiles-corp-of-america', 'genepoint', 'huatai-jingmi', 'lets-stop-n-shop'];

/** A workspace holding the Account, Contact and Opportunity exports, without user names. */
async function imported(): Promise<string> {
  const root = eur();
  for (const name of ['Account', 'Contact', 'Opportunity']) expect((await kam(['import', sf(name)], { cwd: root })).code).toBe(0);
  return root;
}

describe('kam import: a Salesforce Account export', () => {
  it('skips deleted rows, takes Rating as attractiveness, keeps owner ids out of names, and says the currencies', async () => {
    const root = eur();
    const r = await kam(['import', sf('Account')], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'created accounts/lets-stop-n-shop.yaml (row 2)',
        'created accounts/huatai-jingmi.yaml (row 3)',
        'created accounts/burlington-textiles-corp-of-america.yaml (row 4)',
        'created accounts/genepoint.yaml (row 6)',
        '',
        '4 files created, 0 updated, 0 unchanged, 0 kept. 1 row skipped (1 deleted in Salesforce).',
        "Currency: EUR (2 rows), CNY (1 row), USD (1 row), as CurrencyIsoCode says; rows without one are in EUR, the workspace's.",
        '4 account leads missing: Salesforce gives user ids (kept under x-crm.OwnerId); run again with --users users.csv (a Salesforce User export) to name them.',
        'For completion and checks in editors (yaml-language-server), run `kam schema` once.',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toContain('row 5: skipped: deleted in Salesforce (IsDeleted)\n');
    const huatai = account(root, 'huatai-jingmi');
    expect(huatai).toMatchObject({ id: 'huatai-jingmi', name: '华泰精密', currency: 'CNY', region: '江苏, 中国', assessment: { attractiveness: 'medium' } });
    expect(huatai.team).toBeUndefined();
    expect(huatai['x-crm']).toMatchObject({ Id: '001Ec00000Ab2AAIAZ', OwnerId: '005Ec000004oBPOIA2' });
    // system stamps and the deleted flag are left out; Rating fills only the attractiveness
    expect(Object.keys(huatai['x-crm'])).not.toContain('SystemModstamp');
    expect(Object.keys(huatai['x-crm'])).not.toContain('IsDeleted');
    expect(Object.keys(huatai['x-crm'])).not.toContain('Rating');
    expect(huatai.assessment).toEqual({ attractiveness: 'medium' });
    expect(account(root, 'lets-stop-n-shop')).toMatchObject({ name: "Let's Stop N Shop", assessment: { attractiveness: 'high' } });
    expect(account(root, 'lets-stop-n-shop').currency).toBeUndefined();
    expect(account(root, 'burlington-textiles-corp-of-america').assessment).toEqual({ attractiveness: 'low' });
    expect(account(root, 'genepoint')).toMatchObject({ currency: 'USD' });
    expect(account(root, 'genepoint').assessment).toBeUndefined();
    expect(readFileSync(join(root, 'accounts/huatai-jingmi.yaml'), 'utf8')).not.toMatch(/005Ec000004oBPOIA2\s*#.*account lead/);
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('names the account leads with --users (a User export), by 18- or 15-character ids', async () => {
    const root = eur();
    const r = await kam(['import', sf('Account'), '--users', sf('User')], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 account lead missing: Salesforce gives a user id');
    expect(account(root, 'lets-stop-n-shop').team).toEqual({ account_lead: 'Anna Schmidt' });
    expect(account(root, 'huatai-jingmi').team).toEqual({ account_lead: '王磊' });
    expect(account(root, 'burlington-textiles-corp-of-america').team).toBeUndefined();
    expect(account(root, 'burlington-textiles-corp-of-america')['x-crm'].OwnerId).toBe('005Ec000004oBPPIA2');
  });

  it('says which currency it assumed in a folder without kam.yaml', async () => {
    const root = tempWorkspace({});
    const r = await kam(['import', sf('Account')], { cwd: root });
    expect(r.stdout).toContain(
      "Currency: EUR (2 rows), CNY (1 row), USD (1 row), as CurrencyIsoCode says; rows without one are in CNY, kam's default: there is no kam.yaml (`kam init --currency <code>` makes one).\n",
    );
    // the rows' own currency is kept where it is not the assumed one
    expect(account(root, 'lets-stop-n-shop').currency).toBe('EUR');
    expect(account(root, 'huatai-jingmi').currency).toBeUndefined();
  });
});

describe('kam import: Contact, Opportunity and User exports', () => {
  it('adds contacts to the accounts by AccountId, with a level from the title; skips deleted rows and unknown accounts', async () => {
    const root = eur();
    await kam(['import', sf('Account')], { cwd: root });
    const r = await kam(['import', sf('Contact')], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'updated accounts/lets-stop-n-shop.yaml (rows 2, 3)',
        '    + contacts: new entry Jonas Brandt (003Ec00000Cn1AA)',
        '    + contacts: new entry Lena Weber (003Ec00000Cn2AA)',
        'updated accounts/huatai-jingmi.yaml (rows 4, 5)',
        '    + contacts: new entry 李娜 (003Ec00000Cn3AA)',
        '    + contacts: new entry 张伟 (003Ec00000Cn4AA)',
        'updated accounts/burlington-textiles-corp-of-america.yaml (row 6)',
        '    + contacts: new entry Jack Rogers (003Ec00000Cn5AA)',
        '',
        '0 files created, 3 updated, 0 unchanged, 0 kept. 2 rows skipped (1 deleted in Salesforce, 1 for accounts not imported).',
        '5 contact owners missing: Salesforce gives user ids (kept under x-crm.OwnerId); run again with --users users.csv (a Salesforce User export) to name them.',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toContain('row 7: skipped: deleted in Salesforce (IsDeleted)\n');
    expect(r.stderr).toContain('row 8: skipped: no account in accounts/ has the Salesforce id 001Ec00000Zz9AAIAZ (import the Account export first)\n');
    const contacts = account(root, 'lets-stop-n-shop').contacts;
    expect(contacts.map((c: Record<string, unknown>) => [c.name, c.title, c.level])).toEqual([
      ['Jonas Brandt', 'CEO', 'executive'],
      ['Lena Weber', 'Director, Purchasing', 'manager'],
    ]);
    expect(contacts[0]['x-crm']).toMatchObject({ Id: '003Ec00000Cn1AAIAZ', Email: 'jonas.brandt@letsstop.example', OwnerId: '005Ec000004oBPNIA2' });
    expect(contacts[0].owner).toBeUndefined();
    // the 15-character AccountId finds the account as its 18-character form does
    expect(account(root, 'huatai-jingmi').contacts.map((c: Record<string, unknown>) => [c.name, c.title, c.level])).toEqual([
      ['李娜', '采购总监', 'manager'],
      ['张伟', '总经理', 'executive'],
    ]);
    // a title no word of the table names leaves the level unknown
    expect(account(root, 'burlington-textiles-corp-of-america').contacts[0]).toMatchObject({ name: 'Jack Rogers', title: 'Receptionist' });
    expect(account(root, 'burlington-textiles-corp-of-america').contacts[0].level).toBeUndefined();
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('adds opportunities with kam stages, ratios and dates; an amount in another currency stays under x-crm', async () => {
    const root = eur();
    await kam(['import', sf('Account')], { cwd: root });
    const r = await kam(['import', sf('Opportunity')], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 files created, 3 updated, 0 unchanged, 0 kept. 1 row skipped (1 deleted in Salesforce).\n');
    expect(r.stdout).toContain("Currency: EUR (3 rows), CNY (1 row), USD (1 row), as CurrencyIsoCode says; rows without one are in EUR, the workspace's.\n");
    expect(r.stderr).toContain("row 5: Amount is in USD, the account's figures in EUR: kept under x-crm\n");
    const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'x-crm'));
    expect(account(root, 'lets-stop-n-shop').opportunities.map(strip)).toEqual([
      { name: 'Store refit 2027', stage: 'proposal', value: 1200000, probability: 0.75, close_date: '2027-03-31' },
      { name: 'Cold chain pilot', stage: 'won', value: 250000, probability: 1, close_date: '2026-06-30' },
    ]);
    expect(account(root, 'huatai-jingmi').opportunities.map(strip)).toEqual([{ name: '数控机床主轴 2027 框架协议', stage: 'lead', value: 8800000, probability: 0.1, close_date: '2027-06-30' }]);
    const burlington = account(root, 'burlington-textiles-corp-of-america').opportunities;
    // a custom open stage gives no stage; a custom closed one that was not won is lost
    expect(burlington.map(strip)).toEqual([
      { name: 'Uniform supply', probability: 0.9, close_date: '2026-12-15' },
      { name: 'Fabric tender', stage: 'lost', value: 40000, probability: 0, close_date: '2026-05-01' },
    ]);
    expect(burlington[0]['x-crm']).toMatchObject({ Id: '006Ec00000Op4AAIAZ', StageName: 'Verbal Commit', Amount: 90000, CurrencyIsoCode: 'USD' });
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('names leads and contact owners from a User export imported on its own', async () => {
    const root = await imported();
    const r = await kam(['import', sf('User')], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'updated accounts/genepoint.yaml',
        '    + team.account_lead: "Anna Schmidt" added',
        'updated accounts/huatai-jingmi.yaml',
        '    + team.account_lead: "王磊" added',
        '    + contacts[0].owner: "王磊" added',
        '    + contacts[1].owner: "王磊" added',
        'updated accounts/lets-stop-n-shop.yaml',
        '    + team.account_lead: "Anna Schmidt" added',
        '    + contacts[0].owner: "Anna Schmidt" added',
        '    + contacts[1].owner: "Anna Schmidt" added',
        '',
        '0 files created, 3 updated, 0 unchanged, 0 kept.',
        'Users: 3 accounts with owners named by this export.',
        '',
      ].join('\n'),
    );
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('changes nothing when the same exports are imported again', async () => {
    const root = await imported();
    await kam(['import', sf('User')], { cwd: root });
    const before = readTree(root);
    for (const [name, files] of [['Account', 4], ['Contact', 3], ['Opportunity', 3]] as const) {
      const r = await kam(['import', sf(name), '--users', sf('User')], { cwd: root });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`0 files created, 0 updated, ${files} unchanged, 0 kept.`);
    }
    expect((await kam(['import', sf('User')], { cwd: root })).stdout).toContain('0 files created, 0 updated, 3 unchanged, 0 kept.');
    expect(readTree(root)).toEqual(before);
  });

  it('reports each difference of a changed export, keeps what a person wrote, and takes the export only with --force', async () => {
    const root = await imported();
    const file = join(root, 'accounts/lets-stop-n-shop.yaml');
    // a person edits the file: a comment, a role, another title
    writeFileSync(file, readFileSync(file, 'utf8').replace('    title: CEO\n', '    title: Chief Executive  # he prefers this\n    role: decision_maker\n'));
    const edited = readFileSync(file, 'utf8');
    const changed = join(root, 'Contact-2.csv');
    writeFileSync(
      changed,
      `${readFileSync(sf('Contact'), 'utf8').replace(',CEO,Management,', ',CEO & Founder,Management,').replace('Lena Weber,,Hamburg', 'Lena Weber-Brandt,,Hamburg')}003Ec00000Cn8AAIAZ,false,,001Ec00000Ab1AAIAZ,Kim,Sara,,Sara Kim,,,,,,,,,sara.kim@letsstop.example,Buyer,,,005Ec000004oBPNIA2,false,,,,,,,,\n`,
    );
    const others = readTree(root);

    const r = await kam(['import', 'Contact-2.csv', '--dry-run'], { cwd: root });
    expect(r.stdout).toContain('would update accounts/lets-stop-n-shop.yaml (rows 2, 3, 9)\n');
    expect(readTree(root)).toEqual(others);

    const kept = await kam(['import', 'Contact-2.csv'], { cwd: root });
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain(
      [
        'updated accounts/lets-stop-n-shop.yaml (rows 2, 3, 9)',
        '    ~ contacts[0].title: "Chief Executive" in the file, "CEO & Founder" in the export: kept',
        '    ~ contacts[1].name: "Lena Weber" in the file, "Lena Weber-Brandt" in the export: kept',
        '    + contacts: new entry Sara Kim (003Ec00000Cn8AA)',
        'unchanged accounts/huatai-jingmi.yaml (rows 4, 5)',
        'unchanged accounts/burlington-textiles-corp-of-america.yaml (row 6)',
      ].join('\n'),
    );
    expect(kept.stdout).toContain("2 differences from the export kept as the files have them; --force takes the export's.");
    const after = readFileSync(file, 'utf8');
    // the new contact is added; every line the person had is still there, as it was
    expect(after.startsWith(edited.slice(0, edited.indexOf('opportunities:')))).toBe(true);
    expect(after).toContain('    title: Chief Executive  # he prefers this\n    role: decision_maker\n');
    expect(account(root, 'lets-stop-n-shop').contacts.map((c: Record<string, unknown>) => c.name)).toEqual(['Jonas Brandt', 'Lena Weber', 'Sara Kim']);

    const forced = await kam(['import', 'Contact-2.csv', '--force'], { cwd: root });
    expect(forced.stdout).toContain('    ~ contacts[0].title: "Chief Executive" in the file, "CEO & Founder" in the export: the export\'s taken (--force)\n');
    const final = readFileSync(file, 'utf8');
    expect(final).toContain('    title: CEO & Founder  # he prefers this\n    role: decision_maker\n');
    expect(account(root, 'lets-stop-n-shop').contacts.map((c: Record<string, unknown>) => c.name)).toEqual(['Jonas Brandt', 'Lena Weber-Brandt', 'Sara Kim']);
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('refuses --map on a Contact export and a --users file that is not a User export', async () => {
    const root = eur();
    const before = readTree(root);
    const map = await kam(['import', sf('Contact'), '--map', 'Email=contacts[0].name'], { cwd: root });
    expect(map.code).toBe(2);
    expect(map.stderr).toMatch(/^kam: --map applies to exports of accounts; .*Contact\.csv is a Salesforce Contact export, whose columns kam knows\n$/);
    const users = await kam(['import', sf('Account'), '--users', sf('Contact')], { cwd: root });
    expect(users.code).toBe(2);
    expect(users.stderr).toMatch(/^kam: --users .*Contact\.csv: not a Salesforce User export \(expected the columns Id, Username or Email, and Name or FirstName and LastName; it has Id, IsDeleted, /);
    expect(readTree(root)).toEqual(before);
  });
});

describe('kam import: a report with one contact on the account row (Northwind)', () => {
  const maps = ['--map', 'Company Name=name', '--map', 'Contact Name=contacts[0].name', '--map', 'Contact Title=contacts[0].title'];

  it('fills contacts[0] from list paths, and finds it again on a second import', async () => {
    const root = eur();
    const r = await kam(['import', join(fixtures, 'import', 'northwind-report.csv'), ...maps], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('created accounts/alfreds-futterkiste.yaml (row 2)\ncreated accounts/bon-app.yaml (row 3)\ncreated accounts/france-restauration.yaml (row 4)\n');
    expect(account(root, 'alfreds-futterkiste')).toEqual({
      id: 'alfreds-futterkiste',
      name: 'Alfreds Futterkiste',
      contacts: [{ name: 'Maria Anders', title: 'Sales Representative', level: 'operational' }],
      'x-crm': { 'Customer ID': 'ALFKI', City: 'Berlin', Country: 'Germany' },
    });
    expect(account(root, 'bon-app').contacts).toEqual([{ name: 'Laurence Lebihan', title: 'Owner', level: 'executive' }]);
    expect(account(root, 'france-restauration').contacts).toBeUndefined();
    const before = readTree(root);
    const again = await kam(['import', join(fixtures, 'import', 'northwind-report.csv'), ...maps], { cwd: root });
    expect(again.stdout).toContain('0 files created, 0 updated, 3 unchanged, 0 kept.');
    expect(readTree(root)).toEqual(before);
  });

  it.each([
    ['Contact Name=contacts.name', '`contacts` is a list of entries: write contacts[0].name for the first entry'],
    ['Contact Name=contacts[first].name', '[first] in "contacts[first].name" is not an entry number: write [0] for the first entry, up to [49]'],
    ['Contact Name=contacts[0]', '`contacts[0]` is an entry: map to one of its fields (name, title, role, level, attitude, owner, last_contact, reports_to, influences)'],
    ['Contact Name=__proto__.polluted', '`__proto__` cannot be a field name'],
    ['Contact Name=contacts[0].constructor', '`constructor` cannot be a field name'],
    ['Contact Name=x-crm.prototype', '`prototype` cannot be a field name'],
    ['Contact Name=team[0].name', '`team` is not a list: it has no entry [0]'],
  ])('refuses --map %j with exit 2', async (spec, problem) => {
    const root = eur();
    const r = await kam(['import', join(fixtures, 'import', 'northwind-report.csv'), '--map', 'Company Name=name', '--map', spec], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kam: --map "${spec}": ${problem}\n`);
  });
});
