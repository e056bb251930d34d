/**
 * Two loaded workspaces (base and head) to a `WorkspaceDiff`: which accounts were added, removed,
 * renamed or changed, and how. Pure: no git, no clock; `cli/commands/diff.ts` loads the sides.
 *
 * Matching:
 * - accounts by id (= file name); a removed and an added account with the same `name` (exactly,
 *   after trimming), one on each side and no other account of that name, are one renamed account;
 * - objectives by `id`, else by text; actions by `task`; contacts by `name`; other lists of
 *   mappings by their natural key (see `accountKeys`); lists of plain values as sets of items.
 */
import type { Doc, Workspace } from '../load/workspace.js';
import type { Account } from '../schema/account.js';
import { analysisDelta, type DiffAnalysis, type Analyse } from './analysis.js';
import { deepEqual, diffFields, itemsNotIn, keyed } from './fields.js';
import {
  swotLists,
  type AccountChanges,
  type AccountDiff,
  type AccountRef,
  type ActionChanges,
  type ActionRef,
  type FileDiff,
  type ObjectiveChanges,
  type ObjectiveRef,
  type Side,
  type Skipped,
  type WorkspaceDiff,
} from './model.js';

type Objective = NonNullable<NonNullable<Account['plan']>['objectives']>[number];
type Action = NonNullable<NonNullable<Account['plan']>['actions']>[number];

const objectiveKey = (o: Objective) => o.id ?? o.text;
const actionKey = (a: Action) => a.task;

/** How entries of an account's lists of mappings are matched between the sides. */
const accountKeys: Record<string, (entry: Record<string, unknown>) => unknown> = {
  contacts: (c) => c.name,
  competitors: (c) => c.ref ?? c.name,
  intel: (i) => i.fact,
  'plan.objectives': (o) => objectiveKey(o as Objective),
  'plan.actions': (a) => actionKey(a as Action),
  'plan.revenue_plan': (r) => r.year,
  opportunities: (o) => o.name,
  'service.issues': (i) => i.id ?? i.opened,
  'service.satisfaction': (s) => s.date,
  'self.offerings': (o) => o.id,
};

/** Reported in their own sections (or, for `id`, by the kind `renamed`), not as field changes. */
const sectionPaths = new Set(['id', 'customer.swot', 'plan.objectives[].due', 'plan.actions[].due', 'plan.actions[].owner']);
const sectionLists = new Set(['contacts', 'plan.objectives', 'plan.actions']);

const CLOSED = ['done', 'dropped'] as const;
type Closed = (typeof CLOSED)[number];
const isClosed = (status: string | undefined): status is Closed => CLOSED.includes(status as Closed);

const objectiveRef = (o: Objective): ObjectiveRef => ({ key: objectiveKey(o), text: o.text, due: o.due ?? null });
const actionRef = (a: Action): ActionRef => ({ task: a.task, owner: a.owner ?? null, due: a.due ?? null, status: a.status ?? null });

function objectiveChanges(base: Objective[] | undefined, head: Objective[] | undefined): ObjectiveChanges {
  const a = keyed(base, objectiveKey);
  const b = keyed(head, objectiveKey);
  const out: ObjectiveChanges = { added: [], removed: [], redated: [] };
  for (const [k, o] of a) if (!b.has(k)) out.removed.push({ ...objectiveRef(o), key: k });
  for (const [k, o] of b) {
    const before = a.get(k);
    if (!before) out.added.push({ ...objectiveRef(o), key: k });
    else if ((before.due ?? null) !== (o.due ?? null)) out.redated.push({ key: k, text: o.text, from: before.due ?? null, to: o.due ?? null });
  }
  return out;
}

function actionChanges(base: Action[] | undefined, head: Action[] | undefined): ActionChanges {
  const a = keyed(base, actionKey);
  const b = keyed(head, actionKey);
  const out: ActionChanges = { added: [], removed: [], closed: [], reopened: [], redated: [], reassigned: [] };
  for (const [k, x] of a) if (!b.has(k)) out.removed.push({ ...actionRef(x), task: k });
  for (const [task, x] of b) {
    const before = a.get(task);
    if (!before) {
      out.added.push({ ...actionRef(x), task });
      continue;
    }
    if (!isClosed(before.status) && isClosed(x.status)) out.closed.push({ task, from: before.status ?? null, to: x.status });
    if (isClosed(before.status) && !isClosed(x.status)) out.reopened.push({ task, from: before.status, to: x.status ?? null });
    if ((before.due ?? null) !== (x.due ?? null)) out.redated.push({ task, from: before.due ?? null, to: x.due ?? null });
    if ((before.owner ?? null) !== (x.owner ?? null)) out.reassigned.push({ task, from: before.owner ?? null, to: x.owner ?? null });
  }
  return out;
}

