/**
 * What an import would change in an account file that exists: the export's values compared,
 * field by field, with the file's. A field the file lacks is added; a field that differs is a
 * difference, changed only with `--force`; a field the export does not fill is never touched.
 * Entries of lists (`contacts`, `opportunities`) are matched by their Salesforce id
 * (`x-crm.Id`), else by position, so a second import adds what is new instead of duplicating.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { idKey } from './salesforce.js';
import { showPath, type PathSegment } from './target.js';

export interface Change {
  path: PathSegment[];
  /** `add`: the file has no value there (or, with `append`, the entry is new); `differ`: it has another */
  kind: 'add' | 'differ';
  append?: boolean;
  from?: unknown;
  to: unknown;
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An entry's Salesforce id, if it has one. */
export function crmIdOf(entry: unknown): string | undefined {
  if (!isMapping(entry)) return undefined;
  const crm = entry['x-crm'];
  const id = isMapping(crm) ? crm.Id : undefined;
  return typeof id === 'string' && id !== '' ? idKey(id) : undefined;
}

const equal = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The changes that make `existing` hold every value of `wanted` (at `path`). */
export function compare(existing: unknown, wanted: unknown, path: PathSegment[] = []): Change[] {
  if (existing === undefined || existing === null) return [{ path, kind: 'add', to: wanted }];
  if (isMapping(wanted) && isMapping(existing)) {
    return Object.keys(wanted).flatMap((key) => compare(Object.hasOwn(existing, key) ? existing[key] : undefined, wanted[key], [...path, key]));
  }
  if (Array.isArray(wanted) && Array.isArray(existing) && wanted.some(isMapping)) {
    const out: Change[] = [];
    const taken = new Set<number>();
    wanted.forEach((entry, i) => {
      const id = crmIdOf(entry);
      const at = id !== undefined ? existing.findIndex((e, j) => !taken.has(j) && crmIdOf(e) === id) : i < existing.length && !taken.has(i) ? i : -1;
      if (at < 0) out.push({ path, kind: 'add', append: true, to: entry });
      else {
        taken.add(at);
        out.push(...compare(existing[at], entry, [...path, at]));
      }
    });
    return out;
  }
  return equal(existing, wanted) ? [] : [{ path, kind: 'differ', from: existing, to: wanted }];
}

const show = (v: unknown) => JSON.stringify(v);
const entryName = (v: unknown) => (isMapping(v) && typeof v.name === 'string' ? v.name : show(v));

/** The values of a mapping as `path: value` pairs, leaf by leaf. */
function leaves(path: PathSegment[], value: unknown): [PathSegment[], unknown][] {
  if (!isMapping(value)) return [[path, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves([...path, k], v));
}

/**
 * A change as lines: `contacts[2].title: "VP Sales" in the file, "SVP Sales" in the export`,
 * `team.account_lead: "Anna Schmidt" added`, `contacts: new entry Jonas Brandt (003Ec00000Cn1AA)`.
 */
export function describeChange(change: Change): string[] {
  const where = showPath(change.path);
  const entry = (v: unknown) => {
    const id = crmIdOf(v);
    return `${where}: new entry ${entryName(v)}${id ? ` (${id})` : ''}`;
  };
  if (change.append) return [entry(change.to)];
  if (change.kind === 'differ') return [`${where}: ${show(change.from)} in the file, ${show(change.to)} in the export`];
  if (Array.isArray(change.to) && change.to.some(isMapping)) return change.to.map(entry);
  const all = leaves(change.path, change.to);
  if (all.length > 4) return [`${where}: ${all.length} values added`];
  return all.map(([path, value]) => `${showPath(path)}: ${show(value)} added`);
}

const DIGITS = /^(0|[1-9]\d{0,14})$/;

/** Years and other digit keys as numbers (`2025: 4100000`, not `"2025": 4100000`), as kam writes them. */
function yamlValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(yamlValue);
  if (!isMapping(value)) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, yamlValue(v)] as const);
  if (entries.length > 0 && entries.every(([k]) => DIGITS.test(k))) return new Map(entries.map(([k, v]) => [Number(k), v]));
  return Object.fromEntries(entries);
}

/** The pair of `map` whose key reads as `key` (years are numbers in YAML, strings in paths). */
const pairOf = (map: YAMLMap, key: string) => map.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === key);

