/** The formula lines under the scores: English as the analysis explains them, Chinese by its labels. */
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { accountYaml } from '../../bench/generate.js';
import { analyseWorkspace } from '../../src/analysis/index.js';
import { formulaLines } from '../../src/report/formula.js';
import { labelsFor } from '../../src/report/labels/index.js';
import type { Account } from '../../src/schema/account.js';
import { defaultConfig } from '../../src/schema/config.js';

// 300 generated accounts: every rating, relationship state and level, unknown inputs, equal revenues
const parsed = (text: string): Account | undefined => {
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) as Account;
  } catch {
    return undefined; // the generator breaks a few files on purpose
  }
};
const accounts = Array.from({ length: 300 }, (_, i) => parsed(accountYaml(i + 1))).filter(
  (a): a is Account => typeof a?.id === 'string' && ['high', 'medium', 'low', undefined].includes(a.assessment?.attractiveness),
);

describe('formulaLines', () => {
  const analysed = analyseWorkspace(accounts, defaultConfig(), '2026-11-01').accounts;

  it('writes in English exactly the explanations of the analysis (kam score --json)', () => {
    expect(analysed.length).toBeGreaterThan(250);
    for (const { breakdown: b } of analysed) {
      expect(formulaLines(b, labelsFor('en'))).toEqual({
        attractiveness: b.attractiveness.explain,
        relationship: b.relationship.explain,
        value: b.value.explain,
        composite: b.composite.explain,
      });
    }
  });

  it('writes the only account and an unknown revenue as the analysis does', () => {
    const [only] = analyseWorkspace([{ ...accounts[0], financials: {} }], defaultConfig(), '2026-11-01').accounts;
    expect(formulaLines(only.breakdown, labelsFor('en')).value).toBe(only.breakdown.value.explain);
    const [, second] = analyseWorkspace([accounts[0], { ...accounts[1], financials: {} }], defaultConfig(), '2026-11-01').accounts;
    expect(formulaLines(second.breakdown, labelsFor('en')).value).toBe(second.breakdown.value.explain);
    expect(formulaLines(second.breakdown, labelsFor('zh')).value).toContain('按最近收入 未知（按 0 计）');
  });

  it('writes Chinese names and values, with no English word left', () => {
    for (const { breakdown: b } of analysed.slice(0, 50)) {
      const lines = formulaLines(b, labelsFor('zh'));
      expect(lines.attractiveness).toMatch(/^吸引力 [\d.]+ = /);
      expect(lines.relationship).toMatch(/^关系强度 [\d.]+ = .*覆盖度：\d\/5$/);
      expect(lines.composite).toMatch(/^综合得分 [\d.]+ = [\d.]+ × A：/);
      for (const line of Object.values(lines)) expect(line).not.toMatch(/[a-z]{2,}/);
    }
  });
});
