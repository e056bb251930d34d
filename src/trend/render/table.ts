/**
 * The terminal view: a headline, the revisions that could not be scored, then per account the
 * points that changed a class, the risk level or the completeness (and its first and last), with
 * the commit that made the change, and a slippage line.
 */
import type { Trend, TrendSeries } from '../model.js';
import type { TrendRenderContext, TrendRenderer } from './types.js';
import { changeText, fmtScore, marked, short, slippageText } from './words.js';

export function headline(trend: Trend): string {
  const scored = trend.revisions.filter((r) => r.scored);
  if (trend.revisions.length === 0) return 'No commit changed the workspace in this range.';
  const first = trend.revisions[0];
  const last = trend.revisions[trend.revisions.length - 1];
  const n = trend.revisions.length;
  const settings = trend.settings === 'head' ? "the last revision's settings" : "each revision's own settings";
  return `${n} revision${n === 1 ? '' : 's'} from ${first.date} (${short(first.commit)}) to ${last.date} (${short(last.commit)}), ${scored.length} scored with ${settings}; ${trend.accounts.length} account${trend.accounts.length === 1 ? '' : 's'}`;
}

const COLUMNS = ['date', 'commit', 'S', 'tier', 'quadrant', 'risk', 'complete', 'change'] as const;
const WIDTHS = [10, 7, 5, 8, 10, 6, 8];

function block(s: TrendSeries, { chalk }: TrendRenderContext): string {
  const ids = s.ids.length > 1 ? ` (was ${s.ids.slice(0, -1).join(', ')})` : '';
  const gone = s.removed ? chalk.dim(` removed ${s.removed.date} (${short(s.removed.commit)})`) : '';
  const lines = [`${chalk.bold(s.id)}  ${s.name}${ids}${gone}`];
  const row = (cells: string[]) => `  ${cells.map((c, i) => (i < WIDTHS.length ? c.padEnd(WIDTHS[i]) : c)).join('  ')}`.trimEnd();
  lines.push(chalk.dim(row([...COLUMNS])));
  for (const p of marked(s.points)) {
    const change = p.changes.map(changeText).join('; ');
    lines.push(
      row([
        p.date,
        short(p.commit),
        fmtScore(p.composite),
        p.tier ?? '—',
        p.quadrant ?? '—',
        p.risk ?? '—',
        p.completeness === null ? '—' : `${p.completeness.toFixed(1)}%`,
        p.changes.some((c) => c.kind === 'field' && c.field === 'tier') ? chalk.yellow(change) : change,
      ]),
    );
  }
  lines.push(`  slippage: ${slippageText(s.slippage)}`);
  return lines.join('\n');
}

export const table: TrendRenderer = (trend, ctx) => {
  const out = [headline(trend)];
  const skipped = trend.revisions.filter((r) => !r.scored);
  for (const r of skipped) out.push(`not scored: ${r.date} ${short(r.commit)} ${r.problem}`);
  const invalid = trend.revisions.filter((r) => r.scored && r.invalid.length > 0);
  for (const r of invalid) out.push(`invalid at ${r.date} ${short(r.commit)} (left out): ${r.invalid.join(', ')}`);
  for (const s of trend.accounts) out.push('', block(s, ctx));
  return `${out.join('\n')}\n`;
};
