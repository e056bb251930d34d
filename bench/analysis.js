// The analysis functions alone on n in-memory accounts: prints the median time in ms.
import v8 from 'node:v8';
import vm from 'node:vm';
// the same young-generation size as bin/kam.js gives every kam run
v8.setFlagsFromString('--max-semi-space-size=64');
// a kam run analyses once: each timed run starts from a heap without the last run's garbage
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
// The accounts are parsed from a small pool of generated files and given distinct ids and
// revenues, so building them costs little and the analysis sees n different accounts.
import jsyaml from 'js-yaml';
import { accountYaml } from './generate.js';

const [n, runs = 5] = process.argv.slice(2).map(Number);
const { analyseWorkspace } = await import('../dist/analysis/index.js');
const { defaultConfig } = await import('../dist/schema/config.js');

// the generator makes every 97th file or so invalid on purpose; the analysis takes valid accounts
const valid = Array.from({ length: 300 }, (_, i) => i + 1).filter((i) => ![5, 37, 71].includes(i % 97));
const pool = valid.slice(0, 200).map((i) => jsyaml.load(accountYaml(i), { schema: jsyaml.CORE_SCHEMA }));
// shallow copies: each account has its own id and revenue and shares the rest with its pool
// entry, so the inputs take little memory and the time measured is the analysis's own
const accounts = Array.from({ length: n }, (_, i) => {
  const base = pool[i % pool.length];
  const revenue = base.financials?.revenue && { 2024: (i * 7919) % 9_000_000, 2025: (i * 104_729) % 9_000_000 };
  // ids as the generator names files (acct-000001), in the order a workspace lists them
  return { ...base, id: `acct-${String(i + 1).padStart(6, '0')}`, financials: { ...base.financials, ...(revenue && { revenue }) } };
});
const config = defaultConfig();
const times = [];
for (let r = 0; r < runs; r++) {
  gc();
  const start = performance.now();
  analyseWorkspace(accounts, config, '2026-11-01');
  times.push(performance.now() - start);
}
process.stdout.write(`${[...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]}\n`);
