/**
 * The trend pictures of the reports, from an account's replayed history (`AccountInput.trend`,
 * filled by `kam plan` when the workspace is in git): the portfolio's trend chart (the composite
 * score S over time, one line per key account, a mark per tier change) and each plan's sparkline
 * of S with its tier changes and the plan's slippage. Pure; the SVG is built here, every text in
 * it XML-escaped, so the templates only place it (`{{{trend.svg}}}`, `{{{sparkline.svg}}}`).
 */
import type { Tier } from '../schema/account.js';
import { escapeHtml } from './escape.js';
import type { AccountInput, ReportTrendSeries } from './input.js';
import type { Labels } from './labels/types.js';
import { shorten } from './matrix.js';

export interface TierChange {
  date: string;
  commit: string;
  from: Tier;
  to: Tier;
  /** towards key (prospect → ordinary → key) */
  up: boolean;
}

export interface SparklineModel {
  svg: string;
  /** S as block characters, one per revision (Markdown) */
  text: string;
  first: { date: string; composite: number } | null;
  last: { date: string; composite: number } | null;
  revisions: number;
  tierChanges: TierChange[];
  slippage: ReportTrendSeries['slippage'];
}

export interface TrendLine {
  id: string;
  name: string;
  first: number | null;
  last: number | null;
  tierChanges: TierChange[];
}

export interface TrendChartModel {
  svg: string;
  /** the chart as a file beside the Markdown portfolio */
  href: string;
  from: string;
  to: string;
  lines: TrendLine[];
  marks: number;
}

const rank: Record<Tier, number> = { prospect: 0, ordinary: 1, key: 2 };
const r1 = (x: number) => Math.round(x * 10) / 10;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

function tierChanges(series: ReportTrendSeries): TierChange[] {
  const out: TierChange[] = [];
  let before: Tier | null = null;
  for (const p of series.points) {
    if (p.tier === null) continue;
    if (before !== null && p.tier !== before) out.push({ date: p.date, commit: p.commit, from: before, to: p.tier, up: rank[p.tier] > rank[before] });
    before = p.tier;
  }
  return out;
}

const scored = (series: ReportTrendSeries) => series.points.filter((p): p is typeof p & { composite: number } => p.composite !== null);

/** A mark: a triangle pointing up (towards key) or down, centred on (x, y). */
const mark = (x: number, y: number, up: boolean, size: number) =>
  up ? `M${r1(x)} ${r1(y - size)}L${r1(x + size)} ${r1(y + size * 0.8)}L${r1(x - size)} ${r1(y + size * 0.8)}Z` : `M${r1(x)} ${r1(y + size)}L${r1(x + size)} ${r1(y - size * 0.8)}L${r1(x - size)} ${r1(y - size * 0.8)}Z`;

const BLOCKS = '▁▂▃▄▅▆▇█';

