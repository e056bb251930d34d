#!/usr/bin/env node
// `npm run bench`: times kam's commands as whole processes against floors measured in the same
// run on the same files, and prints each target's ratio and verdict. Every round runs each case
// once, floors and commands in turn (a shared machine's slow spells weigh on both alike).
// `--smoke` runs the same cases on tiny workspaces once (for the test that keeps this script
// from rotting); `--runs N` sets the rounds (median; 5 by default).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.js';
import { historyRepo } from './history.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = dirname(here);
const bin = join(repo, 'bin', 'kam.js');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const runs = Number(args[args.indexOf('--runs') + 1]) || (smoke ? 1 : 5);
const work = args.includes('--work') ? args[args.indexOf('--work') + 1] : join(here, '.work');
const SMALL = smoke ? 20 : 1000;
const LARGE = smoke ? 50 : 10000;
/** The size the performance issue names: check must stay near linear and within 1 GiB. */
const BIG = smoke ? 100 : 50000;
const CHANGED = smoke ? 5 : 100;
// kam trend: revisions of a SMALL-account repository, each commit changing TREND_CHANGED files
const REVISIONS = smoke ? 5 : 50;
const TREND_CHANGED = smoke ? 2 : 20;
const ANALYSIS = smoke ? [500, 5000] : [10000, 100000];
/** n and 10n unknown keys in one file: validation cost must grow linearly (issue 20) */
const KEYS = smoke ? [500, 5000] : [5000, 50000];
/** the scale a CRM import makes: plan, diff and score --json must stay within 1 GiB */
const HUGE = smoke ? 200 : 100000;
const HUGE_MIB = 1024;
/** Rows of the `kam score` table rendered alone (bench/table.js): linear in rows, not cli-table3's quadratic. */
const TABLE = smoke ? [1000, 10000] : [10000, 100000];
/** Runs a round of the start-up cases (node -e 0, --version, --help): their noise is the largest. */
const START_REPEAT = smoke ? 1 : 5;

