/**
 * The command line: flags, help and exit codes. Each command's action imports its own module, so
 * `kam --help` and `kam --version` load commander and nothing heavy (no zod, YAML, handlebars or
 * prompts). Exit codes: 0 success, 1 findings, 2 usage or environment errors and crashes.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import { diffFormats } from '../diff/render/names.js';
import { trendFormats } from '../trend/render/names.js';
import { formatNames } from '../format/names.js';
import { planFormats } from '../report/formats.js';
import { audiences, langs } from '../schema/names.js';
import { terminalText } from '../util/terminal-text.js';
import { commandHelp, helpGroups, helpRank } from './help-groups.js';
import type { Io } from './io.js';

export const version: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/** What every command's `run` receives besides its own options. */
export interface Context {
  io: Io;
  version: string;
  /** worker threads to load on, from `KAM_THREADS` (0: this thread); by default the workspace's size decides */
  threads?: number;
}

/** `KAM_THREADS`: forces the number of worker threads a large workspace is loaded on (0: none). */
function threadsFrom(env: Io['env']): number | undefined {
  const value = env.KAM_THREADS;
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 16) throw new UsageError(`KAM_THREADS takes a whole number from 0 to 16, not "${value}"`);
  return n;
}

type Run = (args: unknown[], options: Record<string, unknown>, ctx: Context) => Promise<number>;
const commandModules: Record<string, () => Promise<{ run: Run }>> = {
  validate: () => import('./commands/validate.js') as Promise<{ run: Run }>,
  score: () => import('./commands/score.js') as Promise<{ run: Run }>,
  check: () => import('./commands/check.js') as Promise<{ run: Run }>,
  plan: () => import('./commands/plan.js') as Promise<{ run: Run }>,
  diff: () => import('./commands/diff.js') as Promise<{ run: Run }>,
  trend: () => import('./commands/trend.js') as Promise<{ run: Run }>,
  schema: () => import('./commands/schema.js') as Promise<{ run: Run }>,
  init: () => import('./commands/init.js') as Promise<{ run: Run }>,
  new: () => import('./commands/new.js') as Promise<{ run: Run }>,
  import: () => import('./commands/import.js') as Promise<{ run: Run }>,
  explain: () => import('./commands/explain.js') as Promise<{ run: Run }>,
  ls: () => import('./commands/ls.js') as Promise<{ run: Run }>,
  actions: () => import('./commands/actions.js') as Promise<{ run: Run }>,
  export: () => import('./commands/export.js') as Promise<{ run: Run }>,
};

const dirOption = () => new Option('-C, --dir <path>', 'workspace folder (default: nearest folder upward with kam.yaml, else the current one)');
const asOfOption = () => new Option('--as-of <date>', 'the date taken as today, YYYY-MM-DD (default: kam.yaml as_of, else the system date)');
const formatOption = () => new Option('-f, --format <format>', 'output format').choices(formatNames).default('stylish');
const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