/** The node at `path`, or undefined. */
function nodeAt(doc: Document, path: readonly PathSegment[]): unknown {
  let at: unknown = doc.contents;
  for (const seg of path) {
    if (typeof seg === 'number') at = isSeq(at) ? (at as YAMLSeq).items[seg] : undefined;
    else at = isMap(at) ? pairOf(at as YAMLMap, seg)?.value : undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

type Ranged = Node & { range: [number, number, number]; flow?: boolean };

const columnOf = (text: string, offset: number) => offset - text.lastIndexOf('\n', offset - 1) - 1;
const indent = (block: string, by: number) => block.replace(/\n$/, '').split('\n').map((l) => (l === '' ? l : ' '.repeat(by) + l)).join('\n');

/** A value written in place of another, on its line: a scalar as YAML writes it, else in flow style. */
function inline(value: unknown): string {
  const text = stringify(yamlValue(value), { lineWidth: 0, collectionStyle: 'flow' }).replace(/\n$/, '');
  return text.includes('\n') ? JSON.stringify(value) : text;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * `text` with `changes` made in place: each changed value is replaced where it stands, new keys
 * and entries are inserted after the last item of their mapping or list at its indentation, and
 * every other character (comments, layout, the commented-out skeleton) stays as it was.
 */
export function editText(text: string, changes: readonly Change[]): string {
  const doc = parseDocument(text);
  const edits: Edit[] = [];
  const after = (node: Ranged) => {
    const end = node.range[1];
    return { at: end, lead: end > 0 && text[end - 1] !== '\n' ? '\n' : '' };
  };
  for (const change of changes) {
    if (change.append) {
      const seq = nodeAt(doc, change.path) as Ranged & YAMLSeq;
      if (seq.flow || seq.items.length === 0) {
        const whole = [...(doc.getIn(change.path) as YAMLSeq).toJSON(), change.to];
        edits.push({ start: seq.range[0], end: seq.range[1], text: inline(whole) });
      } else {
        const { at, lead } = after(seq);
        edits.push({ start: at, end: at, text: `${lead}${indent(stringify([yamlValue(change.to)], { lineWidth: 100 }), columnOf(text, seq.range[0]))}\n` });
      }
      continue;
    }
    const existing = nodeAt(doc, change.path) as Ranged | null | undefined;
    if (existing && !(isScalar(existing) && existing.value === null)) {
      edits.push({ start: existing.range[0], end: existing.range[1], text: isScalar(existing) || existing.flow ? inline(change.to) : `${inline(change.to)}\n` });
      continue;
    }
    const parentPath = change.path.slice(0, -1);
    const key = change.path[change.path.length - 1] as string;
    const map = (parentPath.length === 0 ? doc.contents : nodeAt(doc, parentPath)) as Ranged & YAMLMap;
    const held = isMap(map) ? pairOf(map, key) : undefined;
    if (held) {
      // `key:` with nothing (or `~`, `null`) after it: the value goes after the colon
      const from = isScalar(held.value) ? (held.value as Ranged).range[0] : text.indexOf(':', (held.key as Ranged).range[1]) + 1;
      const to = isScalar(held.value) ? (held.value as Ranged).range[1] : from;
      edits.push({ start: from, end: to, text: `${from === to ? ' ' : ''}${inline(change.to)}` });
      continue;
    }
    const yamlKey = DIGITS.test(key) ? new Map([[Number(key), yamlValue(change.to)]]) : { [key]: yamlValue(change.to) };
    if (map.flow || map.items.length === 0) {
      const whole = { ...(map.toJSON() as Record<string, unknown>), [key]: change.to };
      edits.push({ start: map.range[0], end: map.range[1], text: inline(whole) });
    } else {
      const { at, lead } = after(map);
      edits.push({ start: at, end: at, text: `${lead}${indent(stringify(yamlKey, { lineWidth: 100 }), columnOf(text, map.range[0]))}\n` });
    }
  }
  // from the end, so earlier offsets stay right; of two inserts at one place, the first change comes first
  const order = edits.map((e, i) => [e, i] as const).sort((a, b) => b[0].start - a[0].start || b[1] - a[1]);
  let out = text;
  for (const [e] of order) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** An account file of the workspace, as the import sees it. */
export interface ExistingAccount {
  id: string;
  /** `x-crm.Id`, as its 15-character key */
  crmId?: string;
}

/**
 * The file each planned account goes to: the file holding its Salesforce id, else the file of its
 * slug when that file holds no other Salesforce id, else a new id (`acme-2`) no file has. Rows with
 * an id claim their files first, so a changed export finds every account again.
 */
export function assignIds(rows: readonly { base: string; recordId?: string }[], files: readonly ExistingAccount[]): { id: string; exists: boolean }[] {
  const byCrm = new Map(files.filter((f) => f.crmId !== undefined).map((f) => [f.crmId!, f.id]));
  const byId = new Map(files.map((f) => [f.id, f]));
  const claimed = new Set<string>();
  const out: ({ id: string; exists: boolean } | undefined)[] = rows.map((r) => {
    const id = r.recordId === undefined ? undefined : byCrm.get(idKey(r.recordId));
    if (id === undefined || claimed.has(id)) return undefined;
    claimed.add(id);
    return { id, exists: true };
  });
  rows.forEach((r, i) => {
    if (out[i]) return;
    const key = r.recordId === undefined ? undefined : idKey(r.recordId);
    for (let n = 1; ; n++) {
      const id = n === 1 ? r.base : `${r.base}-${n}`;
      if (claimed.has(id)) continue;
      const file = byId.get(id);
      if (file && file.crmId !== undefined && key !== undefined && file.crmId !== key) continue;
      claimed.add(id);
      out[i] = { id, exists: file !== undefined };
      return;
    }
  });
  return out as { id: string; exists: boolean }[];
}
