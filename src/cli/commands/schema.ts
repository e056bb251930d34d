/** `kam schema [--out DIR]`: JSON Schema files for editors, from the same zod schemas. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { findWorkspace } from '../../load/workspace.js';
import { GENERATED_MARK, jsonSchemaTexts } from '../../schema/json-schema.js';
import { writeFileAtomic } from '../../util/write.js';
import type { Context } from '../main.js';

export async function run(_args: unknown[], options: { out?: string; dir?: string; force?: boolean }, ctx: Context): Promise<number> {
  const { io } = ctx;
  const root = findWorkspace(io.cwd, options.dir);
  // as `plan --out`: a folder given is relative to the current one; the default is in the workspace
  const out = options.out !== undefined ? resolve(io.cwd, options.out) : join(root, 'schemas');
  const files = Object.entries(jsonSchemaTexts());
  const foreign = files.map(([name]) => join(out, name)).filter((p) => existsSync(p) && !readFileSync(p, 'utf8').includes(GENERATED_MARK));
  if (foreign.length > 0 && !options.force) {
    throw new UsageError(`refusing to overwrite ${foreign.map((p) => relative(io.cwd, p)).join(', ')}: not written by kam schema (use --force)`);
  }
  for (const [name, text] of files) {
    const path = join(out, name);
    const same = existsSync(path) && readFileSync(path, 'utf8') === text;
    if (!same) writeFileAtomic(path, text);
    io.stdout.write(`${same ? 'unchanged' : 'wrote'} ${relative(io.cwd, path) || path}\n`);
  }
  io.stdout.write(`\nPoint an editor at them with a first line such as:\n  # yaml-language-server: $schema=${relative(join(root, 'accounts'), join(out, 'account.schema.json')).split('\\').join('/')}\n`);
  return 0;
}
