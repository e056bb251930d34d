/**
 * A boxed text table that fits a width, linear in its rows (cli-table3 lays a table out in
 * quadratic time: 100,000 rows took minutes). Cells are plain text; colour comes after padding.
 *
 * Fitting, when the widest line would exceed `width`: shrinkable columns (names) are shortened
 * with an ellipsis, widest first, down to their `minWidth`; while that is not enough, the column
 * of lowest `priority` is left out (columns without one stay). As a last resort every column is
 * shortened. So no line is wider than `width` (from a width of 4 columns per column shown).
 */
import { displayWidth, padEnd, padStart, truncate } from './text-width.js';

export interface TableColumn {
  head: string;
  align?: 'left' | 'right';
  /** left out to fit, lowest first; a column without one is never left out */
  priority?: number;
  /** may be shortened with an ellipsis, down to `minWidth` (default: its head's width) */
  shrink?: boolean;
  minWidth?: number;
}

export interface TableOptions {
  /** the widest a line may be; undefined: no limit */
  width?: number;
  /** paints a cell after padding (colour): row index, column index, the padded text */
  paint?: (row: number, column: number, text: string) => string;
  /** paints a padded head */
  paintHead?: (text: string) => string;
}

export interface TableText {
  text: string;
  /** the heads of the columns left out to fit, in table order */
  dropped: string[];
}

const overhead = (n: number) => 3 * n + 1;

/** Content widths of the shown columns so that the line fits `budget`, or undefined when the mins do not fit. */
function capped(natural: number[], mins: number[], shrink: boolean[], budget: number): number[] | undefined {
  const at = (cap: number) => natural.map((w, i) => (shrink[i] ? Math.max(mins[i], Math.min(w, cap)) : w));
  const sum = (ws: number[]) => ws.reduce((s, w) => s + w, 0);
  if (sum(natural) <= budget) return natural;
  if (sum(at(0)) > budget) return undefined;
  // the largest cap that fits: shorten the widest shrinkable columns first
  let lo = 0;
  let hi = Math.max(...natural);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (sum(at(mid)) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return at(lo);
}

/** Which columns to show, and how wide, within `width`. */
function fit(columns: readonly TableColumn[], natural: number[], width: number | undefined): { shown: number[]; widths: number[] } {
  let shown = columns.map((_, i) => i);
  if (width === undefined) return { shown, widths: natural };
  const minOf = (i: number) => Math.min(natural[i], columns[i].minWidth ?? displayWidth(columns[i].head));
  for (;;) {
    const widths = capped(
      shown.map((i) => natural[i]),
      shown.map(minOf),
      shown.map((i) => columns[i].shrink === true),
      width - overhead(shown.length),
    );
    if (widths) return { shown, widths };
    const droppable = shown.filter((i) => columns[i].priority !== undefined);
    if (droppable.length === 0) break;
    const lowest = droppable.reduce((a, b) => (columns[b].priority! < columns[a].priority! ? b : a));
    shown = shown.filter((i) => i !== lowest);
  }
  // last resort: every column may be shortened, down to one column
  const widths = capped(
    shown.map((i) => natural[i]),
    shown.map(() => 1),
    shown.map(() => true),
    width - overhead(shown.length),
  );
  return { shown, widths: widths ?? shown.map(() => 1) };
}

export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: TableOptions = {}): TableText {
  const n = columns.length;
  // each cell measured once: the widths are kept for padding
  const cellWidths = new Int32Array(rows.length * n);
  const natural = columns.map((c) => displayWidth(c.head));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < n; c++) {
      const w = displayWidth(row[c] ?? '');
      cellWidths[r * n + c] = w;
      if (w > natural[c]) natural[c] = w;
    }
  }
  const { shown, widths } = fit(columns, natural, options.width);
  const paint = options.paint;
  const paintHead = options.paintHead ?? ((s: string) => s);

  const cell = (text: string, measured: number, k: number) => {
    const w = widths[k];
    const fitted = measured > w ? truncate(text, w) : text;
    const fittedWidth = measured > w ? displayWidth(fitted) : measured;
    return columns[shown[k]].align === 'right' ? padStart(fitted, w, fittedWidth) : padEnd(fitted, w, fittedWidth);
  };
  const rule = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right;

  const lines: string[] = [rule('┌', '┬', '┐')];
  lines.push(`│ ${shown.map((c, k) => paintHead(cell(columns[c].head, displayWidth(columns[c].head), k))).join(' │ ')} │`);
  if (rows.length > 0) lines.push(rule('├', '┼', '┤'));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let line = '│';
    for (let k = 0; k < shown.length; k++) {
      const c = shown[k];
      const text = cell(row[c] ?? '', cellWidths[r * n + c], k);
      line += ` ${paint ? paint(r, c, text) : text} │`;
    }
    lines.push(line);
  }
  lines.push(rule('└', '┴', '┘'));
  const kept = new Set(shown);
  return { text: lines.join('\n'), dropped: columns.filter((_, i) => !kept.has(i)).map((c) => c.head) };
}
