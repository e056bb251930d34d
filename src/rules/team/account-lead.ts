import { defineRule } from '../define.js';
import { filled } from '../helpers.js';

/** Seed 004 "DELTA", scenario 1: exactly one person faces the customer. */
export default defineRule({
  id: 'team/account-lead',
  check: ({ account }) =>
    filled(account.team?.account_lead) ? [] : [{ path: ['team', 'account_lead'], message: 'no account lead: set team.account_lead' }],
});
