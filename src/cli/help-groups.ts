/**
 * `kam --help` lists the commands in groups, a newcomer's first ones first, each with one example.
 * A new command joins with one line here (its group and its example); a test fails for a command
 * without one. The groups show in this order, the commands of a group in the order of this table.
 */
export const helpGroups = { start: 'Start:', daily: 'Daily:', tools: 'Tools:' } as const;
export type HelpGroup = keyof typeof helpGroups;

export const commandHelp: Record<string, { group: HelpGroup; example: string }> = {
  init: { group: 'start', example: 'kam init acme --yes --ci' },
  new: { group: 'start', example: 'kam new initech --name "Initech Ltd"' },
  import: { group: 'start', example: 'kam import accounts.csv --dry-run' },
  validate: { group: 'daily', example: 'kam validate' },
  check: { group: 'daily', example: 'kam check --format github' },
  score: { group: 'daily', example: 'kam score --sort composite' },
  ls: { group: 'daily', example: 'kam ls --risk high --owner "Wang Lei"' },
  actions: { group: 'daily', example: 'kam actions --due-within 14d' },
  plan: { group: 'daily', example: 'kam plan --format html --lang zh' },
  diff: { group: 'daily', example: 'kam diff main' },
  trend: { group: 'daily', example: 'kam trend --every month' },
  schema: { group: 'tools', example: 'kam schema' },
  export: { group: 'tools', example: 'kam export portfolio.xlsx' },
  explain: { group: 'tools', example: 'kam explain team/account-lead' },
};

const groupOrder = Object.keys(helpGroups) as HelpGroup[];
const tableOrder = Object.keys(commandHelp);

/** Sort key of a command in `kam --help`: its group, then its row; commands not in the table last. */
export function helpRank(name: string): number {
  const entry = commandHelp[name];
  return entry ? groupOrder.indexOf(entry.group) * 1000 + tableOrder.indexOf(name) : groupOrder.length * 1000;
}
