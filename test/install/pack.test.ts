/**
 * The package as a user gets it: `npm pack` makes the tarball, which installs into a fresh folder
 * outside the clone (no access to its node_modules, no TypeScript, no build, no network: npm's
 * cache holds the dependencies after `npm ci`), and the installed kam runs there.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { packKam, pkg, sh, writeClientLock } from '../support/install.js';

const tmp = mkdtempSync(join(tmpdir(), 'kam-pack-'));

let tarball = '';
let files: string[] = [];

beforeAll(() => {
  // `npm test` has just built dist/; --ignore-scripts packs that build as it is
  ({ tarball, files } = packKam(tmp));
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm pack', () => {
  it('holds what runs and nothing else', () => {
    const allowed = /^(?:bin\/|dist\/|templates\/|schemas\/|README\.md$|LICENSE$|package\.json$)/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    for (const f of ['bin/kam.js', 'dist/cli/main.js', 'dist/help.txt', 'dist/report/precompiled.json', 'templates/ci/github-workflow.yml', 'schemas/account.schema.json', 'LICENSE', 'README.md']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
  });
});

describe('installed from the tarball in a folder outside the clone', () => {
  const project = join(tmp, 'client');
  const workspace = join(project, 'plans');
  const run = (args: string[], cwd = workspace) => sh('npx', ['--offline', '--no-install', 'kam', ...args], cwd);

  beforeAll(() => {
    expect(project.startsWith(repoRoot)).toBe(false);
    mkdirSync(workspace, { recursive: true });
    // the client's repository: kam as a dev dependency with its lockfile. The lock is the clone's
    // (the same versions `npm ci` put in npm's cache), so the install needs no network.
    const spec = `file:../${tarball.split('/').pop()}`;
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'client', private: true, devDependencies: { kam: spec } }, null, 2)}\n`);
    writeClientLock(project, spec);
    const installed = sh('npm', ['ci', '--offline'], project);
    expect(installed.code, installed.stderr).toBe(0);
  }, 120_000);

  it('installs no TypeScript and builds nothing', () => {
    expect(existsSync(join(project, 'node_modules', 'kam', 'dist', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'kam', 'src'))).toBe(false);
  });

  it('kam --version, kam init, kam check run through npx', () => {
    const version = run(['--version']);
    expect(version.stdout.trim(), version.stderr).toBe(pkg.version);

    const init = run(['init', '--yes', '--example', '--company', 'Client Co.']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('Workspace ready');
    expect(readFileSync(join(workspace, 'kam.yaml'), 'utf8')).toContain('company: Client Co.');

    const check = run(['check', '--as-of', '2026-11-01', '--format', 'json']);
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual(expect.any(Array));

    const broken = run(['check', '--as-of', '2026-11-01'], project);
    expect(broken.code).toBe(2); // the folder above holds no workspace: a usage error
  }, 60_000);

  it('kam schema writes the editor schemas from the installed package', () => {
    const schema = run(['schema']);
    expect(schema.code, schema.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(workspace, 'schemas', 'account.schema.json'), 'utf8'))).toHaveProperty('$schema');
  }, 30_000);
});
