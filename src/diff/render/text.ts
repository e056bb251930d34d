/** `kam diff` for the terminal: a headline, then one block per account, marks coloured. */
import type { ChalkInstance } from 'chalk';
import { terminalText } from '../../util/terminal-text.js';
import type { DiffRenderer } from './types.js';
import { accountSections, accountTitle, fieldLine, hasChanges, headline, kindMark, sideLabel, type Mark, type Style } from './words.js';

// every value from a plan file shows its control characters escaped (no escape sequence reaches the terminal)
const plain: Style = { text: terminalText, code: terminalText };

const colour = (chalk: ChalkInstance) =>
  ({ '+': chalk.green, '-': chalk.red, '~': chalk.yellow, '✓': chalk.cyan, '↺': chalk.magenta }) satisfies Record<Mark, (s: string) => string>;

export const text: DiffRenderer = (diff, { chalk }) => {
  const paint = colour(chalk);
  const out = [chalk.bold(`kam diff ${sideLabel(diff.base, plain)} → ${sideLabel(diff.head, plain)}`)];
  if (!hasChanges(diff)) return [...out, 'No changes to the account plans.', ''].join('\n');
  out.push(headline(diff));
  for (const d of diff.accounts) {
    out.push('', `${paint[kindMark[d.kind]](kindMark[d.kind])} ${chalk.bold(accountTitle(d, plain))}`);
    for (const section of accountSections(d, plain)) {
      out.push(`    ${chalk.dim(section.title)}`);
      for (const line of section.lines) out.push(`      ${paint[line.mark](line.mark)} ${line.text}`);
    }
  }
  for (const f of diff.files) {
    const mark = f.change === 'added' ? '+' : f.change === 'removed' ? '-' : '~';
    out.push('', `${paint[mark](mark)} ${chalk.bold(terminalText(f.file))} (${f.change})`);
    for (const field of f.fields) {
      const line = fieldLine(field, plain);
      out.push(`      ${paint[line.mark](line.mark)} ${line.text}`);
    }
  }
  if (diff.skipped.length) {
    out.push('', chalk.yellow('Not compared (invalid; run kam validate):'));
    for (const s of diff.skipped) out.push(`  ${terminalText(s.file)} (invalid at ${s.side === 'both' ? 'both revisions' : s.side})`);
  }
  out.push('');
  return out.join('\n');
};
