import { defineRule, type RuleFinding } from '../define.js';
import { someText } from '../helpers.js';

/** Seed 000 "分析自身": our strengths and weaknesses at this customer and its lifecycle stage. */
export default defineRule({
  id: 'self/analysis',
  check: ({ account }) => {
    const out: RuleFinding[] = [];
    if (!someText(account.self?.strengths)) out.push({ path: ['self', 'strengths'], message: 'our strengths at this account not listed: set self.strengths' });
    if (!someText(account.self?.weaknesses)) out.push({ path: ['self', 'weaknesses'], message: 'our weaknesses at this account not listed: set self.weaknesses' });
    if (account.assessment?.lifecycle === undefined) out.push({ path: ['assessment', 'lifecycle'], message: 'lifecycle stage not assessed: set assessment.lifecycle' });
    return out;
  },
});
