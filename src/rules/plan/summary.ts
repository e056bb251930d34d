import { defineRule } from '../define.js';
import { filled } from '../helpers.js';

/** Seed 000 plan part 1: the overall objective and direction. */
export default defineRule({
  id: 'plan/summary',
  check: ({ account }) =>
    filled(account.plan?.summary) ? [] : [{ path: ['plan', 'summary'], message: 'no plan summary: set plan.summary (objective and direction)' }],
});
