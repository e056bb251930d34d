import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { AnalysisDelta } from '../../src/diff/analysis.js';
import type { WorkspaceDiff } from '../../src/diff/model.js';
import { diffRenderers } from '../../src/diff/render/index.js';
import { mdEscape } from '../../src/diff/render/md.js';

const chalk = new Chalk({ level: 0 });
const none = { objectives: { added: [], removed: [], redated: [] }, actions: { added: [], removed: [], closed: [], reopened: [], redated: [], reassigned: [] }, contacts: { added: [], removed: [] }, swot: {}, fields: [] };

const analysis: AnalysisDelta = {
  classes: [
    { name: 'tier', from: 'ordinary', to: 'key' },
    { name: 'abc', from: 'B', to: 'A' },
  ],
  scores: [{ name: 'composite', from: 60.2, to: 66.5, delta: 6.3 }],
  risk: { from: 'medium', to: 'high', appeared: [{ rule: 'risk/price', message: 'price above market' }], went: [] },
};

const diff: WorkspaceDiff = {
  base: { revision: 'main', commit: '0123456789abcdef0123456789abcdef01234567' },
  head: { revision: null, commit: null },
  analysed: true,
  summary: { added: 1, removed: 0, renamed: 0, changed: 1, files: 1, skipped: 0 },
  accounts: [
    { kind: 'changed', base: { id: 'initech', name: 'Initech', file: 'accounts/initech.yaml' }, account: { id: 'initech', name: 'Initech', file: 'accounts/initech.yaml' }, changes: none, analysis },
    { kind: 'added', account: { id: 'x', name: 'A | <b>B</b> $5 *C* `D`', file: 'accounts/x.yaml' }, analysis: { classes: [{ name: 'tier', from: null, to: 'prospect' }], scores: [], risk: null } },
  ],
  files: [{ file: 'kam.yaml', change: 'changed', fields: [{ kind: 'value', path: 'scoring.thresholds.key', from: 65, to: 60 }] }],
  skipped: [],
};

describe('diff renderers', () => {
  it('md: a class table when analysed, escaped values, analysis bullets', () => {
    expect(diffRenderers.md(diff, { chalk })).toBe(
      [
        '### kam diff: `main` (0123456) → the working tree',
        '',
        '**accounts: 1 changed, 1 added; 1 other file changed**',
        '',
        '| account | change | tier | abc | segment | quadrant | risk |',
        '|---|---|---|---|---|---|---|',
        '| `initech` Initech | changed | ordinary → **key** | B → **A** |  |  | medium → **high** |',
        '| `x` A \\| \\<b\\>B\\</b\\> \\$5 \\*C\\* \\`D\\` | added | – → **prospect** |  |  |  |  |',
        '',
        '#### `initech` Initech: changed',
        '',
        '- **analysis**',
        '  - ✏️ tier: ordinary → key',
        '  - ✏️ abc: B → A',
        '  - ✏️ composite: 60.2 → 66.5 (+6.3)',
        '  - ✏️ risk: medium → high',
        '  - ➕ risk reason: price above market (`risk/price`)',
        '',
        '#### `x` A \\| \\<b\\>B\\</b\\> \\$5 \\*C\\* \\`D\\`: added',
        '',
        '- new file `accounts/x.yaml`',
        '- **analysis**',
        '  - ✏️ tier: (none) → prospect',
        '',
        '#### Other files',
        '',
        '- `kam.yaml`: changed',
        '  - ✏️ `scoring.thresholds.key`: 65 → 60',
        '',
      ].join('\n'),
    );
  });

  it('text: analysis lines under the account', () => {
    const out = diffRenderers.text(diff, { chalk });
    expect(out).toContain(['~ initech Initech', '    analysis', '      ~ tier: ordinary → key', '      ~ abc: B → A', '      ~ composite: 60.2 → 66.5 (+6.3)', '      ~ risk: medium → high', '      + risk reason: price above market (risk/price)'].join('\n'));
    expect(out).toContain('~ kam.yaml (changed)\n      ~ scoring.thresholds.key: 65 → 60\n');
  });

  it('json: keys sorted at every level, same bytes every time', () => {
    const out = diffRenderers.json(diff, { chalk });
    expect(out).toBe(diffRenderers.json(structuredClone(diff), { chalk }));
    expect(Object.keys(JSON.parse(out).accounts[0].analysis)).toEqual(['classes', 'risk', 'scores']);
    expect(Object.keys(JSON.parse(out))).toEqual(['accounts', 'analysed', 'base', 'files', 'head', 'skipped', 'summary']);
  });

  it('mdEscape leaves plain text and dates alone', () => {
    expect(mdEscape('英泰科技 2026-12-31 (draft) #1')).toBe('英泰科技 2026-12-31 (draft) #1');
    expect(mdEscape('a\nb')).toBe('a b');
  });
});

describe('diff renderers: every section', () => {
  it('text: objectives, actions, contacts, SWOT and field kinds', () => {
    const changes = {
      objectives: {
        added: [{ key: 'win', text: 'Win line 4', due: '2027-03-31' }],
        removed: [{ key: 'old', text: 'Old goal', due: null }],
        redated: [{ key: 'grow', text: 'Grow', from: '2026-12-31', to: null }],
      },
      actions: {
        added: [{ task: 'Call', owner: '王磊', due: null, status: 'planned' }],
        removed: [{ task: 'Drop me', owner: null, due: null, status: null }],
        closed: [{ task: 'Workshop', from: null, to: 'dropped' as const }],
        reopened: [{ task: 'Review', from: 'done' as const, to: 'blocked' }],
        redated: [],
        reassigned: [{ task: 'Visit', from: null, to: '刘总' }],
      },
      contacts: { added: [], removed: ['王工'] },
      swot: { strengths: { added: ['新'], removed: [] } },
      fields: [
        { kind: 'items' as const, path: 'self.strengths', added: ['a'], removed: ['b'] },
        { kind: 'entry' as const, path: 'intel[rumour]', change: 'added' as const, value: { fact: 'rumour' } },
        { kind: 'value' as const, path: 'region', from: 'East', to: null },
      ],
    };
    const ref = { id: 'a', name: 'A', file: 'accounts/a.yaml' };
    const out = diffRenderers.text({ ...diff, analysed: false, files: [], summary: { ...diff.summary, added: 0, files: 0 }, accounts: [{ kind: 'changed', base: ref, account: ref, changes }] }, { chalk });
    expect(out).toBe(
      [
        'kam diff main (0123456) → the working tree',
        'accounts: 1 changed',
        '',
        '~ a A',
        '    objectives',
        '      + added Win line 4 (due 2027-03-31)',
        '      - removed Old goal',
        '      ~ re-dated Grow: 2026-12-31 → (none)',
        '    actions',
        '      + added Call (owner 王磊, status planned)',
        '      - removed Drop me',
        '      ✓ closed Workshop: (none) → dropped',
        '      ↺ reopened Review: done → blocked',
        '      ~ re-assigned Visit: (none) → 刘总',
        '    contacts',
        '      - removed 王工',
        '    SWOT',
        '      + strengths: 新',
        '    fields',
        '      ~ self.strengths: + a, - b',
        '      + intel[rumour] added',
        '      - region: East → (none)',
        '',
      ].join('\n'),
    );
  });
});
