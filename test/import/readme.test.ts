/** The README's Salesforce mapping table is the field list in src/import/salesforce.ts, row for row. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { salesforceFields } from '../../src/import/salesforce.js';
import { repoRoot } from '../helpers.js';

it('lists every recognised Salesforce field, its labels and where it goes, in order', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('| Salesforce field | also recognised as | goes to |');
  expect(start).toBeGreaterThan(0);
  const rows = readme
    .slice(start)
    .split('\n')
    .slice(2)
    .filter((_, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('|')))
    .map((line) => line.split('|').slice(1, -1).map((c) => c.trim()));
  const documented = rows.map(([api, labels, goes]) => ({
    api: api.replace(/`/g, ''),
    labels: labels === '' ? [] : labels.split(', '),
    target: /^`([^`]+)`/.exec(goes)?.[1] ?? goes,
  }));
  const goesTo = (f: (typeof salesforceFields)[number]) => (f.deleted ? 'the row is skipped when true' : f.system ? 'left out: it changes without an edit' : (f.target ?? `x-crm.${f.api}`));
  expect(documented).toEqual(salesforceFields.map((f) => ({ api: f.api, labels: [...f.labels], target: goesTo(f) })));
});

it('lists the Salesforce stages as src/import/stages.ts maps them, in order', async () => {
  const { standardStages } = await import('../../src/import/stages.js');
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('| Salesforce stage | kam stage |');
  expect(start).toBeGreaterThan(0);
  const rows = readme.slice(start).split('\n').slice(2);
  const table = rows.slice(0, rows.findIndex((l) => !l.startsWith('|'))).map((l) => l.split('|').slice(1, -1).map((c) => c.trim().replace(/`/g, '')));
  expect(table).toEqual(standardStages.map(([name, stage]) => [name, stage]));
});
