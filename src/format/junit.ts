/**
 * JUnit XML for CI servers (Jenkins, GitLab, Azure DevOps, CircleCI): one `<testsuite>` per file,
 * one `<testcase>` per finding. Errors and warnings both are `<failure>` elements, told apart by
 * `type="error"` / `type="warning"` (a test report has no "passed with warnings"; the exit code
 * still decides whether the build fails). A clean run is one empty `kam` test suite: a valid
 * report with zero tests and zero failures.
 */
import type { Formatter } from './types.js';
import { groupByFile, xmlEscape as x } from './utils.js';

const type = { error: 'error', warn: 'warning' } as const;

export const junit: Formatter = (findings) => {
  const total = findings.length;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="kam" tests="${total}" failures="${total}" errors="0" time="0">`];
  if (total === 0) out.push('<testsuite name="kam" tests="0" failures="0" errors="0" skipped="0" time="0"></testsuite>');
  for (const [file, list] of groupByFile(findings)) {
    out.push(`<testsuite name="${x(file)}" tests="${list.length}" failures="${list.length}" errors="0" skipped="0" time="0">`);
    for (const f of list) {
      const where = `${f.file}:${f.line}:${f.column}`;
      out.push(
        `<testcase classname="${x(file)}" name="${x(`${f.line}:${f.column} ${f.rule}`)}" time="0">`,
        `<failure type="${type[f.severity]}" message="${x(f.message)}">${x(`${where} ${type[f.severity]} ${f.message} (${f.rule})`)}</failure>`,
        '</testcase>',
      );
    }
    out.push('</testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
};
