import { describe, expect, it } from 'vitest';
import { example, kam, kamProcess, tempWorkspace } from '../helpers.js';

/** Display width the way a terminal counts it: CJK and full-width forms take two columns. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const width = (s: string) => [...s].reduce((w, c) => w + (WIDE.test(c) ? 2 : 1), 0);
/** Display columns at which the table's vertical borders stand on each line. */
const borders = (line: string) => {
  const at: number[] = [];
  let col = 0;
  for (const c of line) {
    if ('│┌┐└┘├┤┬┴┼'.includes(c)) at.push(col);
    col += WIDE.test(c) ? 2 : 1;
  }
  return at;
};
const tableLines = (stdout: string) => stdout.split('\n').filter((l) => /^[│┌├└]/.test(l));

describe('kam score', () => {
  it('prints the table and the portfolio view for the example, exit 0', async () => {
    const r = await kam(['score', '-C', example]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = tableLines(r.stdout).filter((l) => l.startsWith('│'));
    expect(rows[0].split('│').map((c) => c.trim()).filter(Boolean)).toEqual(['id', 'name', 'A', 'R', 'V', 'S', 'tier', 'abc', 'segment', 'quadrant', 'risk', 'complete']);
    const cells = rows.slice(1).map((l) => l.split('│').map((c) => c.trim()).filter(Boolean));
    expect(cells.map((c) => c[0])).toEqual([
      'baiao-pharma', 'jinhe-foods', 'kaisheng-solar', 'meridian-medical', 'ningchuan-battery', 'nordwerk-automotive', 'pacific-packaging', 'yingtai-tech',
    ]);
    expect(cells[4]).toEqual(['ningchuan-battery', '宁川新能源电池有限公司', '85.0', '90.0', '100.0', '91.3', 'key', 'A', 'VIP', 'strategic', 'low 2', '100 %']);
    expect(cells[5]).toEqual(['nordwerk-automotive', 'Nordwerk Automotive Components (Suzhou) Co., Ltd.', '85.0', '41.0', '71.4', '71.5', 'key', 'A', 'VIP', 'star', 'high 13', '62 %']);
    expect(cells[7].slice(2, 7)).toEqual(['85.0', '82.0', '85.7', '84.7', 'key']);
    expect(r.stdout).toContain(
      [
        'Portfolio: 8 accounts, as of 2026-11-01',
        '  tier      count    share',
        '  key           3   37.5 %  (reference 10.0 %)',
        '  ordinary      3   37.5 %  (reference 30.0 %)',
        '  prospect      2   25.0 %  (reference 60.0 %)',
        "  key accounts' effort share: 55.0 % of sales time (reference 60.0 %)",
      ].join('\n'),
    );
  });

  it('lines up Chinese names: every border at the same display column', async () => {
    const r = await kam(['score', '-C', example]);
    const lines = tableLines(r.stdout);
    expect(lines.some((l) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
    const first = borders(lines[0]);
    expect(first).toHaveLength(13);
    for (const line of lines) {
      expect(borders(line)).toEqual(first);
      expect(width(line)).toBe(width(lines[0]));
    }
  });

  it('prints no colour when not a TTY, colours tier and risk with FORCE_COLOR', async () => {
    expect((await kam(['score', '-C', example])).stdout).not.toContain('\u001b[');
    const r = await kam(['score', '-C', example, '--tier', 'key', '--sort', 'risk'], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[31m\u001b[1mhigh 13'); // red bold
    expect(r.stdout).toContain('\u001b[32m\u001b[1mkey'); // green bold
    expect((await kam(['score', '-C', example], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await kam(['score', '-C', example], { env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('sorts by a column: numbers highest first, tier key first, risk most points first, ties by id', async () => {
    const ids = async (...flags: string[]) =>
      tableLines((await kam(['score', '-C', example, ...flags])).stdout)
        .filter((l) => l.startsWith('│'))
        .slice(1)
        .map((l) => l.split('│')[1].trim());
    expect(await ids('--sort', 'composite')).toEqual([
      'ningchuan-battery', 'yingtai-tech', 'nordwerk-automotive', 'jinhe-foods', 'baiao-pharma', 'pacific-packaging', 'kaisheng-solar', 'meridian-medical',
    ]);
    expect(await ids('--sort', 'risk')).toEqual([
      'nordwerk-automotive', 'baiao-pharma', 'kaisheng-solar', 'meridian-medical', 'jinhe-foods', 'ningchuan-battery', 'pacific-packaging', 'yingtai-tech',
    ]);
    expect((await ids('--sort', 'tier')).slice(0, 3)).toEqual(['ningchuan-battery', 'nordwerk-automotive', 'yingtai-tech']);
    expect((await ids('--sort', 'name'))[0]).toBe('meridian-medical'); // Latin before CJK
  });

  it('rejects an unknown sort column with a usage error listing the columns', async () => {
    const r = await kam(['score', '-C', example, '--sort', 'score']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kam: --sort must be one of id, name, attractiveness, relationship, value, composite, tier, abc, segment, quadrant, risk, completeness; got "score"\n');
    expect((await kam(['score', '-C', example, '--json', '--sort', 'score'])).code).toBe(2);
  });

  it('lists every sort column in its help', async () => {
    const r = await kam(['score', '--help']);
    const { sortColumns } = await import('../../src/cli/score-view.js');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`(${sortColumns.join(', ')})`);
  });

  it('filters by tier; an unknown tier is a usage error', async () => {
    const r = await kam(['score', '-C', example, '--tier', 'prospect', '--json']);
    expect(JSON.parse(r.stdout).map((a: { id: string }) => a.id)).toEqual(['kaisheng-solar', 'meridian-medical']);
    const table = await kam(['score', '-C', example, '--tier', 'ordinary']);
    expect(tableLines(table.stdout).filter((l) => l.startsWith('│'))).toHaveLength(4);
    expect(table.stdout).toContain('Portfolio: 8 accounts'); // the portfolio view covers all accounts
    const bad = await kam(['score', '-C', example, '--tier', 'vip']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('kam: --tier must be one of key, ordinary, prospect; got "vip"\n');
  });

  it('prints JSON by the contract: sorted by id, scores rounded to one decimal, risk reasons, breakdown', async () => {
    const r = await kam(['score', '-C', example, '--json', '--sort', 'composite']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.map((a: { id: string }) => a.id)).toEqual([...out.map((a: { id: string }) => a.id)].sort());
    for (const a of out) {
      expect(Object.keys(a)).toEqual(['id', 'name', 'scores', 'tier', 'abc', 'segment', 'quadrant', 'unassessed', 'risk', 'breakdown', 'figures', 'completeness']);
      expect(Object.keys(a.scores)).toEqual(['attractiveness', 'relationship', 'value', 'composite']);
      for (const s of Object.values(a.scores) as number[]) expect(Math.round(s * 10) / 10).toBe(s);
      expect(Object.keys(a.breakdown)).toEqual(['attractiveness', 'relationship', 'value', 'composite', 'tier', 'abc', 'segment', 'quadrant']);
    }
    const nord = out.find((a: { id: string }) => a.id === 'nordwerk-automotive');
    expect(nord).toMatchObject({
      name: 'Nordwerk Automotive Components (Suzhou) Co., Ltd.',
      scores: { attractiveness: 85, relationship: 41, value: 71.4, composite: 71.5 },
      tier: 'key',
      abc: 'A',
      segment: 'VIP',
      quadrant: 'star',
      risk: { level: 'high', points: 13 },
    });
    expect(nord.risk.reasons[0]).toEqual({
      rule: 'risk/criteria',
      points: 4,
      message: 'a competitor meets the purchase criteria and we do not (globex)',
      path: ['self', 'meets_criteria'],
    });
    expect(nord.risk.reasons.map((x: { rule: string }) => x.rule)).toEqual([
      'risk/criteria', 'risk/relationship', 'risk/lifecycle', 'risk/single-threaded', 'risk/open-issues', 'risk/satisfaction', 'risk/revenue-drop', 'risk/price',
    ]);
    expect(nord.breakdown.attractiveness.explain).toBe('attractiveness 85 = 0.4 x high + 0.3 x volume:high + 0.3 x margin:medium');
    expect(nord.breakdown.value.score).toBe(71.4);
    expect(nord.breakdown.composite.factors[1]).toEqual({ name: 'V', input: 71.4, value: 0.7143, weight: 0.35, points: 25 });
    expect(out.find((a: { id: string }) => a.id === 'yingtai-tech').scores.composite).toBe(84.7);
    expect(out.find((a: { id: string }) => a.id === 'ningchuan-battery').figures).toMatchObject({ latestRevenue: 6_800_000, profit: 1_688_000, weightedPipeline: 3_240_000 });
  });

  it('reports invalid account files on stderr, leaves them out of scoring and exits 1', async () => {
    const root = tempWorkspace({
      'kam.yaml': 'version: 1\nas_of: 2026-11-01\n',
      'accounts/good.yaml': 'id: good\nname: 好客户\nfinancials: { revenue: { 2025: 100 } }\n',
      'accounts/bad.yaml': 'id: bad\nname: Bad\nfinancials: { revenue: { 2025: lots } }\n',
    });
    const r = await kam(['score', '-C', root, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.map((a: { id: string }) => a.id)).toEqual(['good']);
    expect(out[0].scores.value).toBe(100); // ranked among the valid accounts only
    expect(r.stderr).toContain('accounts/bad.yaml');
    expect(r.stderr).toMatch(/3:\d+ +error +`2025` must be a number/);
    expect(r.stderr).toContain('1 invalid account file was left out of scoring.');
    const table = await kam(['score', '-C', root]);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('好客户');
    expect(table.stdout).not.toContain('│ bad');
  });

  it('takes today from --as-of, else kam.yaml as_of, else the system date', async () => {
    const root = tempWorkspace({
      'kam.yaml': 'version: 1\nas_of: 2026-10-10\n',
      'accounts/a.yaml': 'id: a\nname: A\nservice: { issues: [ { id: Q-1, opened: 2026-10-01 } ] }\n',
    });
    const rules = async (argv: string[], today?: string) => JSON.parse((await kam(['score', '-C', root, '--json', ...argv], { today })).stdout)[0].risk.reasons.map((x: { rule: string }) => x.rule);
    expect(await rules([])).not.toContain('risk/open-issues');
    expect(await rules(['--as-of', '2026-11-01'])).toContain('risk/open-issues');
    const noAsOf = tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\nservice: { issues: [ { id: Q-1, opened: 2026-10-01 } ] }\n' });
    const sys = async (today: string) => JSON.parse((await kam(['score', '-C', noAsOf, '--json'], { today })).stdout)[0].risk.points;
    expect(await sys('2026-10-10')).toBe(4);
    expect(await sys('2026-12-01')).toBe(5);
    const bad = await kam(['score', '-C', root, '--as-of', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('kam: --as-of must be a real date written YYYY-MM-DD, not "2026-02-30"\n');
  });

  it('follows kam.yaml scoring weights and thresholds', async () => {
    const files = {
      'accounts/a.yaml': 'id: a\nname: A\nfinancials: { revenue: { 2025: 100 } }\nassessment: { attractiveness: high, potential: { volume: low, margin: low } }\n',
      'accounts/b.yaml': 'id: b\nname: B\nfinancials: { revenue: { 2025: 300 } }\n',
    };
    const plain = JSON.parse((await kam(['score', '-C', tempWorkspace(files), '--json'])).stdout)[0];
    expect(plain).toMatchObject({ scores: { attractiveness: 40, value: 0, composite: 18 }, tier: 'ordinary' });
    const custom = tempWorkspace({
      ...files,
      'kam.yaml': 'version: 1\nscoring:\n  weights:\n    attractiveness: { attractiveness: 40, volume: 0, margin: 0 }\n    composite: { attractiveness: 9, value: 1, relationship: 0 }\n  thresholds: { key: 90 }\n',
    });
    const r = await kam(['score', '-C', custom, '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout)[0];
    expect(a).toMatchObject({ scores: { attractiveness: 100, composite: 90 }, tier: 'key' });
    expect(a.breakdown.composite.explain).toBe('composite 90 = 0.9 x A:100 + 0.1 x V:0 + 0 x R:0');
  });

  it('says so when there is nothing to score', async () => {
    const r = await kam(['score', '-C', tempWorkspace({ 'kam.yaml': 'version: 1\n' })]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No valid accounts to score.');
    expect((await kam(['score', '-C', tempWorkspace({ 'kam.yaml': 'version: 1\n' }), '--json'])).stdout).toBe('[]\n');
    expect((await kam(['score', '-C', example, '--tier', 'key', '--json'])).code).toBe(0);
  });

  it('runs as a real process', () => {
    const r = kamProcess(['score', '-C', example, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(8);
  });
});

describe('kam.yaml scoring settings', () => {
  it('reports a non-number weight and out-of-range thresholds at kam.yaml:line:col', async () => {
    const root = tempWorkspace({
      'kam.yaml': [
        'version: 1',
        'scoring:',
        '  weights:',
        '    attractiveness: { attractiveness: high }',
        '    relationship: { state: 0, level: 0, coverage: 0 }',
        '    composite: { value: -1 }',
        '  thresholds:',
        '    key: 120',
        '    abc: { a: 0.9, b: 0.8 }',
        '    quadrant: -3',
        '',
      ].join('\n'),
    });
    const r = await kam(['validate', '-C', root, '--format', 'json']);
    expect(r.code).toBe(1);
    const at = JSON.parse(r.stdout).map((f: { line: number; column: number; rule: string; message: string }) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(at).toEqual([
      '4:39 schema/type `attractiveness` must be a number, not text "high"',
      '5:5 schema/invalid `relationship` weights must not all be 0: give at least one weight above 0',
      '6:25 schema/range `value` must be at least 0; got the number -1',
      '8:10 schema/range `key` must be at most 100; got the number 120',
      '9:15 schema/invalid `a` must not be greater than `b`',
      '10:15 schema/range `quadrant` must be at least 0; got the number -3',
    ]);
    const s = await kam(['score', '-C', root]);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('kam.yaml');
  });
});

describe('kam score completeness', () => {
  it('shows each plan’s completeness (share of its tier’s rules passed) in the table and the JSON', async () => {
    const json = await kam(['score', '-C', example, '--json']);
    const byId = Object.fromEntries(JSON.parse(json.stdout).map((a: { id: string; completeness: number }) => [a.id, a.completeness]));
    // nordwerk fails 8 of the 21 key rules; baiao 2 of 10 ordinary rules; jinhe passes all
    expect(byId['nordwerk-automotive']).toBe(61.9);
    expect(byId['baiao-pharma']).toBe(80);
    expect(byId['jinhe-foods']).toBe(100);
    const sorted = await kam(['score', '-C', example, '--sort', 'completeness']);
    const firstRow = sorted.stdout.split('\n').find((l) => l.includes('-') && l.startsWith('│'));
    expect(firstRow).toContain('nordwerk-automotive');
    expect(firstRow).toMatch(/62 %/);
  });
});
