import { unassessed } from '../../analysis/scores.js';
import { defineRule } from '../define.js';

/** The inputs of A and R, as an assessment writes them. */
const inputs = ['attractiveness', 'potential.volume', 'potential.margin', 'relationship', 'relationship_level'] as const;

/**
 * An account without an assessment (what every import creates) has unknown A and R: it is not on
 * the matrix and its tier is the one its figures guarantee. Its plan is not complete until it is
 * assessed.
 */
export default defineRule({
  id: 'assessment/missing',
  check: ({ account }) =>
    unassessed(account)
      ? [
          {
            path: ['assessment'],
            message: `not assessed: fill in ${inputs.map((i) => `assessment.${i}`).join(', ')} (A and R are unknown until then, and the account is not on the matrix)`,
          },
        ]
      : [],
});
