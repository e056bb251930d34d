/**
 * `kam actions`: every action of the workspace's valid accounts, open ones by default, sorted by
 * due date; as a table, Markdown, CSV, JSON or an iCalendar file (README "kam actions").
 */
import { UsageError } from '../../errors.js';
import { validAccounts } from '../../load/workspace.js';
import { actionColumns, actionGrid, actionJson, actionRows, actionsIcs, matchesAction, parseDays, sortActions, type ActionFilters, type ActionRow } from '../../lists/actions.js';
import { csvText, mdTable, parseList } from '../../lists/text.js';
import { listTable } from '../list-view.js';
import { loadFor, reportInvalid } from '../listed.js';
import type { Context } from '../main.js';
import { exitCode, makeChalk } from '../output.js';

export const actionFormats = ['table', 'md', 'csv', 'json', 'ics'] as const;

export interface ActionsOptions {
  dir?: string;
  asOf?: string;
  format?: (typeof actionFormats)[number];
  all?: boolean;
  owner?: string;
  overdue?: boolean;
  dueWithin?: string;
  account?: string[];
}

export async function run(_args: unknown[], options: ActionsOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const format = options.format ?? 'table';
  let dueWithin: number | undefined;
  if (options.dueWithin !== undefined) {
    dueWithin = parseDays(options.dueWithin);
    if (dueWithin === undefined) throw new UsageError(`--due-within takes a number of days or weeks, as 14d or 2w; got "${options.dueWithin}"`);
  }
  const accounts = options.account === undefined ? undefined : options.account.flatMap((a) => parseList(a) ?? []);

  const loaded = await loadFor('actions', options, ctx);
  const { ws, today } = loaded;
  const known = new Set(validAccounts(ws).map((d) => d.data.id));
  const unknown = (accounts ?? []).filter((a) => !known.has(a) && !ws.accounts.some((d) => d.id === a));
  if (unknown.length > 0) throw new UsageError(`--account: no account ${unknown.map((a) => `"${a}"`).join(', ')} in the workspace`);

  const filters: ActionFilters = { all: options.all, owner: options.owner, overdue: options.overdue, dueWithin, accounts };
  const all = actionRows(
    validAccounts(ws).map((d) => ({ file: d.file, account: d.data })),
    today,
  );
  const rows = sortActions(all.filter((r) => matchesAction(r, filters, today)));

  io.stdout.write(await render(rows, format, today, ctx));
  reportInvalid(ws, ctx, 'the actions');
  return exitCode(ws.findings);
}

async function render(rows: ActionRow[], format: (typeof actionFormats)[number], today: string, ctx: Context): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(rows.map(actionJson), null, 2)}\n`;
    case 'csv':
      return csvText(
        [...actionColumns.map((c) => (c.key === 'overdue' ? 'days_overdue' : c.key)), 'account_name', 'file', 'uid'],
        rows.map((r) => [...actionColumns.map((c) => c.value(r)), r.accountName, r.file, r.uid]),
      );
    case 'md':
      return `${mdTable(actionGrid(rows))}\n`;
    case 'ics':
      return actionsIcs(rows, today, 'kam actions');
    case 'table': {
      if (rows.length === 0) return 'No actions match.\n';
      const chalk = makeChalk(ctx.io);
      const overdue = actionColumns.findIndex((c) => c.key === 'overdue');
      const due = actionColumns.findIndex((c) => c.key === 'due');
      const paint = (c: number, text: string, r: number) => (rows[r].daysOverdue > 0 && (c === overdue || c === due) ? chalk.red(text) : text);
      const late = rows.filter((r) => r.daysOverdue > 0).length;
      return `${listTable(actionGrid(rows), chalk, paint)}\n${rows.length} action${rows.length === 1 ? '' : 's'}${late > 0 ? `, ${late} overdue` : ''}, as of ${today}\n`;
    }
  }
}
