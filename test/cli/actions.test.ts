/** `kam actions` on a fixture workspace: filters, sort, formats, and the calendar's stable UIDs. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fixtures, kam, tempWorkspace } from '../helpers.js';

const week = join(fixtures, 'week');
type Row = { account: string; task: string; due: string | null; status: string; daysOverdue: number; uid: string; objective: string | null; owner: string | null };
const rows = async (...args: string[]): Promise<Row[]> => {
  const r = await kam(['actions', '-C', week, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};
const tasks = async (...args: string[]) => (await rows(...args)).map((r) => r.task);

/** Every file the fixture has, to copy into a workspace the test may change. */
const copyOfWeek = () =>
  tempWorkspace(Object.fromEntries(['kam.yaml', 'accounts/alpha-auto.yaml', 'accounts/beta-pharma.yaml', 'accounts/gamma-solar.yaml'].map((f) => [f, readFileSync(join(week, f), 'utf8')])));

describe('kam actions', () => {
  it('lists the open actions by due date (none last), with objective text, owner, status and days overdue', async () => {
    const all = await rows();
    expect(all.map((r) => [r.due, r.account, r.status, r.daysOverdue])).toEqual([
      ['2026-10-20', 'alpha-auto', 'in_progress', 12],
      ['2026-11-10', 'alpha-auto', 'planned', 0],
      ['2026-11-14', 'beta-pharma', 'planned', 0],
      ['2026-12-31', 'beta-pharma', 'planned', 0],
      [null, 'beta-pharma', 'blocked', 0],
    ]);
    expect(all[0]).toMatchObject({ task: 'Submit the TCO comparison', objective: 'Win Line 7', owner: 'Wang Lei' });
  });

  it('the table marks the overdue ones and counts them', async () => {
    const r = await kam(['actions', '-C', week]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ 2026-10-20 │\s+12 d │ alpha-auto\s+│ Submit the TCO comparison/);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('5 actions, 1 overdue, as of 2026-11-01');
  });

  it('--all adds the done and dropped ones', async () => {
    expect(await tasks('--all', '--account', 'alpha-auto')).toEqual(['Kick-off meeting', 'Dropped idea', 'Submit the TCO comparison', '组织客户参观工厂']);
  });

  it('filters by --owner (case ignored), --overdue, --due-within and --account', async () => {
    expect(await tasks('--owner', 'WANG LEI')).toEqual(['Submit the TCO comparison', '提交报价, 含"备件"']);
    expect(await tasks('--overdue')).toEqual(['Submit the TCO comparison']);
    expect(await tasks('--due-within', '10d')).toEqual(['Submit the TCO comparison', '组织客户参观工厂']);
    expect(await tasks('--due-within', '14d')).toEqual(['Submit the TCO comparison', '组织客户参观工厂', '提交报价, 含"备件"']);
    expect(await tasks('--due-within', '2w')).toEqual(['Submit the TCO comparison', '组织客户参观工厂', '提交报价, 含"备件"']);
    expect(await tasks('--due-within', '0')).toEqual(['Submit the TCO comparison']);
    expect(await tasks('--account', 'beta-pharma', '--owner', '李娜')).toEqual(['=HYPERLINK("http://x","quote")', 'No date yet']);
    expect(await tasks('--account', 'gamma-solar,alpha-auto', '--account', 'beta-pharma', '--overdue')).toEqual(['Submit the TCO comparison']);
    // --as-of moves today: a month later three are overdue
    expect((await rows('--overdue', '--as-of', '2026-12-01')).map((r) => r.daysOverdue)).toEqual([42, 21, 17]);
  });

  it('refuses a bad --due-within, an unknown account and an unknown format with exit 2', async () => {
    for (const args of [['--due-within', 'two weeks'], ['--due-within', '-3d'], ['--account', 'nope'], ['--format', 'xlsx']]) {
      const r = await kam(['actions', '-C', week, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect((await kam(['actions', '-C', week, '--account', 'nope'])).stderr).toBe('kam: --account: no account "nope" in the workspace\n');
  });

  it('prints Markdown and CSV (guarded against formulas, Chinese and quotes intact)', async () => {
    const md = await kam(['actions', '-C', week, '--format', 'md', '--owner', '李娜']);
    expect(md.stdout.split('\n').slice(0, 3)).toEqual([
      '| due | overdue | account | task | objective | owner | status |',
      '|---|---:|---|---|---|---|---|',
      '| 2026-12-31 |  | beta-pharma | =HYPERLINK("http://x","quote") |  | 李娜 | planned |',
    ]);
    const csv = await kam(['actions', '-C', week, '--format', 'csv']);
    const parsed = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(parsed[0])).toEqual(['due', 'days_overdue', 'account', 'task', 'objective', 'owner', 'status', 'account_name', 'file', 'uid']);
    expect(parsed.map((p) => p.task)).toContain('提交报价, 含"备件"');
    expect(parsed.map((p) => p.task)).toContain(`'=HYPERLINK("http://x","quote")`);
    expect(parsed[0].days_overdue).toBe('12');
  });

  it('writes a calendar that parses: all-day events on the due date, open ones with a date', async () => {
    const r = await kam(['actions', '-C', week, '--format', 'ics']);
    expect(r.code).toBe(0);
    // RFC 5545 on the wire: CRLF line ends, dates without a time for all-day events
    expect(r.stdout.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(r.stdout).toContain('\r\nDTSTART;VALUE=DATE:20261020\r\nDTEND;VALUE=DATE:20261021\r\n');
    const cal = new ICAL.Component(ICAL.parse(r.stdout));
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['Submit the TCO comparison', '组织客户参观工厂', '提交报价, 含"备件"', '=HYPERLINK("http://x","quote")']);
    for (const e of events) {
      expect(e.startDate.isDate).toBe(true);
      expect(e.endDate.toString()).toBe(e.startDate.clone().adjust(1, 0, 0, 0).toString().slice(0, 10));
    }
    expect(events[0].startDate.toString()).toBe('2026-10-20');
    expect(events[0].description).toContain('Alpha Automotive (alpha-auto)');
    expect(events[0].description).toContain('12 days overdue');
    expect(new Set(events.map((e) => e.uid)).size).toBe(4);
  });

  it('keeps each event UID across runs, and when the due date, status, owner or order change', async () => {
    const root = copyOfWeek();
    const uids = async () => {
      const r = await kam(['actions', '-C', root, '--format', 'ics']);
      const cal = new ICAL.Component(ICAL.parse(r.stdout));
      return Object.fromEntries(cal.getAllSubcomponents('vevent').map((v) => [v.getFirstPropertyValue('summary'), v.getFirstPropertyValue('uid')]));
    };
    const first = await uids();
    const again = await kam(['actions', '-C', root, '--format', 'ics']);
    expect(again.stdout).toBe((await kam(['actions', '-C', root, '--format', 'ics'])).stdout);
    expect(await uids()).toEqual(first);
    const file = join(root, 'accounts', 'alpha-auto.yaml');
    const text = readFileSync(file, 'utf8');
    // swap the first two actions, move a date, hand one to someone else
    const lines = text.split('\n');
    const a = lines.findIndex((l) => l.includes('Submit the TCO'));
    [lines[a], lines[a + 1]] = [lines[a + 1].replace('2026-11-10', '2026-11-20'), lines[a].replace('Wang Lei', 'Li Na')];
    writeFileSync(file, lines.join('\n'));
    expect(await uids()).toEqual(first);
    expect(first['Submit the TCO comparison']).toMatch(/^[0-9a-f]{20}\.alpha-auto@kam$/);
  });

  it('writes an empty calendar when no action has a due date', async () => {
    const r = await kam(['actions', '-C', week, '--format', 'ics', '--account', 'gamma-solar']);
    const cal = new ICAL.Component(ICAL.parse(r.stdout));
    expect(cal.getAllSubcomponents('vevent')).toEqual([]);
    expect((await kam(['actions', '-C', week, '--account', 'gamma-solar'])).stdout).toBe('No actions match.\n');
  });

  it('reports invalid files on stderr and exits 1', async () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\n', 'accounts/bad.yaml': 'id: bad\nname: [\n' });
    const r = await kam(['actions', '-C', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('accounts/bad.yaml');
  });
});
