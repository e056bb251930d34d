/** A fixed, sorted set of findings for the format tests: two files, both severities, awkward text. */
import { Chalk } from 'chalk';
import type { Finding } from '../../src/findings.js';
import type { FormatContext, RuleMeta } from '../../src/format/types.js';

export const findings: Finding[] = [
  { file: 'accounts/a,b:c.yaml', line: 3, column: 1, severity: 'error', rule: 'schema/unknown-key', message: 'unknown key `stratgy`, did you mean `strategy`?', account: 'a' },
  { file: 'accounts/initech.yaml', line: 1, column: 1, severity: 'error', rule: 'yaml/duplicate-key', message: 'Map keys must be unique', account: 'initech' },
  { file: 'accounts/initech.yaml', line: 9, column: 5, severity: 'error', rule: 'team/account-lead', message: 'no account lead: set team.account_lead', account: 'initech' },
  { file: 'accounts/initech.yaml', line: 12, column: 3, severity: 'warn', rule: 'plan/stale', message: 'name <script>alert("x")</script> & 100% \'quoted\'\nsecond line\r', account: 'initech' },
  { file: 'kam.yaml', line: 2, column: 10, severity: 'warn', rule: 'contacts/stale', message: '英泰科技: 李总 last contacted 2026-05-01', account: null },
];

export const rules: RuleMeta[] = [
  { id: 'team/account-lead', description: 'Key and ordinary accounts name an account lead', severity: 'error', tiers: ['key', 'ordinary'] },
  { id: 'plan/stale', description: 'The plan was reviewed recently', severity: 'warn', tiers: ['key', 'ordinary'] },
  { id: 'contacts/stale', description: 'Key contacts were met recently', severity: 'warn', tiers: ['key'] },
  { id: 'plan/overdue', description: 'No open action is overdue', severity: 'warn', tiers: ['key', 'ordinary', 'prospect'] },
];

export const ctx: FormatContext = { chalk: new Chalk({ level: 0 }), version: '9.8.7', rules };
