/**
 * The default human format: findings grouped by file, `line:col severity message rule` rows. No
 * message is padded to the longest; with a width (a terminal), a message that would pass it wraps
 * under itself, and the rule id goes on the last line, or a line of its own when it does not fit.
 */
import { countFindings } from '../findings.js';
import { plural } from '../util/plural.js';
import { MAX_MESSAGE, shorten, terminalText } from '../util/terminal-text.js';
import { displayWidth, wrap } from '../util/text-width.js';
import type { Formatter } from './types.js';
import { groupByFile } from './utils.js';

/** A value as it may stand on a terminal: shortened first (so measuring its width is cheap), then escaped. */
const safe = (s: string) => terminalText(shorten(s, MAX_MESSAGE));

export const stylish: Formatter = (findings, { chalk, width }) => {
  if (findings.length === 0) return '';
  const out: string[] = [];
  for (const [file, list] of groupByFile(findings)) {
    out.push('', ...wrap(safe(file), width).map((l) => chalk.underline(l)));
    const posWidth = Math.max(...list.map((f) => `${f.line}:${f.column}`.length));
    for (const f of list) {
      const pos = `${f.line}:${f.column}`.padEnd(posWidth);
      const sev = f.severity === 'error' ? chalk.red('error') : chalk.yellow('warn ');
      const lead = `  ${chalk.dim(pos)}  ${sev}  `;
      const indent = 2 + posWidth + 2 + 5 + 2;
      const room = width === undefined ? undefined : Math.max(width - indent, 10);
      const lines = wrap(safe(f.message), room);
      const last = lines.length - 1;
      const ruleText = safe(f.rule);
      const rule = chalk.dim(ruleText);
      const ruleFits = room === undefined || displayWidth(lines[last]) + 2 + displayWidth(ruleText) <= room;
      lines.forEach((line, i) => {
        const text = i === last && ruleFits ? `${line}  ${rule}` : line;
        out.push(i === 0 ? `${lead}${text}` : `${' '.repeat(indent)}${text}`);
      });
      if (!ruleFits) out.push(`${' '.repeat(indent)}${rule}`);
    }
  }
  const { errors, warnings } = countFindings(findings);
  const total = `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out.push('', errors > 0 ? chalk.red.bold(total) : chalk.yellow.bold(total), '');
  return out.join('\n');
};
