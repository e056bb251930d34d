/**
 * Geometry of the portfolio matrix (McDonald & Rogers): attractiveness A on the vertical axis
 * against relationship strength R on the horizontal one, split at the quadrant threshold, one
 * bubble per assessed account with its area in proportion to the latest revenue. It holds 1 to
 * 1,000 accounts: labels are placed, most important account first (latest revenue, then composite
 * score), where they overlap no other label, no other dot's centre and no quadrant name; a name
 * that fits is written out, a name that does not gets the dot's number, which the key below the
 * chart resolves to the full name; a dot with no room for either is drawn unlabelled (its
 * `<title>` tooltip names it). Accounts that are not assessed are left off and listed. Pure: the
 * SVG itself is drawn by the `matrix.svg.hbs` template from this model.
 */
import type { Tier } from '../schema/account.js';
import type { Quadrant, ReportInput, ScoreName } from './input.js';

export interface MatrixDot {
  id: string;
  name: string;
  /** what stands beside the dot: the full name, its number (see `number`), or nothing ('') */
  label: string;
  labelled: 'name' | 'number' | null;
  /** the dot's number in the key (numbered dots only; not `number`, which is a helper) */
  keyNumber: number | null;
  tier: Tier;
  quadrant: Quadrant;
  attractiveness: number;
  relationship: number;
  revenue: number | null;
  cx: number;
  cy: number;
  r: number;
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end' | 'middle';
  /** a thin line from the dot to its label when the label had to move away; null otherwise */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

export interface MatrixModel {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number; right: number; bottom: number };
  threshold: { value: number; x: number; y: number };
  ticks: { value: number; x: number; y: number }[];
  /** the four quadrant names' positions and how many accounts each holds */
  quadrants: { quadrant: Quadrant; x: number; y: number; anchor: 'start' | 'end'; count: number }[];
  axes: { x: { x: number; y: number }; y: { x: number; y: number } };
  legend: { tier: Tier; x: number; y: number }[];
  /** the bubble-size key: the largest revenue and its radius, beside the legend */
  size: { revenue: number; r: number; x: number; y: number } | null;
  /** drawn largest first, so that small bubbles lie on top */
  dots: MatrixDot[];
  /** the numbered dots, by number, with their full names */
  key: { keyNumber: number; id: string; name: string; tier: Tier }[];
  /** accounts left off the matrix because A or R is unknown */
  unassessed: { id: string; name: string }[];
  unassessedNames: string[];
  /** how many dots carry no label at all */
  unlabelled: number;
}

const WIDTH = 760;
const HEIGHT = 580;
const PLOT = { x: 64, y: 24, width: 660, height: 460 };
const FONT = 11;
const NUMBER_FONT = 9.5;
/** Box of a line of text around its baseline: CJK fonts (Noto Sans CJK) are 1.45 em high. */
const ASCENT = 1.16;
const DESCENT = 0.34;
const MIN_R = 3.5;
/** Names longer than this (narrow characters; CJK count two) are numbered, not written out. */
const NAME_MAX = 30;

const r1 = (x: number) => Math.round(x * 10) / 10;
const isWide = (ch: string) => (ch.codePointAt(0) ?? 0) >= 0x2e80;
/** Width of `text` at `size` px, on the generous side: CJK characters are square, others at most 0.64 em. */
export const textWidth = (text: string, size = FONT) => [...text].reduce((w, ch) => w + (isWide(ch) ? size : size * 0.64), 0);

/** `name` cut to about `max` narrow characters (a CJK character counts as two), with an ellipsis. */
export function shorten(name: string, max = 20): string {
  let units = 0;
  let out = '';
  for (const ch of name) {
    units += isWide(ch) ? 2 : 1;
    if (units > max) return `${out.trimEnd()}…`;
    out += ch;
  }
  return out;
}

const units = (name: string) => [...name].reduce((n, ch) => n + (isWide(ch) ? 2 : 1), 0);

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Boxes filed by the grid cells they cover, so that asking whether a box overlaps any other looks
 * at its neighbours only: a thousand accounts' labels are placed without a million comparisons.
 */
class BoxGrid {
  private readonly cells = new Map<number, { box: Box; owner: number }[]>();
  private static readonly CELL = 32;

  private keys(b: Box): number[] {
    const keys: number[] = [];
    const c = BoxGrid.CELL;
    for (let i = Math.floor(b.x / c); i <= Math.floor((b.x + b.w) / c); i++) {
      for (let j = Math.floor(b.y / c); j <= Math.floor((b.y + b.h) / c); j++) keys.push(i * 65536 + j);
    }
    return keys;
  }

