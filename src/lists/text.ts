/**
 * The text forms the list commands share: CSV cells (with the guard against spreadsheet formulas),
 * Markdown table cells, and the plain rows a table is drawn from. Pure.
 */

/** A table before it is drawn: headers, alignments and the cells as plain strings. */
export interface Grid {
  heads: string[];
  aligns: ('left' | 'right')[];
  rows: string[][];
}

/** The byte order mark that makes Excel read a CSV file as UTF-8 (Chinese included). */
export const BOM = '\uFEFF';

/**
 * A cell Excel or LibreOffice would run as a formula (`=`, `+`, `-`, `@`, and the tab and carriage
 * return that some of them strip first) gets a leading `'`, which shows the text as typed. Numbers
 * are written as numbers and never guarded, so that `-3` stays a number.
 */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = guardCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file's text: a header line, then one line per row, CRLF line ends as RFC 4180 has them. */
export function csvText(heads: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[], bom = false): string {
  const lines = [heads.map(csvField).join(','), ...rows.map((r) => r.map(csvField).join(','))];
  return `${bom ? BOM : ''}${lines.join('\r\n')}\r\n`;
}

/** A Markdown table cell: pipes and backslashes escaped, line breaks as `<br>`. */
export const mdCell = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

/** A GitHub-flavoured Markdown table of a grid. */
export function mdTable(grid: Grid): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(grid.heads), `|${grid.aligns.map((a) => (a === 'right' ? '---:' : '---')).join('|')}|`, ...grid.rows.map(line)].join('\n');
}

/** `--columns a,b,c` as a list, every name known; `known` lists the choices for the message. */
export function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Names compared as people type them: case and surrounding spaces ignored. */
export const sameName = (a: string | undefined, b: string): boolean => a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Numbers cleaned for output: at most four decimals. */
export const round4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e4) / 1e4);
