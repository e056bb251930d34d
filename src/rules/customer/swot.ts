import { defineRule, type RuleFinding } from '../define.js';
import { someText } from '../helpers.js';

const parts = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;

/** Seed 000 "对客户进行全面分析": the customer's SWOT. */
export default defineRule({
  id: 'customer/swot',
  check: ({ account }): RuleFinding[] => {
    const swot = account.customer?.swot;
    if (!swot) return [{ path: ['customer', 'swot'], message: 'no SWOT: add customer.swot with strengths, weaknesses, opportunities and threats' }];
    return parts
      .filter((part) => !someText(swot[part]))
      .map((part) => ({ path: ['customer', 'swot', part], message: `SWOT ${part} empty: list at least one` }));
  },
});
