import { describe, expect, it } from 'vitest';
import { labelBox, labelSize, matrixModel, overlaps, shorten } from '../../src/report/matrix.js';
import { planModel, portfolioModel } from '../../src/report/model.js';
import { input, item } from './fixture.js';

describe('planModel', () => {
  const inp = input();
  const plan = planModel(inp, inp.accounts[0], '../portfolio.md');

  it('marks open actions due before today as overdue (no status counts as planned)', () => {
    expect(plan.plan.actions.map((a) => [a.task, a.status, a.open, a.overdue, a.daysOverdue])).toEqual([
      ['Demo', 'in_progress', true, true, 12],
      ['Visit', 'planned', true, false, 0],
      ['Done thing', 'done', false, false, 0],
    ]);
    expect(plan.plan.overdue).toBe(1);
  });

  it('lists coverage checks and gaps, and flags stale contacts', () => {
    expect(plan.relationships.gaps).toEqual(['twoOwners']);
    expect(plan.relationships.coverage).toHaveLength(5);
    expect(plan.relationships.contacts.map((c) => [c.name, c.daysSinceContact, c.stale])).toEqual([
      ['Zhou', 23, false],
      ['Wu', 184, true],
    ]);
    expect(plan.relationships.grid.map((r) => [r.level, r.cells.map((c) => c.contacts.map((x) => x.name))])).toEqual([
      ['executive', [['Zhou'], []]],
      ['manager', [[], ['Wu']]],
    ]);
  });

  it('groups intel from level 4 down to 1, unrated last', () => {
    const p = planModel(inp, item({ account: { intel: [{ fact: 'a', level: 1 }, { fact: 'b' }, { fact: 'c', level: 4 }] } }), 'p');
    expect(p.intel.map((g) => [g.level, g.items.map((i) => i.fact)])).toEqual([[4, ['c']], [3, []], [2, []], [1, ['a']], [null, ['b']]]);
  });

  it('computes profit, attainment and the open pipeline', () => {
    expect(plan.plan.revenuePlan).toEqual([
      { year: 2026, target: 8500000, actual: 6100000, margin: 0.31, attainment: 6100000 / 8500000, profit: 6100000 * 0.31, plannedProfit: 8500000 * 0.31, original: null },
    ]);
    expect(plan.pipeline).toMatchObject({ open: 1, openValue: 6000000, weighted: 2400000 });
    expect(plan.pipeline.opportunities.map((o) => [o.name, o.open, o.weighted])).toEqual([
      ['Line 4', true, 2400000],
      ['Old deal', false, null],
    ]);
  });

  it("takes a competitor's name, strengths and weaknesses from its profile when the entry has none", () => {
    expect(plan.competitors[0]).toMatchObject({ name: 'Hooli Control', profiled: true, strengths: ['cheap'], weaknesses: ['no MES'], meetsCriteria: 'yes', pricePosition: 'below_market' });
  });

  it('names offerings from self.yaml and keeps unknown ones as written', () => {
    expect(plan.position.offerings).toEqual([{ id: 'plc', name: 'GX PLC' }, { id: 'other', name: 'other' }]);
  });

  it('marks a declared tier that differs from the computed one', () => {
    const p = planModel(inp, item({ analysis: { tier: 'ordinary' } }), 'p');
    expect(p.summary).toMatchObject({ tier: 'ordinary', declaredTier: 'key', tierDrift: true });
    expect(plan.summary.tierDrift).toBe(false);
  });

  it('uses the account currency when it has one', () => {
    expect(planModel(inp, item({ account: { currency: 'EUR' } }), 'p').currency).toBe('EUR');
    expect(plan.currency).toBe('CNY');
  });
});

