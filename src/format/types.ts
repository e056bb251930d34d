/** A formatter turns sorted findings into the text of one output format; it never reads `process`. */
import type { ChalkInstance } from 'chalk';
import type { Finding, FindingSeverity } from '../findings.js';

export interface RuleMeta {
  id: string;
  description: string;
  severity: FindingSeverity;
  tiers?: readonly string[];
}

export interface FormatContext {
  /** configured by the CLI from TTY, NO_COLOR and FORCE_COLOR */
  chalk: ChalkInstance;
  version: string;
  /** rule metadata for formats that describe rules (SARIF) */
  rules: readonly RuleMeta[];
  /** the widest a line of human output (stylish) may be: the terminal's width; undefined: no limit */
  width?: number;
}

export type Formatter = (findings: readonly Finding[], ctx: FormatContext) => string;
