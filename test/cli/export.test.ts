/** `kam export`: the xlsx read back with exceljs (typed cells), the CSV files with their BOM. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixtures, kam, tempWorkspace } from '../helpers.js';

const week = join(fixtures, 'week');
const out = () => tempWorkspace({});

async function workbook(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('kam export (xlsx)', () => {
  it('writes one workbook of five sheets, headers frozen with an autofilter, columns sized', async () => {
    const file = join(out(), 'portfolio.xlsx');
    const r = await kam(['export', file, '-C', week]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^created .*portfolio\.xlsx\n✔ exported 3 accounts, 7 actions, 3 contacts, 3 opportunities, \d+ findings \(en, as of 2026-11-01\)\n$/);
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Accounts', 'Actions', 'Contacts', 'Opportunities', 'Findings']);
    expect(wb.creator).toBe('kam');
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toMatch(/^A1:[A-Z]+1$/);
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.getColumn(1).width).toBeGreaterThan(5);
    }
    const accounts = wb.getWorksheet('Accounts')!;
    expect(accounts.rowCount).toBe(4);
    expect(accounts.getRow(1).getCell(1).value).toBe('id');
  });

  it('holds typed cells: numbers, dates, money and percent formats', async () => {
    const file = join(out(), 'p.xlsx');
    await kam(['export', file, '-C', week]);
    const wb = await workbook(file);
    const accounts = wb.getWorksheet('Accounts')!;
    const heads = (accounts.getRow(1).values as string[]).slice(1);
    const cell = (row: number, head: string) => accounts.getRow(row).getCell(heads.indexOf(head) + 1);
    expect(cell(2, 'id').value).toBe('alpha-auto');
    expect(cell(2, 'revenue').value).toBe(10000000);
    expect(cell(2, 'revenue').numFmt).toBe('#,##0 "CNY"');
    expect(cell(2, 'growth').value).toBe(0.25);
    expect(cell(2, 'growth').numFmt).toBe('0.0%');
    expect(cell(2, 'completeness').value).toBe(0.524);
    expect(cell(2, 'composite (S)').numFmt).toBe('0.0');
    expect(typeof cell(2, 'composite (S)').value).toBe('number');
    expect(cell(2, 'reviewed').value).toEqual(new Date('2026-10-01T00:00:00Z'));
    expect(cell(2, 'reviewed').numFmt).toBe('yyyy-mm-dd');
    expect(cell(4, 'revenue').value).toBe(null);

    const actions = wb.getWorksheet('Actions')!;
    const first = actions.getRow(2);
    expect(first.getCell(3).value).toBe('Kick-off meeting'); // every action, by due date
    expect(first.getCell(6).value).toEqual(new Date('2026-09-01T00:00:00Z'));
    const overdue = actions.getRow(4);
    expect([overdue.getCell(3).value, overdue.getCell(8).value]).toEqual(['Submit the TCO comparison', 12]);
    // text that looks like a formula stays text in a workbook
    const texts = [];
    for (let i = 2; i <= actions.rowCount; i++) texts.push(actions.getRow(i).getCell(3).value);
    expect(texts).toContain('=HYPERLINK("http://x","quote")');

    const opps = wb.getWorksheet('Opportunities')!;
    expect((opps.getRow(1).values as string[]).slice(1)).toEqual(['account', 'account name', 'opportunity', 'stage', 'value', 'probability', 'weighted value', 'close date', 'currency']);
    expect([opps.getRow(2).getCell(5).value, opps.getRow(2).getCell(7).value, opps.getRow(2).getCell(5).numFmt]).toEqual([3000000, 1500000, '#,##0 "CNY"']);

    const findings = wb.getWorksheet('Findings')!;
    expect(findings.rowCount).toBeGreaterThan(1);
    const f = findings.getRow(2);
    expect(typeof f.getCell(2).value).toBe('number');
    expect(String(f.getCell(1).value)).toMatch(/^accounts\//);
  });

  it('gives the accounts\' figures in the workspace currency and opportunities in their own', async () => {
    const root = tempWorkspace({
      'kam.yaml': 'version: 1\ncurrency: CNY\nas_of: 2026-11-01\nfx: { USD: 7 }\n',
      'accounts/a.yaml': 'id: a\nname: A\nfinancials: { revenue: { 2025: 100 } }\n',
      'accounts/b.yaml': 'id: b\nname: B\nfinancials: { revenue: { 2025: 200 } }\n',
      'accounts/c.yaml': 'id: c\nname: C\ncurrency: USD\nfinancials: { revenue: { 2025: 300 } }\nopportunities: [{ name: X, value: 5 }]\n',
    });
    const file = join(root, 'p.xlsx');
    expect((await kam(['export', file, '-C', root])).code).toBe(0);
    const accounts = (await workbook(file)).getWorksheet('Accounts')!;
    const revenue = (accounts.getRow(1).values as string[]).indexOf('revenue');
    expect([2, 3, 4].map((r) => [accounts.getRow(r).getCell(revenue).value, accounts.getRow(r).getCell(revenue).numFmt])).toEqual([
      [100, '#,##0 "CNY"'],
      [200, '#,##0 "CNY"'],
      [2100, '#,##0 "CNY"'],
    ]);
    const opps = (await workbook(file)).getWorksheet('Opportunities')!;
    expect(opps.getRow(2).getCell(5).numFmt).toBe('#,##0 "USD"');
  });

  it('--lang zh gives Chinese sheet names and headers', async () => {
    const file = join(out(), 'zh.xlsx');
    expect((await kam(['export', file, '-C', week, '--lang', 'zh'])).code).toBe(0);
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户', '行动', '联系人', '商机', '问题']);
    expect((wb.getWorksheet('客户')!.getRow(1).values as string[]).slice(1, 4)).toEqual(['编号', '名称', '行业']);
    expect(wb.getWorksheet('客户')!.getRow(3).getCell(2).value).toBe('贝塔制药有限公司');
  });

  it('does not overwrite without --force, and writes the same workbook again with it', async () => {
    const dir = out();
    const file = join(dir, 'p.xlsx');
    await kam(['export', file, '-C', week]);
    const before = statSync(file).size;
    const again = await kam(['export', file, '-C', week]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/p\.xlsx exists; use --force to overwrite/);
    const forced = await kam(['export', file, '-C', week, '--force']);
    expect(forced.code).toBe(0);
    expect(statSync(file).size).toBe(before);
    expect(readdirSync(dir)).toEqual(['p.xlsx']);
  });

  it('refuses a name without .xlsx, and a folder, with exit 2', async () => {
    const dir = out();
    for (const args of [[join(dir, 'p.xls')], [dir + '/x.xlsx', '--format', 'pdf']]) {
      const r = await kam(['export', ...args, '-C', week]);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect((await kam(['export', join(dir, 'p.csv'), '-C', week])).stderr).toMatch(/--format csv/);
    expect(existsSync(join(dir, 'p.xls'))).toBe(false);
  });
});

describe('kam export --format csv', () => {
  it('writes one UTF-8 file per sheet with a BOM; Chinese round-trips; formulas are guarded', async () => {
    const dir = join(out(), 'csv');
    const r = await kam(['export', '--format', 'csv', dir, '-C', week]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['accounts.csv', 'actions.csv', 'contacts.csv', 'findings.csv', 'opportunities.csv']);
    const bytes = readFileSync(join(dir, 'accounts.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const accounts = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(accounts.map((a) => a.name)).toEqual(['Alpha Automotive', '贝塔制药有限公司', 'Gamma Solar']);
    expect(accounts[0]).toMatchObject({ id: 'alpha-auto', revenue: '10000000', growth: '0.25', completeness: '0.524', reviewed: '2026-10-01' });
    const actions = parse(readFileSync(join(dir, 'actions.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(actions.map((a) => a.task)).toContain('提交报价, 含"备件"');
    expect(actions.map((a) => a.task)).toContain(`'=HYPERLINK("http://x","quote")`);
    const contacts = parse(readFileSync(join(dir, 'contacts.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(contacts.map((c) => c.name)).toEqual(['Zhang Wei', '李娜娜', 'Chen Gang']);
  });

  it('--lang zh gives Chinese headers; an existing file is kept without --force', async () => {
    const dir = join(out(), 'zh');
    expect((await kam(['export', '--format', 'csv', dir, '-C', week, '--lang', 'zh'])).code).toBe(0);
    const text = readFileSync(join(dir, 'contacts.csv'), 'utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe('客户编号,客户名称,姓名,职位,角色,层级,态度,负责人,最近联系,未联系天数');
    const again = await kam(['export', '--format', 'csv', dir, '-C', week]);
    expect(again.code).toBe(2);
    expect(readFileSync(join(dir, 'contacts.csv'), 'utf8')).toBe(text);
  });
});
