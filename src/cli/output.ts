/** Printing findings in the chosen format and turning them into an exit code (validate, check). */
import { Chalk, type ChalkInstance } from 'chalk';
import { countFindings, type Finding } from '../findings.js';
import { formatters, type FormatName } from '../format/index.js';
import type { RuleMeta } from '../format/types.js';
import { colorLevel, terminalWidth, type Io } from './io.js';
import type { Context } from './main.js';

export const makeChalk = (io: Io, stream = io.stdout): ChalkInstance => new Chalk({ level: colorLevel(io.env, stream) });

export interface FindingsOptions {
  format?: FormatName;
  quiet?: boolean;
  maxWarnings?: number;
  /** no width limit on a terminal */
  wide?: boolean;
}

/**
 * Exit code from all findings (before `--quiet` hides warnings): 1 when any is an error or the
 * warnings exceed `--max-warnings`, else 0.
 */
export function exitCode(findings: readonly Finding[], maxWarnings?: number): 0 | 1 {
  const { errors, warnings } = countFindings(findings);
  return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}

export function printFindings(findings: readonly Finding[], options: FindingsOptions, ctx: Context, rules: readonly RuleMeta[] = [], okLine?: string): number {
  const { io } = ctx;
  const format = options.format ?? 'stylish';
  const shown = options.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  const chalk = makeChalk(io);
  const text = formatters[format](shown, { chalk, version: ctx.version, rules, width: terminalWidth(io.stdout, options.wide) });
  if (text) io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  const code = exitCode(findings, options.maxWarnings);
  if (format === 'stylish') {
    const { warnings } = countFindings(findings);
    if (shown.length === 0 && okLine) io.stdout.write(`${chalk.green('✔')} ${okLine}\n`);
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
      io.stdout.write(chalk.red(`kam found too many warnings (maximum: ${options.maxWarnings}).\n`));
    }
  }
  return code;
}
