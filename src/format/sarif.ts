/**
 * SARIF 2.1.0 (GitHub code scanning, Azure DevOps, IDE viewers): one run of the `kam` tool whose
 * driver describes the rules of `ctx.rules` plus every other rule a finding carries (the built-in
 * `schema/` and `yaml/` checks), and one result per finding at its file, line and column.
 * Artifact URIs are the findings' workspace-relative paths.
 */
import type { Finding, FindingSeverity } from '../findings.js';
// type-only: the format list loads with `kam --help`, which must not load zod
import type { schemaRules } from '../schema/common.js';
import type { Formatter, RuleMeta } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SchemaRule = (typeof schemaRules)[keyof typeof schemaRules];

/** What each schema check requires; a new schema rule id without a description does not compile. */
const schemaDescriptions = {
  'schema/type': 'Every value has the type the format reference gives it (text, number, list, mapping)',
  'schema/required': 'Required fields are present',
  'schema/enum': 'Fields with a fixed set of values use one of them',
  'schema/range': 'Numbers lie in their allowed range (ratios in [0, 1], scores 0-10)',
  'schema/slug': 'Ids are slugs: lower-case letters, digits and "-"',
  'schema/date': 'Dates are real calendar dates written YYYY-MM-DD',
  'schema/unknown-key': 'No keys beyond those of the format reference (except keys starting with x-)',
  'schema/id-mismatch': "An account's or competitor's id equals its file name",
  'schema/invalid': 'The value satisfies the format reference',
} satisfies Record<SchemaRule, string>;

const otherDescriptions: Record<string, string> = {
  'schema/duplicate-id': 'No two files define the same id',
  'yaml/empty': 'The file holds a mapping',
  'yaml/too-large': 'The file is at most 1 MiB',
  'yaml/binary': 'The file is text, not binary',
  'yaml/encoding': 'The file is UTF-8',
  'yaml/unreadable': 'The file can be read',
  'yaml/alias-bomb': 'YAML aliases do not expand beyond a safe size',
  'yaml/invalid': 'The file is well-formed YAML',
};

/** Metadata for a rule that `ctx.rules` does not describe: the built-in file and schema checks. */
function builtinMeta(id: string): RuleMeta {
  const known: Record<string, string> = { ...schemaDescriptions, ...otherDescriptions };
  const description =
    known[id] ??
    (id.startsWith('yaml/')
      ? `The file is well-formed YAML (${id.slice(5).replace(/-/g, ' ')})`
      : id.startsWith('schema/')
        ? 'The file matches the format reference'
        : id);
  return { id, description, severity: 'error' };
}

const level = { error: 'error', warn: 'warning' } as const satisfies Record<FindingSeverity, string>;

function reportingDescriptor(rule: RuleMeta) {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    defaultConfiguration: { level: level[rule.severity] },
    ...(rule.tiers ? { properties: { tiers: [...rule.tiers] } } : {}),
  };
}

function result(f: Finding, ruleIndex: number) {
  return {
    ruleId: f.rule,
    ruleIndex,
    level: level[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.file },
          region: { startLine: f.line, startColumn: f.column },
        },
      },
    ],
    ...(f.account !== null ? { properties: { account: f.account } } : {}),
  };
}

export const sarif: Formatter = (findings, { version, rules }) => {
  const described = [...rules];
  const known = new Set(described.map((r) => r.id));
  const extra = [...new Set(findings.map((f) => f.rule).filter((id) => !known.has(id)))].sort();
  described.push(...extra.map(builtinMeta));
  const index = new Map(described.map((r, i) => [r.id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kam', version, semanticVersion: version, rules: described.map(reportingDescriptor) } },
        results: findings.map((f) => result(f, index.get(f.rule) as number)),
        // kam columns count UTF-16 code units of the decoded text (the SARIF default, stated for readers)
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};