/** Everything that changed in one account between the sides. */
export function accountChanges(base: Account, head: Account): AccountChanges {
  const actions = actionChanges(base.plan?.actions, head.plan?.actions);
  const baseContacts = (base.contacts ?? []).map((c) => c.name);
  const headContacts = (head.contacts ?? []).map((c) => c.name);
  const swot: AccountChanges['swot'] = {};
  for (const list of swotLists) {
    const a = base.customer?.swot?.[list] ?? [];
    const b = head.customer?.swot?.[list] ?? [];
    const added = itemsNotIn(b, a);
    const removed = itemsNotIn(a, b);
    if (added.length || removed.length) swot[list] = { added, removed };
  }
  // a status change that closed or reopened an action is listed there, not again as a field
  const statusShown = new Set([...actions.closed, ...actions.reopened].map((x) => `plan.actions[${x.task}].status`));
  const fields = diffFields(base, head, { keys: accountKeys, skip: sectionPaths, noEntries: sectionLists }).filter(
    (f) => !(f.kind === 'value' && statusShown.has(f.path)),
  );
  return {
    objectives: objectiveChanges(base.plan?.objectives, head.plan?.objectives),
    actions,
    contacts: { added: itemsNotIn(headContacts, baseContacts), removed: itemsNotIn(baseContacts, headContacts) },
    swot,
    fields,
  };
}

/** True when `changes` holds no change at all. */
export function isEmpty(changes: AccountChanges): boolean {
  const { objectives: o, actions: a, contacts: c, swot, fields } = changes;
  return (
    [o.added, o.removed, o.redated, a.added, a.removed, a.closed, a.reopened, a.redated, a.reassigned, c.added, c.removed, fields].every((l) => l.length === 0) &&
    Object.keys(swot).length === 0
  );
}

type ValidAccount = Doc<'account'> & { data: Account; id: string };

interface AccountSide {
  valid: Map<string, ValidAccount>;
  /** ids whose only file on this side is invalid → that file */
  invalid: Map<string, Doc<'account'>>;
}

function accountSide(ws: Workspace): AccountSide {
  const valid = new Map<string, ValidAccount>();
  const invalid = new Map<string, Doc<'account'>>();
  for (const doc of ws.accounts) {
    const id = doc.id ?? doc.file;
    if (doc.data !== undefined) valid.set(id, doc as ValidAccount);
    else if (!invalid.has(id)) invalid.set(id, doc);
  }
  for (const id of valid.keys()) invalid.delete(id);
  return { valid, invalid };
}

const ref = (doc: ValidAccount): AccountRef => ({ id: doc.data.id, name: doc.data.name, file: doc.file });

/** Non-account files (kam.yaml, self.yaml, competitors) compared as written (their parsed YAML). */
function fileDiffs(base: Workspace, head: Workspace, skipped: Skipped[]): FileDiff[] {
  const docs = (ws: Workspace) => {
    const list: (Doc | undefined)[] = [ws.configDoc, ws.self, ...ws.competitors];
    return new Map(list.filter((d): d is Doc => d !== undefined).map((d) => [d.file, d]));
  };
  const a = docs(base);
  const b = docs(head);
  const out: FileDiff[] = [];
  for (const file of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(file);
    const y = b.get(file);
    const broken = (d: Doc | undefined) => d !== undefined && d.raw === undefined && d.findings.length > 0;
    if (broken(x) || broken(y)) {
      if (!deepEqual(x?.raw, y?.raw) || broken(x) !== broken(y)) skipped.push({ file, side: broken(x) && broken(y) ? 'both' : broken(x) ? 'base' : 'head' });
      continue;
    }
    if (!x) out.push({ file, change: 'added', fields: [] });
    else if (!y) out.push({ file, change: 'removed', fields: [] });
    else {
      const fields = diffFields(x.raw, y.raw, { keys: { offerings: (o) => o.id } });
      if (fields.length) out.push({ file, change: 'changed', fields });
    }
  }
  return out;
}

