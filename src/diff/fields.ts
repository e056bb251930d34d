/**
 * The generic part of the diff: two YAML values to the list of leaves that changed. Mappings are
 * walked key by key; lists of plain values compare as sets of items (order does not matter);
 * lists of mappings match entries by a key (`contacts` by name, `plan.actions` by task, ...) or,
 * where no key is known, by position.
 */
import type { FieldChange, Scalar } from './model.js';

/** A path with list positions replaced by `[]`, as the options name lists: `plan.actions[].owner`. */
export type ShapePath = string;

export interface WalkOptions {
  /** how the entries of a list of mappings are told apart, by the list's shape path */
  keys?: Readonly<Record<ShapePath, (entry: Record<string, unknown>) => unknown>>;
  /** shape paths not to report at all (reported elsewhere, or meaningless like `id`) */
  skip?: ReadonlySet<ShapePath>;
  /** lists whose added and removed entries are reported elsewhere (only matched entries are walked) */
  noEntries?: ReadonlySet<ShapePath>;
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMapping(a) && isMapping(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** A leaf for printing: scalars as they are, anything else (a type change) as compact JSON. */
const leaf = (v: unknown): Scalar => (v === undefined ? null : isScalar(v) ? v : JSON.stringify(v));

/**
 * The entries of a list by key, in list order. Entries with the same key are told apart by
 * occurrence: `Call the buyer`, `Call the buyer #2`. Entries without a key use their position.
 */
export function keyed<T>(list: readonly T[] | undefined, key: ((entry: T) => unknown) | undefined): Map<string, T> {
  const out = new Map<string, T>();
  (list ?? []).forEach((entry, i) => {
    const k = key && isMapping(entry) ? key(entry) : undefined;
    const base = k === undefined || k === null || k === '' ? String(i) : String(k);
    let name = base;
    for (let n = 2; out.has(name); n++) name = `${base} #${n}`;
    out.set(name, entry);
  });
  return out;
}

/** Items of `a` not in `b`, counting repeats (a multiset difference). */
export function itemsNotIn<T>(a: readonly T[], b: readonly T[]): T[] {
  const left = new Map<T, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: T[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Every changed leaf between `base` and `head`, sorted by path. */
export function diffFields(base: unknown, head: unknown, options: WalkOptions = {}): FieldChange[] {
  const out: FieldChange[] = [];
  const { keys = {}, skip = new Set(), noEntries = new Set() } = options;

  const walk = (a: unknown, b: unknown, path: string, shape: ShapePath): void => {
    if (skip.has(shape) || deepEqual(a, b)) return;
    const aMap = isMapping(a) || a === undefined;
    const bMap = isMapping(b) || b === undefined;
    if ((isMapping(a) || isMapping(b)) && aMap && bMap) {
      const ka = isMapping(a) ? Object.keys(a) : [];
      const kb = isMapping(b) ? Object.keys(b) : [];
      for (const k of [...new Set([...ka, ...kb])]) {
        walk(isMapping(a) ? a[k] : undefined, isMapping(b) ? b[k] : undefined, join(path, k), join(shape, k));
      }
      return;
    }
    const aList = Array.isArray(a) || a === undefined;
    const bList = Array.isArray(b) || b === undefined;
    if ((Array.isArray(a) || Array.isArray(b)) && aList && bList) {
      const la = (a ?? []) as unknown[];
      const lb = (b ?? []) as unknown[];
      if (la.every(isScalar) && lb.every(isScalar)) {
        const added = itemsNotIn(lb, la);
        const removed = itemsNotIn(la, lb);
        if (added.length || removed.length) out.push({ kind: 'items', path, added, removed });
        return;
      }
      const key = keys[shape] as ((entry: unknown) => unknown) | undefined;
      const ea = keyed(la, key);
      const eb = keyed(lb, key);
      const entryShape = `${shape}[]`;
      for (const [k, entry] of ea) {
        if (eb.has(k)) walk(entry, eb.get(k), `${path}[${k}]`, entryShape);
        else if (!noEntries.has(shape)) out.push({ kind: 'entry', path: `${path}[${k}]`, change: 'removed', value: entry });
      }
      for (const [k, entry] of eb) {
        if (!ea.has(k) && !noEntries.has(shape)) out.push({ kind: 'entry', path: `${path}[${k}]`, change: 'added', value: entry });
      }
      return;
    }
    out.push({ kind: 'value', path, from: leaf(a), to: leaf(b) });
  };

  walk(base, head, '', '');
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
