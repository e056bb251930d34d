import { defineRule } from '../define.js';

/** Seed 000: sales target, actual revenue, margin and profit by year. */
export default defineRule({
  id: 'plan/revenue',
  check: ({ account, today }) => {
    const year = Number(today.slice(0, 4));
    return (account.plan?.revenue_plan ?? []).some((entry) => entry.year === year)
      ? []
      : [{ path: ['plan', 'revenue_plan'], message: `no revenue plan for ${year}: add a plan.revenue_plan entry with year: ${year}` }];
  },
});
