/**
 * The one currency of problems: every validation error, rule failure and broken file becomes a
 * Finding. Positions are 1-based; `file` is workspace-relative with `/` separators.
 */
export type FindingSeverity = 'error' | 'warn';

export interface Finding {
  file: string;
  line: number;
  column: number;
  severity: FindingSeverity;
  rule: string;
  message: string;
  /** the account id the finding is about, or null for workspace files (kam.yaml, competitors) */
  account: string | null;
}

export interface Counts {
  errors: number;
  warnings: number;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export const sortFindings = (findings: readonly Finding[]): Finding[] => [...findings].sort(compareFindings);

export function countFindings(findings: readonly Finding[]): Counts {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) f.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}
