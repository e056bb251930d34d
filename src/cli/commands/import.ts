/**
 * `kam import <file.csv>`: a CRM export into the workspace. An Account export (or any table of
 * accounts) creates one account file per row; a Salesforce Contact or Opportunity export adds
 * entries to the accounts already imported (matched by the Salesforce account id in `x-crm`); a
 * User export names the owners the accounts hold only as ids. An account file that exists is
 * compared with the export: what it lacks is added, what differs is reported and changed only
 * with `--force`, and what a person wrote elsewhere in it is kept. `--dry-run` writes nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { accountFields, accountFile } from '../../authoring/account-template.js';
import { modeline } from '../../authoring/modeline.js';
import { orderLike } from '../../authoring/skeleton.js';
import { UsageError } from '../../errors.js';
import { readTable, type Note, type Table } from '../../import/csv.js';
import { exportKind, planEntries, type EntryList, type PlannedEntry } from '../../import/entries.js';
import { assignIds, editText, compare, crmIdOf, describeChange, type Change } from '../../import/merge.js';
import { emptyCounts, planImport, type ImportCounts } from '../../import/plan.js';
import { idKey } from '../../import/salesforce.js';
import { readUsers, type Users } from '../../import/users.js';
import { readSource } from '../../load/read.js';
import { findWorkspace, loadDoc } from '../../load/workspace.js';
import { defaultConfig } from '../../schema/config.js';
import { packageRoot } from '../../util/package-root.js';
import { plural } from '../../util/plural.js';
import { writeFileAtomic } from '../../util/write.js';
import type { Context } from '../main.js';
import { displayPath, schemaHint } from '../written.js';

export interface ImportOptions {
  dir?: string;
  map?: string[];
  users?: string;
  encoding?: string;
  dryRun?: boolean;
  force?: boolean;
}

type Data = Record<string, unknown>;

/** The workspace currency, and whether kam.yaml names it; undefined when kam.yaml is invalid. */
function workspaceCurrency(root: string): { currency?: string; assumed: boolean } {
  const file = ['kam.yaml', 'kam.yml'].find((f) => existsSync(join(root, f)));
  if (!file) return { currency: defaultConfig().currency, assumed: true };
  return { currency: loadDoc('config', file, readSource(join(root, file))).data?.currency, assumed: false };
}

/** An account file of the workspace. */
interface AccountFile {
  id: string;
  file: string;
  text: string;
  /** undefined when the file does not parse as YAML */
  data?: Data;
  crmId?: string;
}

function readAccounts(root: string): AccountFile[] {
  const folder = join(root, 'accounts');
  if (!existsSync(folder)) return [];
  const out: AccountFile[] = [];
  for (const name of readdirSync(folder).sort()) {
    const m = /^(.+)\.ya?ml$/.exec(name);
    const file = join(folder, name);
    if (!m || !statSync(file).isFile()) continue;
    const text = readFileSync(file, 'utf8');
    const doc = parseDocument(text);
    const data = doc.errors.length === 0 ? doc.toJS() : undefined;
    const plain = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : undefined;
    out.push({ id: m[1], file, text, data: plain, crmId: crmIdOf(plain) });
  }
  return out;
}

/** One file the import writes, or would. */
interface Target {
  rows: number[];
  id: string;
  existing?: AccountFile;
  /** the values the export gives the account (all of it, for a new file) */
  wanted: Data;
}

const rowsText = (rows: readonly number[]) => (rows.length === 1 ? `row ${rows[0]}` : rows.length <= 3 ? `rows ${rows.join(', ')}` : `rows ${rows[0]}…${rows[rows.length - 1]} (${rows.length})`);

/** Targets for an account export: each row to its file (by Salesforce id, else by slug). */
function accountTargets(table: Table, maps: readonly string[], currency: string | undefined, users: Users | undefined, files: AccountFile[]) {
  const plan = planImport(table, maps, { currency, users });
  const assigned = assignIds(plan.accounts, files);
  const byId = new Map(files.map((f) => [f.id, f]));
  const targets: Target[] = plan.accounts.map((a, i) => {
    const { id } = assigned[i];
    const rest = { ...a.data };
    delete rest.id;
    return { rows: [a.row], id, existing: byId.get(id), wanted: byId.has(id) ? rest : orderLike(accountFields, { id, ...rest }) };
  });
  return { targets, notes: plan.notes, counts: plan.counts };
}

