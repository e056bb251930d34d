/**
 * The yaml-language-server modeline that gives editors completion and checks from kam's JSON
 * Schemas (`# yaml-language-server: $schema=<path>`). The path is relative to the file written:
 * to the package's `schemas/` when kam and the workspace share a tree (kam installed in the
 * workspace's node_modules, or the bundled examples), else to the workspace's own `schemas/`,
 * which `kam schema` writes (a path into a global install would be machine-specific).
 */
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { FileKind } from '../load/workspace.js';

const within = (child: string, parent: string): boolean => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The folder the modeline points into, and whether it is the workspace's own. */
export function schemaFolder(root: string, packageRoot: string): { folder: string; inWorkspace: boolean } {
  const shared = within(packageRoot, root) || within(root, packageRoot);
  return shared ? { folder: join(packageRoot, 'schemas'), inWorkspace: false } : { folder: join(root, 'schemas'), inWorkspace: true };
}

export const schemaFileName = (kind: FileKind) => `${kind}.schema.json`;

/** `# yaml-language-server: $schema=...` for `file` (absolute) of `kind` in the workspace `root`. */
export function modeline(kind: FileKind, file: string, root: string, packageRoot: string): string {
  const target = join(schemaFolder(root, packageRoot).folder, schemaFileName(kind));
  return `# yaml-language-server: $schema=${relative(dirname(file), target).split(sep).join('/')}`;
}
