/**
 * Salesforce Contact and Opportunity exports as entries of accounts already imported: each row
 * becomes a contact or an opportunity of the account whose Salesforce id (`x-crm.Id`) is the
 * row's `AccountId`. Every entry keeps its own Salesforce id under `x-crm.Id`, so a second import
 * finds it again; columns that fill no field of the entry are kept under the entry's `x-crm`.
 */
import { isRealDate } from '../schema/common.js';
import type { Note, Table } from './csv.js';
import { levelOf } from './levels.js';
import { parseNumber } from './number.js';
import { emptyCounts, type ImportCounts } from './plan.js';
import { commonFields, isTrue, normaliseColumn } from './salesforce.js';
import { stageOf } from './stages.js';
import { crmKey, setOwn } from './target.js';
import { isUserHeader, personName, type Users } from './users.js';

export type ExportKind = 'account' | 'contact' | 'opportunity' | 'user';
export type EntryList = 'contacts' | 'opportunities';

type Role =
  | 'id' | 'account' | 'name' | 'first' | 'last' | 'title' | 'owner' | 'stage' | 'amount' | 'probability' | 'close'
  | 'currency' | 'closed' | 'won' | 'deleted' | 'system';

export interface EntryField {
  api: string;
  labels: readonly string[];
  role: Role;
}

const shared: readonly EntryField[] = [
  { api: 'AccountId', labels: ['Account ID'], role: 'account' },
  { api: 'OwnerId', labels: ['Owner ID'], role: 'owner' },
  { api: 'CurrencyIsoCode', labels: ['Currency ISO Code', 'Currency'], role: 'currency' },
  ...commonFields.map((f): EntryField => ({ api: f.api, labels: f.labels, role: f.deleted ? 'deleted' : 'system' })),
];

/** The Contact fields that fill a contact (the README's table). */
export const contactFields: readonly EntryField[] = [
  { api: 'Id', labels: ['Contact ID'], role: 'id' },
  { api: 'Name', labels: ['Full Name', 'Contact Name'], role: 'name' },
  { api: 'FirstName', labels: ['First Name'], role: 'first' },
  { api: 'LastName', labels: ['Last Name'], role: 'last' },
  { api: 'Title', labels: [], role: 'title' },
  ...shared,
];

/** The Opportunity fields that fill an opportunity (the README's table). */
export const opportunityFields: readonly EntryField[] = [
  { api: 'Id', labels: ['Opportunity ID'], role: 'id' },
  { api: 'Name', labels: ['Opportunity Name'], role: 'name' },
  { api: 'StageName', labels: ['Stage'], role: 'stage' },
  { api: 'Amount', labels: [], role: 'amount' },
  { api: 'Probability', labels: ['Probability (%)'], role: 'probability' },
  { api: 'CloseDate', labels: ['Close Date'], role: 'close' },
  { api: 'IsClosed', labels: ['Closed'], role: 'closed' },
  { api: 'IsWon', labels: ['Won'], role: 'won' },
  ...shared,
];

const index = (fields: readonly EntryField[]) => {
  const map = new Map<string, EntryField>();
  for (const f of fields) for (const name of [f.api, ...f.labels]) map.set(normaliseColumn(name), f);
  return map;
};
const contactIndex = index(contactFields);
const opportunityIndex = index(opportunityFields);

/** What a header is an export of: Salesforce Users, Contacts, Opportunities, else Accounts (or a report of them). */
export function exportKind(header: readonly string[]): ExportKind {
  const names = new Set(header.map(normaliseColumn));
  const has = (...list: string[]) => list.some((n) => names.has(normaliseColumn(n)));
  if (isUserHeader(header)) return 'user';
  if (!has('AccountId', 'Account ID')) return 'account';
  if (has('StageName', 'Stage') && has('Amount', 'Probability', 'Probability (%)', 'CloseDate', 'Close Date')) return 'opportunity';
  if (has('FirstName', 'First Name', 'LastName', 'Last Name') && has('Title', 'Email')) return 'contact';
  return 'account';
}

export interface PlannedEntry {
  row: number;
  /** the Salesforce id of the account the entry belongs to */
  account: string;
  list: EntryList;
  data: Record<string, unknown>;
  /** the currency the row states (`CurrencyIsoCode`) */
  currency?: string;
  /** the contact's owner is a user id no user name was found for */
  ownerMissing: boolean;
}

export interface EntryPlan {
  kind: EntryList;
  entries: PlannedEntry[];
  notes: Note[];
  counts: ImportCounts;
}

/**
 * A date as exports write it: `2026-03-31` (with or without a time), `2026/3/31`, `31.03.2026`,
 * or `3/31/2026` when the day is clearly the day (above 12); `4/5/2026` could be either and gives
 * undefined, as does anything else.
 */
