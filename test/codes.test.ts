/** The catalogue of finding codes (`src/codes.ts`) against the code that produces the findings. */
import { describe, expect, it } from 'vitest';
import { MAX_ISSUE_POINTS, REVENUE_DROP, SATISFACTION_FLOOR, riskRules } from '../src/analysis/risk.js';
import { codeList, codes, groupOf, parserCode, parserErrors } from '../src/codes.js';
import { parseYaml } from '../src/load/parse.js';
import { allTiers } from '../src/rules/define.js';
import { rules } from '../src/rules/index.js';

const CJK = /[\u4e00-\u9fff]/;

describe('the catalogue', () => {
  it('gives every code a description and a fix in English and Chinese', () => {
    for (const code of codeList) {
      const info = codes[code];
      for (const t of [info.description, info.fix]) {
        expect(t.en.trim(), code).not.toBe('');
        expect(t.zh, code).toMatch(CJK);
        expect(t.en, code).not.toMatch(CJK);
      }
    }
  });

  it('describes each completeness rule as the rule object does, in the rules list order', () => {
    const ruleCodes = codeList.filter((c) => groupOf(c) === 'rules');
    expect(ruleCodes).toEqual(rules.map((r) => r.id));
    for (const r of rules) {
      const info = codes[r.id];
      expect([r.description, r.severity, r.tiers]).toEqual([info.description.en, info.severity, info.tiers]);
      expect(r.tiers.every((t) => allTiers.includes(t))).toBe(true);
    }
  });

  it('has the nine risk rules, in order, and their descriptions carry the figures the rules use', () => {
    expect(codeList.filter((c) => groupOf(c) === 'risk')).toEqual(riskRules.map((r) => r.id));
    expect(riskRules.map((r) => r.description)).toEqual(riskRules.map((r) => codes[r.id].description.en));
    expect(codes['risk/open-issues'].description.en).toContain(`at most +${MAX_ISSUE_POINTS}`);
    expect(codes['risk/satisfaction'].description.en).toContain(`below ${SATISFACTION_FLOOR}`);
    expect(codes['risk/revenue-drop'].description.en).toContain(`${REVENUE_DROP * 100} %`);
    for (const r of riskRules) expect(codes[r.id].severity).toBeNull();
  });

  it('names every parser error as yaml/<kebab-case>', () => {
    for (const e of parserErrors) expect(codes[parserCode(e)]).toBeDefined();
    expect(parserCode('KEY_OVER_1024_CHARS')).toBe('yaml/key-over-1024-chars');
  });

  it('holds the codes the loader reports for broken files', () => {
    const cases = ['a: 1\na: 2\n', 'a:\n\tb: 1\n', 'a: 1\n---\nb: 2\n', 'a: [1, 2\n', 'a: "x\n'];
    for (const text of cases) {
      const { problems } = parseYaml(text, true);
      expect(problems.length, text).toBeGreaterThan(0);
      for (const p of problems) expect(codes[p.rule], p.rule).toBeDefined();
    }
  });
});

describe('SARIF rule metadata', () => {
  it('describes a built-in check that occurs from the catalogue', async () => {
    const { sarif } = await import('../src/format/sarif.js');
    const { Chalk } = await import('chalk');
    const at = { file: 'kam.yaml', line: 3, column: 3, severity: 'error' as const, message: 'x', account: null };
    const log = JSON.parse(sarif([{ ...at, rule: 'config/unknown-rule' }, { ...at, rule: 'yaml/encoding' }], { chalk: new Chalk({ level: 0 }), version: '0.0.0', rules: [] }));
    const described = log.runs[0].tool.driver.rules.map((r: { id: string; shortDescription: { text: string } }) => [r.id, r.shortDescription.text]);
    expect(described).toEqual([
      ['config/unknown-rule', codes['config/unknown-rule'].description.en],
      ['yaml/encoding', 'The file is UTF-8'],
    ]);
  });
});
