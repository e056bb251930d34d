import { yearOf } from '../../analysis/years.js';
import { defineRule } from '../define.js';

/** Seed 000: sales target, actual revenue, margin and profit by year; the year is the (fiscal) year today falls in. */
export default defineRule({
  id: 'plan/revenue',
  check: ({ account, today, config }) => {
    const year = yearOf(today, config.fiscal_year_start);
    return (account.plan?.revenue_plan ?? []).some((entry) => entry.year === year)
      ? []
      : [{ path: ['plan', 'revenue_plan'], message: `no revenue plan for ${year}: add a plan.revenue_plan entry with year: ${year}` }];
  },
});
