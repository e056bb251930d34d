/**
 * Where a CSV column can go in an account: a dotted field path (`financials.revenue.2025`,
 * `team.account_lead`, `x-crm.segment`) checked against the account schema, and how a cell
 * becomes a value there (text, number, true/false, one of an enum, a list split at `;`).
 */
import type { z } from 'zod';
import { Account } from '../schema/account.js';
import { zodIssues } from '../schema/issues.js';
import { didYouMean } from '../util/suggest.js';
import { parseNumber, type NumberStyle } from './number.js';

export type LeafKind = 'text' | 'number' | 'boolean' | 'enum' | 'list';

export interface Target {
  path: PathSegment[];
  kind: LeafKind;
  /** the values of an enum field */
  options?: string[];
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string>;
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodType): z.ZodType {
  let at = schema;
  for (let def = defOf(at); ['optional', 'default', 'prefault', 'nullable'].includes(def.type); def = defOf(at)) at = def.innerType!;
  return at;
}

/** Fields of a section, for messages. */
const fieldsOf = (schema: z.ZodType) => Object.keys(defOf(schema).shape ?? {});

/** Segments that would reach an object's prototype: refused in every path, so no map can pollute one. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** `object[key] = value` as an own property, even for a key such as `__proto__` (a CSV header can be anything). */
export const setOwn = (object: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
};

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The `x-crm` key of a CSV column: its header, except that `__proto__`, `constructor` and
 * `prototype` become `<name> (column)`, so that no file kam writes holds a key that code reading
 * it could take for the prototype.
 */
export const crmKey = (header: string): string => (PROTOTYPE_KEYS.has(header) ? `${header} (column)` : header);

/** The largest entry index a path may name (`contacts[49].name`). */
export const MAX_INDEX = 49;

/**
 * `contacts[0].name` → `['contacts', 0, 'name']`; a problem for an empty or prototype segment or
 * a bad index.
 */
export function pathSegments(path: string): PathSegment[] | { problem: string } {
  const out: PathSegment[] = [];
  for (const part of path.split('.').map((s) => s.trim())) {
    const m = /^([^[\]]*)((?:\[[^\]]*\])*)$/.exec(part);
    if (!m || m[1].trim() === '') return { problem: `"${path}" is not a field path (write it like team.account_lead, or contacts[0].name for an entry of a list)` };
    const name = m[1].trim();
    if (FORBIDDEN.has(name)) return { problem: `\`${name}\` cannot be a field name` };
    out.push(name);
    for (const [, index] of m[2].matchAll(/\[([^\]]*)\]/g)) {
      if (!/^\d+$/.test(index.trim()) || Number(index) > MAX_INDEX) return { problem: `[${index}] in "${path}" is not an entry number: write [0] for the first entry, up to [${MAX_INDEX}]` };
      out.push(Number(index));
    }
  }
  return out;
}

export type PathSegment = string | number;

/** A path as written: `contacts[0].name`. */
export const showPath = (path: readonly PathSegment[]) => path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

