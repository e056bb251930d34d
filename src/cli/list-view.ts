/**
 * The one place the list commands (`kam ls`, `kam actions`) draw a table for the terminal. It
 * draws the box `kam score`'s cli-table3 table draws (compact, one space of padding), in linear
 * time: cli-table3 takes minutes on 10,000 rows. Widths come from string-width, so Chinese takes
 * two columns per character and lines up. A terminal-fit writer can replace the body of
 * `listTable` without touching the commands.
 */
import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Grid } from '../lists/text.js';

/** Text that is plain printable ASCII measures as its length (most cells): string-width is slower. */
const PLAIN = /^[\x20-\x7e]*$/;
/** Printable ASCII and the wide CJK ideographs and punctuation only: those take two columns each. */
const CJK = /^[\x20-\x7e\u3000-\u3029\u3030-\u303e\u4e00-\u9fff\uff01-\uff60]*$/;
const WIDE = /[\u3000-\u3029\u3030-\u303e\u4e00-\u9fff\uff01-\uff60]/g;
export const widthOf = (s: string): number => (PLAIN.test(s) ? s.length : CJK.test(s) ? s.length + (s.match(WIDE)?.length ?? 0) : stringWidth(s));

/** `paint` colours one cell's text (by column and row index); the text is measured before it. */
export function listTable(grid: Grid, chalk: ChalkInstance, paint?: (column: number, text: string, row: number) => string): string {
  const widths = grid.heads.map(widthOf);
  const measured = grid.rows.map((cells) =>
    cells.map((text, c) => {
      const w = widthOf(text);
      if (w > widths[c]) widths[c] = w;
      return w;
    }),
  );
  const rule = (left: string, mid: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  const line = (cells: readonly string[], sizes: readonly number[], row: number | undefined) =>
    `│${cells
      .map((text, c) => {
        const pad = ' '.repeat(widths[c] - sizes[c]);
        const shown = row === undefined ? chalk.bold(text) : paint && text !== '' ? paint(c, text, row) : text;
        return grid.aligns[c] === 'right' ? ` ${pad}${shown} ` : ` ${shown}${pad} `;
      })
      .join('│')}│`;
  const out = [rule('┌', '┬', '┐'), line(grid.heads, grid.heads.map(widthOf), undefined)];
  if (grid.rows.length > 0) out.push(rule('├', '┼', '┤'));
  for (let r = 0; r < grid.rows.length; r++) out.push(line(grid.rows[r], measured[r], r));
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
