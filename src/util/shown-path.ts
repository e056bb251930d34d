/** A path for messages: relative to the current folder when inside it, else absolute. */
import { isAbsolute, relative } from 'node:path';

export function shownPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}
