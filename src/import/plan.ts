/**
 * From a CRM table to account data, without touching files: which column fills which field
 * (`--map` first, then the recognised Salesforce fields), each row's values checked against the
 * schema, everything else kept under `x-crm`, and ids made unique in row order.
 */
import { accountFields } from '../authoring/account-template.js';
import { orderLike } from '../authoring/skeleton.js';
import { UsageError } from '../errors.js';
import type { Note, Row, Table } from './csv.js';
import { parseNumber, type NumberStyle } from './number.js';
import { isTrue, isUserId, normaliseColumn, recogniseColumn, salesforceFields, type CrmField } from './salesforce.js';
import { firstSlug, uniqueIds } from './slug.js';
import { convertCell, crmKey, resolveTarget, setIn, setOwn, showPath, type Target } from './target.js';
import { Account } from '../schema/account.js';
import type { Users } from './users.js';
import { levelOf } from './levels.js';

/** The key under which columns that fill no field are kept. */
export const CRM_KEY = 'x-crm';

export interface ColumnPlan {
  index: number;
  header: string;
  /** the field the column fills; columns sharing a field are tried in `rank` order, per row */
  target?: Target;
  rank: number;
  /** part of `region` (from the billing address) */
  region?: 'state' | 'country';
  /** where the cell goes when the column fills no field, or its value does not fit */
  crmKey: string;
  /** kept under x-crm as a number when it reads as one */
  number: boolean;
  /** the CRM record id (an id of last resort) */
  recordId: boolean;
  /** the recognised Salesforce field, if any */
  field?: CrmField;
}

export interface PlannedAccount {
  row: number;
  /** unique in row order; `kam import` makes it unique among the workspace's files too */
  id: string;
  /** the slug the id is made from */
  base: string;
  /** the CRM record id (`x-crm.Id`) */
  recordId?: string;
  data: Record<string, unknown>;
}

/** What an import counts for its summary. */
export interface ImportCounts {
  /** rows skipped because Salesforce marks them deleted */
  deleted: number;
  /** owner ids no user name was found for (kept under x-crm) */
  ownersMissing: number;
  /** rows by the currency they state (`CurrencyIsoCode`); rows without one are not counted */
  currencies: Record<string, number>;
}

export interface ImportPlan {
  columns: ColumnPlan[];
  accounts: PlannedAccount[];
  /** rows skipped and values kept under x-crm instead of their field, by row */
  notes: Note[];
  counts: ImportCounts;
}

export const emptyCounts = (): ImportCounts => ({ deleted: 0, ownersMissing: 0, currencies: Object.create(null) as Record<string, number> });

const pathKey = (t: Target) => showPath(t.path);

function findColumn(header: string[], column: string, spec: string): number {
  const exact = header.indexOf(column);
  if (exact >= 0) return exact;
  const loose = header.map((h, i) => [normaliseColumn(h), i] as const).filter(([h]) => h === normaliseColumn(column));
  if (loose.length === 1) return loose[0][1];
  throw new UsageError(`--map "${spec}": the CSV has no column "${column}" (its columns: ${header.join(', ')})`);
}

/** `--map "<column>=<field.path>"` flags, checked against the header and the schema. */
function parseMaps(specs: readonly string[], header: string[]): Map<number, Target> {
  const byColumn = new Map<number, Target>();
  const byPath = new Map<string, string>();
  for (const spec of specs) {
    const eq = spec.lastIndexOf('=');
    const column = spec.slice(0, eq).trim();
    const path = spec.slice(eq + 1).trim();
    if (eq < 0 || column === '' || path === '') throw new UsageError(`--map takes "<column>=<field.path>", as in --map "Total Sales=financials.revenue.2025"; got "${spec}"`);
    const index = findColumn(header, column, spec);
    const target = resolveTarget(path);
    if ('problem' in target) throw new UsageError(`--map "${spec}": ${target.problem}`);
    if (byColumn.has(index)) throw new UsageError(`--map "${spec}": column "${header[index]}" is already mapped`);
    const other = byPath.get(pathKey(target));
    if (other !== undefined) throw new UsageError(`--map "${spec}": ${path} is already filled by column "${other}"`);
    byColumn.set(index, target);
    byPath.set(pathKey(target), header[index]);
  }
  return byColumn;
}

