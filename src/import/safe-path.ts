/**
 * Field paths from the command line (`--map "Seg=x-crm.segment"`) and keys from a CSV header,
 * made safe for plain JavaScript objects: no path segment or key may name an object's prototype
 * (`__proto__`, `constructor`, `prototype`), lookups in the schema's shapes see only their own
 * keys (`toString` is no field), and values are set as own properties along an own-key walk, so
 * nothing a user types reaches `Object.prototype`.
 */

/** The names that lead to a prototype on an ordinary object. */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The first segment of `segments` that names a prototype, if any. */
export const prototypeSegment = (segments: readonly string[]): string | undefined => segments.find((s) => PROTOTYPE_NAMES.has(s));

/** Why a `--map` path may not be used, or undefined: the message of a usage error. */
export function refusePath(path: string, segments: readonly string[]): string | undefined {
  const bad = prototypeSegment(segments);
  return bad === undefined ? undefined : `"${path}" names \`${bad}\`, which is no field of an account (and would reach an object's prototype): choose another name, as in x-crm.segment`;
}

/** `shape[key]` when `key` is the shape's own key (never an inherited one such as `toString`). */
export const ownField = <T>(shape: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(shape, key) ? shape[key] : undefined);

/** Sets `value` at `path` in `root`: own keys only, each one defined, never assigned through a setter. */
export function setOwnPath(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const bad = prototypeSegment(path);
  if (bad !== undefined) throw new Error(`refusing to set \`${bad}\` in an object`);
  let at = root;
  for (const seg of path.slice(0, -1)) {
    const next = Object.hasOwn(at, seg) ? at[seg] : undefined;
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) at = next as Record<string, unknown>;
    else {
      const child: Record<string, unknown> = {};
      Object.defineProperty(at, seg, { value: child, enumerable: true, writable: true, configurable: true });
      at = child;
    }
  }
  Object.defineProperty(at, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
}

/** The key a CSV column is kept under in `x-crm`: its header, or for a prototype name a safe one. */
export const safeCrmKey = (header: string): string => (PROTOTYPE_NAMES.has(header) ? `${header} (column)` : header);
