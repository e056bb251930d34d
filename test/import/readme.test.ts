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
    target: /^`([^`]+)`/.exec(goes)?.[1],
  }));
  expect(documented).toEqual(salesforceFields.map((f) => ({ api: f.api, labels: [...f.labels], target: f.target ?? `x-crm.${f.api}` })));
});
