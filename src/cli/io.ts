/** What a command may touch of the outside world; `bin/kam.js` fills it from `process`, tests fake it. */
export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: Stream;
  stderr: Stream;
  /** standard input, for prompts; absent in tests that drive no prompt */
  stdin?: NodeJS.ReadableStream;
  /** the system date as YYYY-MM-DD (the clock is read here and nowhere else) */
  today(): string;
}

/** Colour level from FORCE_COLOR (wins when set), then NO_COLOR, then whether the stream is a TTY. */
export function colorLevel(env: Io['env'], stream: Stream): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n === 2 || n === 3 ? n : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return stream.isTTY ? 1 : 0;
}

/**
 * The width output must fit: the terminal's columns on a TTY (80 when it does not say), no limit
 * when piped or with `--wide`. Read here, in the CLI, and passed down to the formatters.
 */
export function terminalWidth(stream: Stream, wide = false): number | undefined {
  if (wide || !stream.isTTY) return undefined;
  return stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
}

/** Progress on stderr only where a person watches it: a TTY, not CI. */
export const showProgress = (io: Io) => Boolean(io.stderr.isTTY) && !io.env.CI;

export interface Progress {
  update(done: number, total: number): void;
  /** clears the line */
  end(): void;
}

/**
 * A progress line on stderr, `kam check: loading 4500/10000`, rewritten in place; only where a
 * person watches (`showProgress`), else undefined. Throttled to whole percents.
 */
export function progressLine(io: Io, label: string): Progress | undefined {
  if (!showProgress(io)) return undefined;
  let shown = -1;
  let written = false;
  return {
    update(done, total) {
      const percent = Math.floor((done / Math.max(total, 1)) * 100);
      if (percent === shown) return;
      shown = percent;
      written = true;
      io.stderr.write(`\r${label} ${done}/${total}`);
    },
    end() {
      if (written) io.stderr.write('\r\x1b[K');
    },
  };
}
