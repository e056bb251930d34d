import { daysBetween } from '../../today.js';
import { defineRule } from '../define.js';

/** Seed 002 weapon 2: relationships with the people who decide are kept warm. */
export default defineRule({
  id: 'contacts/stale',
  check: ({ account, today, config }) => {
    const limit = config.checks.contact_stale_days;
    return (account.contacts ?? []).flatMap((c, i) => {
      if (c.role !== 'decision_maker' && c.level !== 'executive') return [];
      const who = `${c.name} (${c.role === 'decision_maker' ? 'decision maker' : 'executive'})`;
      if (c.last_contact === undefined) return [{ path: ['contacts', i, 'last_contact'], message: `no last_contact for ${who}` }];
      const days = daysBetween(c.last_contact, today);
      return days > limit
        ? [{ path: ['contacts', i, 'last_contact'], message: `last contact with ${who} was ${days} days ago (limit ${limit})` }]
        : [];
    });
  },
});
