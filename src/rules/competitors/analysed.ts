import { defineRule } from '../define.js';
import { someText } from '../helpers.js';

/** Seed 000 "对竞争者进行全面分析"; seed 002 weapon 3. */
export default defineRule({
  id: 'competitors/analysed',
  check: ({ account, competitors }) => {
    const entries = account.competitors ?? [];
    const analysed = entries.some((entry) => {
      const profile = entry.ref === undefined ? undefined : competitors.get(entry.ref);
      const strengths = someText(entry.strengths) || someText(profile?.strengths);
      const weaknesses = someText(entry.weaknesses) || someText(profile?.weaknesses);
      return strengths && weaknesses;
    });
    if (analysed) return [];
    return [
      {
        path: ['competitors'],
        message:
          entries.length === 0
            ? 'no competitor analysed: add a competitor with strengths and weaknesses'
            : 'no competitor has both strengths and weaknesses (on the entry or in its profile)',
      },
    ];
  },
});
