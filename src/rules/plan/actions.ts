import { defineRule, type RuleFinding } from '../define.js';
import { filled, isOpen } from '../helpers.js';

/** Seed 000: task, owner, schedule, completion. An action without a status counts as planned. */
export default defineRule({
  id: 'plan/actions',
  check: ({ account }) => {
    const actions = account.plan?.actions ?? [];
    const out: RuleFinding[] = [];
    if (!actions.some(isOpen)) {
      out.push({
        path: ['plan', 'actions'],
        message: actions.length === 0 ? 'no actions: add an action with owner and due' : 'no open action: every action is done or dropped',
      });
    }
    actions.forEach((action, i) => {
      const missing = [...(filled(action.owner) ? [] : ['owner']), ...(action.due === undefined ? ['due'] : [])];
      if (missing.length) out.push({ path: ['plan', 'actions', i], message: `action "${action.task}" has no ${missing.join(' and no ')}` });
    });
    return out;
  },
});