/** What each column does: `--map` wins over a recognised Salesforce field for the same field. */
export function planColumns(header: string[], specs: readonly string[]): ColumnPlan[] {
  const maps = parseMaps(specs, header);
  const mappedPaths = new Set([...maps.values()].map(pathKey));
  const usedKeys = new Set<string>();
  const crmKey = (name: string) => {
    let key = name;
    for (let n = 2; usedKeys.has(key); n++) key = `${name} (${n})`;
    usedKeys.add(key);
    return key;
  };
  return header.map((name, index) => {
    const field = recogniseColumn(name);
    const plan: ColumnPlan = { index, header: name, rank: 0, crmKey: crmKey(field?.api ?? name), number: field?.number ?? false, recordId: field?.recordId ?? false, field };
    const mapped = maps.get(index);
    if (mapped) return { ...plan, target: mapped, number: false };
    if (field?.target && !mappedPaths.has(field.target)) {
      const target = resolveTarget(field.target) as Target;
      const rank = salesforceFields.indexOf(field) + 1;
      if (field.target === 'region') return { ...plan, target, rank, region: field.api.endsWith('State') ? 'state' : 'country' };
      return { ...plan, target, rank };
    }
    return plan;
  });
}

const setPath = setIn;

const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

interface MappedRow {
  row: number;
  data: Record<string, unknown>;
  recordId?: string;
  notes: Note[];
  deleted: boolean;
  ownersMissing: number;
  currency?: string;
}

/** A user id as a name when `users` knows it. */
const userName = (users: Users | undefined, id: string) => users?.get(id);

/** Entries (`contacts[0]`) a row filled that lack what the format requires (a contact's name): removed, their cells kept. */
function dropIncompleteEntries(data: Record<string, unknown>, filledBy: Map<string, ColumnPlan[]>, keep: (col: ColumnPlan) => void, notes: Note[], row: number): void {
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value) || !value.some((v) => v !== null && typeof v === 'object')) continue;
    const entries = value as unknown[];
    const kept: unknown[] = [];
    entries.forEach((entry, i) => {
      if (entry === undefined) return;
      const probe = Account.safeParse({ id: 'x', name: 'x', [key]: [entry] });
      if (probe.success) kept.push(entry);
      else {
        for (const col of filledBy.get(`${key}[${i}]`) ?? []) keep(col);
        notes.push({ row, message: `${key}[${i}] left out: ${probe.error.issues[0].path.slice(2).join('.') || 'it'} is required; its cells are kept under ${CRM_KEY}` });
      }
    });
    if (kept.length > 0) data[key] = kept;
    else delete data[key];
  }
}

