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
import { inGitWorkTree } from '../../git/history.js';
import { openRepo } from '../../git/revision.js';
import { replayHistory, reportTrends } from '../../pipeline/history.js';
import type { ReportTrendSeries } from '../../report/input.js';
import type { Io } from '../io.js';
import { WorkerFailure } from '../../pipeline/parallel/pool.js';
import { needsOf } from '../../pipeline/scope.js';
import { removeStalePlans, writeOutputs, type OutputFile } from '../../report/files.js';
import { gatherReportInput } from '../../report/gather.js';
import { portfolioModel, TREND_FILE } from '../../report/model.js';
import { PLANS, planPath, planTask, PORTFOLIO, rendererFor, type RenderSetup } from '../../report/plans.js';
import { compileTemplates, GENERATED_LINE, TemplateError, type CompiledTemplates } from '../../report/render.js';
import type { PlanFormat } from '../../report/formats.js';
import { loadTemplates } from '../../report/templates.js';
import type { Audience, Config, Lang } from '../../schema/config.js';
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
  format?: PlanFormat;
  lang?: Lang;
  audience?: Audience;
  force?: boolean;
  /** false with --no-trend */
  trend?: boolean;
  /** the browser that prints PDFs (`--format pdf`) */
  browser?: string;
}

/** The default output folder, inside the workspace; an exec or customer run writes into `reports/<audience>`. */
export const DEFAULT_OUT = 'reports';
const defaultOut = (audience: Audience) => (audience === 'team' ? DEFAULT_OUT : `${DEFAULT_OUT}/${audience}`);
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
  // the history replayed from git while the accounts load (only in a git working tree)
  const trending = options.trend !== false ? historyOf(root, io) : undefined;
  trending?.catch(() => undefined);
  const loading = progressLine(io, 'kam plan: loading');
  const wanted = options.format ?? 'md';
  // a PDF is the HTML report printed by a browser, found before any work is done
  const browser = wanted === 'pdf' ? (await import('../pdf.js')).findBrowser(options.browser, io.env.KAM_BROWSER) : undefined;
  const format = wanted === 'pdf' ? 'html' : wanted;
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
    const audience = options.audience ?? ws.config.report.audience;
    // the customer's mutual plans only: the portfolio compares accounts, which is internal
    const withPortfolio = ids.length === 0 && audience !== 'customer';
    const known = ws.accounts.flatMap((d) => (d.id === null ? [] : [d.id]));
    for (const id of ids) {
      if (!known.includes(id)) throw new UsageError(`no account \`${id}\` in ${show(root)}${didYouMean(id, known)}`);
    }
    ids = [...new Set(ids)];

    // analysis and completeness of every valid account (V and abc rank among all of them)
    const { analysis, checked } = evaluate(run, today);
    const input = { ...gatherReportInput(ws, today, lang, analysis.accounts, checked.accounts), audience };
    const trends = await trending;
    if (trends) for (const a of input.accounts) a.trend = trends.get(a.account.id);

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
      if (withPortfolio) {
        const model = portfolioModel(input, (id) => planPath(id, wanted === 'pdf' ? 'pdf' : format), MATRIX_FILE, TREND_FILE);
        const portfolio = renderer.portfolio(model);
        files.push({ path: `${PORTFOLIO}.${format}`, content: portfolio.report });
        if (format === 'md') files.push({ path: MATRIX_FILE, content: portfolio.svg });
        if (format === 'md' && model.trend) files.push({ path: TREND_FILE, content: `${GENERATED_LINE}${model.trend.svg}\n` });
      }
      await plansDone;
    } catch (error) {
      if (error instanceof TemplateError || (error instanceof WorkerFailure && error.kind === 'template')) throw new UsageError(`template error: ${error.message}`);
      throw error;
    } finally {
      progress?.end();
    }
    files.unshift(...accounts.map((a) => plans.get(planPath(a.account.id, format))!));
    const written = browser === undefined ? files : await (await import('../pdf.js')).printPdfs(files, browser);

    const out = options.out !== undefined ? resolve(io.cwd, options.out) : join(root, defaultOut(audience));
    const result = writeOutputs(out, written, { force: options.force, display: show });
    if (result.interrupted) io.stderr.write(`kam plan: the last run into ${show(out)} was interrupted before it had written every report (each was left old or new); this run wrote them all\n`);
    // the plans of accounts whose files are gone (renamed, deleted) would look current: a whole
    // run removes those it generated
    const removed = ids.length === 0 ? removeStalePlans(out, PLANS, wanted, new Set(known)) : [];

    const skipped = ws.accounts.filter((d) => d.data === undefined && selected(d.id)).length;
    const what = `${plural(accounts.length, audience === 'customer' ? 'mutual plan' : 'account plan')}${withPortfolio ? ' and the portfolio' : ''}`;
    const unchanged = result.unchanged.length ? ` (${result.unchanged.length} unchanged)` : '';
    const skip = skipped ? `; ${plural(skipped, 'invalid account')} skipped` : '';
    const gone = removed.length ? `; ${plural(removed.length, 'plan')} of accounts that are gone removed` : '';
    const forWhom = audience === 'team' ? '' : `, for the ${audience === 'exec' ? 'executive' : 'customer'}`;
    io.stdout.write(`${makeChalk(io).green('✔')} ${what} written to ${show(out)} (${wanted}, ${lang}${forWhom})${unchanged}${skip}${gone}\n`);
    for (const file of removed) io.stdout.write(`  removed ${show(file)}\n`);
    return exitCode(problems);
  }
}

/**
 * The replayed history of the workspace for the trend pictures, when it is in a git working tree
 * (else undefined, without starting git). A history git cannot give (git missing, a broken
 * repository) leaves the pictures out with a note on stderr; the plans are still written.
 */
async function historyOf(root: string, io: Io): Promise<Map<string, ReportTrendSeries> | undefined> {
  if (!inGitWorkTree(root)) return undefined;
  try {
    // on this thread: a large workspace's worker threads are loading its accounts meanwhile
    return reportTrends(await replayHistory(await openRepo(root), { threads: 0 }));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`kam plan: no trend pictures: ${error.message}\n`);
    return undefined;
  }
}
