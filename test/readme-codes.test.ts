/** The README's tables of finding codes are documentation the tests hold: they must match `src/codes.ts`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { codeList, codes, groupOf, isCode } from '../src/codes.js';
import { repoRoot } from './helpers.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** The rows of the first table after `heading` (a whole line), cells trimmed. */
function tableAfter(markdown: string, heading: string): string[][] {
  const at = markdown.split('\n').indexOf(heading);
  if (at < 0) throw new Error(`README.md has no "${heading}" heading`);
  const lines = markdown.split('\n').slice(at + 1);
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows = lines.slice(start, lines.findIndex((l, i) => i > start && !l.startsWith('|')));
  return rows.slice(2).map((line) => line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
}

it('the finding codes table lists every yaml/, schema/ and config/ code with its default severity and requirement, in order', () => {
  const expected = codeList
    .filter((c) => ['yaml', 'schema', 'config'].includes(groupOf(c)))
    .map((c) => [`\`${c}\``, String(codes[c].severity), codes[c].description.en]);
  expect(tableAfter(readme, '## Finding codes')).toEqual(expected);
});

it('the defection risk table lists every risk/ code, in order', () => {
  const ids = tableAfter(readme, '### Defection risk').map((row) => row[0]);
  expect(ids).toEqual(codeList.filter((c) => groupOf(c) === 'risk').map((c) => `\`${c}\``));
});

it('the README names no code that is not in the catalogue', () => {
  // every code prefix (yaml, schema, ..., and the rule groups: team, plan, ...)
  const prefixes = [...new Set(codeList.map((c) => c.slice(0, c.indexOf('/'))))];
  const pattern = new RegExp(`\`((?:${prefixes.join('|')})/[a-z0-9-]+)\``, 'g');
  const named = [...readme.matchAll(pattern)].map((m) => m[1]);
  expect(named.length).toBeGreaterThan(codeList.length);
  expect(named.filter((c) => !isCode(c))).toEqual([]);
});

it('the README names every code of the catalogue', () => {
  expect(codeList.filter((c) => !readme.includes(`\`${c}\``))).toEqual([]);
});
