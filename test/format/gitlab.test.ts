/** GitLab Code Quality: the documented shape, severities, fingerprints stable across moved lines and unique. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { gitlab } from '../../src/format/gitlab.js';
import { validCodeQuality } from '../support/code-quality.js';
import { ctx, findings } from './findings.js';


type Issue = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } };
const report = (list: readonly Finding[]) => JSON.parse(gitlab(list, ctx)) as Issue[];

describe('gitlab', () => {
  it('is a report of the shape GitLab documents, one issue per finding', () => {
    const issues = report(findings);
    expect(validCodeQuality(issues), JSON.stringify(validCodeQuality.errors)).toBe(true);
    expect(issues).toHaveLength(findings.length);
    expect(issues[2]).toMatchObject({ check_name: 'team/account-lead', severity: 'major', description: 'no account lead: set team.account_lead', location: { path: 'accounts/initech.yaml', lines: { begin: 9 } } });
    expect(issues[3].severity).toBe('minor');
    expect(issues[4].description).toContain('李总');
  });

  it('the shape check can fail', () => {
    expect(validCodeQuality([{ description: 'x', check_name: 'y', severity: 'error', location: { path: 'a', lines: { begin: 0 } } }])).toBe(false);
  });

  it('fingerprints are unique, and stay when the lines above a finding move', () => {
    const issues = report(findings);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    const moved = report(findings.map((f) => ({ ...f, line: f.line + 5 })));
    expect(moved.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
    const twice = report([findings[2], { ...findings[2], line: 20 }]);
    expect(twice[0].fingerprint).not.toBe(twice[1].fingerprint);
  });

  it('a clean run is an empty report', () => {
    expect(gitlab([], ctx)).toBe('[]\n');
  });
});
