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
import { ownField, refusePath, setOwnPath } from './safe-path.js';

export type LeafKind = 'text' | 'number' | 'boolean' | 'enum' | 'list';

export interface Target {
  path: string[];
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

/** Resolves `path` against the account schema: a target, or what is wrong with the path. */
export function resolveTarget(path: string): Target | { problem: string } {
  const segments = path.split('.').map((s) => s.trim());
  if (segments.some((s) => s === '')) return { problem: `"${path}" is not a field path (write it like team.account_lead)` };
  const refused = refusePath(path, segments);
  if (refused !== undefined) return { problem: refused };
  if (segments[0] === 'id') return { problem: '`id` is made from the name (or the CRM id); map the name instead' };
  let schema: z.ZodType = Account;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const where = segments.slice(0, i).join('.') || 'an account';
    const def = defOf(schema);
    if (seg.startsWith('x-') && def.type === 'object') return { path: segments, kind: 'text' };
    if (def.type === 'object') {
      const next = ownField(def.shape!, seg);
      if (!next) return { problem: `${where} has no field \`${seg}\`${didYouMean(seg, fieldsOf(schema))}` };
      schema = unwrap(next);
    } else if (def.type === 'record') {
      if (!def.keyType!.safeParse(seg).success) return { problem: `\`${where}\` is by year: write a four-digit year, as in ${where}.2025` };
      schema = unwrap(def.valueType!);
    } else return { problem: `\`${where}\` is ${describeNode(def)}: it has no field \`${seg}\`` };
  }
  const def = defOf(schema);
  const name = segments.join('.');
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
      return { problem: `\`${name}\` is a list of entries; a column can fill one field, not a list of entries` };
    case 'object':
      return { problem: `\`${name}\` is a section: map to one of its fields (${fieldsOf(schema).join(', ')})` };
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
function holder(path: string[], value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = { id: 'x', name: 'x' };
  setOwnPath(root, path, value);
  return root;
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
  if (target.path[0].startsWith('x-')) return { value };
  const root = holder(target.path, value);
  const result = Account.safeParse(root);
  if (result.success) return { value };
  const issue = zodIssues(result.error, root)[0];
  return { problem: issue.message.replace(/^`[^`]+` /, '') };
}
