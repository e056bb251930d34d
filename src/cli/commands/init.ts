/**
 * `kam init [dir]`: create a workspace: `kam.yaml`, `self.yaml`, `accounts/`, `competitors/`, a
 * `.gitignore` for `reports/`; with `--ci` the GitHub Actions workflow, with `--example` a sample
 * account. Asks on a terminal (unless `--yes`); otherwise takes flags and defaults. Existing
 * files are kept unless `--force`, so running it twice changes nothing.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { modeline } from '../../authoring/modeline.js';
import { configFile, gitignoreFile, selfFile, type WorkspaceSettings } from '../../authoring/workspace-template.js';
import { UsageError } from '../../errors.js';
import type { FileKind } from '../../load/workspace.js';
import { Lang } from '../../schema/config.js';
import { packageRoot } from '../../util/package-root.js';
import { assertRealFolder, writeFileAtomic } from '../../util/write.js';
import type { Context } from '../main.js';
import { askOrCancel, isInteractive } from '../prompt.js';
import { displayPath, schemaHint, writtenLine } from '../written.js';

export interface InitOptions {
  yes?: boolean;
  company?: string;
  currency?: string;
  lang?: Lang;
  ci?: boolean;
  example?: boolean;
  force?: boolean;
}

interface Choices extends WorkspaceSettings {
  ci: boolean;
  example: boolean;
}

/** The package files `--ci` and `--example` copy. */
export const workflowTemplate = join(packageRoot, 'templates', 'ci', 'github-workflow.yml');
export const exampleTemplate = join(packageRoot, 'templates', 'init', 'example-account.yaml');
export const EXAMPLE_ID = 'initech';

const CURRENCY = /^[A-Za-z]{3}$/;
const currencyProblem = (code: string) => (CURRENCY.test(code) ? true : 'a three-letter currency code such as CNY, EUR or USD');

function currency(code: string): string {
  const problem = currencyProblem(code.trim());
  if (problem !== true) throw new UsageError(`--currency takes ${problem}, not "${code}"`);
  return code.trim().toUpperCase();
}

async function choose(options: InitOptions, root: string, ctx: Context): Promise<Choices | { exit: number }> {
  const defaults: Choices = {
    company: options.company?.trim() || basename(root),
    currency: currency(options.currency ?? 'CNY'),
    lang: options.lang ?? 'en',
    ci: options.ci ?? false,
    example: options.example ?? false,
  };
  if (options.yes || !isInteractive(ctx.io)) return defaults;
  const asked = await askOrCancel(ctx.io, async (p) => ({
    company: options.company?.trim() || (await p.text('Our company name (shown in reports)', { default: defaults.company, required: true })),
    currency:
      options.currency !== undefined
        ? defaults.currency
        : (await p.text('Currency of the money figures', { default: defaults.currency, validate: currencyProblem })).toUpperCase(),
    lang: options.lang ?? (await p.choose('Report language', Lang.options, { default: defaults.lang })) ?? defaults.lang,
    ci: options.ci ?? (await p.confirm('Add a GitHub Actions workflow that checks the plans on pull requests?', false)),
    example: options.example ?? (await p.confirm('Add a sample account showing a complete plan?', false)),
  }));
  return 'exit' in asked ? asked : asked.answers;
}

export async function run([dir]: unknown[], options: InitOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const root = resolve(io.cwd, (dir as string | undefined) ?? '.');
  if (existsSync(root) && !statSync(root).isDirectory()) throw new UsageError(`${dir} is a file, not a folder`);
  assertRealFolder(root, displayPath(io, root));

  const choices = await choose(options, root, ctx);
  if ('exit' in choices) return choices.exit;

  const line = (kind: FileKind, file: string) => modeline(kind, join(root, file), root, packageRoot);
  const files: { file: string; text: string }[] = [
    { file: 'kam.yaml', text: configFile({ company: choices.company, currency: choices.currency, lang: choices.lang }, line('config', 'kam.yaml')) },
    { file: 'self.yaml', text: selfFile(choices.company, line('self', 'self.yaml')) },
    { file: '.gitignore', text: gitignoreFile },
  ];
  if (choices.ci) files.push({ file: '.github/workflows/kam.yml', text: readFileSync(workflowTemplate, 'utf8') });
  if (choices.example) {
    const file = `accounts/${EXAMPLE_ID}.yaml`;
    files.push({ file, text: `${line('account', file)}\n${readFileSync(exampleTemplate, 'utf8')}` });
  }

  const out: string[] = [];
  for (const folder of ['accounts', 'competitors']) {
    const at = join(root, folder);
    if (existsSync(at)) continue;
    mkdirSync(at, { recursive: true });
    out.push(`created ${displayPath(io, at)}/`);
  }
  for (const { file, text } of files) {
    // a kam.yml or self.yml stands for kam.yaml or self.yaml: never write a second one
    const at = [file, file.replace(/\.yaml$/, '.yml')].map((f) => join(root, f)).find((f) => existsSync(f)) ?? join(root, file);
    const result = writeFileAtomic(at, text, { mode: options.force ? 'replace' : 'create' });
    out.push(writtenLine(result, displayPath(io, at)));
    if (file === '.gitignore' && result === 'exists' && !/^\/?reports\/?\s*$/m.test(readFileSync(at, 'utf8'))) {
      out.push('  add `reports/` to it: kam plan writes its reports there');
    }
  }
  const where = displayPath(io, root);
  out.push('', `Workspace ready${where === '.' ? '' : ` in ${where}`}. Next: \`kam new <id>\` adds an account, \`kam import <export.csv>\` imports a CRM export.`);
  const hint = schemaHint(root);
  if (hint) out.push(hint);
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