const log = (s) => process.stderr.write(`${s}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function workspace(n) {
  const root = join(work, `ws-${n}`);
  const accounts = join(root, 'accounts');
  if (!existsSync(accounts) || readdirSync(accounts).length !== n) {
    log(`generating ${n} accounts in ${root}`);
    generate(root, n);
  }
  return root;
}

/** A git repository of `n` accounts with two commits; the second changes `changed` accounts. */
function diffRepo(n, changed) {
  const root = join(work, `repo-${n}`);
  if (existsSync(join(root, '.git'))) return root;
  log(`building a git repository of ${n} accounts in ${root}`);
  rmSync(root, { recursive: true, force: true });
  cpSync(workspace(n), root, { recursive: true });
  const git = (...a) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...a], { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'base');
  for (let i = 1; i <= changed; i++) {
    const file = join(root, 'accounts', `acct-${String(i * Math.floor(n / changed)).padStart(6, '0')}.yaml`);
    const text = readFileSync(file, 'utf8').replace(/^reviewed: .*$/m, 'reviewed: 2026-10-31').replace(/^ {2}relationship: .*$/m, '  relationship: good');
    writeFileSync(file, `${text}x-bench: changed\n`);
  }
  git('commit', '-qam', 'change');
  return root;
}

/**
 * Wall time in ms of one run of a node process; exit 0 and 1 count as success.
 */
function once({ argv, cwd = repo }) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) return { ms: NaN, error: (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n')[0] };
  return { ms };
}

/**
 * Median wall time of every case over `runs` rounds, after one unmeasured round that warms the
 * file cache. Each round runs every case once, floors and commands in turn, so that a slow spell
 * of a shared machine weighs on a case and on the floor it is compared with alike. A case with
 * `repeat` runs that many times a round, interleaved with the other repeated cases: start-up
 * takes a few tens of ms, where the machine's noise is largest, and more runs cost little.
 */
function timeAll(cases) {
  const times = new Map(cases.map((c) => [c.name, []]));
  const errors = new Map();
  const repeats = Math.max(...cases.map((c) => c.repeat ?? 1));
  for (let round = -1; round < runs; round++) {
    log(round < 0 ? 'warming up' : `round ${round + 1} of ${runs}`);
    const inRound = new Map(cases.map((c) => [c.name, []]));
    for (let rep = 0; rep < repeats; rep++) {
      for (const c of cases) {
        if (errors.has(c.name) || rep >= (c.repeat ?? 1)) continue;
        const r = once(c);
        if (r.error) errors.set(c.name, r.error);
        else inRound.get(c.name).push(r.ms);
      }
    }
    if (round >= 0) for (const [name, ms] of inRound) times.get(name).push(ms);
  }
  // each case's median per round too: a ratio per round compares runs made minutes apart at most
  return Object.fromEntries(
    cases.map((c) => {
      if (errors.has(c.name)) return [c.name, { ms: NaN, times: [], error: errors.get(c.name) }];
      const rounds = times.get(c.name);
      return [c.name, { ms: median(rounds.flat()), times: rounds.map(median) }];
    }),
  );
}

function peakMiB(argv, cwd = repo) {
  const file = join(work, 'rss.txt');
  rmSync(file, { force: true });
  const r = spawnSync(process.execPath, ['--import', join(here, 'rss.js'), ...argv], { cwd, env: { ...process.env, KAM_BENCH_RSS: file }, encoding: 'utf8', maxBuffer: 1 << 30 });
  if ((r.status !== 0 && r.status !== 1) || !existsSync(file)) return NaN;
  return Number(readFileSync(file, 'utf8')) / 1024;
}

/** One account file with `n` unknown top-level keys (cached). */
function unknownKeys(n) {
  const root = join(work, `keys-${n}`);
  const file = join(root, 'accounts', 'a.yaml');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `id: a\nname: A\n${Array.from({ length: n }, (_, i) => `unknown${i}: ${i}`).join('\n')}\n`);
  }
  return root;
}

mkdirSync(work, { recursive: true });
const small = workspace(SMALL);
const large = workspace(LARGE);
const repoDir = diffRepo(SMALL, CHANGED);

const big = workspace(BIG);

const kam = (...a) => [bin, ...a];
const out = join(work, 'reports');
rmSync(out, { recursive: true, force: true });
// the render floor renders the valid accounts only: which are invalid is found before timing
const invalidList = join(work, `invalid-${SMALL}.txt`);
{
  const r = spawnSync(process.execPath, kam('validate', '-C', small, '--format', 'json'), { encoding: 'utf8', maxBuffer: 1 << 30 });
  const invalid = new Set(JSON.parse(r.stdout).filter((f) => f.severity === 'error').map((f) => f.file));
  writeFileSync(invalidList, [...invalid].join('\n'));
}
const floorCases = [
  { name: 'node', argv: ['-e', '0'], repeat: START_REPEAT },
  { name: `read ${SMALL}`, argv: [join(here, 'floors/read.js'), small] },
  { name: `read ${LARGE}`, argv: [join(here, 'floors/read.js'), large] },
  { name: `js-yaml ${SMALL}`, argv: [join(here, 'floors/parse.js'), small] },
  { name: `js-yaml ${LARGE}`, argv: [join(here, 'floors/parse.js'), large] },
  { name: `ajv + js-yaml ${LARGE}`, argv: [join(here, 'floors/ajv.js'), large] },
  ...['md', 'html'].map((format) => ({ name: `render ${format} ${SMALL}`, argv: [join(here, 'floors/render.js'), small, invalidList, join(out, `floor-${format}`), format] })),
];
const commandCases = [
  { name: 'kam --version', argv: kam('--version'), repeat: START_REPEAT },
  { name: 'kam --help', argv: kam('--help'), repeat: START_REPEAT },
  ...[SMALL, LARGE].flatMap((n) => {
    const ws = n === SMALL ? small : large;
    return [
      { name: `validate ${n}`, argv: kam('validate', '-C', ws, '--format', 'json') },
      { name: `check --format json ${n}`, argv: kam('check', '-C', ws, '--format', 'json') },
      { name: `score --json ${n}`, argv: kam('score', '-C', ws, '--json') },
    ];
  }),
  { name: `plan md ${SMALL}`, argv: kam('plan', '-C', small, '--out', join(out, 'md'), '--format', 'md', '--force') },
  { name: `plan html ${SMALL}`, argv: kam('plan', '-C', small, '--out', join(out, 'html'), '--format', 'html', '--force') },
  { name: `diff ${SMALL} (${CHANGED} changed)`, argv: kam('diff', 'HEAD~1', 'HEAD', '-C', repoDir, '--format', 'json'), cwd: repoDir },
  { name: `check one revision ${SMALL}`, argv: kam('check', '-C', repoDir, '--format', 'json'), cwd: repoDir },
  { name: `check --format json ${BIG}`, argv: kam('check', '-C', big, '--format', 'json') },
  // the account team's week (issue 15): against score --json on the same files
  { name: `ls ${LARGE}`, argv: kam('ls', '-C', large) },
  { name: `ls --where ${LARGE}`, argv: kam('ls', '-C', large, '--where', 'scores.composite >= 50 and risk.level != "low"') },
  { name: `actions ${LARGE}`, argv: kam('actions', '-C', large) },
  { name: `actions --format ics ${LARGE}`, argv: kam('actions', '-C', large, '--format', 'ics') },
  { name: `export xlsx ${LARGE}`, argv: kam('export', join(out, 'portfolio.xlsx'), '-C', large, '--force') },
  ...KEYS.map((n) => ({ name: `validate ${n} unknown keys`, argv: kam('validate', '-C', unknownKeys(n), '--format', 'json') })),
];
const trendDir = historyRepo(join(work, `history-${SMALL}-${REVISIONS}-${TREND_CHANGED}`), workspace(SMALL), { n: SMALL, revisions: REVISIONS, changed: TREND_CHANGED });
const TREND = `trend ${SMALL} (${REVISIONS} revisions, ${TREND_CHANGED} changed each)`;
commandCases.push(
  { name: TREND, argv: kam('trend', '-C', trendDir, '--format', 'json'), cwd: trendDir },
  { name: `score --json one revision ${SMALL}`, argv: kam('score', '-C', trendDir, '--json'), cwd: trendDir },
);
const timed = timeAll([...floorCases, ...commandCases]);
const floor = Object.fromEntries(floorCases.map((c) => [c.name, timed[c.name]]));
const measured = Object.fromEntries(commandCases.map((c) => [c.name, timed[c.name]]));

// the analysis alone, in its own processes: both sizes in turn, each process timing 3 runs
const analysed = new Map(ANALYSIS.map((n) => [n, []]));
for (let round = 0; round < runs; round++) {
  log(`measuring the analysis of ${ANALYSIS.join(' and ')} in-memory accounts (${round + 1} of ${runs})`);
  for (const n of ANALYSIS) {
    const r = spawnSync(process.execPath, [join(here, 'analysis.js'), String(n), '3'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    analysed.get(n).push(r.status === 0 ? Number(r.stdout.trim()) : NaN);
    if (r.status !== 0) measured[`analysis ${n}`] = { ms: NaN, times: [], error: (r.stderr || '').trim().split('\n').pop() };
  }
}
for (const [n, times] of analysed) measured[`analysis ${n}`] ??= { ms: median(times), times };

// the score table alone, in its own processes: both sizes in turn, each process timing 3 renderings
const tabled = new Map(TABLE.map((n) => [n, []]));
for (let round = 0; round < runs; round++) {
  log(`measuring the score table of ${TABLE.join(' and ')} rows (${round + 1} of ${runs})`);
  for (const n of TABLE) {
    const r = spawnSync(process.execPath, [join(here, 'table.js'), String(n), '3'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    tabled.get(n).push(r.status === 0 ? Number(r.stdout.trim()) : NaN);
    if (r.status !== 0) measured[`score table ${n}`] = { ms: NaN, times: [], error: (r.stderr || '').trim().split('\n').pop() };
  }
}
for (const [n, times] of tabled) measured[`score table ${n}`] ??= { ms: median(times), times };

const rows = [];
/** A target: `name` measured at most `limit` times `against` (a floor or another case). */
function target(name, against, limit) {
  const a = measured[name];
  const b = floor[against] ?? measured[against];
  const ratio = a.ms / b.ms;
  // the lowest and highest of the ratios within one round: how far a verdict is from flipping
  const perRound = a.times.map((t, i) => t / b.times[i]).filter(Number.isFinite);
  const range = perRound.length > 1 ? [Math.min(...perRound), Math.max(...perRound)] : undefined;
  rows.push({ name, ms: a.ms, against, base: b.ms, ratio, range, limit, pass: ratio <= limit, error: a.error });
}

target('kam --version', 'node', 1.3);
target('kam --help', 'node', 1.3);
// against what a user would write by hand: js-yaml + ajv with kam's own schemas, one thread
target(`validate ${LARGE}`, `ajv + js-yaml ${LARGE}`, 1.0);
target(`check --format json ${LARGE}`, `ajv + js-yaml ${LARGE}`, 1.25);
target(`score --json ${LARGE}`, `ajv + js-yaml ${LARGE}`, 1.5);
for (const c of ['validate', 'check --format json', 'score --json']) target(`${c} ${LARGE}`, `${c} ${SMALL}`, 11);
target(`check --format json ${BIG}`, `check --format json ${LARGE}`, 5.5);
target(`analysis ${ANALYSIS[1]}`, `analysis ${ANALYSIS[0]}`, 11);
target(`score table ${TABLE[1]}`, `score table ${TABLE[0]}`, 11);
// against the job itself: load, analyse, render and write on one thread, nothing checked
target(`plan html ${SMALL}`, `render html ${SMALL}`, 1.25);
target(`plan md ${SMALL}`, `render md ${SMALL}`, 1.25);
target(`diff ${SMALL} (${CHANGED} changed)`, `check one revision ${SMALL}`, 3);
target(TREND, `score --json one revision ${SMALL}`, 3);
for (const c of ['ls', 'ls --where', 'actions', 'actions --format ics']) target(`${c} ${LARGE}`, `score --json ${LARGE}`, 1.2);
target(`export xlsx ${LARGE}`, `score --json ${LARGE}`, 2);
target(`validate ${KEYS[1]} unknown keys`, `validate ${KEYS[0]} unknown keys`, 11);

// strict YAML: the official test suite's cases, through kam's loader
const suite = await (async () => {
  const { loadDoc } = await import(join(repo, 'dist', 'load', 'workspace.js'));
  const { decode } = await import(join(repo, 'dist', 'load', 'read.js'));
  const dir = join(repo, 'test', 'fixtures', 'yaml-test-suite');
  const fileRules = new Set(['yaml/multiple-docs', 'yaml/non-string-key', 'yaml/duplicate-key', 'yaml/empty']);
  const cases = readFileSync(join(dir, 'manifest.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  let errors = 0;
  let reported = 0;
  let flagged = 0;
  for (const [id, kind] of cases) {
    const found = loadDoc('account', `accounts/${id}.yaml`, decode(readFileSync(join(dir, `${id}.yaml`)))).findings.filter((f) => f.rule.startsWith('yaml/'));
    if (kind === 'error') {
      errors++;
      if (found.some((f) => f.line >= 1)) reported++;
    } else if (found.some((f) => !fileRules.has(f.rule))) flagged++;
  }
  return { errors, reported, flagged };
})();

log(`measuring peak memory of check on ${LARGE} and ${BIG} accounts`);
const peak = peakMiB(kam('check', '-C', large, '--format', 'json'));
const peakHuge = peakMiB(kam('check', '-C', big, '--format', 'json'));
const memory = [
  { name: `check --format json ${LARGE}`, peak, limit: 400 },
  { name: `check --format json ${BIG}`, peak: peakHuge, limit: 1024 },
];

// 100,000 accounts (generated once, cached under bench/.work): peak memory and time of one run each
const huge = workspace(HUGE);
const hugeRepo = diffRepo(HUGE, 1);
const hugeCases = [
  { name: `score --json ${HUGE}`, argv: kam('score', '-C', huge, '--json') },
  { name: `plan md ${HUGE}`, argv: kam('plan', '-C', huge, '--out', join(out, 'huge'), '--force') },
  { name: `diff ${HUGE} (1 changed)`, argv: kam('diff', 'HEAD~1', 'HEAD', '-C', hugeRepo, '--format', 'json'), cwd: hugeRepo },
];
const hugeRows = hugeCases.map((c) => {
  log(`measuring ${c.name}`);
  const start = process.hrtime.bigint();
  const mib = peakMiB(c.argv, c.cwd);
  return { name: c.name, mib, ms: Number(process.hrtime.bigint() - start) / 1e6 };
});

const fmt = (ms) => (Number.isFinite(ms) ? (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`) : 'n/a');
const lines = [
  `kam benchmark: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${runs} run${runs === 1 ? '' : 's'}${START_REPEAT > 1 ? ` (start-up: ${runs * START_REPEAT})` : ''}${smoke ? ' (smoke)' : ''}`,
  '',
  '| floor | time |',
  '|---|---|',
  ...Object.entries(floor).map(([k, v]) => `| ${k === 'node' ? 'node -e 0' : k} | ${fmt(v.ms)} |`),
  '',
  '| case | time | against | its time | ratio | rounds | target | verdict |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.ms)} | ${r.against} | ${fmt(r.base)} | ${Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}x` : 'n/a'} | ${r.range ? `${r.range[0].toFixed(2)}-${r.range[1].toFixed(2)}x` : '-'} | <= ${r.limit}x | ${r.error ? `FAIL (${r.error})` : r.pass ? 'pass' : 'FAIL'} |`,
  ),
  '',
  '| memory | peak | target | verdict |',
  '|---|---|---|---|',
  ...memory.map((m) => `| ${m.name} | ${Number.isFinite(m.peak) ? `${m.peak.toFixed(0)} MiB` : 'n/a'} | <= ${m.limit} MiB | ${m.peak <= m.limit ? 'pass' : 'FAIL'} |`),
  ...hugeRows.map((r) => `| ${r.name} (${fmt(r.ms)}) | ${Number.isFinite(r.mib) ? `${r.mib.toFixed(0)} MiB` : 'n/a'} | <= ${HUGE_MIB} MiB | ${r.mib <= HUGE_MIB ? 'pass' : 'FAIL'} |`),
  '',
  '| strict YAML | reported | valid cases flagged | target | verdict |',
  '|---|---|---|---|---|',
  `| YAML test suite | ${suite.reported} of ${suite.errors} error cases | ${suite.flagged} | all, none flagged | ${suite.reported === suite.errors && suite.flagged === 0 ? 'pass' : 'FAIL'} |`,
];
process.stdout.write(`${lines.join('\n')}\n`);
const checks = rows.length + memory.length + hugeRows.length + 1;
const failed =
  rows.filter((r) => !r.pass).length +
  memory.filter((m) => !(m.peak <= m.limit)).length +
  hugeRows.filter((r) => !(r.mib <= HUGE_MIB)).length +
  (suite.reported === suite.errors && suite.flagged === 0 ? 0 : 1);
process.stdout.write(`\n${checks - failed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 && !smoke ? 1 : 0;
