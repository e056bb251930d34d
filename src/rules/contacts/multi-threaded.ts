import { defineRule } from '../define.js';
import { plural } from '../../util/plural.js';
import { filled } from '../helpers.js';

/** Seed 002 weapons 1, 2 and 8: many threads, at several levels, held by several of us. */
export default defineRule({
  id: 'contacts/multi-threaded',
  check: ({ account }) => {
    const contacts = account.contacts ?? [];
    const levels = new Set(contacts.flatMap((c) => (c.level ? [c.level] : [])));
    const owners = new Set(contacts.flatMap((c) => (filled(c.owner) ? [c.owner.trim()] : [])));
    const gaps = [
      ...(contacts.length < 3 ? [plural(contacts.length, 'contact')] : []),
      ...(levels.size < 2 ? [`${plural(levels.size, 'level')} (${[...levels].join(', ') || 'none given'})`] : []),
      ...(owners.size < 2 ? [`${plural(owners.size, 'owner')} on our side${owners.size ? ` (${[...owners].join(', ')})` : ''}`] : []),
    ];
    return gaps.length === 0
      ? []
      : [{ path: ['contacts'], message: `single-threaded: ${gaps.join(', ')}; need 3 contacts at 2 levels held by 2 people` }];
  },
});
