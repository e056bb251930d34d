/** `kam validate [files..]`: schema validation of the workspace, or of the files named. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { sortFindings } from '../../findings.js';
import { findWorkspace, toWorkspacePath } from '../../load/files.js';
import { loadRun } from '../../pipeline/evaluate.js';
import { needsOf } from '../../pipeline/scope.js';
import { ruleSettingFindings } from '../../rules/run.js';
import { progressLine } from '../io.js';
import type { Context } from '../main.js';
import { printFindings, type FindingsOptions } from '../output.js';

export async function run([files]: unknown[], options: FindingsOptions & { dir?: string }, ctx: Context): Promise<number> {
  const { io } = ctx;
  const named = (files as string[] | undefined) ?? [];
  // files named are checked wherever they are; the whole of a folder must be a workspace
  const root = findWorkspace(io.cwd, options.dir, { required: named.length === 0 });
  for (const file of named) if (!existsSync(resolve(io.cwd, file))) throw new UsageError(`no such file: ${file}`);
  const progress = progressLine(io, 'kam validate: loading');
  const { ws } = await loadRun(root, {
    keep: needsOf.validate().keep,
    threads: ctx.threads,
    onProgress: progress?.update,
    files: named.length ? named.map((f) => toWorkspacePath(root, io.cwd, f)) : undefined,
  });
  progress?.end();
  const count = ws.accounts.length + ws.competitors.length + (ws.self ? 1 : 0) + (ws.configDoc ? 1 : 0);
  // kam.yaml is part of every validation: a rule id it misspells is a finding here too
  const findings = sortFindings([...ws.findings, ...ruleSettingFindings(ws)]);
  return printFindings(findings, options, ctx, [], `${count} file${count === 1 ? '' : 's'} valid`);
}
