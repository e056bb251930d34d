/**
 * Questions on a terminal for `init` and `new`, through @inquirer/prompts (imported only when a
 * question is asked, so no other command loads it). Prompts run only when both standard input
 * and output are terminals; otherwise the commands take flags and defaults and never wait on
 * stdin. Ctrl-C at a prompt is `Cancelled`: the command writes nothing and exits 130.
 */
import { Writable } from 'node:stream';
import type { Io, Stream } from './io.js';

/** Exit code of a command whose questions were cancelled (128 + SIGINT, as shells report Ctrl-C). */
export const CANCELLED_EXIT = 130;

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** True when a person can answer: stdin and stdout are both terminals. */
export const isInteractive = (io: Io): boolean => Boolean((io.stdin as { isTTY?: boolean } | undefined)?.isTTY && io.stdout.isTTY);

export interface Prompter {
  /** free text; `required` refuses an empty answer */
  text(message: string, options?: { default?: string; required?: boolean; validate?: (value: string) => string | true }): Promise<string>;
  /** one of `choices`, or undefined when the person picks "skip" (offered when `skip` is set) */
  choose<T extends string>(message: string, choices: readonly T[], options?: { default?: T; skip?: boolean }): Promise<T | undefined>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
}

const SKIP = '';

/**
 * The prompts write through a stream they end when done, so each gets its own writable over
 * `io.stdout` (which stays open), passing on the terminal size for line wrapping.
 */
function outputFor(stream: Stream): NodeJS.WritableStream {
  const out = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      stream.write(chunk.toString());
      done();
    },
  });
  Object.defineProperties(out, {
    isTTY: { get: () => stream.isTTY },
    columns: { get: () => stream.columns ?? 80 },
    rows: { get: () => (stream as { rows?: number }).rows ?? 24 },
  });
  return out;
}

const isCancel = (error: unknown) =>
  error instanceof Error && ['ExitPromptError', 'AbortPromptError', 'CancelPromptError'].includes(error.name);

async function guard<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (isCancel(error)) throw new Cancelled();
    throw error;
  }
}

/** Questions on `io.stdin` / `io.stdout`. */
export async function openPrompter(io: Io): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  const context = () => ({ input: io.stdin, output: outputFor(io.stdout) });
  return {
    text: (message, options = {}) =>
      guard(inquirer.input({ message, default: options.default, required: options.required, validate: options.validate }, context())).then((s) => s.trim()),
    choose: async <T extends string>(message: string, choices: readonly T[], options: { default?: T; skip?: boolean } = {}) => {
      const list = [...choices.map((c) => ({ name: c, value: c as string })), ...(options.skip ? [{ name: '(skip for now)', value: SKIP }] : [])];
      const answer = await guard(inquirer.select({ message, choices: list, default: options.default ?? (options.skip ? SKIP : undefined) }, context()));
      return answer === SKIP ? undefined : (answer as T);
    },
    confirm: (message, defaultValue) => guard(inquirer.confirm({ message, default: defaultValue }, context())),
  };
}

/**
 * Runs `ask` with a prompter; on Ctrl-C says so on stderr and returns `CANCELLED_EXIT` instead
 * of the answers.
 */
export async function askOrCancel<T>(io: Io, ask: (prompter: Prompter) => Promise<T>): Promise<{ answers: T } | { exit: number }> {
  try {
    return { answers: await ask(await openPrompter(io)) };
  } catch (error) {
    if (!(error instanceof Cancelled)) throw error;
    io.stderr.write('kam: cancelled; nothing was written\n');
    return { exit: CANCELLED_EXIT };
  }
}
