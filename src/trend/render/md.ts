/** A Markdown report of the trend (for a pull request or a wiki): values from YAML are escaped. */
import { escapeMarkdown } from '../../report/escape.js';
import type { TrendSeries } from '../model.js';
import { headline } from './table.js';
import type { TrendRenderer } from './types.js';
import { changeText, fmtScore, marked, short, slippageText } from './words.js';

const esc = (s: string) => escapeMarkdown(s);

function block(s: TrendSeries): string {
  const was = s.ids.length > 1 ? ` (was ${s.ids.slice(0, -1).map((id) => `\`${id}\``).join(', ')})` : '';
  const gone = s.removed ? ` — removed ${s.removed.date} (\`${short(s.removed.commit)}\`)` : '';
  const lines = [`### ${esc(s.name)} (\`${s.id}\`)${was}${gone}`, '', '| date | commit | S | tier | quadrant | risk | completeness | change |', '|---|---|---:|---|---|---|---:|---|'];
  for (const p of marked(s.points)) {
    const completeness = p.completeness === null ? '—' : `${p.completeness.toFixed(1)}%`;
    lines.push(`| ${p.date} | \`${short(p.commit)}\` | ${fmtScore(p.composite)} | ${p.tier ?? '—'} | ${p.quadrant ?? '—'} | ${p.risk ?? '—'} | ${completeness} | ${esc(p.changes.map(changeText).join('; '))} |`);
  }
  lines.push('', `Slippage: ${esc(slippageText(s.slippage))}.`);
  return lines.join('\n');
}

export const md: TrendRenderer = (trend) => {
  const out = ['## Plan trend', '', `${esc(headline(trend))}.`];
  for (const r of trend.revisions.filter((x) => !x.scored)) out.push('', `- not scored: ${r.date} \`${short(r.commit)}\` ${esc(r.problem ?? '')}`);
  for (const r of trend.revisions.filter((x) => x.scored && x.invalid.length > 0)) out.push('', `- invalid at ${r.date} \`${short(r.commit)}\` (left out): ${r.invalid.map((f) => `\`${f}\``).join(', ')}`);
  for (const s of trend.accounts) out.push('', block(s));
  return `${out.join('\n')}\n`;
};
