/** One row per account and revision it was in: a spreadsheet draws the lines from it. */
import type { TrendChange } from '../model.js';
import type { TrendRenderer } from './types.js';
import { changeText } from './words.js';

const HEADER = ['account', 'name', 'commit', 'date', 'id', 'valid', 'composite', 'tier', 'quadrant', 'risk', 'completeness', 'changes'];

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled; a leading =, +, - or @ is prefixed with ' (no formula in a spreadsheet). */
export function csvField(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const changes = (list: TrendChange[]) => list.map(changeText).join('; ');

export const csv: TrendRenderer = (trend) => {
  const rows = [HEADER.join(',')];
  for (const s of trend.accounts) {
    for (const p of s.points) {
      rows.push([s.id, s.name, p.commit, p.date, p.id, p.valid, p.composite, p.tier, p.quadrant, p.risk, p.completeness, changes(p.changes)].map(csvField).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
};