/** The sparkline of one account, or null when it has fewer than two scored revisions. */
export function sparklineModel(series: ReportTrendSeries | undefined, labels: Labels): SparklineModel | null {
  if (!series) return null;
  const points = scored(series);
  if (points.length < 2) return null;
  const W = 180;
  const H = 36;
  const pad = 4;
  const from = points[0].date;
  const span = Math.max(1, days(from, points[points.length - 1].date));
  const x = (date: string) => pad + ((W - 2 * pad) * days(from, date)) / span;
  const y = (s: number) => H - pad - ((H - 2 * pad) * s) / 100;
  const changes = tierChanges(series);
  const byCommit = new Map(points.map((p) => [p.commit, p]));
  const title = escapeHtml(fill(labels.trend.sparklineAlt, { name: series.name }));
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="kam-sparkline" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<line x1="${pad}" y1="${r1(y(50))}" x2="${W - pad}" y2="${r1(y(50))}" stroke="#dee2e6" stroke-width="1"/>`,
    `<polyline class="trend-line" data-id="${escapeHtml(series.id)}" fill="none" stroke="#0b5394" stroke-width="1.5" points="${points.map((p) => `${r1(x(p.date))},${r1(y(p.composite))}`).join(' ')}"/>`,
    ...changes.map((c) => {
      const p = byCommit.get(c.commit)!;
      return `<path class="tier-change" data-from="${c.from}" data-to="${c.to}" d="${mark(x(p.date), y(p.composite), c.up, 4)}" fill="${c.up ? '#2b8a3e' : '#c92a2a'}"><title>${escapeHtml(`${c.date}: ${labels.tier[c.from]} → ${labels.tier[c.to]}`)}</title></path>`;
    }),
    '</svg>',
  ].join('\n');
  const text = points.map((p) => BLOCKS[Math.min(BLOCKS.length - 1, Math.floor((p.composite / 100) * BLOCKS.length))]).join('');
  return {
    svg,
    text,
    first: { date: points[0].date, composite: points[0].composite },
    last: { date: points[points.length - 1].date, composite: points[points.length - 1].composite },
    revisions: points.length,
    tierChanges: changes,
    slippage: series.slippage,
  };
}

/** Colours and dash patterns of the lines: told apart on screen and in black-and-white print. */
const COLOURS = ['#0b5394', '#c92a2a', '#2b8a3e', '#e67700', '#5f3dc4', '#0c8599', '#862e9c', '#495057'];
const DASHES = ['', '6 3', '2 2', '8 3 2 3'];

/**
 * The portfolio's trend chart: one line of S per key account (the accounts' current tier), a
 * triangle per tier change (up towards key, down away from it); null when no key account has two
 * scored revisions.
 */
export function trendChartModel(accounts: readonly AccountInput[], labels: Labels, href: string): TrendChartModel | null {
  const key = accounts
    .filter((a) => a.analysis.tier === 'key' && a.trend && scored(a.trend).length >= 2)
    .sort((a, b) => (a.account.id < b.account.id ? -1 : 1));
  if (key.length === 0) return null;
  const all = key.flatMap((a) => scored(a.trend!));
  const from = all.reduce((m, p) => (p.date < m ? p.date : m), all[0].date);
  const to = all.reduce((m, p) => (p.date > m ? p.date : m), all[0].date);
  const LEGEND = 20;
  const W = 760;
  const plot = { x: 48, y: 16, width: 500, height: 260 };
  const H = Math.max(plot.y + plot.height + 40, 24 + Math.min(key.length, LEGEND + 1) * 16);
  const span = Math.max(1, days(from, to));
  const x = (date: string) => plot.x + (plot.width * days(from, date)) / span;
  const y = (s: number) => plot.y + plot.height - (plot.height * s) / 100;
  const title = escapeHtml(labels.trend.chartAlt);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="kam-trend" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="kam-trend-title">`,
    `<title id="kam-trend-title">${title}</title>`,
    '<style>.kam-trend text { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 11px; fill: #212529; }</style>',
    `<rect x="${plot.x}" y="${plot.y}" width="${plot.width}" height="${plot.height}" fill="#fff" stroke="#adb5bd"/>`,
  ];
  for (const s of [0, 25, 50, 75, 100]) {
    out.push(`<line x1="${plot.x}" y1="${r1(y(s))}" x2="${plot.x + plot.width}" y2="${r1(y(s))}" stroke="#e9ecef"/>`);
    out.push(`<text x="${plot.x - 6}" y="${r1(y(s) + 4)}" text-anchor="end">${s}</text>`);
  }
  out.push(`<text x="${plot.x}" y="${plot.y + plot.height + 16}">${from}</text>`);
  out.push(`<text x="${plot.x + plot.width}" y="${plot.y + plot.height + 16}" text-anchor="end">${to}</text>`);
  out.push(`<text x="${plot.x + plot.width / 2}" y="${plot.y + plot.height + 32}" text-anchor="middle">${escapeHtml(labels.trend.axis)}</text>`);
  const lines: TrendLine[] = [];
  let marks = 0;
  key.forEach((a, i) => {
    const series = a.trend!;
    const points = scored(series);
    const colour = COLOURS[i % COLOURS.length];
    const dash = DASHES[Math.floor(i / COLOURS.length) % DASHES.length];
    const id = escapeHtml(a.account.id);
    const name = escapeHtml(a.account.name);
    out.push(
      `<polyline class="trend-line" data-id="${id}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${points.map((p) => `${r1(x(p.date))},${r1(y(p.composite))}`).join(' ')}"><title>${name}</title></polyline>`,
    );
    const changes = tierChanges(series);
    const at = new Map(points.map((p) => [p.commit, p]));
    for (const c of changes) {
      const p = at.get(c.commit)!;
      marks++;
      out.push(
        `<path class="tier-change" data-id="${id}" data-from="${c.from}" data-to="${c.to}" d="${mark(x(p.date), y(p.composite), c.up, 5)}" fill="${colour}" stroke="#212529" stroke-width="0.5"><title>${escapeHtml(`${a.account.name} ${c.date}: ${labels.tier[c.from]} → ${labels.tier[c.to]}`)}</title></path>`,
      );
    }
    if (i < LEGEND) {
      const ly = 24 + i * 16;
      const lx = plot.x + plot.width + 24;
      out.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 24}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
      out.push(`<text x="${lx + 30}" y="${ly}">${escapeHtml(shorten(a.account.name, 22))}</text>`);
    }
    lines.push({ id: a.account.id, name: a.account.name, first: points[0].composite, last: points[points.length - 1].composite, tierChanges: changes });
  });
  if (key.length > LEGEND) out.push(`<text x="${plot.x + plot.width + 24}" y="${24 + LEGEND * 16}">${escapeHtml(fill(labels.trend.more, { n: key.length - LEGEND }))}</text>`);
  out.push('</svg>');
  return { svg: out.join('\n'), href, from, to, lines, marks };
}
