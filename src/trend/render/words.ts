/** What the text renderers (table, md) say of a point's changes and an account's slippage. */
import type { Slippage, TrendChange, TrendPoint } from '../model.js';

const shown = (v: string | number | null) => (v === null ? '(none)' : String(v));

export function changeText(c: TrendChange): string {
  switch (c.kind) {
    case 'added':
      return 'added';
    case 'invalid':
      return 'invalid file';
    case 'renamed':
      return `renamed from ${c.from}`;
    case 'field': {
      const delta = c.field === 'composite' && typeof c.from === 'number' && typeof c.to === 'number' ? ` (${c.to - c.from >= 0 ? '+' : ''}${(Math.round((c.to - c.from) * 10) / 10).toFixed(1)})` : '';
      return `${c.field} ${shown(c.from)} → ${shown(c.to)}${delta}`;
    }
  }
}

/** The points worth a row: the first one and every one that changed a class, the risk or the completeness. */
export const marked = (points: readonly TrendPoint[]): TrendPoint[] =>
  points.filter((p, i) => i === 0 || i === points.length - 1 || p.changes.some((c) => c.kind !== 'field' || c.field !== 'composite'));

export function slippageText(s: Slippage): string {
  const parts: string[] = [];
  if (s.moves.length === 0) parts.push('no due date moved');
  else parts.push(`${s.moves.length} due date move${s.moves.length === 1 ? '' : 's'} of ${s.items} item${s.items === 1 ? '' : 's'}, ${s.days >= 0 ? '+' : ''}${s.days} days in all`);
  parts.push(s.late.length === 0 ? 'no action closed late' : `${s.late.length} action${s.late.length === 1 ? '' : 's'} closed late (${s.late.map((l) => `${l.task}: ${l.daysLate} days`).join('; ')})`);
  return parts.join('; ');
}

export const fmtScore = (n: number | null) => (n === null ? '—' : n.toFixed(1));
export const short = (commit: string) => commit.slice(0, 7);
