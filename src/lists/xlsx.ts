/**
 * The sheets of `kam export` as an xlsx workbook (exceljs, loaded only here): numbers as numbers,
 * dates as dates, money in its currency's number format, percentages as percent, the header row
 * frozen with an autofilter, the columns sized. Returns the file's bytes; the caller writes them.
 */
import { PassThrough } from 'node:stream';
import type { CellType, Sheet, SheetLang } from './sheets.js';

const formats: Record<Exclude<CellType, 'text' | 'money'>, string> = {
  integer: '0',
  score: '0.0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
};

/** `#,##0 "CNY"`: grouped whole units and the currency code (any three letters; nothing to escape). */
export const moneyFormat = (currency: string): string => (currency ? `#,##0 "${currency}"` : '#,##0');

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = '';
  let top = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > top) [best, top] = [v, n];
  }
  return best;
}

const asDate = (value: string) => new Date(`${value}T00:00:00Z`);

export interface WorkbookMeta {
  lang: SheetLang;
  /** the day taken as today: the workbook's created and modified dates, so that a rerun is alike */
  today: string;
  company?: string;
}

export async function xlsxBytes(sheets: readonly Sheet[], meta: WorkbookMeta): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = 'kam';
  wb.created = asDate(meta.today);
  wb.modified = asDate(meta.today);
  if (meta.company) wb.company = meta.company;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name[meta.lang], { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    // a money column takes the format of the sheet's most common currency; a row in another one
    // gets its own on the cell (a style per cell costs a lookup per cell: a third of the export)
    const common = mostCommon(sheet.currencies ?? []);
    ws.columns = sheet.columns.map((c) => ({
      header: c.head[meta.lang],
      key: c.key,
      width: c.width,
      ...(c.type === 'text' ? {} : { style: { numFmt: c.type === 'money' ? moneyFormat(common) : formats[c.type] } }),
    }));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.commit();
    const money = sheet.columns.flatMap((c, i) => (c.type === 'money' ? [i] : []));
    const dates = sheet.columns.flatMap((c, i) => (c.type === 'date' ? [i] : []));
    sheet.rows.forEach((cells, r) => {
      const values: unknown[] = [...cells];
      for (const i of dates) if (typeof values[i] === 'string') values[i] = asDate(values[i] as string);
      const row = ws.addRow(values);
      const currency = sheet.currencies?.[r] ?? '';
      if (money.length > 0 && currency !== common) {
        const numFmt = moneyFormat(currency);
        for (const i of money) row.getCell(i + 1).numFmt = numFmt;
      }
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
  await finished;
  return Buffer.concat(chunks);
}
