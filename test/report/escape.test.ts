import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, mapStrings, replaceMarkdown } from '../../src/report/escape.js';

describe('escapeMarkdown', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a | b', 'a \\| b'],
    ['line one\nline two\r\nthree\n', 'line one<br>line two<br>three'],
    ['<script>alert(1)</script>', '&lt;script>alert(1)&lt;/script>'],
    ['<!-- hide the rest', '&lt;!-- hide the rest'],
    ['*bold* and `code` and [link](x)', '\\*bold\\* and \\`code\\` and \\[link\\](x)'],
    ['_emphasis_ but in_progress stays', '\\_emphasis\\_ but in_progress stays'],
    ['C:\\path', 'C:\\\\path'],
    ['&amp; stays literal, R&D too', '&amp;amp; stays literal, R&D too'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['> not a quote', '\\> not a quote'],
    ['1. not a list', '1\\. not a list'],
    ['{{account.name}}', '{{account.name}}'],
    ['宁川新能源电池有限公司 (常州)', '宁川新能源电池有限公司 (常州)'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('escapeHtml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('mapStrings', () => {
  it('maps every string of plain objects and arrays, keeps other values', () => {
    const value = { a: 'x', b: [1, 'y', { c: 'z', d: null, e: true }] };
    expect(mapStrings(value, (s) => s.toUpperCase())).toEqual({ a: 'X', b: [1, 'Y', { c: 'Z', d: null, e: true }] });
    expect(value.a).toBe('x');
  });
});

describe('escapeMarkdown keeps values with nothing to escape as they are', () => {
  it('gives what the full replaces give, for any text of Markdown-significant characters', () => {
    const chars = fc.constantFrom(...'ab_1 9.)#+=>-<&;*`[]|\\\r\n王'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }).map((cs) => cs.join('')), (text) => {
        expect(escapeMarkdown(text)).toBe(replaceMarkdown(text));
      }),
      { numRuns: 5000 },
    );
  });
});
