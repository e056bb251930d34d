import { describe, expect, it } from 'vitest';
import { orgChartModel, type OrgContact } from '../../src/report/orgchart.js';

const c = (name: string, extra: Partial<OrgContact> = {}): OrgContact => ({ name, stale: false, ...extra });
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('orgChartModel', () => {
  it('is null without contacts', () => {
    expect(orgChartModel([])).toBeNull();
  });

  it('has a box per contact, a solid line per reports_to, a dashed arrow per influence; bosses above their reports', () => {
    const contacts = [c('CEO'), c('CTO', { reports_to: 'CEO' }), c('CFO', { reports_to: 'CEO', influences: ['CTO'] }), c('Eng', { reports_to: 'CTO', influences: ['CFO', 'CFO'] }), c('Loner')];
    const m = orgChartModel(contacts)!;
    expect(m.nodes.map((n) => n.name)).toEqual(['CEO', 'CTO', 'CFO', 'Eng', 'Loner']);
    expect(m.reports.map((l) => `${l.from}>${l.to}`)).toEqual(['CEO>CTO', 'CEO>CFO', 'CTO>Eng']);
    expect(m.influences.map((l) => `${l.from}>${l.to}`)).toEqual(['CFO>CTO', 'Eng>CFO']);
    expect(m.influences.every((l) => l.arrow !== null)).toBe(true);
    const at = Object.fromEntries(m.nodes.map((n) => [n.name, n]));
    expect(at.CTO.y).toBeGreaterThan(at.CEO.y);
    expect(at.Eng.y).toBeGreaterThan(at.CTO.y);
    for (let i = 0; i < m.nodes.length; i++) for (let j = i + 1; j < m.nodes.length; j++) expect(overlap(m.nodes[i], m.nodes[j])).toBe(false);
    for (const n of m.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(m.width);
      expect(n.y + n.height).toBeLessThanOrEqual(m.height);
    }
  });

  it('gives the same coordinates every time, and shortens long texts to fit the box', () => {
    const contacts = Array.from({ length: 12 }, (_, i) => c(`Contact ${i}`, { reports_to: i === 0 ? undefined : `Contact ${Math.floor((i - 1) / 3)}`, title: 'Senior Vice President, Global Procurement and Supplier Quality' }));
    const a = orgChartModel(contacts);
    expect(orgChartModel(contacts)).toEqual(a);
    expect(a!.nodes[0].titleLabel).toMatch(/…$/);
    expect(a!.nodes[0].title).toBe(contacts[0].title);
  });
});
