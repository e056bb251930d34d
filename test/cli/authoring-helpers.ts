/** Helpers for the tests of the writing commands: a folder's files as a map, to compare runs. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `root` (relative path with `/` → content). */
export function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const at = join(dir, entry.name);
      if (entry.isDirectory()) walk(at);
      else out[relative(root, at).split(sep).join('/')] = readFileSync(at, 'utf8');
    }
  };
  walk(root);
  return out;
}
