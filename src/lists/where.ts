/**
 * `--where <expression>`: a JSONata expression (https://jsonata.org) evaluated on each row as
 * `--format json` prints it; the row is kept when the result is truthy as JSONata's `$boolean`
 * has it; fields that are null in the JSON are absent (`withoutNulls`). jsonata loads only when an expression is given.
 */
import { UsageError } from '../errors.js';

interface JsonataError {
  message: string;
  position?: number;
  token?: string;
  code?: string;
}

const isJsonataError = (e: unknown): e is JsonataError => typeof e === 'object' && e !== null && 'code' in e && typeof (e as JsonataError).message === 'string';

/** JSONata's `$boolean`: empty strings, 0, null, empty arrays and objects, and functions are false. */
export function truthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.some(truthy);
  if (typeof value === 'object') return Object.keys(value).length > 0;
  if (typeof value === 'function') return false;
  return Boolean(value);
}

/**
 * The row with its null fields left out: JSONata refuses to compare null with a number, and a
 * missing field makes a comparison false, so `figures.growth < 0` passes over an account without
 * growth instead of failing the run.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
  return out;
}

/** A compiled `--where`; a syntax error is a usage error that points at the column. */
export async function compileWhere(expression: string, flag = '--where'): Promise<(row: unknown) => Promise<boolean>> {
  const { default: jsonata } = await import('jsonata');
  let compiled: ReturnType<typeof jsonata>;
  try {
    compiled = jsonata(expression);
  } catch (error) {
    throw new UsageError(`${flag}: ${describe(error, expression)}`);
  }
  return async (row) => {
    try {
      return truthy(await compiled.evaluate(withoutNulls(row)));
    } catch (error) {
      throw new UsageError(`${flag}: ${describe(error, expression)}`);
    }
  };
}

function describe(error: unknown, expression: string): string {
  if (!isJsonataError(error)) return error instanceof Error ? error.message : String(error);
  const at = error.position !== undefined ? ` at column ${error.position}` : '';
  return `${error.message}${at} in "${expression}" (a JSONata expression; see https://jsonata.org)`;
}
