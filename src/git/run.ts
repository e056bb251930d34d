/**
 * The one way kam runs git: argument arrays, never a shell; stdout as bytes, stderr as text. The
 * spawner is injectable so that tests can count the processes. A git that cannot be started
 * rejects with the spawn error; each caller says in its own words what needed git.
 */
import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';

/** How git is started: `child_process.spawn`'s shape, narrowed to what is used here. */
export type Spawn = (command: string, args: readonly string[], options: { cwd: string }) => ChildProcess;

export const defaultSpawn = nodeSpawn as Spawn;

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Every path kam gives git is a literal path, never pathspec magic: a workspace folder named
 * `:(exclude)ws` or `*` means that folder and nothing else.
 */
export const GIT_GLOBAL_ARGS = ['--literal-pathspecs'] as const;

/** Runs git to completion in `cwd`, optionally feeding `input` on stdin. */
export function runGit(spawn: Spawn, cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn('git', [...GIT_GLOBAL_ARGS, ...args], { cwd });
    } catch (error) {
      reject(error);
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    // git may exit before reading all of stdin (a bad revision): that is its answer, not an error
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}
