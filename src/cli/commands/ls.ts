/**
 * `kam ls`: one row per valid account, filtered and sorted, as a table, CSV, JSON or Markdown
 * (README "kam ls"). Invalid files go to stderr as in `kam score` and make the exit code 1.
 */
import { UsageError } from '../../errors.js';
import {
  accountColumnNames,
  accountGrid,
  accountRow,
  columnValue,
  defaultAccountColumns,
  filterChoices,
  isAccountColumn,
  matches,
  sortRows,
  type AccountColumn,
  type AccountFilters,
  type AccountRow,
} from '../../lists/accounts.js';
import { csvText, mdTable, parseList } from '../../lists/text.js';
import { compileWhere } from '../../lists/where.js';
import type { Tier } from '../../schema/account.js';
import { listTable } from '../list-view.js';
import { listedAccounts, loadFor, reportInvalid } from '../listed.js';
import type { Context } from '../main.js';
import { exitCode, makeChalk } from '../output.js';
import { riskColour, tierColour } from '../score-view.js';

export const lsFormats = ['table', 'csv', 'json', 'md'] as const;

export interface LsOptions {
  dir?: string;
  asOf?: string;
  format?: (typeof lsFormats)[number];
  columns?: string;
  sort?: string;
  tier?: string;
  segment?: string;
  quadrant?: string;
  risk?: string;
  owner?: string;
  region?: string;
  industry?: string;
  incomplete?: boolean;
  stale?: boolean;
  where?: string;
}

/** `--tier key,ordinary`: each value one of `choices`. */
function choiceList<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T[] | undefined {
  const list = parseList(value);
  if (list === undefined) return undefined;
  const bad = list.filter((v) => !choices.includes(v as T));
  if (bad.length > 0 || list.length === 0) throw new UsageError(`--${flag} takes ${choices.join(', ')} (several with commas); got "${value}"`);
  return list as T[];
}

export function columnsFrom(value: string | undefined): AccountColumn[] {
  const list = parseList(value);
  if (list === undefined) return [...defaultAccountColumns];
  const bad = list.filter((c) => !isAccountColumn(c));
  if (bad.length > 0 || list.length === 0) throw new UsageError(`--columns takes names from ${accountColumnNames.join(', ')}; unknown: ${bad.join(', ') || '(none given)'}`);
  return list as AccountColumn[];
}

export async function run(_args: unknown[], options: LsOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const format = options.format ?? 'table';
  const sort = options.sort ?? 'id';
  if (!isAccountColumn(sort)) throw new UsageError(`--sort takes one of ${accountColumnNames.join(', ')}; got "${sort}"`);
  const columns = columnsFrom(options.columns);
  const filters: AccountFilters = {
    tier: choiceList<Tier>('tier', options.tier, filterChoices.tier),
    segment: choiceList('segment', options.segment, filterChoices.segment),
    quadrant: choiceList('quadrant', options.quadrant, filterChoices.quadrant),
    risk: choiceList('risk', options.risk, filterChoices.risk),
    owner: options.owner,
    region: options.region,
    industry: options.industry,
    incomplete: options.incomplete,
    stale: options.stale,
  };
  const where = options.where === undefined ? undefined : await compileWhere(options.where);

  const loaded = await loadFor('ls', options, ctx);
  const { inputs } = listedAccounts(loaded);
  let rows = inputs.map(accountRow).filter((r) => matches(r, filters));
  if (where) {
    const kept: AccountRow[] = [];
    for (const r of rows) if (await where(r)) kept.push(r);
    rows = kept;
  }
  rows = sortRows(rows, sort);

  io.stdout.write(render(rows, columns, format, options.columns !== undefined, ctx));
  reportInvalid(loaded.ws, ctx, 'the list');
  return exitCode(loaded.ws.findings);
}

function render(rows: AccountRow[], columns: AccountColumn[], format: (typeof lsFormats)[number], picked: boolean, ctx: Context): string {
  switch (format) {
    case 'json': {
      const out = picked ? rows.map((r) => Object.fromEntries(columns.map((c) => [c, columnValue(r, c)]))) : rows;
      return `${JSON.stringify(out, null, 2)}\n`;
    }
    case 'csv':
      return csvText(
        columns,
        rows.map((r) => columns.map((c) => columnValue(r, c))),
      );
    case 'md':
      return `${mdTable(accountGrid(rows, columns))}\n`;
    case 'table': {
      if (rows.length === 0) return 'No accounts match.\n';
      const chalk = makeChalk(ctx.io);
      const paint = (c: number, text: string, r: number) => {
        const column = columns[c];
        if (column === 'tier') return tierColour[rows[r].tier](chalk, text);
        if (column === 'risk') return riskColour[rows[r].risk.level](chalk, text);
        if (column === 'completeness' && rows[r].completeness < 100) return chalk.yellow(text);
        return text;
      };
      return `${listTable(accountGrid(rows, columns), chalk, paint)}\n${rows.length} account${rows.length === 1 ? '' : 's'}\n`;
    }
  }
}