describe('portfolioModel', () => {
  const accounts = [
    item({ account: { id: 'a', name: 'A' }, analysis: { tier: 'key', risk: { level: 'high', points: 7, reasons: [] } }, completeness: 60 }),
    item({ account: { id: 'b', name: 'B', team: { effort_share: 0.3 } }, analysis: { tier: 'key', scores: { attractiveness: 50, relationship: 50, value: 50, composite: 90 }, figures: { ...item().analysis.figures, effortShare: 0.3 } }, completeness: 100 }),
    item({ account: { id: 'c', name: 'C', team: {} }, analysis: { tier: 'prospect', risk: { level: 'low', points: 0, reasons: [] }, figures: { ...item().analysis.figures, effortShare: null } }, completeness: 50 }),
    item({ account: { id: 'd', name: 'D' }, analysis: { tier: 'ordinary', risk: { level: 'medium', points: 3, reasons: [] } }, completeness: null }),
  ];
  const model = portfolioModel(input(accounts), (id) => `accounts/${id}.md`, 'portfolio-matrix.svg');

  it('sorts accounts by composite score, then id', () => {
    expect(model.accounts.map((a) => a.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(model.accounts[0].href).toBe('accounts/b.md');
  });

  it('compares the tier distribution with 10/30/60', () => {
    expect(model.tiers.map((t) => [t.tier, t.count, t.share, t.reference])).toEqual([
      ['key', 2, 0.5, 0.1],
      ['ordinary', 1, 0.25, 0.3],
      ['prospect', 1, 0.25, 0.6],
    ]);
  });

  it("sums the key accounts' effort share against 60 %", () => {
    expect(model.effort.key).toBeCloseTo(0.52);
    expect(model.effort.reference).toBe(0.6);
    expect(model.effort.unknown).toEqual([]);
  });

  it('lists the riskiest accounts (with points) and the least complete plans (below 100 %)', () => {
    expect(model.riskiest.map((r) => r.id)).toEqual(['a', 'b', 'd']);
    expect(model.incomplete.map((r) => [r.id, r.completeness])).toEqual([['c', 50], ['a', 60]]);
  });

  it('has one matrix dot per account, with quadrant counts', () => {
    expect(model.matrix.dots.map((d) => d.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(model.matrix.quadrants.find((q) => q.quadrant === 'strategic')?.count).toBe(4);
  });
});

describe('matrixModel', () => {
  const scored = (id: string, a: number, r: number) => ({ id, name: `Account ${id}`, tier: 'key' as const, quadrant: 'strategic' as const, scores: { attractiveness: a, relationship: r, value: 0, composite: 0 } });

  it('puts A on the vertical axis and R on the horizontal one, split at the threshold', () => {
    const m = matrixModel({ quadrantThreshold: 60 }, [scored('x', 100, 0), scored('y', 0, 100)]);
    const x = m.dots.find((d) => d.id === 'x')!;
    const y = m.dots.find((d) => d.id === 'y')!;
    expect([x.cx, x.cy]).toEqual([m.plot.x, m.plot.y]);
    expect([y.cx, y.cy]).toEqual([m.plot.right, m.plot.bottom]);
    expect(m.threshold).toEqual({ value: 60, x: m.plot.x + 0.6 * m.plot.width, y: m.plot.y + 0.4 * m.plot.height });
  });

  const labelBoxes = (m: ReturnType<typeof matrixModel>) =>
    m.dots.filter((d) => d.labelled !== null).map((d) => ({ id: d.id, box: labelBox(d.label, d.labelX, d.labelY, d.anchor, labelSize(d.labelled!)) }));
  const overlapping = (m: ReturnType<typeof matrixModel>) => {
    const boxes = labelBoxes(m);
    const pairs: string[] = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i].box, boxes[j].box)) pairs.push(`${boxes[i].id}/${boxes[j].id}`);
    return pairs;
  };
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 100;
  // clustered, so that many labels must move and some cannot
  const portfolio = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ ...scored(`a${i}`, i % 3 === 0 ? 70 + random() / 10 : random(), i % 3 === 0 ? 40 + random() / 10 : random()), revenue: i % 7 === 0 ? null : 1000 + random() * 1000 }));

  it('labels dots at the same place apart, or numbers them', () => {
    const m = matrixModel({ quadrantThreshold: 50 }, [scored('a', 40, 40), scored('b', 40, 40), scored('c', 40, 40)]);
    expect(m.dots.every((d) => d.labelled === 'name')).toBe(true);
    expect(new Set(m.dots.map((d) => `${d.labelX},${d.labelY}`)).size).toBe(3);
    expect(overlapping(m)).toEqual([]);
  });

  it('makes bubble areas proportional to the latest revenue (unknown revenue: the smallest dot)', () => {
    const m = matrixModel({ quadrantThreshold: 50 }, [{ ...scored('big', 80, 80), revenue: 400 }, { ...scored('small', 20, 20), revenue: 100 }, { ...scored('none', 50, 20), revenue: null }]);
    const r = Object.fromEntries(m.dots.map((d) => [d.id, d.r]));
    expect((r.big / r.small) ** 2).toBeCloseTo(4, 1);
    expect(r.none).toBeLessThanOrEqual(r.small);
    expect(m.size?.revenue).toBe(400);
    expect(m.dots.map((d) => d.id)).toEqual(['big', 'small', 'none']);
  });

  it('writes out names that fit, numbers the long ones and keys them with the full name', () => {
    const long = 'Nordwerk Automotive Components (Suzhou) Co., Ltd.';
    const m = matrixModel({ quadrantThreshold: 50 }, [{ ...scored('n', 80, 40), name: long }, scored('s', 20, 80)]);
    expect(m.dots.find((d) => d.id === 's')).toMatchObject({ label: 'Account s', labelled: 'name', keyNumber: null });
    expect(m.dots.find((d) => d.id === 'n')).toMatchObject({ label: '1', labelled: 'number', keyNumber: 1 });
    expect(m.key).toEqual([{ keyNumber: 1, id: 'n', name: long, tier: 'key' }]);
  });

  it('leaves unassessed accounts off the matrix and lists them', () => {
    const m = matrixModel({ quadrantThreshold: 50 }, [scored('a', 50, 50), { ...scored('u', 50, 50), assessed: false }, { ...scored('n', 0, 0), scores: { attractiveness: null, relationship: 20, value: 0, composite: 0 } }]);
    expect(m.dots.map((d) => d.id)).toEqual(['a']);
    expect(m.unassessed.map((u) => u.id)).toEqual(['n', 'u']);
    expect(m.unassessedNames).toEqual(['Account n', 'Account u']);
  });

  for (const n of [1, 8, 300, 1000]) {
    it(`draws every one of ${n} accounts, labels without overlap inside the plot, numbers from 1 in the key`, () => {
      const m = matrixModel({ quadrantThreshold: 50 }, portfolio(n));
      expect(m.dots).toHaveLength(n);
      expect(overlapping(m)).toEqual([]);
      for (const { box } of labelBoxes(m)) {
        expect(box.x).toBeGreaterThanOrEqual(m.plot.x);
        expect(box.x + box.w).toBeLessThanOrEqual(m.plot.right);
        expect(box.y).toBeGreaterThanOrEqual(m.plot.y);
        expect(box.y + box.h).toBeLessThanOrEqual(m.plot.bottom);
      }
      expect(m.key.map((k) => k.keyNumber)).toEqual(m.key.map((_, i) => i + 1));
      expect(m.unlabelled).toBe(m.dots.filter((d) => d.labelled === null).length);
      if (n >= 300) expect(m.unlabelled).toBeGreaterThan(0);
      else expect(m.unlabelled).toBe(0);
    });
  }

  it('shortens long names, counting CJK characters double', () => {
    expect(shorten('Short')).toBe('Short');
    expect(shorten('Nordwerk Automotive Components (Suzhou) Co., Ltd.')).toBe('Nordwerk Automotive…');
    expect(shorten('宁川新能源电池有限公司')).toBe('宁川新能源电池有限公…');
  });
});
