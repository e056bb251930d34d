/**
 * The package as a user gets it: `npm pack` makes the tarball, which installs into a fresh folder
 * outside the clone (no access to its node_modules, no TypeScript, no build, no network: npm's
 * cache holds the dependencies after `npm ci`), and the installed kam runs there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string; license: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string> };
const tmp = mkdtempSync(join(tmpdir(), 'kam-pack-'));

/** The environment of a user's shell: no npm_* variables of the `npm test` running us (except the cache), no clone folders on PATH. */
const env: Record<string, string> = {};
for (const [key, value] of Object.entries(process.env)) {
  if (value === undefined || (/^npm_/i.test(key) && key.toLowerCase() !== 'npm_config_cache')) continue;
  env[key] = value;
}
env.PATH = (process.env.PATH ?? '').split(delimiter).filter((p) => !p.startsWith(repoRoot)).join(delimiter);
env.npm_config_update_notifier = 'false';
env.npm_config_fund = 'false';
env.npm_config_audit = 'false';
delete env.NODE_PATH;
delete env.NODE_OPTIONS;

function sh(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tarball = '';
let files: string[] = [];

beforeAll(() => {
  // `npm test` has just built dist/; --ignore-scripts packs that build as it is
  const packed = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], repoRoot);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(tmp, info.filename);
  files = info.files.map((f) => f.path);
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
    const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const packages: Record<string, unknown> = {
      '': { name: 'client', devDependencies: { kam: spec } },
      'node_modules/kam': { version: pkg.version, resolved: spec, dev: true, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
    };
    for (const [path, entry] of Object.entries(lock.packages)) if (path && !entry.dev) packages[path] = { ...entry, dev: true };
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'client', private: true, devDependencies: { kam: spec } }, null, 2)}\n`);
    writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify({ name: 'client', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
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
