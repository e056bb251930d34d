import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junit } from '../../src/format/junit.js';
import { ctx, findings } from './findings.js';

const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
};

describe('junit format', () => {
  it('prints one testsuite per file and one failing testcase per finding', () => {
    expect(junit(findings, ctx)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="kam" tests="5" failures="5" errors="0" time="0">',
        '<testsuite name="accounts/a,b:c.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '<testcase classname="accounts/a,b:c.yaml" name="3:1 schema/unknown-key" time="0">',
        '<failure type="error" message="unknown key `stratgy`, did you mean `strategy`?">accounts/a,b:c.yaml:3:1 error unknown key `stratgy`, did you mean `strategy`? (schema/unknown-key)</failure>',
        '</testcase>',
        '</testsuite>',
        '<testsuite name="accounts/initech.yaml" tests="3" failures="3" errors="0" skipped="0" time="0">',
        '<testcase classname="accounts/initech.yaml" name="1:1 yaml/duplicate-key" time="0">',
        '<failure type="error" message="Map keys must be unique">accounts/initech.yaml:1:1 error Map keys must be unique (yaml/duplicate-key)</failure>',
        '</testcase>',
        '<testcase classname="accounts/initech.yaml" name="9:5 team/account-lead" time="0">',
        '<failure type="error" message="no account lead: set team.account_lead">accounts/initech.yaml:9:5 error no account lead: set team.account_lead (team/account-lead)</failure>',
        '</testcase>',
        '<testcase classname="accounts/initech.yaml" name="12:3 plan/stale" time="0">',
        '<failure type="warning" message="name &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 100% &apos;quoted&apos;&#10;second line&#13;">accounts/initech.yaml:12:3 warning name &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 100% &apos;quoted&apos;&#10;second line&#13; (plan/stale)</failure>',
        '</testcase>',
        '</testsuite>',
        '<testsuite name="kam.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '<testcase classname="kam.yaml" name="2:10 contacts/stale" time="0">',
        '<failure type="warning" message="英泰科技: 李总 last contacted 2026-05-01">kam.yaml:2:10 warning 英泰科技: 李总 last contacted 2026-05-01 (contacts/stale)</failure>',
        '</testcase>',
        '</testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('parses back to the findings, text intact', () => {
    const doc = parse(junit(findings, ctx));
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual(['accounts/a,b:c.yaml', 'accounts/initech.yaml', 'kam.yaml']);
    const cases = suites.flatMap((s: { testcase: unknown[] }) => s.testcase);
    expect(cases).toHaveLength(findings.length);
    const stale = cases[3].failure;
    expect(stale.type).toBe('warning');
    expect(stale.message).toBe(findings[3].message);
    expect(doc.testsuites.failures).toBe('5');
  });

  it('gives a valid report with zero tests and failures for a clean run', () => {
    const out = junit([], ctx);
    const doc = parse(out);
    expect(doc.testsuites.tests).toBe('0');
    expect(doc.testsuites.failures).toBe('0');
    expect(doc.testsuites.testsuite).toEqual([{ name: 'kam', tests: '0', failures: '0', errors: '0', skipped: '0', time: '0' }]);
  });

  it('replaces characters XML cannot hold', () => {
    const out = junit([{ ...findings[1], message: 'bell\u0007 nul\u0000 lone\uD800 ok😀' }], ctx);
    const doc = parse(out);
    expect(doc.testsuites.testsuite[0].testcase[0].failure.message).toBe('bell\uFFFD nul\uFFFD lone\uFFFD ok😀');
  });
});
