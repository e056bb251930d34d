/**
 * `kam import <file.csv>`: one starter account file per row of a CRM export. Rows whose file
 * already exists are kept as they are (so importing the same export twice changes nothing)
 * unless `--force`; `--dry-run` prints what would be written and writes nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { accountFile } from '../../authoring/account-template.js';
import { modeline } from '../../authoring/modeline.js';
import { UsageError } from '../../errors.js';
import { readTable } from '../../import/csv.js';
import { planImport } from '../../import/plan.js';
import { readSource } from '../../load/read.js';
import { findWorkspace, loadDoc } from '../../load/workspace.js';
import { defaultConfig } from '../../schema/config.js';
import { packageRoot } from '../../util/package-root.js';
import { writeFileAtomic, type WriteResult } from '../../util/write.js';
import type { Context } from '../main.js';
import { displayPath, schemaHint } from '../written.js';
import { plural } from '../../util/plural.js';

export interface ImportOptions {
  dir?: string;
  map?: string[];
  encoding?: string;
  dryRun?: boolean;
  force?: boolean;
}

/** The workspace currency (kam.yaml, else the default); undefined when kam.yaml is invalid. */
function workspaceCurrency(root: string): string | undefined {
  const file = ['kam.yaml', 'kam.yml'].find((f) => existsSync(join(root, f)));
  return file ? loadDoc('config', file, readSource(join(root, file))).data?.currency : defaultConfig().currency;
}

export async function run([csv]: unknown[], options: ImportOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const source = resolve(io.cwd, String(csv));
  if (!existsSync(source) || !statSync(source).isFile()) throw new UsageError(`no such file: ${csv}`);
  const root = findWorkspace(io.cwd, options.dir);
  const plan = planImport(readTable(readFileSync(source), String(csv), options.encoding), options.map ?? [], { currency: workspaceCurrency(root) });

  const out: string[] = [];
  const counts: Record<WriteResult, number> = { created: 0, replaced: 0, unchanged: 0, exists: 0, changed: 0 };
  let failed = 0;
  for (const { row, id, data } of plan.accounts) {
    const existing = [`${id}.yaml`, `${id}.yml`].map((f) => join(root, 'accounts', f)).find((f) => existsSync(f));
    const file = existing ?? join(root, 'accounts', `${id}.yaml`);
    const shown = displayPath(io, file);
    const text = accountFile(data, modeline('account', file, root, packageRoot));
    // every value was checked on its own; this catches what only the whole file could get wrong
    const problem = loadDoc('account', `accounts/${id}.yaml`, { text }).findings[0];
    if (problem) {
      failed++;
      out.push(`not written ${shown} (row ${row}): line ${problem.line}: ${problem.message}`);
      continue;
    }
    if (options.dryRun) {
      const result: WriteResult = existing && !options.force ? 'exists' : existing ? 'replaced' : 'created';
      counts[result]++;
      out.push(result === 'exists' ? `would keep ${shown} (row ${row}): it exists` : `would ${result === 'created' ? 'create' : 'replace'} ${shown} (row ${row}):`);
      if (result !== 'exists') out.push(stringify(data, { lineWidth: 100 }).trimEnd().replace(/^/gm, '    '));
      continue;
    }
    const result = writeFileAtomic(file, text, { mode: options.force ? 'replace' : 'create' });
    counts[result]++;
    out.push(result === 'exists' ? `kept ${shown} (row ${row}): it exists; --force overwrites it` : `${result} ${shown} (row ${row})`);
  }

  const summary = options.dryRun
    ? `Dry run, nothing written: would create ${plural(counts.created, 'file')}, replace ${counts.replaced}, keep ${counts.exists}.`
    : `${plural(counts.created, 'file')} created, ${counts.replaced} replaced, ${counts.unchanged} unchanged, ${counts.exists} kept.`;
  const skipped = plan.notes.filter((n) => n.message.startsWith('skipped')).length;
  out.push('', `${summary}${skipped ? ` ${plural(skipped, 'row')} skipped.` : ''}`);
  if (counts.created > 0 && !options.dryRun) {
    const hint = schemaHint(root);
    if (hint) out.push(hint);
  }
  if (plan.notes.length > 0) io.stderr.write(`${plan.notes.map((n) => `kam: ${String(csv)} row ${n.row}: ${n.message}`).join('\n')}\n`);
  io.stdout.write(`${out.join('\n')}\n`);
  return failed > 0 ? 1 : 0;
}
