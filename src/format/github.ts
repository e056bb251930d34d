/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation per finding, shown on
 * the pull request's changed lines. The message escapes `%`, CR and LF; the properties (file,
 * title) also `:` and `,`, which separate them. A clean run prints nothing.
 */
import type { Formatter } from './types.js';

const level = { error: 'error', warn: 'warning' } as const;
const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProperty = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (findings) =>
  findings
    .map((f) => `::${level[f.severity]} file=${escProperty(f.file)},line=${f.line},col=${f.column},title=${escProperty(f.rule)}::${escData(f.message)}`)
    .join('\n');