/** Resolves `path` against the account schema: a target, or what is wrong with the path. */
export function resolveTarget(path: string): Target | { problem: string } {
  const parsed = pathSegments(path);
  if (!Array.isArray(parsed)) return parsed;
  const segments = parsed;
  if (segments[0] === 'id') return { problem: '`id` is made from the name (or the CRM id); map the name instead' };
  let schema: z.ZodType = Account;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const where = showPath(segments.slice(0, i)) || 'an account';
    const def = defOf(schema);
    if (typeof seg === 'number') {
      if (def.type !== 'array') return { problem: `\`${where}\` is not a list: it has no entry [${seg}]` };
      schema = unwrap(def.element!);
      continue;
    }
    if (typeof seg === 'string' && seg.startsWith('x-') && def.type === 'object') {
      if (segments.slice(i + 1).some((s) => typeof s === 'number')) return { problem: `an \`x-\` key holds text: "${path}" cannot name an entry inside it` };
      return { path: segments, kind: 'text' };
    }
    if (def.type === 'object') {
      const next = Object.hasOwn(def.shape!, seg) ? def.shape![seg] : undefined;
      if (!next) return { problem: `${where} has no field \`${seg}\`${didYouMean(seg, fieldsOf(schema))}` };
      schema = unwrap(next);
    } else if (def.type === 'record') {
      if (!def.keyType!.safeParse(seg).success) return { problem: `\`${where}\` is by year: write a four-digit year, as in ${where}.2025` };
      schema = unwrap(def.valueType!);
    } else if (def.type === 'array' && defOf(unwrap(def.element!)).type === 'object') {
      return { problem: `\`${where}\` is a list of entries: write ${where}[0].${seg} for the first entry` };
    } else return { problem: `\`${where}\` is ${describeNode(def)}: it has no field \`${seg}\`` };
  }
  const def = defOf(schema);
  const name = showPath(segments);
  switch (def.type) {
    case 'string':
      return { path: segments, kind: 'text' };
    case 'number':
      return { path: segments, kind: 'number' };
    case 'boolean':
      return { path: segments, kind: 'boolean' };
    case 'enum':
      return { path: segments, kind: 'enum', options: Object.values(def.entries!) };
    case 'union':
      return { path: segments, kind: 'number' };
    case 'array':
      if (defOf(unwrap(def.element!)).type === 'string') return { path: segments, kind: 'list' };
      return { problem: `\`${name}\` is a list of entries; a column fills one field of an entry, as in ${name}[0].${fieldsOf(unwrap(def.element!))[0]}` };
    case 'object':
      return { problem: `\`${name}\` is ${typeof segments[segments.length - 1] === 'number' ? 'an entry' : 'a section'}: map to one of its fields (${fieldsOf(schema).join(', ')})` };
    case 'record':
      return { problem: `\`${name}\` is by year: map to one year, as in ${name}.2025` };
    default:
      return { problem: `\`${name}\` cannot be filled from a column` };
  }
}

const describeNode = (def: Def) => (def.type === 'array' ? 'a list' : 'a single value');

const TRUE = /^(true|yes|y|1|x|✓|✔|是)$/i;
const FALSE = /^(false|no|n|0|否)$/i;

/** An account holding only `value` at `path`, to check the value with the schema's own words. */
function holder(path: readonly PathSegment[], value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = { id: 'x', name: 'x' };
  setIn(root, path, value);
  return root;
}

/**
 * Sets `value` at `path`, making the mappings and lists on the way (a list where the next segment
 * is an entry number). Only own keys are followed, and no path names a prototype key.
 */
export function setIn(root: Record<string, unknown>, path: readonly PathSegment[], value: unknown): void {
  let at: Record<string | number, unknown> = root;
  path.forEach((seg, i) => {
    if (typeof seg === 'string' && FORBIDDEN.has(seg)) throw new Error(`refused path segment ${seg}`);
    if (i === path.length - 1) {
      at[seg] = value;
      return;
    }
    const list = typeof path[i + 1] === 'number';
    const next = Object.hasOwn(at, seg) ? at[seg] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next) !== list) at[seg] = list ? [] : {};
    at = at[seg] as Record<string | number, unknown>;
  });
}

/** A cell (not empty) as a value for `target`, checked against the schema; or why it does not fit. */
export function convertCell(cell: string, target: Target, style: NumberStyle = {}): { value: unknown } | { problem: string } {
  let value: unknown;
  switch (target.kind) {
    case 'text':
      value = cell;
      break;
    case 'number':
      value = parseNumber(cell, style);
      if (value === undefined) return { problem: 'is not a number' };
      break;
    case 'boolean':
      value = TRUE.test(cell) ? true : FALSE.test(cell) ? false : undefined;
      if (value === undefined) return { problem: 'is not yes or no' };
      break;
    case 'enum': {
      const word = cell.toLowerCase().replace(/[\s-]+/g, '_');
      value = target.options!.find((o) => o === word);
      if (value === undefined) return { problem: `is not one of ${target.options!.join(', ')}` };
      break;
    }
    case 'list':
      value = cell.split(/[;\n]/).map((s) => s.trim()).filter((s) => s !== '');
      break;
  }
  if (target.path.some((s) => typeof s === 'string' && s.startsWith('x-'))) return { value };
  const root = holder(target.path, value);
  const result = Account.safeParse(root);
  if (result.success) return { value };
  // an entry's other required fields (a contact's name) come from other columns: only this field counts
  const at = target.path.join('.');
  const issue = zodIssues(result.error, root).find((i) => i.path.join('.') === at);
  return issue ? { problem: issue.message.replace(/^`[^`]+` /, '') } : { value };
}
