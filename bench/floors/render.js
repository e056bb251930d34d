// Render floor of `kam plan`, on one thread in a fresh process: js-yaml-load the valid account
// files (the list of invalid ones comes from argv[3], made before timing), analyse them, build
// the report input with no findings, render every plan and the portfolio from kam's own
// precompiled built-in templates, and write the files. What kam plan does beyond this (schema,
// rules, positions, threads) is its overhead over the floor.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsyaml from 'js-yaml';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const [root, invalidList, out, format] = process.argv.slice(2);
const { analyseWorkspace } = await import(join(dist, 'analysis', 'index.js'));
const { gatherReportInput } = await import(join(dist, 'report', 'gather.js'));
const { planModel, portfolioModel } = await import(join(dist, 'report', 'model.js'));
const { compileTemplates } = await import(join(dist, 'report', 'render.js'));
const { rendererFrom } = await import(join(dist, 'report', 'render.js'));
const { loadTemplates } = await import(join(dist, 'report', 'templates.js'));
const { defaultConfig } = await import(join(dist, 'schema', 'config.js'));

const invalid = new Set(readFileSync(invalidList, 'utf8').split('\n').filter(Boolean));
const load = (dir) =>
  readdirSync(join(root, dir))
    .filter((f) => !invalid.has(`${dir}/${f}`))
    .map((f) => ({ file: `${dir}/${f}`, data: jsyaml.load(readFileSync(join(root, dir, f), 'utf8'), { schema: jsyaml.CORE_SCHEMA }) }));
const config = defaultConfig();
const accounts = load('accounts').map((d) => ({ kind: 'account', id: d.data.id, raw: d.data, findings: [], ...d }));
const competitors = load('competitors').map((d) => ({ kind: 'competitor', id: d.data.id, raw: d.data, findings: [], ...d }));
const ws = { root, config, configDoc: undefined, self: undefined, competitors, accounts, findings: [] };

const today = '2026-11-01';
const analysis = analyseWorkspace(accounts.map((d) => d.data), config, today);
const input = gatherReportInput(ws, today, 'en', analysis.accounts, []);
const renderer = await rendererFrom(await compileTemplates(loadTemplates({ overrides: join(root, 'templates'), root }), format), 'en');
mkdirSync(join(out, 'accounts'), { recursive: true });
for (const item of input.accounts) {
  writeFileSync(join(out, 'accounts', `${item.account.id}.${format}`), renderer.plan(planModel(input, item, `../portfolio.${format}`)));
}
const portfolio = renderer.portfolio(portfolioModel(input, (id) => `accounts/${id}.${format}`, 'portfolio-matrix.svg'));
writeFileSync(join(out, `portfolio.${format}`), portfolio.report);
if (format === 'md') writeFileSync(join(out, 'portfolio-matrix.svg'), portfolio.svg);
process.stdout.write(`${input.accounts.length}\n`);
