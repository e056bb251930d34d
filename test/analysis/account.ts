/** Builds schema-valid accounts for analysis tests: only what a test names, plus id and name. */
import { Account } from '../../src/schema/account.js';
import { Config, defaultConfig } from '../../src/schema/config.js';

let next = 0;
export function account(fields: Partial<Account> = {}): Account {
  return Account.parse({ id: fields.id ?? `acc-${String(next++).padStart(5, '0')}`, name: fields.name ?? 'Test Co.', ...fields });
}

/** An account whose latest revenue is `revenue` (or none when null). */
export const withRevenue = (id: string, revenue: number | null, extra: Partial<Account> = {}) =>
  account({ id, ...extra, financials: { ...extra.financials, ...(revenue === null ? {} : { revenue: { 2025: revenue } }) } });

export const config = (settings: unknown = {}): Config => (settings ? Config.parse(settings) : defaultConfig());
