/** Shared test plumbing: run the CLI in-process or as a real subprocess, make temp workspaces. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';

export const repoRoot = resolve(import.meta.dirname, '..');
export const bin = join(repoRoot, 'bin', 'kam.js');
export const example = join(repoRoot, 'examples', 'acme');
export const fixtures = join(repoRoot, 'test', 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `main` in-process with captured output. */
export async function kam(argv: string[], options: { cwd?: string; env?: Record<string, string>; today?: string } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? {},
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    today: () => options.today ?? '2026-11-01',
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Runs the built CLI (`bin/kam.js`) as a subprocess. */
export function kamProcess(argv: string[], options: { cwd?: string; env?: Record<string, string>; input?: string; timeout?: number } = {}): RunResult {
  const r = spawnSync(process.execPath, [bin, ...argv], {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: options.timeout,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Writes `files` (path → text or bytes) into a new temporary folder and returns its path. */
export function tempWorkspace(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'kam-test-'));
  for (const [file, content] of Object.entries(files)) {
    const at = join(root, file);
    mkdirSync(dirname(at), { recursive: true });
    writeFileSync(at, content);
  }
  return root;
}
