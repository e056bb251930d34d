/**
 * The import matrix: every import under `src/` (static, `export … from`, type-only and dynamic
 * `import()`) runs one way, down the layers below, and only `pipeline/parallel/` imports
 * `node:worker_threads`. A module may import its own folder, and any folder below its own, but
 * never one above it or beside it (same rank, other folder).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

/**
 * The layers, top first. A folder of `src/` is a unit (`load`), as is a file at its top
 * (`today.ts` → `today`). `codes` is the finding-code catalogue (`src/codes.ts`), once it exists.
 */
export const layers: readonly (readonly string[])[] = [
  ['cli'],
  ['pipeline'],
  // the history of the plans replayed from git (kam trend): series and their renderers
  ['trend'],
  // the stages that compute from a loaded workspace, the CSV import (which writes account files),
  // and the list views of `kam ls`, `kam actions` and `kam export`
  ['report', 'diff', 'rules', 'import', 'lists'],
  // the analysis; findings as text (the formatters); starter files; the workspace at a git revision
  ['analysis', 'format', 'authoring', 'git'],
  // reading and parsing files; the date taken as today
  ['load', 'today'],
  ['schema'],
  ['findings', 'codes', 'util'],
  // the error type every layer may throw
  ['errors'],
];

const rank = new Map(layers.flatMap((names, i) => names.map((n) => [n, i] as const)));

export interface Import {
  /** the importing file, relative to `src/` with `/` */
  from: string;
  /** `src:<path relative to src/>` for a module of kam, `outside:<path>` for a file of the package outside it, else the specifier */
  to: string;
}

/** The unit of a path relative to `src/`: its top folder, or its file name without the extension. */
const unitOf = (path: string) => {
  const [top, ...rest] = path.split('/');
  return rest.length > 0 ? top : top.replace(/\.[jt]s$/, '');
};

const WORKER_THREADS = /^(node:)?worker_threads$/;

/** The arrows of `imports` that break the matrix, as `from -> to: why` lines. */
export function violations(imports: readonly Import[]): string[] {
  const out: string[] = [];
  for (const { from, to } of imports) {
    if (WORKER_THREADS.test(to)) {
      if (!from.startsWith('pipeline/parallel/')) out.push(`${from} -> ${to}: only pipeline/parallel/ uses worker threads`);
      continue;
    }
    if (!to.startsWith('src:')) continue;
    const target = to.slice(4);
    const [a, b] = [unitOf(from), unitOf(target)];
    if (a === b) continue;
    const [ra, rb] = [rank.get(a), rank.get(b)];
    if (ra === undefined || rb === undefined) out.push(`${from} -> ${target}: ${ra === undefined ? a : b} has no place in the layers`);
    else if (rb < ra) out.push(`${from} -> ${target}: ${a} imports ${b}, which is above it`);
    else if (rb === ra) out.push(`${from} -> ${target}: ${a} imports ${b}, beside it`);
  }
  return out;
}

/** A module started by URL, as a worker is: `new URL('./worker.js', import.meta.url)`. */
const BY_URL = /\bnew\s+URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

/**
 * The imports of one source file's text, by TypeScript's own scanner: `import … from`, `import
 * type`, `export … from`, `import 'x'` and `import('x')`, never one in a comment or a string.
 */
export function importsOf(from: string, text: string): Import[] {
  const specs = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  const code = ts.createSourceFile(from, text, ts.ScriptTarget.Latest);
  // a worker's URL, outside comments
  const bare = code.statements.map((st) => text.slice(st.getStart(code), st.end)).join('\n');
  for (const m of bare.matchAll(BY_URL)) specs.push(m[1]);
  return specs.map((spec) => {
    if (!spec.startsWith('.')) return { from, to: spec };
    const path = relative('src', join('src', dirname(from), spec)).split('\\').join('/');
    // a file of the package outside src/ (package.json, the templates) is data, not a layer
    return { from, to: path.startsWith('..') ? `outside:${path}` : `src:${path.replace(/\.js$/, '.ts')}` };
  });
}

