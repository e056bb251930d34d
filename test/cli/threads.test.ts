/**
 * One thread against many, byte for byte: `KAM_THREADS` forces the number of worker threads (0:
 * none), so the same workspace runs through both paths of the pipeline whatever its size. The
 * built CLI runs in a subprocess (the workers are the built ones).
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript benchmark helper
import { generate } from '../../bench/generate.js';
import { commit, git } from '../git-helpers.js';
import { example, kamProcess, type RunResult } from '../helpers.js';

const threads = (n: number) => ({ env: { KAM_THREADS: String(n) } });

function files(dir: string): Record<string, string> {
  const listed = (readdirSync(dir, { recursive: true, withFileTypes: true }) as { isFile(): boolean; parentPath: string; name: string }[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
  return Object.fromEntries(listed.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

const same = (a: RunResult, b: RunResult) => {
  expect(b.code).toBe(a.code);
  expect(b.stdout).toBe(a.stdout);
  expect(b.stderr).toBe(a.stderr);
};

describe('KAM_THREADS: one thread and many print the same bytes', () => {
  let generated: string;
  let out: string;
  beforeAll(() => {
    generated = generate(mkdtempSync(join(tmpdir(), 'kam-threads-')), 120) as string;
    out = mkdtempSync(join(tmpdir(), 'kam-threads-out-'));
  });
  const workspaces = () => [
    ['the example', example],
    ['a generated workspace (invalid files, Chinese, every tier)', generated],
  ];

  for (const args of [['validate', '--format', 'json'], ['check', '--format', 'json', '--as-of', '2026-11-01'], ['score', '--json', '--as-of', '2026-11-01'], ['check', '--as-of', '2026-11-01']]) {
    it(`kam ${args.join(' ')}`, () => {
      for (const [, root] of workspaces()) {
        const one = kamProcess([...args, '-C', root], threads(0));
        if (root === generated) expect(one.code).toBe(1);
        if (root === generated && args.includes('json')) expect(one.stdout.length).toBeGreaterThan(1000);
        same(one, kamProcess([...args, '-C', root], threads(2)));
        same(one, kamProcess([...args, '-C', root], threads(1)));
      }
    });
  }

  for (const format of ['md', 'html']) {
    it(`kam plan --format ${format}: the same files`, () => {
      workspaces().forEach(([, root], w) => {
        const run = (n: number) => {
          const dir = join(out, `${format}-${w}-${n}`);
          const r = kamProcess(['plan', root, '--as-of', '2026-11-01', '--format', format, '--out', dir], threads(n));
          return { r: { ...r, stdout: r.stdout.replace(dir, 'OUT') }, files: files(dir) };
        };
        const one = run(0);
        const many = run(2);
        same(one.r, many.r);
        expect(Object.keys(one.files).length).toBeGreaterThan(5);
        expect(many.files).toEqual(one.files);
      });
    });
  }

  it('kam check --changed-since: the accounts that refer to a changed competitor, on one thread and many', () => {
    const repo = generate(mkdtempSync(join(tmpdir(), 'kam-threads-git-')), 120) as string;
    git(repo, 'init', '-q');
    git(repo, 'config', 'user.name', 'Kam Test');
    git(repo, 'config', 'user.email', 'kam@example.com');
    git(repo, 'config', 'commit.gpgsign', 'false');
    commit(repo, 'first');
    appendFileSync(join(repo, 'competitors', 'vandelay.yaml'), 'x-note: changed\n');
    const args = ['check', '--changed-since', 'HEAD', '--format', 'json', '--as-of', '2026-11-01', '-C', repo];
    const one = kamProcess(args, threads(0));
    const files = new Set((JSON.parse(one.stdout) as { file: string }[]).map((f) => f.file));
    expect(files.size).toBeGreaterThan(3); // accounts referring to vandelay, none of them changed
    same(one, kamProcess(args, threads(2)));
  });

  it('a value that is not a number of threads is a usage error', () => {
    const r = kamProcess(['validate', '-C', example], { env: { KAM_THREADS: 'many' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kam: KAM_THREADS takes a whole number from 0 to 16, not "many"\n');
  });
});
