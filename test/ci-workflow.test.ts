/**
 * The CI recipes as written: the `run:` steps of the workflow `kam init --ci` writes, in order, in
 * a shell, on a fresh git repository with a base and a head commit; kam installed by the
 * workflow's own `npm ci` from the packed tarball (offline); `gh` replaced by a stub that records
 * its arguments. Then the GitLab job's script, whose Code Quality report must have GitLab's shape.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kam } from './helpers.js';
import { validCodeQuality } from './support/code-quality.js';
import { packKam, userEnv, writeClientLock } from './support/install.js';

const tmp = mkdtempSync(join(tmpdir(), 'kam-ci-'));
const repo = join(tmp, 'plans');
const stubs = join(tmp, 'bin');
const ghLog = join(tmp, 'gh.log');

const git = (...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** `gh`: appends its arguments as one line to $GH_LOG, keeps the body file it was given, and lists $GH_EXISTING as the id of a kam comment. */
const ghStub = `#!/bin/sh
printf '%s\\n' "$*" >> "$GH_LOG"
prev=""
for a in "$@"; do
  case "$a" in body=@*) cp "\${a#body=@}" "$GH_LOG.body" ;; esac
  [ "$prev" = "--body-file" ] && cp "$a" "$GH_LOG.body"
  prev="$a"
done
case "$*" in *--paginate*) [ -n "$GH_EXISTING" ] && echo "$GH_EXISTING" ;; esac
exit 0
`;

const github = { base_ref: 'main', token: 'token-x', repository: 'acme/plans', 'event.pull_request.number': '7', 'event.pull_request.head.repo.full_name': 'acme/plans' };

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  env?: Record<string, string>;
  run?: string;
}

/** A GitHub expression of the workflow (`${{ … }}`), evaluated on the pull request's context and the outcomes so far. */
function expression(text: string, outcomes: Record<string, string>, failed: boolean): unknown {
  const body = text.replace(/^\$\{\{\s*|\s*\}\}$/g, '');
  const js = body
    .replace(/\bcancelled\(\)/g, 'false')
    .replace(/\bsuccess\(\)/g, String(!failed))
    .replace(/\bsteps\.([\w-]+)\.outcome\b/g, (_m, id: string) => JSON.stringify(outcomes[id] ?? ''))
    .replace(/\bgithub\.([\w.]+)/g, (_m, key: string) => {
      if (!(key in github)) throw new Error(`unknown context github.${key}`);
      return JSON.stringify(github[key as keyof typeof github]);
    })
    .replace(/==/g, '===')
    .replace(/!====/g, '!==');
  return new Function(`return (${js});`)();
}
const substitute = (text: string, outcomes: Record<string, string>) => text.replace(/\$\{\{[^}]*\}\}/g, (e) => String(expression(e, outcomes, false)));

interface Ran {
  name: string;
  ran: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the `run:` steps as GitHub does: bash -eo pipefail, a step's `if` (default: all before succeeded), its env. */
function runWorkflow(steps: Step[], extraEnv: Record<string, string> = {}): Ran[] {
  const outcomes: Record<string, string> = {};
  let failed = false;
  const out: Ran[] = [];
  for (const step of steps) {
    if (step.uses) continue; // checkout: the repository is here, with its history; setup-node: this node
    const name = step.name ?? step.run!;
    const condition = step.if === undefined ? !failed : Boolean(expression(step.if.startsWith('${{') ? step.if : `\${{ ${step.if} }}`, outcomes, failed));
    if (!condition) {
      out.push({ name, ran: false, code: null, stdout: '', stderr: '' });
      if (step.id) outcomes[step.id] = 'skipped';
      continue;
    }
    const env = userEnv({ CI: 'true', GITHUB_ACTIONS: 'true', GH_LOG: ghLog, PATH: `${stubs}:${userEnv().PATH}`, ...extraEnv });
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = substitute(value, outcomes);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: repo, env, encoding: 'utf8' });
    out.push({ name, ran: true, code: r.status, stdout: r.stdout, stderr: r.stderr });
    if (step.id) outcomes[step.id] = r.status === 0 ? 'success' : 'failure';
    if (r.status !== 0) failed = true;
  }
  return out;
}

let steps: Step[] = [];

