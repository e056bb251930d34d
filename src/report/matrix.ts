/**
 * Geometry of the portfolio matrix (McDonald & Rogers): attractiveness A on the vertical axis
 * against relationship strength R on the horizontal one, split at the quadrant threshold, one dot
 * per account with a label placed so that labels do not overlap where avoidable. Pure: the SVG
 * itself is drawn by the `matrix.svg.hbs` template from this model.
 */
import type { Tier } from '../schema/account.js';
import type { Quadrant, ReportInput, ScoreName } from './input.js';

export interface MatrixDot {
  id: string;
  name: string;
  /** the name, shortened for the chart */
  label: string;
  tier: Tier;
  quadrant: Quadrant;
  attractiveness: number;
  relationship: number;
  cx: number;
  cy: number;
  r: number;
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
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
  dots: MatrixDot[];
}

const WIDTH = 760;
const HEIGHT = 560;
const PLOT = { x: 64, y: 24, width: 660, height: 460 };
const DOT_R = 5;
const FONT = 11;
const LABEL_MAX = 20;

const r1 = (x: number) => Math.round(x * 10) / 10;
const isWide = (ch: string) => (ch.codePointAt(0) ?? 0) >= 0x2e80;
/** Rough width of `text` at 11 px: CJK characters are about square, others about half. */
export const textWidth = (text: string) => [...text].reduce((w, ch) => w + (isWide(ch) ? FONT : FONT * 0.58), 0);

/** `name` cut to about LABEL_MAX narrow characters (a CJK character counts as two), with an ellipsis. */
export function shorten(name: string, max = LABEL_MAX): string {
  let units = 0;
  let out = '';
  for (const ch of name) {
    units += isWide(ch) ? 2 : 1;
    if (units > max) return `${out.trimEnd()}…`;
    out += ch;
  }
  return out;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const OFFSETS = [0, 13, -13, 26, -26, 39, -39, 52, -52];

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

type Scored = { id: string; name: string; tier: Tier; quadrant: Quadrant; scores: Record<ScoreName, number> };

export function matrixModel(input: Pick<ReportInput, 'quadrantThreshold'>, accounts: readonly Scored[]): MatrixModel {
  const x = (r: number) => r1(PLOT.x + (Math.min(100, Math.max(0, r)) / 100) * PLOT.width);
  const y = (a: number) => r1(PLOT.y + (1 - Math.min(100, Math.max(0, a)) / 100) * PLOT.height);
  const right = PLOT.x + PLOT.width;
  const bottom = PLOT.y + PLOT.height;
  const t = input.quadrantThreshold;

  const base = [...accounts]
    .map((a) => ({ a, cx: x(a.scores.relationship), cy: y(a.scores.attractiveness) }))
    .sort((p, q) => p.cy - q.cy || p.cx - q.cx || (p.a.id < q.a.id ? -1 : 1));
  const dotBoxes = new BoxGrid();
  base.forEach((p, i) => dotBoxes.add({ x: p.cx - DOT_R, y: p.cy - DOT_R, w: 2 * DOT_R, h: 2 * DOT_R }, i));
  const placed = new BoxGrid();
  const dots: MatrixDot[] = base.map((p, i) => {
    const label = shorten(p.a.name);
    const w = textWidth(label);
    const anchor: 'start' | 'end' = p.cx + DOT_R + 3 + w > right ? 'end' : 'start';
    const lx = anchor === 'start' ? p.cx + DOT_R + 3 : p.cx - DOT_R - 3;
    const boxAt = (dy: number): Box => ({ x: (anchor === 'start' ? lx : lx - w) - 2, y: p.cy + dy - FONT / 2 - 1, w: w + 4, h: FONT + 2 });
    const free = (b: Box) => b.y >= PLOT.y - 4 && b.y + b.h <= bottom + 4 && !placed.overlaps(b) && !dotBoxes.overlaps(b, i);
    const dy = OFFSETS.find((o) => free(boxAt(o))) ?? 0;
    placed.add(boxAt(dy));
    return {
      id: p.a.id,
      name: p.a.name,
      label,
      tier: p.a.tier,
      quadrant: p.a.quadrant,
      attractiveness: p.a.scores.attractiveness,
      relationship: p.a.scores.relationship,
      cx: p.cx,
      cy: p.cy,
      r: DOT_R,
      labelX: r1(lx),
      labelY: r1(p.cy + dy + FONT / 2 - 1.5),
      anchor,
      leader: dy === 0 ? null : { x1: p.cx, y1: r1(p.cy + Math.sign(dy) * DOT_R), x2: r1(lx), y2: r1(p.cy + dy) },
    };
  });

  return {
    width: WIDTH,
    height: HEIGHT,
    plot: { ...PLOT, right, bottom },
    threshold: { value: t, x: x(t), y: y(t) },
    ticks: [0, 25, 50, 75, 100].map((value) => ({ value, x: x(value), y: y(value) })),
    quadrants: (
      [
        { quadrant: 'strategic', x: right - 8, y: PLOT.y + 18, anchor: 'end' },
        { quadrant: 'star', x: PLOT.x + 8, y: PLOT.y + 18, anchor: 'start' },
        { quadrant: 'status', x: right - 8, y: bottom - 10, anchor: 'end' },
        { quadrant: 'streamline', x: PLOT.x + 8, y: bottom - 10, anchor: 'start' },
      ] as const
    ).map((q) => ({ ...q, count: accounts.filter((a) => a.quadrant === q.quadrant).length })),
    axes: { x: { x: r1(PLOT.x + PLOT.width / 2), y: bottom + 38 }, y: { x: 18, y: r1(PLOT.y + PLOT.height / 2) } },
    legend: (['key', 'ordinary', 'prospect'] as const).map((tier, i) => ({ tier, x: PLOT.x + i * 160, y: HEIGHT - 12 })),
    dots,
  };
}
