import { didYouMean } from '../../util/suggest.js';
import { defineRule } from '../define.js';

/** Competitor entries that refer to a profile must find it in `competitors/`. */
export default defineRule({
  id: 'refs/competitor',
  check: ({ account, competitorIds }) =>
    (account.competitors ?? []).flatMap((entry, i) =>
      entry.ref === undefined || competitorIds.has(entry.ref)
        ? []
        : [{ path: ['competitors', i, 'ref'], message: `no competitor profile competitors/${entry.ref}.yaml${didYouMean(entry.ref, competitorIds)}` }],
    ),
});