export function parseDate(cell: string): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = (y: number, m: number, d: number) => {
    const text = `${y}-${pad(m)}-${pad(d)}`;
    return isRealDate(text) ? text : undefined;
  };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(cell);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(cell);
  if (m) return iso(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  if (m) {
    const [a, b] = [+m[1], +m[2]];
    if (a > 12 && b <= 12) return iso(+m[3], b, a);
    if (b > 12 && a <= 12) return iso(+m[3], a, b);
    if (a === b) return iso(+m[3], a, b);
  }
  return undefined;
}

/** The entries a Contact or Opportunity export gives, with notes on rows left out or values kept under x-crm. */
export function planEntries(table: Table, kind: EntryList, users?: Users): EntryPlan {
  const fields = kind === 'contacts' ? contactIndex : opportunityIndex;
  const columns = table.header.map((header) => ({ header, field: fields.get(normaliseColumn(header)) }));
  const notes: Note[] = [...table.notes];
  const counts = emptyCounts();
  const entries: PlannedEntry[] = [];
  const style = { decimalComma: table.decimalComma };

  rows: for (const { row, cells } of table.rows) {
    const crm: Record<string, unknown> = {};
    const byRole = new Map<Role, string>();
    for (const [i, { header, field }] of columns.entries()) {
      const cell = cells[i];
      if (cell === '' || field?.role === 'system') continue;
      if (field?.role === 'deleted') {
        if (isTrue(cell)) {
          counts.deleted++;
          notes.push({ row, message: 'skipped: deleted in Salesforce (IsDeleted)' });
          continue rows;
        }
        continue;
      }
      if (field) byRole.set(field.role, cell);
      if (!field || !['first', 'last', 'name', 'title', 'account', 'amount', 'probability', 'close', 'currency'].includes(field.role)) setOwn(crm, crmKey(field?.api ?? header), cell);
    }
    const account = byRole.get('account');
    const name = kind === 'contacts' ? (byRole.has('name') ? personName(undefined, byRole.get('name')) : personName(byRole.get('first'), byRole.get('last'))) : byRole.get('name');
    if (account === undefined) {
      notes.push({ row, message: `skipped: no AccountId` });
      continue;
    }
    if (name === undefined) {
      notes.push({ row, message: `skipped: no ${kind === 'contacts' ? 'contact' : 'opportunity'} name` });
      continue;
    }
    const data: Record<string, unknown> = { name };
    let ownerMissing = false;
    const keep = (key: string, cell: string, why: string) => {
      setOwn(crm, crmKey(key), cell);
      notes.push({ row, message: `${key} ${JSON.stringify(cell)} ${why}: kept under x-crm` });
    };
    const currency = byRole.get('currency')?.toUpperCase();
    if (currency) {
      counts.currencies[currency] = (counts.currencies[currency] ?? 0) + 1;
      if (kind === 'opportunities') crm.CurrencyIsoCode = currency;
    }
    if (kind === 'contacts') {
      const title = byRole.get('title');
      if (title !== undefined) {
        data.title = title;
        const level = levelOf(title);
        if (level) data.level = level;
      }
      const owner = byRole.get('owner');
      if (owner !== undefined) {
        // an owner id never becomes a name: --users resolves it, else it stays under x-crm
        const person = users?.get(owner);
        if (person !== undefined) data.owner = person;
        else ownerMissing = true;
      }
    } else {
      const stageName = byRole.get('stage');
      if (stageName !== undefined) {
        const closed = byRole.get('closed');
        const won = byRole.get('won');
        const stage = stageOf(stageName, { closed: closed === undefined ? undefined : isTrue(closed), won: won === undefined ? undefined : isTrue(won) });
        if (stage) data.stage = stage;
      }
      const amount = byRole.get('amount');
      if (amount !== undefined) {
        const value = parseNumber(amount, style);
        if (value === undefined) keep('Amount', amount, 'is not a number');
        else data.value = value;
      }
      const probability = byRole.get('probability');
      if (probability !== undefined) {
        const n = parseNumber(probability, style);
        const ratio = n === undefined ? undefined : probability.includes('%') ? n : n / 100;
        if (ratio === undefined || ratio < 0 || ratio > 1) keep('Probability', probability, 'is not a percentage from 0 to 100');
        else data.probability = Math.round(ratio * 1e6) / 1e6;
      }
      const close = byRole.get('close');
      if (close !== undefined) {
        const date = parseDate(close);
        if (date === undefined) keep('CloseDate', close, 'is not a date kam can read without guessing (write it YYYY-MM-DD)');
        else data.close_date = date;
      }
    }
    if (Object.keys(crm).length > 0) data['x-crm'] = crm;
    entries.push({ row, account, list: kind, data, currency, ownerMissing });
  }
  return { kind, entries, notes: notes.sort((a, b) => a.row - b.row), counts };
}
