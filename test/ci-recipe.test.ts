/** The CI recipe is one text in three places: the template `kam init --ci` writes, examples/ and the README. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

const template = readFileSync(join(repoRoot, 'templates/ci/github-workflow.yml'), 'utf8');

describe('CI recipe', () => {
  it('examples/ci/kam.yml is the workflow kam init --ci writes', () => {
    expect(readFileSync(join(repoRoot, 'examples/ci/kam.yml'), 'utf8')).toBe(template);
  });

  it('the README shows the whole workflow', () => {
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain('```yaml\n' + template + '```');
  });

  it('runs the check gate and posts the diff on pull requests', () => {
    const workflow = parse(template) as { on: Record<string, unknown>; jobs: { kam: { steps: { run?: string }[] } } };
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    const runs = workflow.jobs.kam.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npx kam check --format github');
    expect(runs).toMatch(/npx kam diff "\$BASE" --format md/);
  });
});
