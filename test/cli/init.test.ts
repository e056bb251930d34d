import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleTemplate, workflowTemplate } from '../../src/cli/commands/init.js';
import { kam, tempWorkspace } from '../helpers.js';
import { readTree } from './authoring-helpers.js';

describe('kam init', () => {
  it('creates a workspace from flags that validates, and a second run changes nothing', async () => {
    const cwd = tempWorkspace({});
    const r = await kam(['init', 'acme', '--yes', '--company', '星河工业 (Galaxy)', '--currency', 'eur', '--lang', 'zh'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      ['created acme/accounts/', 'created acme/competitors/', 'created acme/kam.yaml', 'created acme/self.yaml', 'created acme/.gitignore'].join('\n'),
    );
    const root = join(cwd, 'acme');
    expect(statSync(join(root, 'accounts')).isDirectory()).toBe(true);
    expect(statSync(join(root, 'competitors')).isDirectory()).toBe(true);
    expect(parse(readFileSync(join(root, 'kam.yaml'), 'utf8'))).toEqual({ version: 1, company: '星河工业 (Galaxy)', currency: 'EUR', lang: 'zh' });
    expect(parse(readFileSync(join(root, 'self.yaml'), 'utf8'))).toEqual({ name: '星河工业 (Galaxy)' });
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toMatch(/^reports\/$/m);
    expect(readFileSync(join(root, 'kam.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=schemas/config.schema.json');
    expect(existsSync(join(root, '.github'))).toBe(false);
    expect(existsSync(join(root, 'accounts', 'initech.yaml'))).toBe(false);

    expect((await kam(['validate', '-C', root])).code).toBe(0);

    const before = readTree(root);
    const again = await kam(['init', 'acme', '--yes', '--company', 'Other Co.'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('kept acme/kam.yaml (it exists; --force overwrites it)');
    expect(again.stdout).not.toContain('created');
    expect(readTree(root)).toEqual(before);
  });

  it('takes defaults without a terminal and without --yes, never waiting for input', async () => {
    const root = tempWorkspace({});
    const r = await kam(['init'], { cwd: root });
    expect(r.code).toBe(0);
    const config = parse(readFileSync(join(root, 'kam.yaml'), 'utf8'));
    expect(config).toEqual({ version: 1, company: root.split('/').pop(), currency: 'CNY', lang: 'en' });
    expect(r.stdout).toContain('Workspace ready.');
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('writes the CI workflow with --ci, exactly the packaged template', async () => {
    const root = tempWorkspace({});
    const r = await kam(['init', '.', '--yes', '--ci'], { cwd: root });
    expect(r.stdout).toContain('created .github/workflows/kam.yml');
    const text = readFileSync(join(root, '.github/workflows/kam.yml'), 'utf8');
    expect(text).toBe(readFileSync(workflowTemplate, 'utf8'));
    const workflow = parse(text);
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const runs: string[] = workflow.jobs.kam.steps.map((s: { run?: string }) => s.run ?? '');
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npx --no-install kam check --format github');
    expect(runs.some((run) => /npx --no-install kam diff "\$BASE" --format md > kam-diff\.md/.test(run))).toBe(true);
    expect(runs.some((run) => run.includes('gh pr comment'))).toBe(true);
    expect((await kam(['validate', '-C', root])).code).toBe(0);
  });

  it('writes a sample account with --example that validates', async () => {
    const root = tempWorkspace({});
    const r = await kam(['init', '--yes', '--example'], { cwd: root });
    expect(r.stdout).toContain('created accounts/initech.yaml');
    const text = readFileSync(join(root, 'accounts/initech.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/account.schema.json');
    expect(text.endsWith(readFileSync(exampleTemplate, 'utf8'))).toBe(true);
    const v = await kam(['validate', '-C', root, '--format', 'json']);
    expect(JSON.parse(v.stdout)).toEqual([]);
    expect(v.code).toBe(0);
  });

  it('replaces files with --force', async () => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\ncompany: Old\n' });
    const r = await kam(['init', '--yes', '--company', 'New', '--force'], { cwd: root });
    expect(r.stdout).toContain('replaced kam.yaml');
    expect(parse(readFileSync(join(root, 'kam.yaml'), 'utf8')).company).toBe('New');
  });

  it('takes kam.yml and self.yml for kam.yaml and self.yaml, never writing a second one', async () => {
    const root = tempWorkspace({ 'kam.yml': 'version: 1\n', 'self.yml': 'name: Us\n' });
    const r = await kam(['init', '--yes'], { cwd: root });
    expect(r.stdout).toContain('kept kam.yml (it exists; --force overwrites it)\nkept self.yml (it exists; --force overwrites it)');
    expect(existsSync(join(root, 'kam.yaml'))).toBe(false);
    expect(existsSync(join(root, 'self.yaml'))).toBe(false);
  });

  it('keeps an existing .gitignore and says to add reports/ when it lacks it', async () => {
    const root = tempWorkspace({ '.gitignore': 'node_modules/\n' });
    const r = await kam(['init', '--yes'], { cwd: root });
    expect(r.stdout).toContain('kept .gitignore (it exists; --force overwrites it)\n  add `reports/` to it');
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe('node_modules/\n');
    writeFileSync(join(root, '.gitignore'), 'node_modules/\nreports/\n');
    expect((await kam(['init', '--yes'], { cwd: root })).stdout).not.toContain('add `reports/`');
  });

  it.each([
    [['init', '--yes', '--currency', 'euro'], /^kam: --currency takes a three-letter currency code such as CNY, EUR or USD, not "euro"\n$/],
    [['init', 'kam.yaml', '--yes'], /^kam: kam\.yaml is a file, not a folder\n$/],
    [['init', '--lang', 'fr'], /argument 'fr' is invalid/],
  ])('exits 2 for %j', async (argv, message) => {
    const root = tempWorkspace({ 'kam.yaml': 'version: 1\n' });
    const before = readTree(root);
    const r = await kam(argv, { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readTree(root)).toEqual(before);
  });
});
