/**
 * TEMPORARY: a stand-in for the analysis (issue 4, branch `analysis`) until it is merged. It
 * computes only the tier of SPEC section 3 (A, R, V, composite S, prospect when no revenue) so
 * that `kam check` can run the tier-dependent rules. At the merge, replace `computeTiers` with
 * the tiers of `analyseWorkspace` and delete this file.
 */
import type { Account, Tier } from '../schema/account.js';
import type { Config } from '../schema/config.js';

const rating = { high: 1, medium: 0.5, low: 0 } as const;
const state = { very_strong: 1, good: 0.8, developing: 0.6, potential: 0.4, limited: 0.3, defensive: 0.2, regressing: 0.1 } as const;
const level = { strategic: 1, service: 0.6, transactional: 0.2 } as const;

function latestRevenue(account: Account): number {
  const revenue = account.financials?.revenue ?? {};
  const years = Object.keys(revenue).sort();
  return years.length ? revenue[years[years.length - 1]] : 0;
}

function coverage(account: Account): number {
  const contacts = account.contacts ?? [];
  const owners = new Set(contacts.flatMap((c) => (c.owner ? [c.owner] : [])));
  const met = [
    contacts.some((c) => c.role === 'decision_maker'),
    contacts.some((c) => c.role === 'influencer'),
    contacts.some((c) => c.level === 'executive'),
    contacts.length >= 3,
    owners.size >= 2,
  ].filter(Boolean).length;
  return met / 5;
}

/**
 * TEMPORARY: account id → computed tier, over all valid accounts of a workspace. At the merge the
 * body becomes `new Map(analyseWorkspace(accounts, config, today).accounts.map((a) => [a.id, a.tier]))`.
 */
export function computeTiers(accounts: readonly Account[], config: Config, _today: string): Map<string, Tier> {
  const { weights, thresholds } = config.scoring;
  const latest = accounts.map(latestRevenue);
  const n = accounts.length;
  const tiers = new Map<string, Tier>();
  accounts.forEach((account, i) => {
    const a = account.assessment;
    const A =
      100 *
      (weights.attractiveness.attractiveness * (a?.attractiveness ? rating[a.attractiveness] : 0) +
        weights.attractiveness.volume * (a?.potential?.volume ? rating[a.potential.volume] : 0) +
        weights.attractiveness.margin * (a?.potential?.margin ? rating[a.potential.margin] : 0));
    const R =
      100 *
      (weights.relationship.state * (a?.relationship ? state[a.relationship] : 0) +
        weights.relationship.level * (a?.relationship_level ? level[a.relationship_level] : 0) +
        weights.relationship.coverage * coverage(account));
    let lower = 0;
    let equal = 0;
    latest.forEach((r, j) => {
      if (j === i) return;
      if (r < latest[i]) lower++;
      else if (r === latest[i]) equal++;
    });
    const V = n === 1 ? 100 : (100 * (lower + 0.5 * equal)) / (n - 1);
    const S = weights.composite.attractiveness * A + weights.composite.value * V + weights.composite.relationship * R;
    tiers.set(account.id, latest[i] <= 0 ? 'prospect' : S >= thresholds.key ? 'key' : 'ordinary');
  });
  return tiers;
}
