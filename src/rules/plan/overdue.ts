import { defineRule } from '../define.js';
import { isOpen } from '../helpers.js';

/** Seed 000: the action plan is followed up; an open action past its date is overdue. */
export default defineRule({
  id: 'plan/overdue',
  check: ({ account, today }) =>
    (account.plan?.actions ?? []).flatMap((action, i) =>
      isOpen(action) && action.due !== undefined && action.due < today
        ? [{ path: ['plan', 'actions', i, 'due'], message: `action "${action.task}" was due ${action.due} and is ${action.status ?? 'planned'}` }]
        : [],
    ),
});
