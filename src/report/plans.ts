/**
 * Rendering account plans: one file per account, by the same function on the main thread (small
 * workspaces, a few ids) and on the worker threads that loaded a large workspace and still hold
 * its accounts. A worker receives the report input without the accounts (`PlanTask`), adds the
 * accounts it holds, and sends back the rendered files.
 */
import type { Competitor } from '../schema/competitor.js';
import type { Lang } from '../schema/config.js';
import type { Account } from '../schema/account.js';
import type { OutputFile } from './files.js';
import type { AccountInput, PlanInput, ReportInput } from './input.js';
import { planContextFor } from './audience.js';
import { rendererFrom, type CompiledTemplates, type Renderer, type ReportFormat } from './render.js';

/** The portfolio report's file name, without the format's extension. */
export const PORTFOLIO = 'portfolio';

/** What a renderer is made of: the compiled templates (of one format) and the language. */
export interface RenderSetup {
  compiled: CompiledTemplates;
  lang: Lang;
}

export const rendererFor = ({ compiled, lang }: RenderSetup): Promise<Renderer> => rendererFrom(compiled, lang);

/** Loads what rendering needs, ahead of time. */
export const prepareRendering = async (): Promise<void> => {
  await import('handlebars');
};

/** The output folder's folder of account plans. */
export const PLANS = 'accounts';

/** Where an account's plan is written in the output folder. */
export const planPath = (id: string, format: ReportFormat | 'pdf'): string => `${PLANS}/${id}.${format}`;

/** One account's plan. */
export const planFile = (renderer: Renderer, input: PlanInput, item: AccountInput): OutputFile => ({
  path: planPath(item.account.id, renderer.format),
  content: renderer.plan(planContextFor(input, item, `../${PORTFOLIO}.${renderer.format}`)),
});

/** Plans to render on a worker thread that holds the accounts (found by file). */
export interface PlanTask {
  setup: RenderSetup;
  input: Omit<PlanInput, 'competitors'> & { competitors: [string, Competitor][] };
  items: Omit<AccountInput, 'account'>[];
}

export function planTask(setup: RenderSetup, input: ReportInput, items: readonly AccountInput[]): PlanTask {
  const { accounts: _accounts, skipped: _skipped, competitors, ...shared } = input;
  return { setup, input: { ...shared, competitors: [...competitors] }, items: items.map(({ account: _account, ...item }) => item) };
}

/** Renders a task's plans, `batch` files at a time (so that progress can be shown). */
export function renderTask(renderer: Renderer, task: PlanTask, accountOf: (file: string) => Account, batch: (files: OutputFile[]) => void, size = 50): void {
  const input: PlanInput = { ...task.input, competitors: new Map(task.input.competitors) };
  let files: OutputFile[] = [];
  for (const item of task.items) {
    files.push(planFile(renderer, input, { ...item, account: accountOf(item.file) }));
    if (files.length === size) {
      batch(files);
      files = [];
    }
  }
  if (files.length > 0) batch(files);
}
