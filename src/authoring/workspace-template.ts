/**
 * The files `kam init` writes: `kam.yaml` (SPEC 1.1), `self.yaml` (SPEC 1.2) and `.gitignore`.
 * The commented examples of settings show the defaults, taken from the config schema.
 */
import { stringify } from 'yaml';
import { RuleSetting, defaultConfig, type Config } from '../schema/config.js';
import { oneOf, renderSkeleton, type Field } from './skeleton.js';

const flow = (value: unknown) => stringify(value, { collectionStyle: 'flow' }).trim();

function configFields(): Field[] {
  const { checks, scoring } = defaultConfig();
  return [
    { key: 'version', example: '1' },
    { key: 'company', example: 'Example Industrial Co.', note: 'our company name, used in reports' },
    { key: 'currency', example: 'CNY', note: 'money in the account files is in this currency' },
    { key: 'fx', example: '{ EUR: 7.8, USD: { 2024: 7.1, 2025: 7.2 } }', note: 'rates of the other currencies accounts use: 1 EUR = 7.8 of ours; one rate, or one per year' },
    { key: 'fiscal_year_start', example: '01-01', note: 'first day of the year (MM-DD); a year is named by the calendar year it starts in' },
    { key: 'lang', example: 'en', note: 'report language: en | zh' },
    { key: 'as_of', example: '2026-11-01', note: 'fixed "today" for reproducible reports and checks' },
    { key: 'rules', example: '{ plan/stale: warn }', note: `severity per rule: ${oneOf(RuleSetting.options)}` },
    {
      key: 'checks',
      note: 'the defaults are shown',
      fields: [
        { key: 'stale_after_days', example: flow(checks.stale_after_days), note: 'plan review age per tier' },
        { key: 'service_sla_days', example: String(checks.service_sla_days), note: 'days a service issue may stay open' },
        { key: 'contact_stale_days', example: String(checks.contact_stale_days), note: 'days since the last contact' },
      ],
    },
    {
      key: 'scoring',
      note: 'weights and thresholds; the defaults are shown',
      fields: [
        {
          key: 'weights',
          fields: [
            { key: 'attractiveness', example: flow(scoring.weights.attractiveness) },
            { key: 'relationship', example: flow(scoring.weights.relationship) },
            { key: 'composite', example: flow(scoring.weights.composite) },
          ],
        },
        {
          key: 'thresholds',
          fields: [
            { key: 'key', example: String(scoring.thresholds.key), note: 'composite score of a key account' },
            { key: 'abc', example: flow(scoring.thresholds.abc), note: 'cumulative revenue shares of A and B' },
            { key: 'quadrant', example: String(scoring.thresholds.quadrant) },
            { key: 'growth', example: String(scoring.thresholds.growth) },
          ],
        },
      ],
    },
    { key: 'templates', example: 'templates', note: 'folder of report template overrides' },
    { key: 'report', fields: [{ key: 'audience', example: 'team', note: 'default of kam plan --audience: team, exec or customer' }] },
  ];
}

/** What `kam init` asks for; the rest of `kam.yaml` keeps its defaults. */
export type WorkspaceSettings = Pick<Config, 'currency' | 'lang'> & { company: string };

export const configFile = (settings: WorkspaceSettings, modeline: string): string =>
  renderSkeleton(configFields(), { version: 1, ...settings }, [modeline, '# kam workspace settings. Every setting has a default; uncomment a line to change it.']);

export const selfFields: readonly Field[] = [
  { key: 'name', example: 'Example Industrial Co.' },
  {
    key: 'offerings',
    note: 'what we sell; accounts name these ids in self.offerings',
    item: [
      { key: 'id', example: 'line-retrofit' },
      { key: 'name', example: 'Assembly line retrofit' },
      { key: 'description', example: 'Turnkey retrofit of existing lines, from design to commissioning' },
    ],
  },
  { key: 'capabilities', example: '[control, drives and vision from one hand]' },
  { key: 'resources', example: '[two application centres, 24-hour spare-parts stock]' },
  { key: 'constraints', example: '[no service network abroad]' },
  { key: 'strategy', example: 'Grow share of wallet at the top ten accounts', note: 'where we want to be with our key accounts' },
];

export const selfFile = (company: string, modeline: string): string =>
  renderSkeleton(selfFields, { name: company }, [modeline, '# Our own company: what does not depend on one account.']);

export const gitignoreFile = '# reports written by `kam plan`\nreports/\n';
