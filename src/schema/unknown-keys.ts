/**
 * Keys that no schema defines are errors with a suggestion, except `x-` keys (SPEC section 1).
 * The schemas themselves strip unknown keys; this walk over the schema's shape and the value
 * side by side reports them, so the message can name the closest known key.
 */
import type { z } from 'zod';
import { didYouMean } from '../util/suggest.js';
import { excerpt } from '../util/terminal-text.js';
import { schemaRules } from './common.js';
import type { PathSegment } from '../util/doc-path.js';
import type { SchemaIssue } from './issues.js';

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; valueType?: z.ZodType; in?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Keys that would reach an object's prototype: findings in every mapping, maps included. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function walk(schema: z.ZodType, value: unknown, path: PathSegment[], out: SchemaIssue[]): void {
  if (value === null || typeof value !== 'object') return;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return walk(def.innerType!, value, path, out);
    case 'pipe':
      return walk(def.in!, value, path, out);
    // `path` is one stack pushed and popped on the way down: this walk runs on every file
    case 'array':
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          walk(def.element!, value[i], path, out);
          path.pop();
        }
      }
      return;
    case 'record':
      if (!Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) {
          // a map (rules, years) takes any key but these, which name no rule or year and would reach a prototype
          if (PROTOTYPE_KEYS.has(k)) {
            out.push({ path: [...path, k], target: 'key', rule: schemaRules.unknownKey, message: `key \`${k}\` is not allowed here (it is no rule, year or name, and would reach a prototype)` });
            continue;
          }
          path.push(k);
          walk(def.valueType!, v, path, out);
          path.pop();
        }
      }
      return;
    case 'object': {
      if (Array.isArray(value)) return;
      const shape = def.shape!;
      let known: string[] | undefined;
      for (const key of Object.keys(value)) {
        if (Object.prototype.hasOwnProperty.call(shape, key)) {
          path.push(key);
          walk(shape[key], (value as Record<string, unknown>)[key], path, out);
          path.pop();
        } else if (!key.startsWith('x-')) {
          out.push({
            path: [...path, key],
            target: 'key',
            rule: schemaRules.unknownKey,
            message: `unknown key \`${excerpt(key)}\`${didYouMean(key, (known ??= Object.keys(shape)))}`,
          });
        }
      }
      return;
    }
  }
}

export function unknownKeys(schema: z.ZodType, value: unknown): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  walk(schema, value, [], out);
  return out;
}
