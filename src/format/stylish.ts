/** The default human format: findings grouped by file, `line:col severity message rule` rows. */
import stringWidth from 'string-width';
import { countFindings } from '../findings.js';
import { plural } from '../util/plural.js';
import { MAX_MESSAGE, shorten, terminalText } from '../util/terminal-text.js';
import type { Formatter } from './types.js';
import { groupByFile } from './utils.js';

/** A value as it may stand on a terminal: shortened first (so measuring its width is cheap), then escaped. */
const safe = (s: string) => terminalText(shorten(s, MAX_MESSAGE));

/** Pads to a width in terminal columns: Chinese characters take two. */
const padEnd = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - stringWidth(s)));

export const stylish: Formatter = (findings, { chalk }) => {
  if (findings.length === 0) return '';
  const out: string[] = [];
  for (const [file, list] of groupByFile(findings)) {
    out.push('', chalk.underline(safe(file)));
    let posWidth = 0;
    for (const f of list) posWidth = Math.max(posWidth, `${f.line}:${f.column}`.length);
    const messages = list.map((f) => safe(f.message));
    let msgWidth = 0;
    for (const m of messages) msgWidth = Math.max(msgWidth, stringWidth(m));
    list.forEach((f, i) => {
      const pos = `${f.line}:${f.column}`.padEnd(posWidth);
      const sev = f.severity === 'error' ? chalk.red('error') : chalk.yellow('warn ');
      out.push(`  ${chalk.dim(pos)}  ${sev}  ${padEnd(messages[i], msgWidth)}  ${chalk.dim(safe(f.rule))}`);
    });
  }
  const { errors, warnings } = countFindings(findings);
  const total = `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out.push('', errors > 0 ? chalk.red.bold(total) : chalk.yellow.bold(total), '');
  return out.join('\n');
};
