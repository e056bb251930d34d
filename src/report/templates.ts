/**
 * Where report templates come from: the package's `templates/` folder, overridden file by file by
 * the workspace's templates folder (`kam.yaml: templates`, default `templates`). A template's name
 * is its path inside the folder (`account.md.hbs`, `partials/summary.html.hbs`); a workspace file
 * with the same name replaces the built-in one, and new partials are added.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { confine, readSource, type Confinement } from '../load/read.js';

/** The package's own templates. */
export const builtinTemplates = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateSource {
  text: string;
  /** for messages: `templates/account.md.hbs` (workspace) or `kam:templates/account.md.hbs` (built-in) */
  origin: string;
}

/** Template name → source. */
export type TemplateSet = Map<string, TemplateSource>;

const HBS = /\.hbs$/;

function list(dir: string): string[] {
  const names: string[] = [];
  for (const folder of ['', 'partials']) {
    const at = join(dir, folder);
    if (!existsSync(at) || !statSync(at).isDirectory()) continue;
    for (const e of readdirSync(at, { withFileTypes: true })) {
      if (e.isFile() && HBS.test(e.name)) names.push(folder ? `${folder}/${e.name}` : e.name);
    }
  }
  return names.sort();
}

function read(file: string, origin: string, within?: Confinement): TemplateSource {
  const decoded = readSource(file, within);
  if (decoded.problem) throw new UsageError(`${origin}:${decoded.problem.line}:${decoded.problem.column}: ${decoded.problem.message}`);
  return { text: decoded.text, origin };
}

/**
 * The built-in templates with the workspace's overrides applied. `overrides` is the workspace
 * templates folder (absent folder: no overrides); `root` makes its origins workspace-relative.
 */
export function loadTemplates(options: { builtin?: string; overrides?: string; root?: string } = {}): TemplateSet {
  const builtin = options.builtin ?? builtinTemplates;
  const set: TemplateSet = new Map();
  for (const name of list(builtin)) set.set(name, read(join(builtin, name), `kam:templates/${name}`));
  const dir = options.overrides;
  if (dir !== undefined && existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`the templates setting must name a folder: ${dir}`);
    const base = options.root ? relative(options.root, dir).split(sep).join('/') : dir;
    // an override is a workspace file like any other: inside the workspace after resolving links
    const within = options.root ? confine(options.root) : undefined;
    for (const name of list(dir)) set.set(name, read(join(dir, name), `${base}/${name}`, within));
  }
  return set;
}
