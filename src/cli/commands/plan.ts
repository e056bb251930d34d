/**
 * `kam plan [workspace] [ids..]`: validate, analyse and check the workspace, then render one
 * account plan per account (`<out>/accounts/<id>.<format>`) and the portfolio report
 * (`<out>/portfolio.<format>`, plus `portfolio-matrix.svg` beside the Markdown one) from the
 * Handlebars templates (SPEC section 7). Invalid accounts are reported on stderr and skipped
 * (exit 1); the valid ones are still rendered. With ids, only those plans are rendered.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { sortFindings, type Finding } from '../../findings.js';
import { stylish } from '../../format/stylish.js';
import { evaluate } from '../../evaluate.js';
import { findWorkspace, loadWorkspaceParallel } from '../../load/workspace.js';
import { writeOutputs, type OutputFile } from '../../report/files.js';
import { gatherReportInput } from '../../report/gather.js';
import { planModel, portfolioModel } from '../../report/model.js';
import { createRenderer, TemplateError, type ReportFormat } from '../../report/render.js';
import { loadTemplates } from '../../report/templates.js';
import type { Config, Lang } from '../../schema/config.js';
import { decideToday } from '../../today.js';
import { didYouMean } from '../../util/suggest.js';
import { progressLine } from '../io.js';
import type { Context } from '../main.js';
import { exitCode, makeChalk } from '../output.js';

export interface PlanOptions {
  dir?: string;
  asOf?: string;
  out?: string;
  format?: ReportFormat;
  lang?: Lang;
  force?: boolean;
}

/** The default output folder, inside the workspace. */
export const DEFAULT_OUT = 'reports';
export const PORTFOLIO = 'portfolio';
export const MATRIX_FILE = 'portfolio-matrix.svg';
/** Accounts from which a TTY gets a progress line. */
const PROGRESS_FROM = 20;

const isFolder = (path: string) => existsSync(path) && statSync(path).isDirectory();
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export async function run([positionals]: unknown[], options: PlanOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  let ids = [...((positionals as string[] | undefined) ?? [])];
  let dir = options.dir;
  if (dir === undefined && ids.length > 0 && isFolder(resolve(io.cwd, ids[0]))) dir = ids.shift();
  const root = findWorkspace(io.cwd, dir);
  /** a path for messages: relative to the current folder when inside it, else absolute */
  const show = (abs: string) => {
    const rel = relative(io.cwd, abs);
    return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  };

  const todayFor = (config: Config) => decideToday(options.asOf, config.as_of, io.today());
  const loading = progressLine(io, 'kam plan: loading');
  const ws = await loadWorkspaceParallel(root, { rules: { today: todayFor }, onProgress: loading?.update });
  loading?.end();
  const today = todayFor(ws.config);
  const lang = options.lang ?? ws.config.lang;
  const format = options.format ?? 'md';

  const known = ws.accounts.flatMap((d) => (d.id === null ? [] : [d.id]));
  for (const id of ids) {
    if (!known.includes(id)) throw new UsageError(`no account \`${id}\` in ${show(root)}${didYouMean(id, known)}`);
  }
  ids = [...new Set(ids)];

  // analysis and completeness of every valid account (V and abc rank among all of them)
  const { analysis, checked } = evaluate(ws, today);
  const input = gatherReportInput(ws, today, lang, analysis.accounts, checked.accounts);

  // what makes a file invalid goes to stderr: load and schema findings, unknown rule ids
  const selected = (account: string | null) => ids.length === 0 || account === null || ids.includes(account);
  const problems: Finding[] = sortFindings([...ws.findings, ...checked.findings.filter((f) => f.account === null)]).filter((f) => selected(f.account));
  if (problems.length) io.stderr.write(stylish(problems, { chalk: makeChalk(io, io.stderr), version: ctx.version, rules: [] }));

  let renderer;
  try {
    const templates = loadTemplates({ overrides: resolve(root, ws.config.templates), root });
    renderer = await createRenderer(templates, { format, lang });
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(`template error: ${error.message}`);
    throw error;
  }

  const accounts = [...input.accounts]
    .filter((a) => ids.length === 0 || ids.includes(a.account.id))
    .sort((a, b) => (a.account.id < b.account.id ? -1 : 1));
  const progress = accounts.length >= PROGRESS_FROM ? progressLine(io, 'kam plan: rendering') : undefined;
  const files: OutputFile[] = [];
  try {
    accounts.forEach((item, i) => {
      progress?.update(i + 1, accounts.length);
      files.push({ path: `accounts/${item.account.id}.${format}`, content: renderer.plan(planModel(input, item, `../${PORTFOLIO}.${format}`)) });
    });
    if (ids.length === 0) {
      const portfolio = renderer.portfolio(portfolioModel(input, (id) => `accounts/${id}.${format}`, MATRIX_FILE));
      files.push({ path: `${PORTFOLIO}.${format}`, content: portfolio.report });
      if (format === 'md') files.push({ path: MATRIX_FILE, content: portfolio.svg });
    }
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(`template error: ${error.message}`);
    throw error;
  } finally {
    progress?.end();
  }

  const out = options.out !== undefined ? resolve(io.cwd, options.out) : join(root, DEFAULT_OUT);
  const result = writeOutputs(out, files, { force: options.force, display: show });

  const skipped = ws.accounts.filter((d) => d.data === undefined && selected(d.id)).length;
  const what = `${plural(accounts.length, 'account plan')}${ids.length === 0 ? ' and the portfolio' : ''}`;
  const unchanged = result.unchanged.length ? ` (${result.unchanged.length} unchanged)` : '';
  const skip = skipped ? `; ${plural(skipped, 'invalid account')} skipped` : '';
  io.stdout.write(`${makeChalk(io).green('✔')} ${what} written to ${show(out)} (${format}, ${lang})${unchanged}${skip}\n`);
  return exitCode(problems);
}
