/**
 * SARIF 2.1.0 (GitHub code scanning, Azure DevOps, IDE viewers): one run of the `kam` tool whose
 * driver describes the rules of `ctx.rules` plus every other rule a finding carries (the built-in
 * `schema/`, `yaml/` and `config/` checks, described by the catalogue), and one result per
 * finding at its file, line and column. Artifact URIs are the findings' workspace-relative paths.
 */
import { codes, isCode } from '../codes.js';
import type { Finding, FindingSeverity } from '../findings.js';
import { safeJson } from '../util/terminal-text.js';
import type { Formatter, RuleMeta } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Metadata for a rule that `ctx.rules` does not describe, from the catalogue (`src/codes.ts`). */
function builtinMeta(id: string): RuleMeta {
  if (!isCode(id)) return { id, description: id, severity: 'error' };
  const { description, severity, tiers } = codes[id];
  return { id, description: description.en, severity: severity ?? 'error', ...(tiers ? { tiers } : {}) };
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
  return safeJson(log, 2);
};
