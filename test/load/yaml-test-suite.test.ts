/**
 * The official YAML test suite (github.com/yaml/yaml-test-suite, MIT, copied with its licence into
 * test/fixtures/yaml-test-suite/): every case the suite marks as an error is reported with a
 * `yaml/` code and a line; no valid case gets a YAML error. A plan file is one mapping with text
 * keys, so valid YAML that cannot be one plan file is reported under kam's own file rules, each
 * named here with its reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/load/read.js';
import { loadDoc } from '../../src/load/workspace.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'yaml-test-suite');
const cases = readFileSync(join(dir, 'manifest.tsv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split('\t') as [string, 'ok' | 'error']);

const yamlFindings = (id: string) =>
  loadDoc('account', `accounts/${id}.yaml`, decode(readFileSync(join(dir, `${id}.yaml`)))).findings.filter((f) => f.rule.startsWith('yaml/'));

/**
 * kam's file rules that valid YAML can break: a second document in the file, a mapping key that
 * is a list or a mapping (a plan's keys are text; js-yaml would join it into a string), two
 * empty keys in one mapping (both would become the key "", one value lost), and a file that holds
 * no value at all (comments only: a plan file holds a mapping).
 */
const FILE_RULES = new Set(['yaml/multiple-docs', 'yaml/non-string-key', 'yaml/duplicate-key', 'yaml/empty']);

describe('the YAML test suite', () => {
  it('holds its 402 cases (94 errors)', () => {
    expect(cases).toHaveLength(402);
    expect(cases.filter(([, kind]) => kind === 'error')).toHaveLength(94);
  });

  it('reports every error case with a yaml/ code and a line', () => {
    const missed = cases.filter(([id, kind]) => kind === 'error' && !yamlFindings(id).some((f) => f.line >= 1 && f.column >= 1)).map(([id]) => id);
    expect(missed).toEqual([]);
  });

  it('gives no valid case a YAML error, only the file rules of a plan', () => {
    const flagged = cases.flatMap(([id, kind]) => (kind === 'ok' ? yamlFindings(id).filter((f) => !FILE_RULES.has(f.rule)).map((f) => `${id}: ${f.rule} ${f.message}`) : []));
    expect(flagged).toEqual([]);
  });

  it('applies the file rules to valid cases only where the YAML breaks them', () => {
    const byRule = new Map<string, string[]>();
    for (const [id, kind] of cases) {
      if (kind !== 'ok') continue;
      for (const f of yamlFindings(id)) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), id]);
    }
    for (const id of byRule.get('yaml/multiple-docs') ?? []) expect(readFileSync(join(dir, `${id}.yaml`), 'utf8'), id).toMatch(/^(---|\.\.\.)/m);
    for (const id of byRule.get('yaml/non-string-key') ?? []) expect(readFileSync(join(dir, `${id}.yaml`), 'utf8'), id).toMatch(/[\]}]\s*:|\?/);
    for (const id of byRule.get('yaml/empty') ?? []) expect(loadDoc('account', 'x.yaml', decode(readFileSync(join(dir, `${id}.yaml`)))).raw ?? null, id).toBeNull();
    expect(byRule.get('yaml/duplicate-key')).toEqual(['yts-2jqs']);
  });
});