function mapRow({ row, cells }: Row, columns: readonly ColumnPlan[], style: NumberStyle, users?: Users): MappedRow {
  const data: Record<string, unknown> = {};
  const crm: [number, string, unknown][] = [];
  const notes: Note[] = [];
  const keep = (col: ColumnPlan, cell: string) => crm.push([col.index, col.crmKey, col.number ? (parseNumber(cell, style) ?? cell) : cell]);
  let recordId: string | undefined;
  let currency: string | undefined;
  let ownersMissing = 0;
  const groups = new Map<string, ColumnPlan[]>();
  const region: Partial<Record<'state' | 'country', string>> = {};
  const filledBy = new Map<string, ColumnPlan[]>();

  for (const col of columns) {
    const cell = cells[col.index];
    if (cell === '') continue;
    if (col.field?.deleted) {
      if (isTrue(cell)) return { row, data, notes, deleted: true, ownersMissing: 0 };
      continue;
    }
    if (col.field?.system) continue;
    if (col.recordId) recordId = cell;
    if (col.field?.api === 'CurrencyIsoCode') currency = cell.toUpperCase();
    if (!col.target) keep(col, cell);
    else if (col.region) region[col.region] = cell;
    else groups.set(pathKey(col.target), [...(groups.get(pathKey(col.target)) ?? []), col]);
  }
  if (region.state !== undefined || region.country !== undefined) setPath(data, ['region'], [region.state, region.country].filter(Boolean).join(', '));

  for (const [path, group] of groups) {
    let filled = false;
    let missing = false;
    for (const col of [...group].sort((a, b) => a.rank - b.rank)) {
      let cell = col.field?.api === 'CurrencyIsoCode' ? cells[col.index].toUpperCase() : cells[col.index];
      if (filled) {
        keep(col, cell);
        continue;
      }
      // a Salesforce user id never becomes a name: --users resolves it, else it stays under x-crm
      if (col.field?.userId || (col.target!.kind === 'text' && isUserId(cell))) {
        const name = userName(users, cell);
        if (name === undefined) {
          keep(col, cell);
          missing = true;
          continue;
        }
        if (!col.field?.userId) keep(col, cell);
        cell = name;
      }
      const word = col.field?.values?.[cell.toLowerCase()];
      const converted = convertCell(word ?? cell, col.target!, style);
      if ('value' in converted) {
        setPath(data, col.target!.path, converted.value);
        if (col.field?.userId) keep(col, cells[col.index]);
        const entry = col.target!.path.findIndex((s) => typeof s === 'number');
        if (entry > 0) {
          const key = showPath(col.target!.path.slice(0, entry + 1));
          filledBy.set(key, [...(filledBy.get(key) ?? []), col]);
        }
        filled = true;
      } else {
        keep(col, cell);
        notes.push({ row, message: `column "${col.header}": ${quote(cell)} does not fit ${path} (${converted.problem}): kept under ${CRM_KEY}` });
      }
    }
    if (!filled && missing) ownersMissing++;
  }
  dropIncompleteEntries(data, filledBy, (col) => keep(col, cells[col.index]), notes, row);
  // a contact's level from its title, where the title says it (`Owner`, `采购总监`)
  for (const contact of Array.isArray(data.contacts) ? (data.contacts as Record<string, unknown>[]) : []) {
    const level = typeof contact.title === 'string' && contact.level === undefined ? levelOf(contact.title) : undefined;
    if (level) contact.level = level;
  }
  if (crm.length > 0) {
    const extension = (data[CRM_KEY] ?? {}) as Record<string, unknown>;
    for (const [, key, value] of crm.sort((a, b) => a[0] - b[0])) setOwn(extension, crmKey(key), value);
    data[CRM_KEY] = extension;
  }
  return { row, data, recordId, notes, deleted: false, ownersMissing, currency };
}

export interface PlanOptions {
  /** the workspace currency: an account's `currency` equal to it is left out (it only states the default) */
  currency?: string;
  /** Salesforce user names by user id (`--users`) */
  users?: Users;
}

/** The accounts a table gives: one per row with a name, ids unique in row order. */
export function planImport(table: Table, specs: readonly string[] = [], options: PlanOptions = {}): ImportPlan {
  const columns = planColumns(table.header, specs);
  if (!columns.some((c) => c.target && pathKey(c.target) === 'name')) {
    throw new UsageError(`no column gives the account name: expected "Name" or "Account Name", or map one, as in --map "Company=name" (the columns: ${table.header.join(', ')})`);
  }
  const notes: Note[] = [...table.notes];
  const counts = emptyCounts();
  const named: MappedRow[] = [];
  for (const row of table.rows) {
    const mapped = mapRow(row, columns, { decimalComma: table.decimalComma }, options.users);
    if (mapped.deleted) {
      counts.deleted++;
      notes.push({ row: row.row, message: 'skipped: deleted in Salesforce (IsDeleted)' });
      continue;
    }
    notes.push(...mapped.notes);
    if (options.currency !== undefined && mapped.data.currency === options.currency) delete mapped.data.currency;
    if (typeof mapped.data.name === 'string') {
      named.push(mapped);
      counts.ownersMissing += mapped.ownersMissing;
      if (mapped.currency) counts.currencies[mapped.currency] = (counts.currencies[mapped.currency] ?? 0) + 1;
    } else notes.push({ row: row.row, message: 'skipped: no account name' });
  }
  const bases = named.map((m) => firstSlug([m.data.name as string, m.recordId], `account-${m.row}`));
  const ids = uniqueIds(bases);
  const accounts = named.map((m, i) => ({ row: m.row, id: ids[i], base: bases[i], recordId: m.recordId, data: orderLike(accountFields, { id: ids[i], ...m.data }) }));
  return { columns, accounts, notes: notes.sort((a, b) => a.row - b.row), counts };
}
