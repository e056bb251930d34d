/**
 * GitLab Code Quality: a JSON array of Code Climate issues, shown in the merge request's widget
 * and diff (`artifacts: reports: codequality`). Each issue has the fields GitLab documents:
 * `description`, `check_name`, `fingerprint`, `severity` and `location.path` with
 * `location.lines.begin`. The fingerprint (MD5, as GitLab's example) hashes the file, rule and
 * message, not the line, so an issue keeps its fingerprint when lines above it move and GitLab
 * tells fixed from new; the same finding twice in a file gets its occurrence counted in.
 */
import { createHash } from 'node:crypto';
import { safeJson } from '../util/terminal-text.js';
import type { Formatter } from './types.js';

/** kam's two severities on GitLab's five (info, minor, major, critical, blocker). */
const severity = { error: 'major', warn: 'minor' } as const;

export const gitlab: Formatter = (findings) => {
  const seen = new Map<string, number>();
  const issues = findings.map((f) => {
    const key = `${f.file}\0${f.rule}\0${f.message}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      description: f.message,
      check_name: f.rule,
      fingerprint: createHash('md5').update(occurrence === 0 ? key : `${key}\0${occurrence}`).digest('hex'),
      severity: severity[f.severity],
      location: { path: f.file, lines: { begin: f.line } },
    };
  });
  return `${safeJson(issues, 2)}\n`;
};
