/**
 * The Salesforce Account standard fields `kam import` recognises, by API name and by the labels
 * of reports and Data Loader exports (matched ignoring case, spaces and punctuation). A field with
 * a `target` fills that account field; every other one is kept under `x-crm`, keyed by its API
 * name. The README's mapping table is checked against this list.
 */

/** Where a recognised field goes. `region` is built from the billing state and country. */
export type CrmTarget = 'name' | 'industry' | 'region' | 'team.account_lead' | 'customer.summary' | 'currency';

export interface CrmField {
  /** the Salesforce API name, also the key under `x-crm` */
  api: string;
  /** other column names that mean this field */
  labels: readonly string[];
  target?: CrmTarget;
  /** kept under `x-crm` as a number */
  number?: boolean;
  /** the CRM's own record id: the id of last resort for names without ASCII letters */
  recordId?: boolean;
}

/** In order of preference: the first field present wins a target (the owner's name before the owner's id). */
export const salesforceFields: readonly CrmField[] = [
  { api: 'Name', labels: ['Account Name'], target: 'name' },
  { api: 'Id', labels: ['Account ID'], recordId: true },
  { api: 'Industry', labels: [], target: 'industry' },
  { api: 'BillingState', labels: ['Billing State/Province', 'Billing State'], target: 'region' },
  { api: 'BillingCountry', labels: ['Billing Country'], target: 'region' },
  { api: 'Owner', labels: ['Account Owner', 'Owner Name', 'Owner.Name', 'Owner Full Name'], target: 'team.account_lead' },
  { api: 'OwnerId', labels: ['Owner ID', 'Account Owner ID'], target: 'team.account_lead' },
  { api: 'Description', labels: ['Account Description'], target: 'customer.summary' },
  { api: 'CurrencyIsoCode', labels: ['Account Currency', 'Currency ISO Code'], target: 'currency' },
  { api: 'Type', labels: ['Account Type'] },
  { api: 'Rating', labels: ['Account Rating'] },
  { api: 'AnnualRevenue', labels: ['Annual Revenue'], number: true },
  { api: 'NumberOfEmployees', labels: ['Employees', 'Number of Employees'], number: true },
  { api: 'AccountNumber', labels: ['Account Number'] },
  { api: 'AccountSource', labels: ['Account Source'] },
  { api: 'Site', labels: ['Account Site'] },
  { api: 'ParentId', labels: ['Parent Account ID', 'Parent Account'] },
  { api: 'Phone', labels: ['Account Phone'] },
  { api: 'Fax', labels: ['Account Fax'] },
  { api: 'Website', labels: [] },
  { api: 'BillingStreet', labels: ['Billing Street'] },
  { api: 'BillingCity', labels: ['Billing City'] },
  { api: 'BillingPostalCode', labels: ['Billing Zip/Postal Code', 'Billing Postal Code'] },
  { api: 'ShippingStreet', labels: ['Shipping Street'] },
  { api: 'ShippingCity', labels: ['Shipping City'] },
  { api: 'ShippingState', labels: ['Shipping State/Province', 'Shipping State'] },
  { api: 'ShippingPostalCode', labels: ['Shipping Zip/Postal Code', 'Shipping Postal Code'] },
  { api: 'ShippingCountry', labels: ['Shipping Country'] },
  { api: 'Ownership', labels: [] },
  { api: 'TickerSymbol', labels: ['Ticker Symbol'] },
  { api: 'Sic', labels: ['SIC Code'] },
  { api: 'SicDesc', labels: ['SIC Description'] },
  { api: 'CreatedDate', labels: ['Created Date'] },
  { api: 'LastModifiedDate', labels: ['Last Modified Date'] },
  { api: 'LastActivityDate', labels: ['Last Activity'] },
];

/** A column name without case, spaces or punctuation: `Billing State/Province` → `billingstateprovince`. */
export const normaliseColumn = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const byName = new Map<string, CrmField>();
for (const field of salesforceFields) for (const name of [field.api, ...field.labels]) byName.set(normaliseColumn(name), field);

/** The Salesforce field a column name stands for, if any. */
export const recogniseColumn = (column: string): CrmField | undefined => byName.get(normaliseColumn(column));
