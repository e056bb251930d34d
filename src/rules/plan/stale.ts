import { daysBetween } from '../../today.js';
import { defineRule } from '../define.js';

/** Seed 000: the plan is reviewed regularly; how often depends on the tier (`checks.stale_after_days`). */
export default defineRule({
  id: 'plan/stale',
  check: ({ account, tier, today, config }) => {
    if (tier === 'prospect') return [];
    const limit = config.checks.stale_after_days[tier];
    if (account.reviewed === undefined) return [{ path: ['reviewed'], message: `never reviewed: set reviewed to the date of the last plan review` }];
    const days = daysBetween(account.reviewed, today);
    return days > limit ? [{ path: ['reviewed'], message: `plan last reviewed ${days} days ago (limit for ${tier} accounts ${limit})` }] : [];
  },
});