  add(box: Box, owner = -1): void {
    for (const key of this.keys(box)) {
      const cell = this.cells.get(key);
      if (cell) cell.push({ box, owner });
      else this.cells.set(key, [{ box, owner }]);
    }
  }

  /** Whether `box` overlaps a box not owned by `except`. */
  overlaps(box: Box, except = -2): boolean {
    return this.keys(box).some((key) => this.cells.get(key)?.some((o) => o.owner !== except && overlaps(o.box, box)) ?? false);
  }
}

type Scores = Record<ScoreName, number | null>;
export type Scored = { id: string; name: string; tier: Tier; quadrant: Quadrant | null; scores: Scores | Record<ScoreName, number>; revenue?: number | null; assessed?: boolean };

/** The largest bubble's radius: smaller as the portfolio grows. */
const maxRadius = (n: number) => (n <= 20 ? 22 : n <= 60 ? 17 : n <= 200 ? 13 : n <= 500 ? 10 : 8);

/** A placed label: its text box, where the text stands, and the line to it. */
interface Spot {
  box: Box;
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  leader: MatrixDot['leader'];
}

/** The box a label's text takes: its width and the font's full height around the baseline `y`. */
export function labelBox(label: string, x: number, y: number, anchor: 'start' | 'end' | 'middle', size: number): Box {
  const w = textWidth(label, size);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x: left - 1, y: y - ASCENT * size, w: w + 2, h: (ASCENT + DESCENT) * size };
}

/** The font size of a dot's label. */
export const labelSize = (labelled: 'name' | 'number') => (labelled === 'name' ? FONT : NUMBER_FONT);

/** Where a label of width `w` and font `size` may stand around a dot, nearest first. */
function spots(cx: number, cy: number, r: number, w: number, size: number): Spot[] {
  const h = (ASCENT + DESCENT) * size;
  const gap = 3;
  const out: Spot[] = [];
  // the box from the rounded position the SVG gets, so that what is checked is what is drawn
  const at = (x: number, baseline: number, anchor: Spot['anchor'], leader: Spot['leader'] = null) => {
    const [rx, ry] = [r1(x), r1(baseline)];
    const left = anchor === 'start' ? rx : anchor === 'end' ? rx - w : rx - w / 2;
    out.push({ box: { x: left - 1, y: ry - ASCENT * size, w: w + 2, h }, x: rx, y: ry, anchor, leader });
  };
  const mid = cy + 0.36 * size;
  at(cx + r + gap, mid, 'start');
  at(cx - r - gap, mid, 'end');
  at(cx, cy - r - gap - DESCENT * size, 'middle');
  at(cx, cy + r + gap + ASCENT * size, 'middle');
  for (const step of [1, 2, 3]) {
    for (const sign of [-1, 1]) {
      const dy = sign * step * (h + 1);
      for (const side of [1, -1]) {
        const x = cx + side * (r + gap + 4);
        at(x, mid + dy, side === 1 ? 'start' : 'end', { x1: r1(cx + side * r * 0.7), y1: r1(cy + Math.sign(dy) * r * 0.7), x2: r1(x), y2: r1(mid + dy - 0.36 * size) });
      }
    }
  }
  return out;
}

