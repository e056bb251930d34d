/**
 * `kam plan [workspace] [ids..]`: validate, analyse and check the workspace, then render one
 * account plan per account (`<out>/accounts/<id>.<format>`) and the portfolio report
 * (`<out>/portfolio.<format>`, plus `portfolio-matrix.svg` beside the Markdown one) from the
 * Handlebars templates (SPEC section 7). Invalid accounts are reported on stderr and skipped
 * (exit 1); the valid ones are still rendered. With ids, only those plans are rendered.
 */
import { join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { sortFindings, type Finding } from '../../findings.js';
import { stylish } from '../../format/stylish.js';
import { findWorkspace, workspaceArgument } from '../../load/files.js';
import { evaluate, loadRun, type Run } from '../../pipeline/evaluate.js';
import { WorkerFailure } from '../../pipeline/parallel/pool.js';
import { needsOf } from '../../pipeline/scope.js';
import { removeStalePlans, writeOutputs, type OutputFile } from '../../report/files.js';
import { gatherReportInput } from '../../report/gather.js';
import { portfolioModel } from '../../report/model.js';
import { PLANS, planPath, planTask, PORTFOLIO, rendererFor, type RenderSetup } from '../../report/plans.js';
import { compileTemplates, TemplateError, type CompiledTemplates, type ReportFormat } from '../../report/render.js';
import { loadTemplates } from '../../report/templates.js';
import type { Config, Lang } from '../../schema/config.js';
import { todayFor } from '../../today.js';
import { shownPath } from '../../util/shown-path.js';
import { didYouMean } from '../../util/suggest.js';
import { progressLine } from '../io.js';
import type { Context } from '../main.js';
import { exitCode, makeChalk } from '../output.js';
import { plural } from '../../util/plural.js';

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
export { PORTFOLIO };
export const MATRIX_FILE = 'portfolio-matrix.svg';
/** Accounts from which a TTY gets a progress line. */
const PROGRESS_FROM = 20;

export async function run([positionals]: unknown[], options: PlanOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const { dir, ids: named } = workspaceArgument(io.cwd, options.dir, (positionals as string[] | undefined) ?? []);
  let ids = named;
  const root = findWorkspace(io.cwd, dir, { required: true });
  const show = (abs: string) => shownPath(io.cwd, abs);

  const todayIn = todayFor(options.asOf, () => io.today());
  const loading = progressLine(io, 'kam plan: loading');
  const format = options.format ?? 'md';
  let compiling: Promise<CompiledTemplates> | undefined;
  const compiledFor = (config: Config) =>
    (compiling ??= (async () => compileTemplates(loadTemplates({ overrides: resolve(root, config.templates), root }), format))());
  // the loaders (a large workspace's worker threads, else this one) keep the accounts and render
  // their plans; the templates are compiled while they load
  const needs = needsOf.plan();
  const run = await loadRun(root, {
    keep: needs.keep,
    rules: { today: todayIn, ...needs.rules },
    hold: needs.hold,
    threads: ctx.threads,
    onProgress: loading?.update,
    onSettings: (config) => void compiledFor(config).catch(() => undefined),
  });
  loading?.end();
  try {
    return await report(run);
  } finally {
    run.held?.close();
  }

  async function report(run: Run): Promise<number> {
    const { ws } = run;
    const today = todayIn(ws.config);
    const lang = options.lang ?? ws.config.lang;
    const known = ws.accounts.flatMap((d) => (d.id === null ? [] : [d.id]));
    for (const id of ids) {
      if (!known.includes(id)) throw new UsageError(`no account \`${id}\` in ${show(root)}${didYouMean(id, known)}`);
    }
    ids = [...new Set(ids)];

    // analysis and completeness of every valid account (V and abc rank among all of them)
    const { analysis, checked } = evaluate(run, today);
    const input = gatherReportInput(ws, today, lang, analysis.accounts, checked.accounts);

    // what makes a file invalid goes to stderr: load and schema findings, unknown rule ids
    const selected = (account: string | null) => ids.length === 0 || account === null || ids.includes(account);
    const problems: Finding[] = sortFindings([...ws.findings, ...checked.findings.filter((f) => f.account === null)]).filter((f) => selected(f.account));
    if (problems.length) io.stderr.write(stylish(problems, { chalk: makeChalk(io, io.stderr), version: ctx.version, rules: [] }));

    const accounts = [...input.accounts]
      .filter((a) => ids.length === 0 || ids.includes(a.account.id))
      .sort((a, b) => (a.account.id < b.account.id ? -1 : 1));
    const progress = accounts.length >= PROGRESS_FROM ? progressLine(io, 'kam plan: rendering') : undefined;
    const plans = new Map<string, OutputFile>();
    const rendered = (file: OutputFile) => {
      plans.set(file.path, file);
      progress?.update(plans.size, accounts.length);
    };
    const files: OutputFile[] = [];
    try {
      // the loaders render the plans of the accounts they hold (from the templates compiled while
      // they loaded); worker threads do so while this one renders the portfolio
      const setup: RenderSetup = { compiled: await compiledFor(ws.config), lang };
      const plansDone = run.held!.render(
        (held) => {
          const mine = new Set(held);
          return planTask(setup, input, accounts.filter((a) => mine.has(a.file)));
        },
        (files) => files.forEach(rendered),
      );
      plansDone.catch(() => undefined); // awaited below, after the portfolio
      const renderer = await rendererFor(setup);
      if (ids.length === 0) {
        const portfolio = renderer.portfolio(portfolioModel(input, (id) => planPath(id, format), MATRIX_FILE));
        files.push({ path: `${PORTFOLIO}.${format}`, content: portfolio.report });
        if (format === 'md') files.push({ path: MATRIX_FILE, content: portfolio.svg });
      }
      await plansDone;
    } catch (error) {
      if (error instanceof TemplateError || (error instanceof WorkerFailure && error.kind === 'template')) throw new UsageError(`template error: ${error.message}`);
      throw error;
    } finally {
      progress?.end();
    }
    files.unshift(...accounts.map((a) => plans.get(planPath(a.account.id, format))!));

    const out = options.out !== undefined ? resolve(io.cwd, options.out) : join(root, DEFAULT_OUT);
    const result = writeOutputs(out, files, { force: options.force, display: show });
    if (result.interrupted) io.stderr.write(`kam plan: the last run into ${show(out)} was interrupted before it had written every report (each was left old or new); this run wrote them all\n`);
    // the plans of accounts whose files are gone (renamed, deleted) would look current: a whole
    // run removes those it generated
    const removed = ids.length === 0 ? removeStalePlans(out, PLANS, format, new Set(known)) : [];

    const skipped = ws.accounts.filter((d) => d.data === undefined && selected(d.id)).length;
    const what = `${plural(accounts.length, 'account plan')}${ids.length === 0 ? ' and the portfolio' : ''}`;
    const unchanged = result.unchanged.length ? ` (${result.unchanged.length} unchanged)` : '';
    const skip = skipped ? `; ${plural(skipped, 'invalid account')} skipped` : '';
    const gone = removed.length ? `; ${plural(removed.length, 'plan')} of accounts that are gone removed` : '';
    io.stdout.write(`${makeChalk(io).green('✔')} ${what} written to ${show(out)} (${format}, ${lang})${unchanged}${skip}${gone}\n`);
    for (const file of removed) io.stdout.write(`  removed ${show(file)}\n`);
    return exitCode(problems);
  }
}
