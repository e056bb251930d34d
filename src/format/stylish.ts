/** The default human format: findings grouped by file, `line:col severity message rule` rows. */
import stringWidth from 'string-width';
import { countFindings } from '../findings.js';
import { plural } from '../util/plural.js';
import type { Formatter } from './types.js';
import { groupByFile } from './utils.js';

/** Pads to a width in terminal columns: Chinese characters take two. */
const padEnd = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - stringWidth(s)));

export const stylish: Formatter = (findings, { chalk }) => {
  if (findings.length === 0) return '';
  const out: string[] = [];
  for (const [file, list] of groupByFile(findings)) {
    out.push('', chalk.underline(file));
    const posWidth = Math.max(...list.map((f) => `${f.line}:${f.column}`.length));
    const msgWidth = Math.max(...list.map((f) => stringWidth(f.message)));
    for (const f of list) {
      const pos = `${f.line}:${f.column}`.padEnd(posWidth);
      const sev = f.severity === 'error' ? chalk.red('error') : chalk.yellow('warn ');
      out.push(`  ${chalk.dim(pos)}  ${sev}  ${padEnd(f.message, msgWidth)}  ${chalk.dim(f.rule)}`);
    }
  }
  const { errors, warnings } = countFindings(findings);
  const total = `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out.push('', errors > 0 ? chalk.red.bold(total) : chalk.yellow.bold(total), '');
  return out.join('\n');
};
