/**
 * Driving kam's prompts in-process the way inquirer's own tests do: a fake terminal whose input
 * is a stream we type into and whose output we watch. Each step waits until its text appears on
 * the screen, then types its keys.
 */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import type { RunResult } from '../helpers.js';

export const keys = { enter: '\r', down: '\x1b[B', up: '\x1b[A', ctrlC: '\x03' } as const;

export interface Step {
  /** text on the screen that says the prompt is waiting */
  waitFor: string;
  /** what to type then */
  type: string;
}

export interface TerminalResult extends RunResult {
  /** steps whose text never appeared */
  unused: Step[];
}

export async function kamOnTerminal(argv: string[], options: { cwd: string; steps: Step[]; stdoutIsTTY?: boolean }): Promise<TerminalResult> {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const steps = [...options.steps];
  let screen = '';
  let seen = 0;
  let stderr = '';
  const advance = () => {
    const step = steps[0];
    if (!step) return;
    const at = screen.indexOf(step.waitFor, seen);
    if (at < 0) return;
    seen = at + step.waitFor.length;
    steps.shift();
    setImmediate(() => {
      input.write(step.type);
      advance();
    });
  };
  const io: Io = {
    cwd: options.cwd,
    env: {},
    stdin: input,
    stdout: {
      isTTY: options.stdoutIsTTY ?? true,
      columns: 120,
      write: (s: string) => {
        screen += s;
        advance();
        return true;
      },
    },
    stderr: { write: (s: string) => (stderr += s) },
    today: () => '2026-11-01',
  };
  const code = await main(argv, io);
  input.end();
  return { code, stdout: screen, stderr, unused: steps };
}
