/**
 * `kam export <file.xlsx>` / `kam export --format csv <dir>`: the portfolio as a spreadsheet,
 * sheets Accounts, Actions, Contacts, Opportunities and Findings (README "kam export"). Nothing
 * is written over an existing file without `--force`; every target is checked before the first
 * file is written, and each is written whole or not at all.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { sortFindings } from '../../findings.js';
import { accountRow } from '../../lists/accounts.js';
import { actionRows, sortActions } from '../../lists/actions.js';
import { exportSheets, type SheetLang } from '../../lists/sheets.js';
import { csvText } from '../../lists/text.js';
import { writeFileAtomic } from '../../util/write.js';
import { listedAccounts, loadFor, reportInvalid } from '../listed.js';
import type { Context } from '../main.js';
import { exitCode, makeChalk } from '../output.js';
import { displayPath, writtenLine } from '../written.js';

export const exportFormats = ['xlsx', 'csv'] as const;

export interface ExportOptions {
  dir?: string;
  asOf?: string;
  format?: (typeof exportFormats)[number];
  lang?: SheetLang;
  force?: boolean;
}

export async function run(args: unknown[], options: ExportOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const given = args[0] as string;
  const format = options.format ?? (given.toLowerCase().endsWith('.xlsx') ? 'xlsx' : undefined);
  if (format === undefined) throw new UsageError(`kam export writes an .xlsx file, or with --format csv a folder of CSV files; got "${given}"`);
  if (format === 'xlsx' && !given.toLowerCase().endsWith('.xlsx')) throw new UsageError(`the workbook's name must end in .xlsx; got "${given}" (--format csv writes a folder)`);
  const target = resolve(io.cwd, given);
  if (format === 'csv' && existsSync(target) && !statSync(target).isDirectory()) throw new UsageError(`--format csv writes a folder, and ${displayPath(io, target)} is a file`);
  if (format === 'xlsx' && existsSync(target) && statSync(target).isDirectory()) throw new UsageError(`${displayPath(io, target)} is a folder`);

  const loaded = await loadFor('export', options, ctx);
  const { ws, today } = loaded;
  const lang: SheetLang = options.lang ?? ws.config.lang;
  const { inputs, accounts, ruleFindings } = listedAccounts(loaded);
  const valid = inputs.map((i) => ({ row: accountRow(i), account: accounts.get(i.analysis.id)! }));
  const actions = sortActions(
    actionRows(
      valid.map(({ row, account }) => ({ file: row.file, account: { id: row.id, name: row.name, plan: account.plan } })),
      today,
    ),
  );
  const sheets = exportSheets({ accounts: valid, actions, findings: sortFindings([...ws.findings, ...ruleFindings]), today });

  const files: { path: string; content: string | Uint8Array }[] =
    format === 'csv'
      ? sheets.map((s) => ({
          path: join(target, `${s.key}.csv`),
          content: csvText(
            s.columns.map((c) => c.head[lang]),
            s.rows,
            true,
          ),
        }))
      : [{ path: target, content: await (await import('../../lists/xlsx.js')).xlsxBytes(sheets, { lang, today, company: ws.config.company ?? ws.self?.data?.name }) }];

  const taken = options.force ? [] : files.filter((f) => existsSync(f.path));
  if (taken.length > 0) throw new UsageError(`${taken.map((f) => displayPath(io, f.path)).join(', ')} exist${taken.length === 1 ? 's' : ''}; use --force to overwrite`);
  for (const f of files) io.stdout.write(`${writtenLine(writeFileAtomic(f.path, f.content), displayPath(io, f.path))}\n`);
  const counts = sheets.map((s) => `${s.rows.length} ${s.name.en.toLowerCase()}`).join(', ');
  io.stdout.write(`${makeChalk(io).green('✔')} exported ${counts} (${lang}, as of ${today})\n`);
  reportInvalid(ws, ctx, 'the export');
  return exitCode(ws.findings);
}
