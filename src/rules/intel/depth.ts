import { defineRule } from '../define.js';

/** Seed 000 four levels of information: a key account plan rests on private information (3) or the top's (4). */
export default defineRule({
  id: 'intel/depth',
  check: ({ account }) =>
    (account.intel ?? []).some((item) => item.level !== undefined && item.level >= 3)
      ? []
      : [{ path: ['intel'], message: 'shallow intel: no item of level 3 (from contacts) or 4 (from top decision makers)' }],
});
