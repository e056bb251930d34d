/** The README's rule table is documentation the tests hold: it must match `rules` exactly. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { allTiers } from '../src/rules/define.js';
import { rules } from '../src/rules/index.js';
import { repoRoot } from './helpers.js';

/** The rows of the first table in the `## Rules` section, cells trimmed. */
function ruleTable(markdown: string): string[][] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Rules\n'));
  if (!section) throw new Error('README.md has no "## Rules" section');
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  return rows.slice(2).map((line) => line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
}

it('the README rule table lists every rule with its tiers, default severity and requirement, in order', () => {
  const table = ruleTable(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
  const expected = rules.map((r) => [
    `\`${r.id}\``,
    allTiers.every((t) => r.tiers.includes(t)) ? 'all' : r.tiers.join(', '),
    r.severity,
    r.description,
  ]);
  expect(table).toEqual(expected);
});
