import { daysBetween } from '../../today.js';
import { defineRule } from '../define.js';

/** Seed 002 weapons 4-6; seed 004 capability 4: every service issue is closed within the SLA. */
export default defineRule({
  id: 'service/open-issues',
  check: ({ account, today, config }) => {
    const limit = config.checks.service_sla_days;
    return (account.service?.issues ?? []).flatMap((issue, i) => {
      if (issue.resolved !== undefined) return [];
      const days = daysBetween(issue.opened, today);
      const name = issue.id === undefined ? 'service issue' : `service issue ${issue.id}`;
      return days > limit ? [{ path: ['service', 'issues', i], message: `${name} open for ${days} days (SLA ${limit})` }] : [];
    });
  },
});
