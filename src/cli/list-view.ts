/**
 * The one place the list commands (`kam ls`, `kam actions`) draw a table for the terminal, with
 * the table code `kam score` uses (cli-table3: string-width, so Chinese lines up). A terminal-fit
 * writer can replace the body of `listTable` without touching the commands.
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Grid } from '../lists/text.js';

/** `paint` colours one cell's text (by column index); the text is measured before it. */
export function listTable(grid: Grid, chalk: ChalkInstance, paint?: (column: number, text: string, row: number) => string): string {
  const table = new Table({
    head: grid.heads.map((h) => chalk.bold(h)),
    colAligns: grid.aligns,
    style: { head: [], border: [], compact: true },
  });
  grid.rows.forEach((cells, r) => table.push(paint ? cells.map((text, c) => (text === '' ? text : paint(c, text, r))) : cells));
  return table.toString();
}
