/**
 * `kam actions`: every action of every valid account as one row, its filters, and the calendar
 * of them. Pure: accounts and "today" in, rows or text out.
 *
 * A calendar event's UID is `<hash>.<account id>@kam`, where the hash is of the account id and
 * the action's task text (and, for a second action with the same task in one account, its
 * ordinal): reordering the list, moving the due date, changing the owner or the status keeps
 * the UID, so a calendar subscribed to the file updates the event instead of adding another;
 * rewording the task makes it a new event.
 */
import { createHash } from 'node:crypto';
import type { Account, ActionStatus } from '../schema/account.js';
import { daysBetween } from '../today.js';
import { sameName, type Grid } from './text.js';

const openStatuses: ReadonlySet<ActionStatus> = new Set<ActionStatus>(['planned', 'in_progress', 'blocked']);

export interface ActionRow {
  account: string;
  accountName: string;
  file: string;
  /** its index in `plan.actions` */
  index: number;
  task: string;
  /** the objective's text when `objective` names an objective id of the plan, else as written */
  objective: string | null;
  owner: string | null;
  due: string | null;
  /** as written; an action without a status is `planned` */
  status: ActionStatus;
  open: boolean;
  /** whole days past its due date while open; 0 otherwise */
  daysOverdue: number;
  /** the calendar UID (see above) */
  uid: string;
}

/** The accounts' fields the actions need. */
export type ActionSource = { file: string; account: Pick<Account, 'id' | 'name' | 'plan'> };

export function actionUid(accountId: string, task: string, ordinal: number): string {
  const hash = createHash('sha256').update(`${accountId}\0${task.trim()}\0${ordinal}`).digest('hex').slice(0, 20);
  return `${hash}.${accountId}@kam`;
}

export function actionRows(sources: readonly ActionSource[], today: string): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const { file, account } of sources) {
    const objectives = new Map((account.plan?.objectives ?? []).flatMap((o) => (o.id === undefined ? [] : [[o.id, o.text] as const])));
    const seen = new Map<string, number>();
    (account.plan?.actions ?? []).forEach((action, index) => {
      const status = action.status ?? 'planned';
      const open = openStatuses.has(status);
      const key = action.task.trim();
      const ordinal = seen.get(key) ?? 0;
      seen.set(key, ordinal + 1);
      const due = action.due ?? null;
      rows.push({
        account: account.id,
        accountName: account.name,
        file,
        index,
        task: action.task,
        objective: action.objective === undefined ? null : (objectives.get(action.objective) ?? action.objective),
        owner: action.owner ?? null,
        due,
        status,
        open,
        daysOverdue: open && due !== null && due < today ? daysBetween(due, today) : 0,
        uid: actionUid(account.id, action.task, ordinal),
      });
    });
  }
  return rows;
}

export interface ActionFilters {
  /** also the done and dropped ones */
  all?: boolean;
  owner?: string;
  /** open and past their due date */
  overdue?: boolean;
  /** due on or before today plus this many days (overdue ones included) */
  dueWithin?: number;
  accounts?: readonly string[];
}

export function matchesAction(row: ActionRow, f: ActionFilters, today: string): boolean {
  return (
    (f.all || row.open) &&
    (f.owner === undefined || sameName(row.owner ?? undefined, f.owner)) &&
    (!f.overdue || row.daysOverdue > 0) &&
    (f.dueWithin === undefined || (row.due !== null && daysBetween(today, row.due) <= f.dueWithin)) &&
    (f.accounts === undefined || f.accounts.includes(row.account))
  );
}

/** `14d`, `2w` or `14` as days; undefined for anything else. */
export function parseDays(value: string): number | undefined {
  const m = /^\s*(\d{1,5})\s*([dw]?)\s*$/i.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * (m[2].toLowerCase() === 'w' ? 7 : 1);
}

/** By due date (none last), then account id, then the order in the plan. */
export function sortActions(rows: readonly ActionRow[]): ActionRow[] {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...rows].sort(
    (x, y) => (x.due === y.due ? 0 : x.due === null ? 1 : y.due === null ? -1 : text(x.due, y.due)) || text(x.account, y.account) || x.index - y.index,
  );
}

