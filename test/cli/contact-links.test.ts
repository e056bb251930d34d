/** Contacts' `reports_to` and `influences`: names of other contacts of the account, no reporting cycle. */
import { describe, expect, it } from 'vitest';
import { example, kam, tempWorkspace } from '../helpers.js';

const account = `id: a
name: A
contacts:
  - name: Boss
    reports_to: Deputy
  - name: Deputy
    reports_to: Boss
  - name: Me
    reports_to: Me
  - name: X
    reports_to: Bos
    influences: [Deputy, Nobody]
  - name: Y
    reports_to: X
    influences: [Boss]
`;

describe('contact links', () => {
  it('reports a name that is no contact, and every reporting cycle, at its line (exit 1)', async () => {
    const ws = tempWorkspace({ 'accounts/a.yaml': account });
    const r = await kam(['validate', '-C', ws, '--format', 'json']);
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as { line: number; column: number; rule: string; message: string }[]).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
    expect(found).toEqual([
      '5:17 schema/reporting-cycle reporting cycle: Boss → Deputy → Boss',
      '9:17 schema/reporting-cycle "Me" reports to themselves',
      '11:17 schema/contact-ref no contact named "Bos" in this account, did you mean `Boss`?',
      '12:26 schema/contact-ref no contact named "Nobody" in this account',
    ]);
    const explained = await kam(['explain', 'schema/reporting-cycle']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('reports_to');
  });

  it('accepts a chain without cycle, and the example workspace, whose contacts report and influence', async () => {
    const ws = tempWorkspace({ 'accounts/a.yaml': 'id: a\nname: A\ncontacts:\n  - { name: B }\n  - { name: C, reports_to: B, influences: [B] }\n  - { name: D, reports_to: C }\n' });
    expect((await kam(['validate', '-C', ws])).code).toBe(0);
    expect((await kam(['validate', '-C', example])).code).toBe(0);
  });
});
