/**
 * The links between an account's contacts: `reports_to` and `influences` name other contacts of
 * the same account (by `name`), and the `reports_to` lines form no cycle. Run on a value the
 * schema accepted; returns schema issues at the offending value (`schema/contact-ref`,
 * `schema/reporting-cycle`), which make the file invalid like any other schema finding.
 */
import { didYouMean } from '../util/suggest.js';
import { schemaRules } from './common.js';
import type { SchemaIssue } from './issues.js';

interface ContactLinks {
  name: string;
  reports_to?: string;
  influences?: string[];
}

export function contactRefIssues(contacts: readonly ContactLinks[] | undefined): SchemaIssue[] {
  if (!contacts || contacts.length === 0) return [];
  const names = new Set(contacts.map((c) => c.name));
  const issues: SchemaIssue[] = [];
  const unknown = (name: string, path: (string | number)[]) =>
    issues.push({ path, target: 'value', rule: schemaRules.contactRef, message: `no contact named "${name}" in this account${didYouMean(name, names)}` });
  contacts.forEach((c, i) => {
    if (c.reports_to !== undefined && !names.has(c.reports_to)) unknown(c.reports_to, ['contacts', i, 'reports_to']);
    (c.influences ?? []).forEach((n, j) => {
      if (!names.has(n)) unknown(n, ['contacts', i, 'influences', j]);
    });
  });
  // cycles: follow each contact's chain; the first contact (in file order) of a cycle reports it
  const index = new Map<string, number>();
  contacts.forEach((c, i) => {
    if (!index.has(c.name)) index.set(c.name, i);
  });
  const boss = (i: number) => {
    const to = contacts[i].reports_to;
    return to === undefined ? undefined : index.get(to);
  };
  const state = new Array<0 | 1 | 2>(contacts.length).fill(0); // 0 unseen, 1 on the current chain, 2 done
  for (let start = 0; start < contacts.length; start++) {
    const chain: number[] = [];
    let at: number | undefined = start;
    while (at !== undefined && state[at] === 0) {
      state[at] = 1;
      chain.push(at);
      at = boss(at);
    }
    if (at !== undefined && state[at] === 1) {
      const loop = chain.slice(chain.indexOf(at));
      const first = Math.min(...loop);
      const names = [...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first)), first].map((k) => contacts[k].name);
      issues.push({
        path: ['contacts', first, 'reports_to'],
        target: 'value',
        rule: schemaRules.reportingCycle,
        message: loop.length === 1 ? `"${names[0]}" reports to themselves` : `reporting cycle: ${names.join(' → ')}`,
      });
    }
    for (const k of chain) state[k] = 2;
  }
  return issues;
}
