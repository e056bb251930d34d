/** Property tests: whatever bytes an account file holds, loading returns findings and never throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/load/read.js';
import { loadDoc } from '../../src/load/workspace.js';

const load = (bytes: Uint8Array) => loadDoc('account', 'accounts/x.yaml', decode(bytes));

/** Strings built from YAML's own punctuation, which reach deeper into the parsers than noise. */
const yamlish = fc
  .array(fc.constantFrom('id: x\n', 'name: ', '- ', ': ', '[', ']', '{', '}', ',', '&a ', '*a', '!!str ', '|', '>', '"', "'", '\n', '  ', '\t', '#', '---\n', '? ', 'contacts:\n', '  - name: a\n', '2026-13-01', 'null', '~', '1e9', '客户', '\u0000', '\ufeff'), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('loader never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const doc = load(new TextEncoder().encode(text));
        expect(Array.isArray(doc.findings)).toBe(true);
        for (const f of doc.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.rule).toMatch(/^(yaml|schema)\//);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const doc = load(bytes);
        expect(doc.data === undefined || doc.findings.length === 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('on YAML-like punctuation soup', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const doc = load(new TextEncoder().encode(text));
        // a document is either valid data or has at least one finding, never both or neither
        expect(doc.data === undefined).toBe(doc.findings.length > 0);
      }),
      { numRuns: 1000 },
    );
  });
});