export function matrixModel(input: Pick<ReportInput, 'quadrantThreshold'>, accounts: readonly Scored[]): MatrixModel {
  const x = (r: number) => r1(PLOT.x + (Math.min(100, Math.max(0, r)) / 100) * PLOT.width);
  const y = (a: number) => r1(PLOT.y + (1 - Math.min(100, Math.max(0, a)) / 100) * PLOT.height);
  const right = PLOT.x + PLOT.width;
  const bottom = PLOT.y + PLOT.height;
  const t = input.quadrantThreshold;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  type Placed = Scored & { quadrant: Quadrant };
  const isAssessed = (a: Scored): a is Placed => a.assessed !== false && a.quadrant !== null && typeof a.scores.attractiveness === 'number' && typeof a.scores.relationship === 'number';
  const assessed = accounts.filter(isAssessed);
  const unassessed = accounts.filter((a) => !isAssessed(a)).map((a) => ({ id: a.id, name: a.name })).sort((p, q) => cmp(p.name, q.name) || cmp(p.id, q.id));
  const revenueOf = (a: Scored) => (typeof a.revenue === 'number' && a.revenue > 0 ? a.revenue : null);
  const maxRevenue = Math.max(0, ...assessed.map((a) => revenueOf(a) ?? 0));
  const rMax = maxRadius(assessed.length);
  const radius = (rev: number | null) => (rev === null || maxRevenue === 0 ? MIN_R : r1(Math.max(MIN_R, rMax * Math.sqrt(rev / maxRevenue))));

  // the most important account first: it gets the first choice of label places
  const ranked = assessed
    .map((a) => ({ a, rev: revenueOf(a), cx: x(a.scores.relationship as number), cy: y(a.scores.attractiveness as number) }))
    .sort((p, q) => (q.rev ?? -1) - (p.rev ?? -1) || ((q.a.scores.composite as number) ?? 0) - ((p.a.scores.composite as number) ?? 0) || cmp(p.a.id, q.a.id));

  const obstacles = new BoxGrid();
  // the dots' centres (a label may lie over the rim of a large bubble, never over its middle)
  ranked.forEach((p, i) => {
    const core = Math.min(radius(p.rev), 5);
    obstacles.add({ x: p.cx - core, y: p.cy - core, w: 2 * core, h: 2 * core }, i);
  });
  const quadrants = (
    [
      { quadrant: 'strategic', x: right - 8, y: PLOT.y + 18, anchor: 'end' },
      { quadrant: 'star', x: PLOT.x + 8, y: PLOT.y + 18, anchor: 'start' },
      { quadrant: 'status', x: right - 8, y: bottom - 10, anchor: 'end' },
      { quadrant: 'streamline', x: PLOT.x + 8, y: bottom - 10, anchor: 'start' },
    ] as const
  ).map((q) => ({ ...q, count: assessed.filter((a) => a.quadrant === q.quadrant).length }));
  // the quadrant names (upper case, 13 px, up to 12 characters)
  for (const q of quadrants) obstacles.add({ x: q.anchor === 'end' ? q.x - 130 : q.x, y: q.y - 14, w: 130, h: 18 });

  const labels = new BoxGrid();
  const inPlot = (b: Box) => b.x >= PLOT.x + 1 && b.x + b.w <= right - 1 && b.y >= PLOT.y + 1 && b.y + b.h <= bottom - 1;
  const place = (cx: number, cy: number, r: number, w: number, size: number, owner: number) =>
    spots(cx, cy, r, w, size).find((s) => inPlot(s.box) && !labels.overlaps(s.box) && !obstacles.overlaps(s.box, owner));

  let numbers = 0;
  const key: MatrixModel['key'] = [];
  const dots: MatrixDot[] = ranked.map((p, i) => {
    const r = radius(p.rev);
    const base = {
      id: p.a.id,
      name: p.a.name,
      tier: p.a.tier,
      quadrant: p.a.quadrant,
      attractiveness: p.a.scores.attractiveness as number,
      relationship: p.a.scores.relationship as number,
      revenue: p.rev,
      cx: p.cx,
      cy: p.cy,
      r,
    };
    const named = units(p.a.name) <= NAME_MAX ? place(p.cx, p.cy, r, textWidth(p.a.name), FONT, i) : undefined;
    if (named) {
      labels.add(named.box);
      return { ...base, label: p.a.name, labelled: 'name', keyNumber: null, labelX: named.x, labelY: named.y, anchor: named.anchor, leader: named.leader };
    }
    const number = numbers + 1;
    const spot = place(p.cx, p.cy, r, textWidth(String(number), NUMBER_FONT), NUMBER_FONT, i);
    if (spot) {
      numbers = number;
      labels.add(spot.box);
      key.push({ keyNumber: number, id: p.a.id, name: p.a.name, tier: p.a.tier });
      return { ...base, label: String(number), labelled: 'number', keyNumber: number, labelX: spot.x, labelY: spot.y, anchor: spot.anchor, leader: spot.leader };
    }
    return { ...base, label: '', labelled: null, keyNumber: null, labelX: p.cx, labelY: p.cy, anchor: 'middle', leader: null };
  });
  // largest drawn first (below), ties in a fixed order
  const drawn = [...dots].sort((a, b) => b.r - a.r || cmp(a.id, b.id));

  return {
    width: WIDTH,
    height: HEIGHT,
    plot: { ...PLOT, right, bottom },
    threshold: { value: t, x: x(t), y: y(t) },
    ticks: [0, 25, 50, 75, 100].map((value) => ({ value, x: x(value), y: y(value) })),
    quadrants,
    axes: { x: { x: r1(PLOT.x + PLOT.width / 2), y: bottom + 38 }, y: { x: 18, y: r1(PLOT.y + PLOT.height / 2) } },
    legend: (['key', 'ordinary', 'prospect'] as const).map((tier, i) => ({ tier, x: PLOT.x + i * 150, y: HEIGHT - 16 })),
    size: maxRevenue > 0 ? { revenue: maxRevenue, r: rMax, x: PLOT.x + 470, y: HEIGHT - 4 - rMax } : null,
    dots: drawn,
    key,
    unassessed,
    unassessedNames: unassessed.map((a) => a.name),
    unlabelled: dots.filter((d) => d.labelled === null).length,
  };
}
