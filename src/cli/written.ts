/** How writing commands report each file (one line per file, paths relative to the current folder). */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { schemaFileName, schemaFolder } from '../authoring/modeline.js';
import { packageRoot } from '../util/package-root.js';
import type { WriteResult } from '../util/write.js';
import type { Io } from './io.js';

export const displayPath = (io: Io, file: string): string => relative(io.cwd, file).split(sep).join('/') || '.';

const lines = {
  created: (p) => `created ${p}`,
  replaced: (p) => `replaced ${p}`,
  unchanged: (p) => `unchanged ${p}`,
  exists: (p) => `kept ${p} (it exists; --force overwrites it)`,
  changed: (p) => `kept ${p} (it changed while kam was writing)`,
} satisfies Record<WriteResult, (path: string) => string>;

export const writtenLine = (result: WriteResult, path: string): string => lines[result](path);

/** A hint when the modelines point at the workspace's `schemas/` and `kam schema` has not written it yet. */
export function schemaHint(root: string): string | undefined {
  const { folder, inWorkspace } = schemaFolder(root, packageRoot);
  return inWorkspace && !existsSync(join(folder, schemaFileName('account')))
    ? 'For completion and checks in editors (yaml-language-server), run `kam schema` once.'
    : undefined;
}
