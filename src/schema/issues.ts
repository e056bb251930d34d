/**
 * Schema results to findings: zod issues, unknown keys and the file-name rule, each with a
 * `schema/...` rule id and a message a consultant can act on. Nothing here knows positions; the
 * caller locates each `path`.
 */
import type { z } from 'zod';
import type { Code, SchemaCode } from '../codes.js';
import { didYouMean } from '../util/suggest.js';
import { SLUG, schemaRules } from './common.js';
import type { DocPath, Target } from '../util/doc-path.js';
import { excerpt } from '../util/terminal-text.js';

export interface SchemaIssue {
  path: DocPath;
  target: Target;
  rule: Code;
  message: string;
}

/** What a YAML value is, in a user's words. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${excerpt(value, 41)}"`;
  if (typeof value === 'boolean') return `${value}`;
  return `the number ${value}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value lines)',
  array: 'a list',
  record: 'a mapping (key: value lines)',
};

/** The ratio fields of the format (numbers in [0, 1]): a percentage written there is a common slip. */
const RATIO_KEYS = new Set(['margin', 'share', 'effort_share', 'probability']);
const PERCENT = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/;

/** `18%` → `0.18` (as a ratio written out, without floating-point noise). */
const asRatio = (percent: string) => String(Math.round(Number(percent) * 1e6) / 1e8);

const keyName = (path: DocPath) => (path.length ? excerpt(String(path[path.length - 1])) : 'the file');

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.prototype.hasOwnProperty.call(node, seg) ? (node as Record<PropertyKey, unknown>)[seg] : undefined;
  }
  return node;
}

function fromZod(issue: z.core.$ZodIssue, root: unknown): SchemaIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const base = { path, target: 'value' as Target };
  const got = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_type': {
      const want = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (got === undefined) {
        return path.length === 0
          ? { ...base, rule: schemaRules.type, message: 'the file is empty: it must hold a mapping (key: value lines)' }
          : { ...base, target: 'key', rule: schemaRules.required, message: `\`${keyName(path)}\` is required (${want})` };
      }
      const percent = typeof got === 'string' && issue.expected === 'number' ? PERCENT.exec(got) : null;
      if (percent && RATIO_KEYS.has(keyName(path))) {
        return { ...base, rule: schemaRules.type, message: `\`${keyName(path)}\` is a ratio between 0 and 1: write ${asRatio(percent[1])}, not ${String(got).trim()}` };
      }
      const where = path.length === 0 ? 'the top of the file' : `\`${keyName(path)}\``;
      return { ...base, rule: schemaRules.type, message: `${where} must be ${want}, not ${describe(got)}` };
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      return {
        ...base,
        rule: schemaRules.enum,
        message: `\`${keyName(path)}\` must be one of ${options.join(', ')}; got ${describe(got)}${didYouMean(String(got), options)}`,
      };
    }
    case 'too_small':
    case 'too_big': {
      const low = issue.code === 'too_small';
      const bound = Number(low ? issue.minimum : issue.maximum);
      const word = low ? (issue.inclusive === false ? 'greater than' : 'at least') : issue.inclusive === false ? 'less than' : 'at most';
      return { ...base, rule: schemaRules.range, message: `\`${keyName(path)}\` must be ${word} ${bound}; got ${describe(got)}` };
    }
    case 'invalid_format': {
      const isSlug = 'pattern' in issue && issue.pattern === String(SLUG);
      return {
        ...base,
        rule: isSlug ? schemaRules.slug : schemaRules.type,
        message: `\`${keyName(path)}\` ${issue.message}; got ${describe(got)}`,
      };
    }
    case 'invalid_key':
      return { ...base, target: 'key', rule: schemaRules.type, message: `key \`${keyName(path)}\` ${issue.issues[0]?.message ?? 'is not valid here'}` };
    case 'invalid_union':
      return { ...base, rule: schemaRules.type, message: `\`${keyName(path)}\` must be a number or text; got ${describe(got)}` };
    case 'custom': {
      const rule = (issue.params as { rule?: SchemaCode } | undefined)?.rule ?? schemaRules.invalid;
      return { ...base, rule, message: `\`${keyName(path)}\` ${issue.message}` };
    }
    default:
      return { ...base, rule: schemaRules.invalid, message: `\`${keyName(path)}\`: ${issue.message}` };
  }
}

export const zodIssues = (error: z.core.$ZodError, root: unknown): SchemaIssue[] => error.issues.map((i) => fromZod(i, root));
