/** `kam diff --format json`: the `WorkspaceDiff` as it is, object keys sorted at every level. */
import { safeJson } from '../../util/terminal-text.js';
import type { DiffRenderer } from './types.js';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .filter((k) => obj[k] !== undefined)
        .map((k) => [k, sortKeys(obj[k])]),
    );
  }
  return value;
}

export const json: DiffRenderer = (diff) => `${safeJson(sortKeys(diff), 2)}\n`;
