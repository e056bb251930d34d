/**
 * The report input of a loaded workspace: its valid accounts with their analysis (from
 * `analyseWorkspace`) and their completeness (from the rules engine), the invalid ones as skipped.
 * Pure: it only rearranges what it is given.
 */
import type { Workspace } from '../load/workspace.js';
import { validAccounts } from '../load/workspace.js';
import type { Competitor } from '../schema/competitor.js';
import type { Lang } from '../schema/config.js';
import type { Finding } from '../findings.js';
import type { ScoreFormulas } from './formula.js';
import type { ReportAnalysis, CoverageCheck, Figures, ReportInput } from './input.js';

/** What the reports take of one account's analysis (a subset of the analysis' `ReportAnalysis`). */
export interface AnalysedAccount extends Omit<ReportAnalysis, 'coverage' | 'formulas' | 'figures'> {
  id: string;
  figures: Figures;
  breakdown: ScoreFormulas & { relationship: { coverage: Record<CoverageCheck, boolean> } };
}

/** What the reports take of one account's rule check (a subset of the rules' `AccountCheck`). */
export interface CheckedAccount {
  id: string;
  findings: Finding[];
  completeness: number;
}

export function gatherReportInput(
  ws: Workspace,
  today: string,
  lang: Lang,
  analysed: readonly AnalysedAccount[],
  checked: readonly CheckedAccount[],
): ReportInput {
  const analysisOf = new Map(analysed.map((a) => [a.id, a]));
  const checkOf = new Map(checked.map((c) => [c.id, c]));
  const competitors = new Map<string, Competitor>();
  for (const doc of ws.competitors) if (doc.id !== null && doc.data) competitors.set(doc.id, doc.data);

  const accounts: ReportInput['accounts'] = [];
  for (const doc of validAccounts(ws)) {
    const a = analysisOf.get(doc.data.id);
    if (!a) continue;
    const check = checkOf.get(doc.data.id);
    const { breakdown, id: _id, ...rest } = a;
    accounts.push({
      file: doc.file,
      account: doc.data,
      analysis: {
        ...rest,
        coverage: breakdown.relationship.coverage,
        formulas: {
          attractiveness: breakdown.attractiveness,
          relationship: breakdown.relationship,
          value: breakdown.value,
          composite: breakdown.composite,
        },
      },
      findings: check?.findings ?? [],
      completeness: check ? check.completeness : null,
    });
  }

  return {
    company: ws.config.company ?? ws.self?.data?.name ?? null,
    currency: ws.config.currency,
    money: { currency: ws.config.currency, fx: ws.config.fx, fiscal_year_start: ws.config.fiscal_year_start },
    lang,
    today,
    quadrantThreshold: ws.config.scoring.thresholds.quadrant,
    contactStaleDays: ws.config.checks.contact_stale_days,
    serviceSlaDays: ws.config.checks.service_sla_days,
    self: ws.self?.data ?? null,
    competitors,
    accounts,
    skipped: ws.accounts
      .filter((d) => d.data === undefined)
      .map((d) => ({ file: d.file, id: d.id, errors: d.findings.filter((f) => f.severity === 'error').length })),
  };
}
