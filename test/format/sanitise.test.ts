/**
 * The one sanitiser (issue 20, item 4), property-tested over arbitrary strings for every output
 * format of `check`/`validate` and of `diff`: no control, bidi or separator character reaches the
 * output raw, and no line of output starts with `::` (a GitHub Actions workflow command) except
 * the `github` format's own annotations, one line per finding.
 */
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkspaceDiff } from '../../src/diff/model.js';
import { diffRenderers } from '../../src/diff/render/index.js';
import type { Finding } from '../../src/findings.js';
import { formatters } from '../../src/format/index.js';
import { excerpt, safeJson, shorten, terminalText } from '../../src/util/terminal-text.js';
import { ctx } from './findings.js';

// eslint-disable-next-line no-control-regex
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const text = fc.string({ unit: 'binary', maxLength: 40 });
/** Strings that lean towards the dangerous: escape sequences, newlines with `::`, bidi overrides. */
const hostile = fc.oneof(
  text,
  fc.constantFrom('x\n::error file=kam.yaml,line=1::INJECTED', '\x1b]0;title\x07\x1b[31mred', '\u202eevil\u202c', '\r::warning::x', '\u0085::x', 'a\u2028::b'),
  fc.tuple(text, fc.constantFrom('\n::', '\x1b[', '\u009b', '\r\n::error::'), text).map(([a, b, c]) => a + b + c),
);

const finding = fc.record({
  file: hostile,
  line: fc.integer({ min: 1, max: 9999 }),
  column: fc.integer({ min: 1, max: 999 }),
  severity: fc.constantFrom('error' as const, 'warn' as const),
  rule: hostile,
  message: hostile,
  account: fc.option(hostile, { nil: null }),
});

const linesOf = (out: string) => out.split('\n');
const noCommandLine = (out: string) => linesOf(out).every((l) => !/^\s*::/.test(l));

describe('terminalText', () => {
  it('escapes what a terminal acts on and keeps everything else', () => {
    expect(terminalText('a\x1b]0;x\x07b')).toBe('a\\x1b]0;x\\x07b');
    expect(terminalText('x\n::error::y')).toBe('x\\n::error::y');
    expect(terminalText('\u202eabc\u0085\x7f')).toBe('\\u{202e}abc\\x85\\x7f');
    expect(terminalText('英泰科技 — café 🎉')).toBe('英泰科技 — café 🎉');
  });

  it('never leaves an unsafe character and never makes a line break (arbitrary strings)', () => {
    fc.assert(fc.property(hostile, (s) => !RAW_UNSAFE.test(terminalText(s)) && !terminalText(s).includes('\n')));
  });

  it('safeJson is the same JSON value with nothing raw a terminal acts on', () => {
    fc.assert(
      fc.property(fc.array(hostile), (xs) => {
        const out = safeJson(xs, 2);
        return !RAW_UNSAFE.test(out) && JSON.stringify(JSON.parse(out)) === JSON.stringify(xs);
      }),
    );
  });

  it('shorten and excerpt cut long text cheaply, on code points', () => {
    expect(shorten('x'.repeat(1_024_000), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(shorten('😀'.repeat(10), 10)).toBe('😀'.repeat(10));
    expect(shorten('😀'.repeat(11), 10)).toBe(`${'😀'.repeat(9)}…`);
    expect(excerpt('ab\x1bcd', 3)).toBe('ab…');
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 50 }), (s, n) => Array.from(shorten(s, n)).length <= Math.max(n, 0)));
  });
});

describe('every findings format, over arbitrary strings', () => {
  for (const [name, format] of Object.entries(formatters)) {
    it(`${name}: no raw control characters, no line a runner reads as a workflow command`, () => {
      fc.assert(
        fc.property(fc.array(finding, { minLength: 1, maxLength: 5 }), (findings: Finding[]) => {
          const out = format(findings, ctx);
          if (name === 'github') {
            // its own escaping: one annotation line per finding, nothing else
            const lines = linesOf(out);
            expect(lines).toHaveLength(findings.length);
            for (const l of lines) expect(l).toMatch(/^::(error|warning) file=/);
            return;
          }
          expect(out).not.toMatch(RAW_UNSAFE);
          expect(noCommandLine(out)).toBe(true);
          if (name === 'json') expect(JSON.parse(out)).toEqual(findings);
        }),
      );
    });
  }
});

describe('every diff format, over arbitrary strings', () => {
  const none = { objectives: { added: [], removed: [], redated: [] }, actions: { added: [], removed: [], closed: [], reopened: [], redated: [], reassigned: [] }, contacts: { added: [], removed: [] }, swot: {}, fields: [] };
  const diffOf = (name: string, task: string, file: string, value: string): WorkspaceDiff => ({
    base: { revision: 'main', commit: null },
    head: { revision: null, commit: null },
    analysed: false,
    summary: { added: 1, removed: 0, renamed: 0, changed: 1, files: 1, skipped: 1 },
    accounts: [
      {
        kind: 'changed',
        base: { id: 'a', name, file },
        account: { id: 'a', name, file },
        changes: { ...none, actions: { ...none.actions, added: [{ task, owner: name, due: value, status: 'planned' }] }, contacts: { added: [name], removed: [] }, fields: [{ kind: 'value', path: value, from: name, to: task }] },
      },
      { kind: 'added', account: { id: 'b', name: task, file } },
    ],
    files: [{ file, change: 'changed', fields: [{ kind: 'value', path: value, from: value, to: name }] }],
    skipped: [{ file, side: 'both' }],
  });
  const chalk = new Chalk({ level: 0 });
  for (const [name, render] of Object.entries(diffRenderers)) {
    it(`${name}: no raw control characters, no workflow-command line`, () => {
      fc.assert(
        fc.property(hostile, hostile, hostile, hostile, (n, t, f, v) => {
          const out = render(diffOf(n, t, f, v), { chalk });
          expect(out).not.toMatch(RAW_UNSAFE);
          expect(noCommandLine(out)).toBe(true);
        }),
      );
    });
  }
});
