/**
 * The Salesforce Account standard fields `kam import` recognises, by API name and by the labels
 * of reports and Data Loader exports (matched ignoring case, spaces and punctuation). A field with
 * a `target` fills that account field; every other one is kept under `x-crm`, keyed by its API
 * name. The README's mapping table is checked against this list.
 */

/** Where a recognised field goes. `region` is built from the billing state and country. */
export type CrmTarget = 'name' | 'industry' | 'region' | 'team.account_lead' | 'customer.summary' | 'currency' | 'assessment.attractiveness';

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
  /** the cell is a Salesforce user id: a name only through `--users`, else kept under `x-crm` */
  userId?: boolean;
  /** CRM words for the target's values, in lower case (`hot` → `high`) */
  values?: Readonly<Record<string, string>>;
  /** `IsDeleted`: a row where it is true is skipped */
  deleted?: boolean;
  /** a system field that changes without an edit (`SystemModstamp`): left out, so re-imports stay quiet */
  system?: boolean;
}

/** Fields every Salesforce object has: the deleted flag and system stamps. */
export const commonFields: readonly CrmField[] = [
  { api: 'IsDeleted', labels: ['Deleted'], deleted: true },
  { api: 'SystemModstamp', labels: ['System Modstamp'], system: true },
  { api: 'LastViewedDate', labels: ['Last Viewed Date'], system: true },
  { api: 'LastReferencedDate', labels: ['Last Referenced Date'], system: true },
];

/** In order of preference: the first field present wins a target (the owner's name before the owner's id). */
export const salesforceFields: readonly CrmField[] = [
  { api: 'Name', labels: ['Account Name'], target: 'name' },
  { api: 'Id', labels: ['Account ID'], recordId: true },
  { api: 'Industry', labels: [], target: 'industry' },
  { api: 'BillingState', labels: ['Billing State/Province', 'Billing State'], target: 'region' },
  { api: 'BillingCountry', labels: ['Billing Country'], target: 'region' },
  { api: 'Owner', labels: ['Account Owner', 'Owner Name', 'Owner.Name', 'Owner Full Name'], target: 'team.account_lead' },
  { api: 'OwnerId', labels: ['Owner ID', 'Account Owner ID'], target: 'team.account_lead', userId: true },
  { api: 'Description', labels: ['Account Description'], target: 'customer.summary' },
  { api: 'CurrencyIsoCode', labels: ['Account Currency', 'Currency ISO Code'], target: 'currency' },
  { api: 'Type', labels: ['Account Type'] },
  { api: 'Rating', labels: ['Account Rating'], target: 'assessment.attractiveness', values: { hot: 'high', warm: 'medium', cold: 'low' } },
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
  ...commonFields,
];

/** A column name without case, spaces or punctuation: `Billing State/Province` → `billingstateprovince`. */
export const normaliseColumn = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const byName = new Map<string, CrmField>();
for (const field of salesforceFields) for (const name of [field.api, ...field.labels]) byName.set(normaliseColumn(name), field);

/** The Salesforce field a column name stands for, if any. */
export const recogniseColumn = (column: string): CrmField | undefined => byName.get(normaliseColumn(column));

/** A Salesforce user id (`005` and 12 or 15 letters and digits): never a person's name. */
export const isUserId = (text: string) => /^005[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/.test(text);

/** A Salesforce record id, 15 characters (case-sensitive) or 18 (the same with a checksum). */
export const isRecordId = (text: string) => /^[0-9A-Za-z]{15}(?:[0-9A-Za-z]{3})?$/.test(text);

/** The key two forms of one Salesforce id share: its first 15 characters (the 18-character form adds a checksum). */
export const idKey = (id: string) => (isRecordId(id) ? id.slice(0, 15) : id);

/** A true/false cell as Salesforce writes it (`true`, `1`, report `Yes`). */
export const isTrue = (cell: string) => /^(true|1|yes|y|x|是)$/i.test(cell.trim());
