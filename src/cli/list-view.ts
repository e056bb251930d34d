/**
 * The one place the list commands (`kam ls`, `kam actions`) draw a table for the terminal: the
 * linear table writer `kam score` uses (`util/table.ts`), with the box cli-table3 draws (a test
 * compares them). Widths by display width, so Chinese takes two columns per character.
 */
import type { ChalkInstance } from 'chalk';
import type { Grid } from '../lists/text.js';
import { renderTable } from '../util/table.js';

/** `paint` colours one cell's text (by column and row index); empty cells stay as they are. */
export function listTable(grid: Grid, chalk: ChalkInstance, paint?: (column: number, text: string, row: number) => string): string {
  const columns = grid.heads.map((head, c) => ({ head, align: grid.aligns[c] }));
  return renderTable(columns, grid.rows, {
    paintHead: (s) => chalk.bold(s),
    paint: paint && ((row, column, text) => (text.trim() === '' ? text : paint(column, text, row))),
  }).text;
}