export interface CompareOptions {
  base: Side;
  head: Side;
  /** the analysis hook: when given, class, score and risk deltas are added (see `analysis.ts`) */
  analyse?: Analyse;
  /** the date both sides are analysed at */
  today?: string;
}

const byId = (d: AccountDiff) => d.account.id;

/**
 * The rename rule: a removed and an added account sharing a `name` (exactly, after trimming)
 * that no other removed or added account has are one renamed account. `kam trend` applies it
 * between consecutive revisions, so a renamed account keeps one series.
 */
export function pairRenames<T extends { data: { name: string } }>(removed: readonly T[], added: readonly T[]): [T, T][] {
  const key = (d: T) => d.data.name.trim();
  const count = (list: readonly T[]) => list.reduce((m, d) => m.set(key(d), (m.get(key(d)) ?? 0) + 1), new Map<string, number>());
  const removedNames = count(removed);
  const addedNames = count(added);
  const pairs: [T, T][] = [];
  for (const d of added) {
    const n = key(d);
    if (addedNames.get(n) !== 1 || removedNames.get(n) !== 1) continue;
    pairs.push([removed.find((r) => key(r) === n)!, d]);
  }
  return pairs;
}

/** Compares two loaded workspaces. Invalid account files are not compared but listed in `skipped`. */
export function compareWorkspaces(base: Workspace, head: Workspace, options: CompareOptions): WorkspaceDiff {
  const a = accountSide(base);
  const b = accountSide(head);
  const skipped: Skipped[] = [];
  for (const [id, doc] of a.invalid) {
    const other = b.invalid.get(id);
    // invalid on both sides and parsed to the same value: nothing changed there
    if (other && doc.raw !== undefined && deepEqual(doc.raw, other.raw)) continue;
    skipped.push({ file: other?.file ?? doc.file, side: other ? 'both' : 'base' });
  }
  for (const [id, doc] of b.invalid) if (!a.invalid.has(id)) skipped.push({ file: doc.file, side: 'head' });

  const removed = [...a.valid.values()].filter((d) => !b.valid.has(d.id) && !b.invalid.has(d.id));
  const added = [...b.valid.values()].filter((d) => !a.valid.has(d.id) && !a.invalid.has(d.id));

  const pairs = pairRenames(removed, added);
  const paired = new Set(pairs.flat());

  const aAnalysis = options.analyse?.(base, options.today ?? '');
  const bAnalysis = options.analyse?.(head, options.today ?? '');
  const delta = (baseId: string | null, headId: string | null) => {
    if (!options.analyse) return {};
    const get = (m: ReadonlyMap<string, DiffAnalysis> | undefined, id: string | null) => (id === null ? undefined : m?.get(id));
    const d = analysisDelta(get(aAnalysis, baseId), get(bAnalysis, headId));
    return d ? { analysis: d } : {};
  };

  const accounts: AccountDiff[] = [];
  for (const d of removed) if (!paired.has(d)) accounts.push({ kind: 'removed', account: ref(d), ...delta(d.id, null) });
  for (const d of added) if (!paired.has(d)) accounts.push({ kind: 'added', account: ref(d), ...delta(null, d.id) });
  for (const [from, to] of pairs) {
    accounts.push({ kind: 'renamed', base: ref(from), account: ref(to), changes: accountChanges(from.data, to.data), ...delta(from.id, to.id) });
  }
  for (const [id, to] of b.valid) {
    const from = a.valid.get(id);
    if (!from) continue;
    const changes = accountChanges(from.data, to.data);
    const extra = delta(id, id);
    if (!isEmpty(changes) || extra.analysis) accounts.push({ kind: 'changed', base: ref(from), account: ref(to), changes, ...extra });
  }
  accounts.sort((x, y) => (byId(x) < byId(y) ? -1 : byId(x) > byId(y) ? 1 : 0));

  const files = fileDiffs(base, head, skipped);
  skipped.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  const summary = { added: 0, removed: 0, renamed: 0, changed: 0, files: files.length, skipped: skipped.length };
  for (const d of accounts) summary[d.kind]++;
  return { base: options.base, head: options.head, analysed: options.analyse !== undefined, summary, accounts, files, skipped };
}