const src = resolve(repoRoot, 'src');
const sources = (readdirSync(src, { recursive: true }) as string[]).map((f) => f.split('\\').join('/')).filter((f) => f.endsWith('.ts'));
const all = sources.flatMap((file) => importsOf(file, readFileSync(join(src, file), 'utf8')));

describe('the import matrix', () => {
  it('reads the imports of every source file, dynamic ones included', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(all.length).toBeGreaterThan(300);
    // the command line imports each command's module on demand
    expect(all).toContainEqual({ from: 'cli/main.ts', to: 'src:cli/commands/check.ts' });
    expect(all).toContainEqual({ from: 'pipeline/parallel/pool.ts', to: 'node:worker_threads' });
  });

  it('places every folder and top-level file of src/ in a layer', () => {
    const units = [...new Set(sources.map(unitOf))];
    expect(units.filter((u) => !rank.has(u))).toEqual([]);
  });

  it('holds: every arrow runs down, and only pipeline/parallel/ imports node:worker_threads', () => {
    expect(violations(all)).toEqual([]);
  });

  it('load/ imports nothing from rules/, analysis/, report/, diff/, cli/ or pipeline/', () => {
    const above = ['rules', 'analysis', 'report', 'diff', 'cli', 'pipeline'];
    expect(all.filter((i) => i.from.startsWith('load/') && above.some((u) => i.to.startsWith(`src:${u}/`)))).toEqual([]);
  });
});

describe('the import test itself', () => {
  const planted = (from: string, text: string) => violations(importsOf(from, text));

  it('fails on an upward import, static, type-only, re-exported or dynamic', () => {
    expect(planted('load/workspace.ts', "import { checkWorkspace } from '../rules/run.js';")).toEqual(['load/workspace.ts -> rules/run.ts: load imports rules, which is above it']);
    expect(planted('schema/issues.ts', "import type { DocPath } from '../load/locate.js';")).toHaveLength(1);
    expect(planted('analysis/index.ts', "export { evaluate } from '../pipeline/evaluate.js';")).toHaveLength(1);
    expect(planted('load/workspace.ts', "const m = await import('../report/plans.js');")).toHaveLength(1);
    expect(planted('findings.ts', "import { UsageError } from './errors.js';\nimport { x } from './cli/main.js';")).toEqual(['findings.ts -> cli/main.ts: findings imports cli, which is above it']);
  });

  it('fails on an import across one layer', () => {
    expect(planted('rules/run.ts', "import { planFile } from '../report/plans.js';")).toEqual(['rules/run.ts -> report/plans.ts: rules imports report, beside it']);
  });

  it('fails on worker threads outside pipeline/parallel/, and on a folder with no layer', () => {
    expect(planted('load/pool.ts', "import { Worker } from 'node:worker_threads';")).toHaveLength(1);
    expect(planted('pipeline/evaluate.ts', "import { Worker } from 'worker_threads';")).toHaveLength(1);
    expect(planted('pipeline/parallel/pool.ts', "import { Worker } from 'node:worker_threads';")).toEqual([]);
    expect(planted('cache/index.ts', "import { x } from '../util/write.js';")).toEqual(['cache/index.ts -> util/write.ts: cache has no place in the layers']);
  });

  it('lets an import run down, or within its own folder, and ignores comments and packages', () => {
    expect(planted('cli/commands/check.ts', "import { loadRun } from '../../pipeline/evaluate.js';\nimport { Command } from 'commander';")).toEqual([]);
    expect(planted('load/workspace.ts', "// see `import('../rules/run.js')`\n/* import x from '../cli/main.js' */\nimport { readSource } from './read.js';")).toEqual([]);
  });

  it('fails on a planted upward import in a copy of the real sources', () => {
    const text = readFileSync(join(src, 'load/workspace.ts'), 'utf8');
    const copy = sources.filter((f) => f !== 'load/workspace.ts').flatMap((file) => all.filter((i) => i.from === file));
    expect(violations([...copy, ...importsOf('load/workspace.ts', text)])).toEqual([]);
    const bad = text.replace(/^(import .*\n)/m, "$1import type { Precheck } from '../rules/run.js';\n");
    expect(violations([...copy, ...importsOf('load/workspace.ts', bad)])).toEqual(['load/workspace.ts -> rules/run.ts: load imports rules, which is above it']);
  });
});