/** Targets for a Contact or Opportunity export: each account's new and known entries. */
function entryTargets(table: Table, list: EntryList, users: Users | undefined, files: AccountFile[], currency: string | undefined) {
  const plan = planEntries(table, list, users);
  const notes: Note[] = [...plan.notes];
  const byCrm = new Map(files.filter((f) => f.crmId !== undefined).map((f) => [f.crmId!, f]));
  const grouped = new Map<AccountFile, PlannedEntry[]>();
  let unmatched = 0;
  for (const entry of plan.entries) {
    const file = byCrm.get(idKey(entry.account));
    if (!file) {
      unmatched++;
      notes.push({ row: entry.row, message: `skipped: no account in accounts/ has the Salesforce id ${entry.account} (import the Account export first)` });
      continue;
    }
    const own = (file.data?.currency as string | undefined) ?? currency;
    if (entry.currency && own && entry.currency !== own && entry.data.value !== undefined) {
      const crm = (entry.data['x-crm'] ??= {}) as Data;
      crm.Amount = entry.data.value;
      delete entry.data.value;
      notes.push({ row: entry.row, message: `Amount is in ${entry.currency}, the account's figures in ${own}: kept under x-crm` });
    }
    if (entry.ownerMissing) plan.counts.ownersMissing++;
    grouped.set(file, [...(grouped.get(file) ?? []), entry]);
  }
  const targets: Target[] = [...grouped].map(([file, entries]) => ({ rows: entries.map((e) => e.row), id: file.id, existing: file, wanted: { [list]: entries.map((e) => e.data) } }));
  return { targets, notes: notes.sort((a, b) => a.row - b.row), counts: plan.counts, unmatched };
}

/** Targets for a User export: the leads and contact owners the accounts hold only as user ids. */
function userTargets(users: Users, files: AccountFile[]): Target[] {
  const out: Target[] = [];
  for (const file of files) {
    const data = file.data;
    if (!data) continue;
    const wanted: Data = {};
    const owner = (data['x-crm'] as Data | undefined)?.OwnerId;
    const lead = typeof owner === 'string' ? users.get(owner) : undefined;
    if (lead) wanted.team = { account_lead: lead };
    const contacts = Array.isArray(data.contacts) ? (data.contacts as Data[]) : [];
    const named = contacts.flatMap((c) => {
      const crm = c?.['x-crm'] as Data | undefined;
      const name = typeof crm?.OwnerId === 'string' ? users.get(crm.OwnerId) : undefined;
      return name && typeof crm?.Id === 'string' ? [{ 'x-crm': { Id: crm.Id }, owner: name }] : [];
    });
    if (named.length > 0) wanted.contacts = named;
    if (Object.keys(wanted).length > 0) out.push({ rows: [], id: file.id, existing: file, wanted });
  }
  return out;
}

const currencyLine = (counts: ImportCounts, currency: string | undefined, assumed: boolean): string => {
  const stated = Object.entries(counts.currencies).sort((a, b) => b[1] - a[1]);
  const workspace = assumed
    ? `${currency}, kam's default: there is no kam.yaml (\`kam init --currency <code>\` makes one)`
    : currency === undefined
      ? "the workspace's (kam.yaml does not validate: `kam validate` says why)"
      : `${currency}, the workspace's`;
  if (stated.length === 0) return `Currency: the export names none (no CurrencyIsoCode); amounts taken as ${workspace}.`;
  return `Currency: ${stated.map(([c, n]) => `${c} (${plural(n, 'row')})`).join(', ')}, as CurrencyIsoCode says; rows without one are in ${workspace}.`;
};

