import { defineRule } from '../define.js';

/** Seed 000 "第五": objectives that can be measured and have a date. */
export default defineRule({
  id: 'plan/objectives',
  check: ({ account }) => {
    const objectives = account.plan?.objectives ?? [];
    if (objectives.some((o) => o.target !== undefined && o.due !== undefined)) return [];
    return [
      {
        path: ['plan', 'objectives'],
        message: objectives.length === 0 ? 'no objectives: add one with target and due' : 'no objective has both target and due',
      },
    ];
  },
});
