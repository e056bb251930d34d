import { defineRule } from '../define.js';
import { filled } from '../helpers.js';

/** Seed 000 "行政支持": a key account has an executive on our side behind it. */
export default defineRule({
  id: 'team/executive-sponsor',
  check: ({ account }) =>
    filled(account.team?.executive_sponsor)
      ? []
      : [{ path: ['team', 'executive_sponsor'], message: 'no executive sponsor: set team.executive_sponsor' }],
});