export async function run([csv]: unknown[], options: ImportOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const readCsv = (name: string) => {
    const source = resolve(io.cwd, name);
    if (!existsSync(source) || !statSync(source).isFile()) throw new UsageError(`no such file: ${name}`);
    return readTable(readFileSync(source), name, options.encoding);
  };
  const table = readCsv(String(csv));
  const users = options.users === undefined ? undefined : readUsers(readCsv(options.users), options.users);
  const root = findWorkspace(io.cwd, options.dir);
  const { currency, assumed } = workspaceCurrency(root);
  const kind = exportKind(table.header);
  if (kind !== 'account' && (options.map ?? []).length > 0) throw new UsageError(`--map applies to exports of accounts; ${String(csv)} is a Salesforce ${kind === 'user' ? 'User' : kind === 'contact' ? 'Contact' : 'Opportunity'} export, whose columns kam knows`);
  const files = readAccounts(root);

  let targets: Target[];
  let notes: Note[] = table.notes;
  let counts: ImportCounts = emptyCounts();
  let unmatched = 0;
  if (kind === 'account') ({ targets, notes, counts } = accountTargets(table, options.map ?? [], currency, users, files));
  else if (kind === 'user') targets = userTargets(readUsers(table, String(csv)), files);
  else ({ targets, notes, counts, unmatched } = entryTargets(table, kind === 'contact' ? 'contacts' : 'opportunities', users, files, currency));

  const out: string[] = [];
  const tally = { created: 0, updated: 0, unchanged: 0, kept: 0, differences: 0 };
  let failed = 0;
  const would = options.dryRun ? 'would ' : '';
  for (const target of targets) {
    const file = target.existing?.file ?? join(root, 'accounts', `${target.id}.yaml`);
    const shown = displayPath(io, file);
    const where = target.rows.length > 0 ? ` (${rowsText(target.rows)})` : '';
    const mode = modeline('account', file, root, packageRoot);
    let text: string;
    let details: string[] = [];
    let changes: Change[] = [];
    if (!target.existing) {
      text = accountFile(target.wanted, mode);
    } else {
      const old = target.existing;
      if (!old.data) {
        out.push(`not changed ${shown}${where}: it is not valid YAML; fix it, then import again`);
        tally.kept++;
        continue;
      }
      changes = compare(old.data, target.wanted);
      const differ = changes.filter((c) => c.kind === 'differ');
      tally.differences += differ.length;
      const applied = options.force ? changes : changes.filter((c) => c.kind === 'add');
      details = changes.flatMap((c) =>
        describeChange(c).map((line) => `    ${c.kind === 'add' ? '+' : '~'} ${line}${c.kind === 'differ' ? (options.force ? ": the export's taken (--force)" : ': kept') : ''}`),
      );
      if (applied.length === 0) {
        if (differ.length === 0) {
          tally.unchanged++;
          out.push(`unchanged ${shown}${where}`);
        } else {
          tally.kept++;
          out.push(`kept ${shown}${where}: ${plural(differ.length, 'difference')} from the export; --force takes the export's`, ...details);
        }
        continue;
      }
      // every character the file had stays; the changes go in where they belong
      text = editText(old.text, applied);
      // a file as kam wrote it is written again in plan order (a new section where the skeleton has it)
      if (accountFile(orderLike(accountFields, old.data), mode) === old.text) {
        text = accountFile(orderLike(accountFields, parseDocument(text).toJS() as Data), mode);
      }
    }
    // every value was checked on its own; this catches what only the whole file could get wrong
    const problem = loadDoc('account', `accounts/${target.id}.yaml`, { text }).findings[0];
    if (problem) {
      failed++;
      out.push(`not written ${shown}${where}: line ${problem.line}: ${problem.message}`);
      continue;
    }
    if (!target.existing) {
      tally.created++;
      out.push(`${would}${options.dryRun ? 'create' : 'created'} ${shown}${where}${options.dryRun ? ':' : ''}`);
      if (options.dryRun) out.push(stringify(target.wanted, { lineWidth: 100 }).trimEnd().replace(/^/gm, '    '));
    } else {
      tally.updated++;
      out.push(`${would}${options.dryRun ? 'update' : 'updated'} ${shown}${where}`, ...details);
    }
    if (!options.dryRun) writeFileAtomic(file, text, { mode: target.existing ? 'replace' : 'create' });
  }

  const summary = options.dryRun
    ? `Dry run, nothing written: would create ${plural(tally.created, 'file')}, update ${tally.updated}; ${tally.unchanged} unchanged, ${tally.kept} kept.`
    : `${plural(tally.created, 'file')} created, ${tally.updated} updated, ${tally.unchanged} unchanged, ${tally.kept} kept.`;
  const skipped = notes.filter((n) => n.message.startsWith('skipped')).length;
  const parts = [summary];
  const why = [counts.deleted ? `${counts.deleted} deleted in Salesforce` : '', unmatched ? `${unmatched} for accounts not imported` : ''].filter(Boolean);
  if (skipped) parts.push(`${plural(skipped, 'row')} skipped${why.length ? ` (${why.join(', ')})` : ''}.`);
  if (tally.differences > 0 && !options.force) parts.push(`${plural(tally.differences, 'difference')} from the export kept as the files have them; --force takes the export's.`);
  out.push('', parts.join(' '));
  if (kind === 'user') out.push(`Users: ${plural(targets.length, 'account')} with owners named by this export.`);
  else {
    if (kind !== 'contact') out.push(currencyLine(counts, currency, assumed));
    if (counts.ownersMissing > 0) {
      const who = kind === 'account' ? ['account lead', 'account leads'] : kind === 'contact' ? ['contact owner', 'contact owners'] : ['owner', 'owners'];
      out.push(`${plural(counts.ownersMissing, who[0], who[1])} missing: Salesforce gives ${counts.ownersMissing === 1 ? 'a user id' : 'user ids'} (kept under x-crm.OwnerId); run again with --users users.csv (a Salesforce User export) to name them.`);
    }
  }
  if (tally.created > 0 && !options.dryRun) {
    const hint = schemaHint(root);
    if (hint) out.push(hint);
  }
  if (notes.length > 0) io.stderr.write(`${notes.map((n) => `kam: ${String(csv)} row ${n.row}: ${n.message}`).join('\n')}\n`);
  io.stdout.write(`${out.join('\n')}\n`);
  return failed > 0 ? 1 : 0;
}
