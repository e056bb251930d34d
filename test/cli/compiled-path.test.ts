/**
 * The built CLI checks schema-valid files through the validator compiled at build time
 * (src/schema/compiled.ts), which skips zod: what lies beyond the schema must still be found on
 * that path. A contact's `reports_to` naming nobody, and a `__proto__` year, in files the compiled
 * check alone would accept.
 */
import { describe, expect, it } from 'vitest';
import { kamProcess, tempWorkspace } from '../helpers.js';

describe('the compiled schema check (built CLI)', () => {
  it('still reports contact references and prototype keys', () => {
    const root = tempWorkspace({
      'accounts/a.yaml': 'id: a\nname: A\ncontacts:\n  - name: X\n    reports_to: Nobody\n',
      'accounts/b.yaml': 'id: b\nname: B\nfinancials:\n  revenue: { __proto__: 5 }\n',
      'accounts/c.yaml': 'id: c\nname: C\n',
    });
    const r = kamProcess(['validate', '-C', root, '--format', 'json']);
    expect(r.code).toBe(1);
    const rules = (JSON.parse(r.stdout) as { file: string; rule: string; line: number }[]).map((f) => `${f.file}:${f.line} ${f.rule}`);
    expect(rules).toEqual(['accounts/a.yaml:5 schema/contact-ref', 'accounts/b.yaml:4 schema/unknown-key']);
  });
});