/** The columns of the table, Markdown and CSV, in order. */
export const actionColumns = [
  { key: 'due', head: 'due', align: 'left', value: (r: ActionRow) => r.due },
  { key: 'overdue', head: 'overdue', align: 'right', value: (r: ActionRow) => r.daysOverdue },
  { key: 'account', head: 'account', align: 'left', value: (r: ActionRow) => r.account },
  { key: 'task', head: 'task', align: 'left', value: (r: ActionRow) => r.task },
  { key: 'objective', head: 'objective', align: 'left', value: (r: ActionRow) => r.objective },
  { key: 'owner', head: 'owner', align: 'left', value: (r: ActionRow) => r.owner },
  { key: 'status', head: 'status', align: 'left', value: (r: ActionRow) => r.status },
] as const;

export function actionGrid(rows: readonly ActionRow[]): Grid {
  return {
    heads: actionColumns.map((c) => c.head),
    aligns: actionColumns.map((c) => c.align),
    rows: rows.map((r) =>
      actionColumns.map((c) => {
        const v = c.value(r);
        if (c.key === 'overdue') return r.daysOverdue > 0 ? `${r.daysOverdue} d` : '';
        return v === null ? '' : String(v);
      }),
    ),
  };
}

/** The JSON form of a row (`--format json`). */
export const actionJson = (r: ActionRow) => ({
  account: r.account,
  accountName: r.accountName,
  file: r.file,
  index: r.index,
  task: r.task,
  objective: r.objective,
  owner: r.owner,
  due: r.due,
  status: r.status,
  open: r.open,
  daysOverdue: r.daysOverdue,
  uid: r.uid,
});

/**
 * An iCalendar file (RFC 5545) of the rows that have a due date: one all-day event each, on its
 * due date, written by ical.js (escaping, line folding, CRLF). Each event is serialised on its own
 * and let go: one component tree of 20,000 events keeps the garbage collector busy for seconds.
 * DTSTAMP is the day taken as today, so the same plans on the same day give the same bytes.
 */
export async function actionsIcs(rows: readonly ActionRow[], today: string, calendarName: string): Promise<string> {
  const { default: ICAL } = await import('ical.js');
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('prodid', '-//kam//kam actions//EN');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  cal.addPropertyWithValue('x-wr-calname', calendarName);
  const stamp = ICAL.Time.fromDateTimeString(`${today}T00:00:00Z`);
  const events: string[] = [];
  for (const r of rows) {
    if (r.due === null) continue;
    const start = ICAL.Time.fromDateString(r.due);
    const end = start.clone();
    end.adjust(1, 0, 0, 0);
    const v = new ICAL.Component('vevent');
    v.addPropertyWithValue('uid', r.uid);
    v.addPropertyWithValue('dtstamp', stamp);
    v.addPropertyWithValue('dtstart', start);
    v.addPropertyWithValue('dtend', end);
    v.addPropertyWithValue('summary', r.task);
    v.addPropertyWithValue(
      'description',
      [
        `${r.accountName} (${r.account})`,
        r.objective ? `objective: ${r.objective}` : undefined,
        r.owner ? `owner: ${r.owner}` : undefined,
        `status: ${r.status}`,
        r.daysOverdue > 0 ? `${r.daysOverdue} days overdue` : undefined,
        `${r.file}, plan.actions[${r.index}]`,
      ]
        .filter((s) => s !== undefined)
        .join('\n'),
    );
    v.addPropertyWithValue('status', r.status === 'dropped' ? 'CANCELLED' : 'CONFIRMED');
    v.addPropertyWithValue('transp', 'TRANSPARENT');
    const categories = v.addPropertyWithValue('categories', 'kam');
    categories.setValues(['kam', r.account]);
    events.push(v.toString());
  }
  // the calendar's own lines around the events, as ical.js writes them
  const head = cal.toString().replace(/\r\nEND:VCALENDAR$/, '');
  return [head, ...events, 'END:VCALENDAR', ''].join('\r\n');
}
