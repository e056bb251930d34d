/**
 * Installing kam as a user does, for the tests that need the real package: pack the tarball,
 * write a client repository's package.json and lockfile naming it, `npm ci` with no network (the
 * lock is the clone's, so every dependency is in npm's cache after the clone's own `npm ci`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { repoRoot } from '../helpers.js';

export const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
  dependencies: Record<string, string>;
  bin: Record<string, string>;
  engines: Record<string, string>;
};

/** The environment of a user's shell: no npm_* variables of the `npm test` running us (but the cache), no clone folders on PATH, npm offline. */
export function userEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || (/^npm_/i.test(key) && key.toLowerCase() !== 'npm_config_cache')) continue;
    if (key === 'NODE_PATH' || key === 'NODE_OPTIONS' || key === 'FORCE_COLOR' || key === 'NO_COLOR') continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '').split(delimiter).filter((p) => !p.startsWith(repoRoot)).join(delimiter);
  return { ...env, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

export function sh(command: string, args: string[], cwd: string, env = userEnv()) {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `npm pack` of the clone as built (`npm test` has just built dist/): the tarball's path and file list. */
export function packKam(into: string): { tarball: string; files: string[] } {
  const packed = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', into], repoRoot);
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: join(into, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * The lockfile of a client repository whose package.json names kam as the dev dependency `spec`
 * (a `file:` tarball): the clone's locked production dependencies under kam.
 */
export function writeClientLock(project: string, spec: string, name = 'client'): void {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const packages: Record<string, unknown> = {
    '': { name, devDependencies: { kam: spec } },
    'node_modules/kam': { version: pkg.version, resolved: spec, dev: true, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path && !entry.dev) packages[path] = { ...entry, dev: true };
  writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify({ name, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}