beforeAll(async () => {
  mkdirSync(repo, { recursive: true });
  mkdirSync(stubs);
  writeFileSync(join(stubs, 'gh'), ghStub);
  chmodSync(join(stubs, 'gh'), 0o755);
  const { tarball } = packKam(tmp);
  const spec = `file:../${tarball.split('/').pop()}`;

  git('init', '-q');
  const init = await kam(['init', '.', '--yes', '--ci', '--example', '--kam-from', spec], { cwd: repo });
  expect(init.code, init.stderr).toBe(0);
  expect(init.stdout).toContain('created package.json');
  expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies).toEqual({ kam: spec });
  // what `npm install` would write (offline here); the user commits it with package.json
  writeClientLock(repo, spec, JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).name);
  writeFileSync(join(repo, 'kam.yaml'), `${readFileSync(join(repo, 'kam.yaml'), 'utf8')}as_of: 2026-11-01\n`);
  writeFileSync(join(repo, '.gitignore'), `${readFileSync(join(repo, '.gitignore'), 'utf8')}node_modules/\n`);
  git('add', '-A');
  git('commit', '-qm', 'base');
  const origin = join(tmp, 'origin.git');
  spawnSync('git', ['init', '-q', '--bare', origin]);
  git('remote', 'add', 'origin', origin);
  git('push', '-q', 'origin', 'main');
  git('checkout', '-q', '-b', 'feature');
  const account = join(repo, 'accounts', 'initech.yaml');
  writeFileSync(account, readFileSync(account, 'utf8').replace(/^ {2}account_lead: .*\n/m, '').replace(/^ {2}relationship: good$/m, '  relationship: developing'));
  git('commit', '-qam', 'head: no account lead, relationship developing');
  git('fetch', '-q', 'origin');
  steps = (parse(readFileSync(join(repo, '.github/workflows/kam.yml'), 'utf8')) as { jobs: { kam: { steps: Step[] } } }).jobs.kam.steps;
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the GitHub workflow kam init --ci writes', () => {
  it('installs kam with npm ci, annotates the findings, fails the check and still comments the diff', () => {
    const ran = runWorkflow(steps);
    const byName = (part: string) => ran.find((r) => r.name.includes(part))!;

    const install = byName('Install kam');
    expect(install.code, install.stderr).toBe(0);
    expect(existsSync(join(repo, 'node_modules', 'kam', 'dist', 'cli', 'main.js'))).toBe(true);

    const check = byName('Check the account plans');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^::error file=accounts\/initech\.yaml,line=\d+,col=\d+,title=team\/account-lead::no account lead/m);

    const diff = byName('Summarise');
    expect(diff.ran).toBe(true);
    expect(diff.code, diff.stderr).toBe(0);
    const md = readFileSync(join(repo, 'kam-diff.md'), 'utf8');
    expect(md).toContain('initech');

    const comment = byName('Comment on the pull request');
    expect(comment.code, comment.stderr).toBe(0);
    const calls = readFileSync(ghLog, 'utf8').trim().split('\n');
    expect(calls[0]).toMatch(/^api repos\/acme\/plans\/issues\/7\/comments --paginate --jq /);
    expect(calls[1]).toBe('pr comment 7 --body-file kam-comment.md');
    expect(readFileSync(`${ghLog}.body`, 'utf8')).toBe(`<!-- kam diff -->\n${md}`);
  });

  it('updates its comment on the next push instead of adding one', () => {
    rmSync(ghLog, { force: true });
    // the steps after the check (kam is installed already)
    const ran = runWorkflow(steps.slice(steps.findIndex((s) => s.id === 'diff')), { GH_EXISTING: '4242' });
    expect(ran.find((r) => r.name.includes('Comment'))!.code).toBe(0);
    const calls = readFileSync(ghLog, 'utf8').trim().split('\n');
    expect(calls).toHaveLength(2);
    expect(calls[1]).toBe('api --method PATCH repos/acme/plans/issues/comments/4242 -F body=@kam-comment.md');
  });

  it('skips the comment when the diff failed, and fails the install without a lockfile', () => {
    const lock = readFileSync(join(repo, 'package-lock.json'), 'utf8');
    rmSync(join(repo, 'package-lock.json'));
    rmSync(join(repo, 'node_modules'), { recursive: true, force: true });
    try {
      const ran = runWorkflow(steps);
      expect(ran.find((r) => r.name.includes('Install'))!.code).not.toBe(0);
      expect(ran.find((r) => r.name.includes('Check'))!.ran).toBe(false);
      expect(ran.find((r) => r.name.includes('Summarise'))!.code).not.toBe(0); // npx --no-install finds no kam: no download
      expect(ran.find((r) => r.name.includes('Comment'))!.ran).toBe(false);
    } finally {
      writeFileSync(join(repo, 'package-lock.json'), lock);
    }
  }, 60_000);
});

describe('the GitLab CI job kam init --ci gitlab writes', () => {
  it('writes a Code Quality report of GitLab\'s shape and the diff, then fails the job on errors', async () => {
    const init = await kam(['init', '.', '--yes', '--ci', 'gitlab'], { cwd: repo });
    expect(init.stdout).toContain('created .gitlab-ci.yml');
    const job = (parse(readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8')) as { kam: { script: string[]; rules: { if: string }[]; artifacts: { reports: { codequality: string }; paths: string[] } } }).kam;
    expect(job.rules[0].if).toBe('$CI_PIPELINE_SOURCE == "merge_request_event"');
    if (!existsSync(join(repo, 'node_modules', 'kam'))) {
      const install = spawnSync('npm', ['ci'], { cwd: repo, env: userEnv(), encoding: 'utf8' });
      expect(install.status, install.stderr).toBe(0);
    }
    // GitLab runs the script's lines in one shell that stops at the first failing line
    const env = userEnv({ CI: 'true', GITLAB_CI: 'true', CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' });
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', job.script.join('\n')], { cwd: repo, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(repo, job.artifacts.reports.codequality), 'utf8'));
    expect(validCodeQuality(report), JSON.stringify(validCodeQuality.errors)).toBe(true);
    expect(report).toContainEqual(expect.objectContaining({ check_name: 'team/account-lead', severity: 'major', location: expect.objectContaining({ path: 'accounts/initech.yaml' }) }));
    for (const path of job.artifacts.paths) expect(readFileSync(join(repo, path), 'utf8')).toContain('initech');
  }, 60_000);
});
