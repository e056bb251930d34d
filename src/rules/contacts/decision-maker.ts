import { defineRule } from '../define.js';

/** Seed 000 customer structure: decision makers, influencers, supporters. */
export default defineRule({
  id: 'contacts/decision-maker',
  check: ({ account }) =>
    (account.contacts ?? []).some((c) => c.role === 'decision_maker')
      ? []
      : [{ path: ['contacts'], message: 'no decision maker among the contacts: add one with role: decision_maker' }],
});
