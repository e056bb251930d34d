/**
 * `kam init [dir]`: create a workspace: `kam.yaml`, `self.yaml`, `accounts/`, `competitors/`, a
 * `.gitignore` for `reports/`; with `--ci` the GitHub Actions workflow (`--ci gitlab`: the GitLab
 * CI job) and, where the folder has no package.json, one with kam as a dev dependency (the
 * workflow installs kam from it); with `--example` a sample account. Asks on a terminal (unless `--yes`); otherwise takes flags and defaults. Existing
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
  ci?: boolean | string;
  example?: boolean;
  force?: boolean;
  /** false with --no-package-json */
  packageJson?: boolean;
  /** the dev dependency's spec in the package.json written (default: ^<this version>) */
  kamFrom?: string;
}

const ciProviders = ['github', 'gitlab'] as const;
type CiProvider = (typeof ciProviders)[number];

interface Choices extends WorkspaceSettings {
  ci: CiProvider | undefined;
  example: boolean;
  /** write a package.json with kam as a dev dependency */
  packageJson: boolean;
}

/** The package files `--ci` and `--example` copy. */
export const workflowTemplate = join(packageRoot, 'templates', 'ci', 'github-workflow.yml');
export const gitlabTemplate = join(packageRoot, 'templates', 'ci', 'gitlab-ci.yml');
const ciFiles = {
  github: { file: '.github/workflows/kam.yml', template: workflowTemplate },
  gitlab: { file: '.gitlab-ci.yml', template: gitlabTemplate },
} satisfies Record<CiProvider, { file: string; template: string }>;

function ciProvider(value: boolean | string | undefined): CiProvider | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return 'github';
  if (!(ciProviders as readonly string[]).includes(value)) throw new UsageError(`--ci takes ${ciProviders.join(' or ')}, not "${value}"`);
  return value as CiProvider;
}

/** The package.json `--ci` offers where the folder has none: kam as a dev dependency, for `npm ci`. */
export function packageJsonFile(root: string, kamSpec: string): string {
  const name = basename(root).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '') || 'account-plans';
  const pkg = { name, private: true, description: 'Key account plans, checked by kam', scripts: { check: 'kam check' }, devDependencies: { kam: kamSpec } };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
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
    ci: ciProvider(options.ci),
    example: options.example ?? false,
    packageJson: options.packageJson !== false,
  };
  const noPackage = !existsSync(join(root, 'package.json'));
  if (options.yes || !isInteractive(ctx.io)) return defaults;
  const asked = await askOrCancel(ctx.io, async (p) => ({
    company: options.company?.trim() || (await p.text('Our company name (shown in reports)', { default: defaults.company, required: true })),
    currency:
      options.currency !== undefined
        ? defaults.currency
        : (await p.text('Currency of the money figures', { default: defaults.currency, validate: currencyProblem })).toUpperCase(),
    lang: options.lang ?? (await p.choose('Report language', Lang.options, { default: defaults.lang })) ?? defaults.lang,
    ci: options.ci !== undefined ? defaults.ci : (await p.confirm('Add a GitHub Actions workflow that checks the plans on pull requests?', false)) ? ('github' as const) : undefined,
    example: options.example ?? (await p.confirm('Add a sample account showing a complete plan?', false)),
  }));
  if ('exit' in asked) return asked;
  const answers = { ...asked.answers, packageJson: defaults.packageJson };
  if (answers.ci && noPackage && options.packageJson !== false) {
    const offer = await askOrCancel(ctx.io, (p) => p.confirm('This folder has no package.json: add one with kam as a dev dependency (the workflow installs kam from it)?', true));
    if ('exit' in offer) return offer;
    answers.packageJson = offer.answers;
  }
  return answers;
}

/** What makes the CI job's `npm ci` find kam. */
function installHint(root: string, hadPackage: boolean, wrote: boolean, spec: string): string[] {
  // a version or range names the package; a path, tarball or URL stands alone
  const kamSpec = /^[\^~<>=\d*]/.test(spec) ? `kam@${spec}` : spec;
  if (!hadPackage) {
    return wrote
      ? ['', 'The CI job installs kam with `npm ci`: run `npm install` once to install it and write package-lock.json, and commit both.']
      : ['', `The CI job installs kam with \`npm ci\`: add a package.json with kam as a dev dependency (\`npm install --save-dev ${kamSpec}\`) and commit it with package-lock.json.`];
  }
  let pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } = {};
  try {
    pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  } catch {
    // an unreadable package.json: the hint below still says what the job needs
  }
  if (pkg.devDependencies?.kam || pkg.dependencies?.kam) return [];
  return ['', `The CI job installs kam with \`npm ci\`: add it to package.json with \`npm install --save-dev ${kamSpec}\` and commit package-lock.json.`];
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
  const kamSpec = options.kamFrom?.trim() || `^${ctx.version}`;
  const hadPackage = existsSync(join(root, 'package.json'));
  if (choices.ci) {
    files.push({ file: ciFiles[choices.ci].file, text: readFileSync(ciFiles[choices.ci].template, 'utf8') });
    if (!hadPackage && choices.packageJson) files.push({ file: 'package.json', text: packageJsonFile(root, kamSpec) });
  }
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
  if (choices.ci) out.push(...installHint(root, hadPackage, choices.packageJson, kamSpec));
  const where = displayPath(io, root);
  out.push('', `Workspace ready${where === '.' ? '' : ` in ${where}`}. Next: \`kam new <id>\` adds an account, \`kam import <export.csv>\` imports a CRM export.`);
  const hint = schemaHint(root);
  if (hint) out.push(hint);
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
