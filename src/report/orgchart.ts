/**
 * Geometry of the relationship map drawn as an org chart: one box per contact, laid out by dagre
 * (a layered graph layout) along the `reports_to` lines, top down; `influences` drawn as dashed
 * arrows between the boxes they join. Pure and deterministic (same contacts, same coordinates):
 * the SVG itself is drawn by the `orgchart` partial from this model.
 */
import dagre from '@dagrejs/dagre';
import type { Attitude, ContactLevel, ContactRole } from '../schema/account.js';
import { shorten } from './matrix.js';

export interface OrgContact {
  name: string;
  title?: string;
  role?: ContactRole;
  level?: ContactLevel;
  attitude?: Attitude | string;
  owner?: string;
  reports_to?: string;
  influences?: string[];
  stale: boolean;
}

export interface OrgNode {
  /** index among the chart's nodes, for `data-` attributes and tests */
  index: number;
  name: string;
  /** the name, title and owner shortened to fit the box */
  label: string;
  title: string | null;
  titleLabel: string | null;
  role: ContactRole | null;
  level: ContactLevel | null;
  attitude: string | null;
  owner: string | null;
  ownerLabel: string | null;
  stale: boolean;
  /** top-left corner */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OrgLine {
  kind: 'reports' | 'influences';
  from: string;
  to: string;
  /** SVG path data */
  d: string;
  /** the arrowhead at the end (influence lines), as polygon points; null for reporting lines */
  arrow: string | null;
}

export interface OrgChartModel {
  width: number;
  height: number;
  nodes: OrgNode[];
  /** reporting lines, boss to report (solid) */
  reports: OrgLine[];
  /** influence lines, influencer to influenced (dashed, with an arrow) */
  influences: OrgLine[];
}

export const NODE_W = 184;
export const NODE_H = 74;
const MARGIN = 12;
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Where the segment from the centre of `a` towards `(tx, ty)` leaves the box `a`. */
function border(a: OrgNode, tx: number, ty: number): [number, number] {
  const cx = a.x + a.width / 2;
  const cy = a.y + a.height / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const s = Math.min(dx === 0 ? Infinity : a.width / 2 / Math.abs(dx), dy === 0 ? Infinity : a.height / 2 / Math.abs(dy));
  return [r1(cx + dx * s), r1(cy + dy * s)];
}

/** The org chart of `contacts` (in the order given); null when there are none. */
export function orgChartModel(contacts: readonly OrgContact[]): OrgChartModel | null {
  if (contacts.length === 0) return null;
  const names = new Map<string, number>();
  contacts.forEach((c, i) => {
    if (!names.has(c.name)) names.set(c.name, i);
  });
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 46, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  contacts.forEach((_, i) => g.setNode(String(i), { width: NODE_W, height: NODE_H }));
  const reportPairs: [number, number][] = [];
  contacts.forEach((c, i) => {
    const boss = c.reports_to === undefined ? undefined : names.get(c.reports_to);
    if (boss !== undefined && boss !== i) {
      reportPairs.push([boss, i]);
      g.setEdge(String(boss), String(i));
    }
  });
  dagre.layout(g);
  const graph = g.graph() as { width?: number; height?: number };
  const fit = (text: string | undefined, units: number) => (text === undefined || text.trim() === '' ? null : shorten(text, units));
  const nodes: OrgNode[] = contacts.map((c, i) => {
    const at = g.node(String(i)) as { x: number; y: number };
    return {
      index: i,
      name: c.name,
      label: shorten(c.name, 26),
      title: c.title ?? null,
      titleLabel: fit(c.title, 27),
      role: c.role ?? null,
      level: c.level ?? null,
      attitude: c.attitude ?? null,
      owner: c.owner ?? null,
      ownerLabel: fit(c.owner, 18),
      stale: c.stale,
      x: r1(at.x - NODE_W / 2),
      y: r1(at.y - NODE_H / 2),
      width: NODE_W,
      height: NODE_H,
    };
  });
  const reports: OrgLine[] = reportPairs.map(([b, i]) => {
    const boss = nodes[b];
    const sub = nodes[i];
    const x1 = r1(boss.x + boss.width / 2);
    const y1 = r1(boss.y + boss.height);
    const x2 = r1(sub.x + sub.width / 2);
    const y2 = sub.y;
    const mid = r1((y1 + y2) / 2);
    // elbow: down, across, down (a straight line when one stands below the other)
    const d = x1 === x2 || y2 <= y1 ? `M${x1},${y1} L${x2},${y2}` : `M${x1},${y1} V${mid} H${x2} V${y2}`;
    return { kind: 'reports', from: boss.name, to: sub.name, d, arrow: null };
  });
  const influences: OrgLine[] = [];
  contacts.forEach((c, i) => {
    for (const target of new Set(c.influences ?? [])) {
      const j = names.get(target);
      if (j === undefined || j === i) continue;
      const a = nodes[i];
      const b = nodes[j];
      const [x1, y1] = border(a, b.x + b.width / 2, b.y + b.height / 2);
      const [x2, y2] = border(b, a.x + a.width / 2, a.y + a.height / 2);
      // a gentle curve, so that a line between two boxes of one row does not run along others
      const cx = r1((x1 + x2) / 2 + (y2 - y1) * 0.15);
      const cy = r1((y1 + y2) / 2 - (x2 - x1) * 0.15);
      // the arrowhead points along the curve's last tangent (control point to end)
      const len = Math.hypot(x2 - cx, y2 - cy) || 1;
      const [ux, uy] = [(x2 - cx) / len, (y2 - cy) / len];
      const back = (k: number, side: number) => `${r1(x2 - ux * k - uy * side)},${r1(y2 - uy * k + ux * side)}`;
      const arrow = `${x2},${y2} ${back(8, 3.5)} ${back(8, -3.5)}`;
      influences.push({ kind: 'influences', from: a.name, to: b.name, d: `M${x1},${y1} Q${cx},${cy} ${x2},${y2}`, arrow });
    }
  });
  return {
    width: Math.ceil(Math.max(graph.width ?? 0, NODE_W + 2 * MARGIN)),
    height: Math.ceil(Math.max(graph.height ?? 0, NODE_H + 2 * MARGIN)),
    nodes,
    reports,
    influences,
  };
}
