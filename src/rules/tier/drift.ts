import { defineRule } from '../define.js';

/** Seed 000 "重点客户的确定": the tier the team believes against the one the scores give. */
export default defineRule({
  id: 'tier/drift',
  check: ({ account, tier }) => {
    const declared = account.assessment?.declared_tier;
    return declared === undefined || declared === tier
      ? []
      : [{ path: ['assessment', 'declared_tier'], message: `declared tier ${declared}, computed tier ${tier}` }];
  },
});
