import { defineRule } from '../define.js';

/** Seed 002 weapon 1: relationships at the top of the customer. */
export default defineRule({
  id: 'contacts/executive',
  check: ({ account }) =>
    (account.contacts ?? []).some((c) => c.level === 'executive')
      ? []
      : [{ path: ['contacts'], message: 'no executive-level contact: add one with level: executive' }],
});
