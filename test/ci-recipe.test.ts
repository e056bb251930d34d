/** The CI recipe is one text in three places: the template `kam init --ci` writes, examples/ and the README. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

const template = readFileSync(join(repoRoot, 'templates/ci/github-workflow.yml'), 'utf8');
const gitlab = readFileSync(join(repoRoot, 'templates/ci/gitlab-ci.yml'), 'utf8');

describe('CI recipe', () => {
  it('examples/ci/kam.yml is the workflow kam init --ci writes', () => {
    expect(readFileSync(join(repoRoot, 'examples/ci/kam.yml'), 'utf8')).toBe(template);
  });

  it('examples/ci/gitlab-ci.yml is the GitLab job kam init --ci gitlab writes, and the README shows it whole', () => {
    expect(readFileSync(join(repoRoot, 'examples/ci/gitlab-ci.yml'), 'utf8')).toBe(gitlab);
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain('```yaml\n' + gitlab + '```');
    const job = parse(gitlab) as { kam: { script: string[]; artifacts: { reports: { codequality: string } } } };
    expect(job.kam.script).toContain('npm ci');
    expect(job.kam.script.join('\n')).toContain(`kam check --format gitlab > ${job.kam.artifacts.reports.codequality}`);
  });

  it('the README shows the whole workflow', () => {
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain('```yaml\n' + template + '```');
  });

  it('runs the check gate and posts the diff on pull requests', () => {
    const workflow = parse(template) as { on: Record<string, unknown>; jobs: { kam: { steps: { run?: string }[] } } };
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    const runs = workflow.jobs.kam.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npx --no-install kam check --format github');
    expect(runs).toMatch(/npx --no-install kam diff "\$BASE" --format md/);
  });
});
