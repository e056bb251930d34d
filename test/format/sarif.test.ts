import { describe, expect, it } from 'vitest';
import { SARIF_SCHEMA, sarif } from '../../src/format/sarif.js';
import { ctx, findings, rules } from './findings.js';

describe('sarif format', () => {
  const log = JSON.parse(sarif(findings, ctx));
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log of one kam run', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'kam', version: '9.8.7' });
  });

  it('describes the context rules, then the built-in rules that occur, sorted', () => {
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual([...rules.map((r) => r.id), 'schema/unknown-key', 'yaml/duplicate-key']);
    expect(run.tool.driver.rules[0]).toEqual({
      id: 'team/account-lead',
      shortDescription: { text: 'Key and ordinary accounts name an account lead' },
      defaultConfiguration: { level: 'error' },
      properties: { tiers: ['key', 'ordinary'] },
    });
    expect(run.tool.driver.rules[1].defaultConfiguration.level).toBe('warning');
    expect(run.tool.driver.rules[4]).toEqual({
      id: 'schema/unknown-key',
      shortDescription: { text: 'No keys beyond those of the format reference (except keys starting with x-)' },
      defaultConfiguration: { level: 'error' },
    });
    expect(run.tool.driver.rules[5].shortDescription.text).toBe('The file is well-formed YAML (duplicate key)');
  });

  it('gives one result per finding at its file, line and column, pointing at its rule', () => {
    expect(run.results).toHaveLength(findings.length);
    run.results.forEach((r: any, i: number) => {
      const f = findings[i];
      expect(r.ruleId).toBe(f.rule);
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(f.rule);
      expect(r.level).toBe(f.severity === 'error' ? 'error' : 'warning');
      expect(r.message.text).toBe(f.message);
      expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: f.file }, region: { startLine: f.line, startColumn: f.column } });
    });
    expect(run.results[4].properties).toBeUndefined();
    expect(run.results[2].properties).toEqual({ account: 'initech' });
  });

  it('prints the same bytes for the same input', () => {
    expect(sarif(findings, ctx)).toMatchSnapshot();
  });

  it('is a valid log with no results for a clean run', () => {
    const clean = JSON.parse(sarif([], ctx));
    expect(clean.runs[0].results).toEqual([]);
    expect(clean.runs[0].tool.driver.rules).toHaveLength(rules.length);
  });
});