function build(ctx: Context, setCode: (code: number) => void): Command {
  const program = new Command('kam')
    .description('Key account management plans kept as code: validate, score, check, diff and report')
    .version(ctx.version, '-v, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.stdout.write(s), writeErr: (s) => ctx.io.stderr.write(s) })
    .configureHelp({
      // in `kam --help`, each command's one example under its description (help-groups.ts)
      subcommandDescription: (sub) => {
        const example = commandHelp[sub.name()]?.example;
        return example ? `${sub.description()}\n$ ${example}` : sub.description();
      },
    })
    .addHelpText('after', '\nRun `kam <command> --help` for its options and more examples.\n');

  const action = (name: string) => async (...all: unknown[]) => {
    const cmd = all[all.length - 1] as Command;
    const args = all.slice(0, -2);
    ctx.threads = threadsFrom(ctx.io.env);
    if (ctx.threads !== 0) await prestart(name, args, cmd.opts(), ctx.io.cwd);
    const mod = await commandModules[name]();
    setCode(await mod.run(args, cmd.opts(), ctx));
  };

  program
    .command('validate')
    .description('check every workspace file (or the files named) against the schemas')
    .argument('[files...]', 'files to validate (default: the whole workspace)')
    .addOption(dirOption())
    .addOption(formatOption())
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', (v) => positiveInt(v, '--max-warnings'))
    .option('--wide', 'on a terminal, do not fit the output to its width')
    .addHelpText('after', examples(['kam validate', 'kam validate accounts/initech.yaml', 'kam validate -C examples/acme --format json']))
    .action(action('validate'));

  program
    .command('score')
    .description('score, tier and classify every account; show defection risk and the portfolio view')
    .addOption(dirOption())
    .addOption(asOfOption())
    .option('--json', 'print the scores as JSON (sorted by id)')
    .option('--sort <column>', 'sort the table by a column (id, name, attractiveness, relationship, value, composite, tier, abc, segment, quadrant, risk, completeness)', 'id')
    .option('--tier <tier>', 'show only accounts of this tier (key, ordinary, prospect)')
    .option('--columns <list>', 'the table\'s columns in order, by key or head, e.g. id,name,S,tier,risk')
    .option('--wide', 'on a terminal, do not fit the output to its width')
    .addHelpText('after', examples(['kam score', 'kam score --sort composite --tier key', 'kam score --columns id,name,S,tier,risk', 'kam score --json > scores.json']))
    .action(action('score'));

  program
    .command('check')
    .description('validate and apply the completeness rules: the CI gate')
    .addOption(dirOption())
    .addOption(asOfOption())
    .addOption(formatOption())
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', (v) => positiveInt(v, '--max-warnings'))
    .option('--changed-since <ref>', 'check only the accounts whose files changed since this git revision')
    .option('--wide', 'on a terminal, do not fit the output to its width')
    .addHelpText('after', examples(['kam check', 'kam check --format github --max-warnings 0', 'kam check --changed-since origin/main']))
    .action(action('check'));

  program
    .command('plan')
    .description('render one account plan per account and a portfolio report')
    .argument('[workspace-or-ids...]', 'account ids to render (default: all); a folder as the first argument is the workspace')
    .addOption(dirOption())
    .addOption(asOfOption())
    .option('-o, --out <dir>', 'output folder, inside which plan writes only (default: reports in the workspace; reports/exec, reports/customer for those audiences)')
    .addOption(new Option('--format <format>', 'report format (pdf: the HTML printed by Chromium or Chrome)').choices(planFormats).default('md'))
    .addOption(new Option('--lang <lang>', 'report language (default: kam.yaml lang, else en)').choices(langs))
    .addOption(new Option('--audience <audience>', 'who the reports are for: the team, an executive, or the customer (default: kam.yaml report.audience, else team)').choices(audiences))
    .option('--force', 'overwrite files in the output folder that kam did not generate')
    .option('--no-trend', 'leave out the trend chart and the sparklines (drawn from the git history when the workspace is in git)')
    .option('--browser <path>', 'the Chromium or Chrome that prints --format pdf (default: KAM_BROWSER, else one found on the system)')
    .addHelpText('after', examples(['kam plan examples/acme', 'kam plan initech globex-cn --format html --lang zh', 'kam plan examples/acme --audience exec --format html', 'kam plan examples/acme --format pdf', 'kam plan --out out/plans']))
    .action(action('plan'));

  program
    .command('diff')
    .description('what changed in the account plans between two git revisions')
    .argument('[base]', 'base revision', 'HEAD')
    .argument('[head]', 'head revision (default: the working tree)')
    .addOption(dirOption())
    .addOption(asOfOption())
    .addOption(new Option('--format <format>', 'output format').choices(diffFormats).default('text'))
    .addHelpText('after', examples(['kam diff', 'kam diff main', 'kam diff v1 v2 --format md']))
    .action(action('diff'));

  program
    .command('trend')
    .description('the history of every plan, replayed from git: score, tier, quadrant, risk and completeness over time')
    .argument('[ids...]', 'account ids to show (default: all; a renamed account answers to any of its ids)')
    .addOption(dirOption())
    .option('--as-of <date>', 'score every revision at this date, YYYY-MM-DD (default: each revision at its commit date)')
    .option('--since <rev|date>', 'start at this revision (included) or date, YYYY-MM-DD')
    .option('--until <rev|date>', 'end at this revision or date (default: HEAD)')
    .addOption(new Option('--every <period>', 'only the last revision of each week or month').choices(['week', 'month']))
    .addOption(new Option('--settings <which>', "score with each revision's kam.yaml, or the last revision's (today's weights)").choices(['revision', 'head']).default('revision'))
    .addOption(new Option('--format <format>', 'output format').choices(trendFormats).default('table'))
    .addHelpText(
      'after',
      examples(['kam trend', 'kam trend initech --since 2026-01-01', 'kam trend --every month --settings head --format md', 'kam trend --since v1 --until v2 --format csv > trend.csv']),
    )
    .action(action('trend'));

  program
    .command('schema')
    .description('write JSON Schema files for editors (yaml-language-server)')
    .option('-o, --out <dir>', 'output folder (default: schemas in the workspace)')
    .addOption(dirOption())
    .option('--force', 'overwrite files kam did not generate')
    .addHelpText('after', examples(['kam schema', 'kam schema -C clients/acme', 'kam schema --out .vscode/schemas']))
    .action(action('schema'));

  program
    .command('init')
    .description('create a workspace (asks on a TTY; --yes and flags for scripts)')
    .argument('[dir]', 'folder to create the workspace in', '.')
    .option('-y, --yes', 'do not ask; take flags and defaults')
    .option('--company <name>', 'our company name (default: the folder name)')
    .option('--currency <code>', 'workspace currency (default: CNY)')
    .addOption(new Option('--lang <lang>', 'report language (default: en)').choices(langs))
    .option('--ci [provider]', 'also write a CI job that runs kam check: github (default, a GitHub Actions workflow) or gitlab (.gitlab-ci.yml)')
    .option('--no-package-json', 'with --ci, do not write a package.json where there is none')
    .option('--kam-from <spec>', 'with --ci, the kam dev dependency the package.json names: a version, tarball or git URL (default: ^<this version>)')
    .option('--example', 'also write a sample account')
    .option('--force', 'overwrite existing files')
    .addHelpText('after', examples(['kam init', 'kam init acme --yes --company "Example Co." --currency EUR --lang en', 'kam init --ci --kam-from git+https://git.example.com/tools/kam.git#v0.1.0', 'kam init --ci gitlab']))
    .action(action('init'));

  program
    .command('new')
    .description('add an account (or, with --competitor, a competitor) from a starter template')
    .argument('<id>', 'slug id, which is also the file name')
    .addOption(dirOption())
    .option('--competitor', 'create competitors/<id>.yaml instead of an account')
    .option('-y, --yes', 'do not ask; take flags and defaults')
    .option('--name <name>', 'account name')
    .option('--industry <industry>', 'industry')
    .option('--region <region>', 'region')
    .option('--lead <name>', 'account lead')
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', examples(['kam new initech', 'kam new initech --yes --name "Initech Ltd" --lead "Wang Lei"', 'kam new globex --competitor']))
    .action(action('new'));

  program
    .command('import')
    .description('accounts, contacts and opportunities from a CRM export (CSV)')
    .argument('<csv>', 'CSV file: a Salesforce Account, Contact, Opportunity or User export, or a report of accounts')
    .addOption(dirOption())
    .option('--map <column=path>', 'map a column to a field path (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--users <csv>', 'a Salesforce User export: names the owners that the export gives as user ids (005…)')
    .option('--encoding <name>', 'the CSV\'s encoding when it is not UTF-8 or UTF-16, as gbk for a Chinese Excel')
    .option('--dry-run', 'show what would be written, write nothing')
    .option('--force', 'where an existing file differs from the export, take the export\'s values')
    .addHelpText('after', examples(['kam import accounts.csv --users users.csv', 'kam import contacts.csv', 'kam import opportunities.csv --dry-run', 'kam import export.csv --map "Contact Name=contacts[0].name" --map "Total Sales=financials.revenue.2025"', 'kam import 客户.csv --encoding gbk']))
    .action(action('import'));

  program
    .command('ls')
    .description('list the accounts, filtered and sorted: tier, risk, owner, completeness, a --where expression')
    .addOption(dirOption())
    .addOption(asOfOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'csv', 'json', 'md']).default('table'))
    .option('--columns <list>', 'the columns, comma-separated (default: id,name,tier,segment,quadrant,risk,composite,completeness,lead,region; `kam ls --help` lists them)')
    .option('--sort <column>', 'sort by a column (numbers highest first, completeness lowest first)', 'id')
    .option('--tier <tiers>', 'only these tiers: key, ordinary, prospect (comma-separated)')
    .option('--segment <segments>', 'only these segments: VIP, MGC, BZ, standard')
    .option('--quadrant <quadrants>', 'only these quadrants: strategic, star, status, streamline')
    .option('--risk <levels>', 'only these defection risk levels: low, medium, high')
    .option('--owner <name>', 'only accounts this person leads or owns a contact of (case ignored)')
    .option('--region <region>', 'only this region (case ignored)')
    .option('--industry <industry>', 'only this industry (case ignored)')
    .option('--incomplete', 'only plans below 100 % complete')
    .option('--stale', 'only plans past their review date (plan/stale fails)')
    .option('--where <expression>', 'only rows for which this JSONata expression is true (it sees the rows of --format json)')
    .addHelpText(
      'after',
      `${examples([
        'kam ls --tier key --risk high',
        'kam ls --owner "Wang Lei" --incomplete',
        'kam ls --where "scores.composite >= 60 and figures.growth < 0"',
        'kam ls --columns id,name,revenue,growth --sort revenue --format csv > accounts.csv',
      ])}
Columns: id, name, industry, region, lead, owners, tier, abc, segment, quadrant, risk, risk-points,
  attractiveness, relationship, value, composite, completeness, stale, failed, reviewed, revenue,
  growth, wallet-share, profit, pipeline, opportunities, currency, file
`,
    )
    .action(action('ls'));

  program
    .command('actions')
    .description('every action across the accounts, by due date: who owes what, and what is overdue (or a calendar)')
    .addOption(dirOption())
    .addOption(asOfOption())
    .addOption(new Option('-f, --format <format>', 'output format (ics: a calendar of the actions, all-day on their due date)').choices(['table', 'md', 'csv', 'json', 'ics']).default('table'))
    .option('--all', 'also the done and dropped actions')
    .option('--owner <name>', 'only this owner\'s actions (case ignored)')
    .option('--overdue', 'only open actions past their due date')
    .option('--due-within <days>', 'only actions due within this many days, overdue ones included (14d, 2w)')
    .option('--account <ids>', 'only these accounts (comma-separated, repeatable)', (v: string, all: string[] = []) => [...all, v])
    .addHelpText('after', examples(['kam actions', 'kam actions --owner "Wang Lei" --due-within 14d', 'kam actions --overdue --format md', 'kam actions --format ics > actions.ics']))
    .action(action('actions'));

  program
    .command('export')
    .description('the portfolio as a spreadsheet: accounts, actions, contacts, opportunities, findings')
    .argument('<file-or-dir>', 'the .xlsx file to write, or with --format csv the folder for the CSV files')
    .addOption(dirOption())
    .addOption(asOfOption())
    .addOption(new Option('-f, --format <format>', 'xlsx (one workbook) or csv (one UTF-8 file per sheet)').choices(['xlsx', 'csv']))
    .addOption(new Option('--lang <lang>', 'header language (default: kam.yaml lang, else en)').choices(langs))
    .option('--force', 'overwrite existing files')
    .addHelpText('after', examples(['kam export portfolio.xlsx', 'kam export portfolio.xlsx --lang zh --as-of 2026-12-31', 'kam export --format csv out/portfolio']))
    .action(action('export'));

  program
    .command('explain')
    .description('what a finding code means, its severity and tiers, and how to fix it')
    .argument('[code]', 'a code as findings show it, e.g. team/account-lead (default: list every code)')
    .addOption(dirOption())
    .addOption(new Option('--lang <lang>', 'language (default: kam.yaml lang, else en)').choices(langs))
    .addHelpText('after', examples(['kam explain', 'kam explain team/account-lead', 'kam explain yaml/duplicate-key --lang zh']))
    .action(action('explain'));

  for (const sub of program.commands) {
    const entry = commandHelp[sub.name()];
    if (entry) sub.helpGroup(helpGroups[entry.group]);
  }
  (program.commands as Command[]).sort((x, y) => helpRank(x.name()) - helpRank(y.name()));
  return program;
}

/**
 * The worker threads that load a large workspace start now, so that their start-up overlaps the
 * command's own module loading (`pipeline/scope.ts` knows which runs load a whole workspace).
 */
async function prestart(name: string, args: unknown[], options: Record<string, unknown>, cwd: string): Promise<void> {
  const { prestart: start } = await import('../pipeline/scope.js');
  start(name, cwd, args, options);
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} takes a whole number, not "${value}"`);
  return n;
}

/** Runs kam with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const ctx: Context = { io, version };
  let code = 0;
  const program = build(ctx, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; every other commander error is a usage error
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`kam: ${terminalText(error.message)}\n`);
      return 2;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`kam crashed (version ${version}); please report this with the output below.\n${stack}\n`);
    return 2;
  }
}
