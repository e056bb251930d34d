/**
 * The strict scan against the strict parser: every text `needsStrict` lets through to js-yaml and
 * js-yaml accepts, eemeli's parser accepts with the same value, so taking the fast path never
 * accepts what the editor's parser marks red. (A text js-yaml refuses goes to eemeli's parser
 * anyway, which gives the verdict.)
 */
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { isCollection, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { needsStrict } from '../../src/load/strict.js';

type Verdict = { ok: true; value: string } | { ok: false };

const fast = (text: string): Verdict => {
  try {
    return { ok: true, value: JSON.stringify(jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) ?? null) };
  } catch {
    return { ok: false };
  }
};

const strict = (text: string): Verdict => {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false };
  let collectionKey = false;
  visit(doc, { Pair: (_, pair) => void (collectionKey ||= isCollection(pair.key)) });
  if (collectionKey) return { ok: false };
  try {
    return { ok: true, value: JSON.stringify(doc.toJS() ?? null) };
  } catch {
    return { ok: false };
  }
};

/** The lines of a plan file and the constructs js-yaml is lenient about, in pieces. */
const indent = fc.constantFrom('', '  ', '    ', ' ', '\t');
const word = fc.constantFrom('a', 'b c', 'R&D', "it's", 'x:y', '1', '2026-01-01', '客户', 'a - b', 'a #b', 'a# b', '');
const scalar = fc.oneof(
  word,
  word.map((w) => `"${w}"`),
  word.map((w) => `'${w}'`),
  word.map((w) => `"${w}`),
  word.map((w) => `'${w}`),
  word.map((w) => `${w}"`),
  fc.constantFrom('"a\\"b"', "'a''b'", '"a\\', '|', '>', '|-', '>+', '| # c', '[]', '{}'),
);
const flow = fc.oneof(
  fc.array(scalar, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
  fc.array(scalar, { maxLength: 3 }).map((xs) => `[${xs.join(',')}`),
  fc.array(word, { maxLength: 2 }).map((xs) => `{ ${xs.map((x, i) => `k${i}: ${x}`).join(', ')} }`),
  fc.array(word, { maxLength: 2 }).map((xs) => `{ ${xs.map((x, i) => `k${i}: ${x}`).join(', ')}`),
  fc.constantFrom('[a, [b]', '[[a], b]', '{a: [b, c]}', '[a]#x', '"a"#x', '[a] #x', '[a, b,#x'),
);
const value = fc.oneof(scalar, flow);
const tail = fc.constantFrom('', ' ', ' # note', '#x', ']', '}', ',', '"', "'");
const line = fc.oneof(
  fc.tuple(indent, fc.constantFrom('key', 'k2', 'name', '- name', '-', '? k', 'x'), value, tail).map(([i, k, v, t]) => `${i}${k}: ${v}${t}`),
  fc.tuple(indent, value, tail).map(([i, v, t]) => `${i}- ${v}${t}`),
  fc.tuple(indent, value).map(([i, v]) => `${i}${v}`),
  fc.constantFrom('---', '--- a', '--- a: b', '...', '... x', '%YAML 1.2', '%TAG ! tag:x,1:', '# comment', '', '   ', ' ', '\t'),
);
const text = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => `${lines.join('\n')}\n`);

describe('needsStrict', () => {
  it('lets through to js-yaml only texts it parses as the strict parser does', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (needsStrict(t)) return;
        const verdict = fast(t);
        if (verdict.ok) expect(strict(t), t).toEqual(verdict);
      }),
      { numRuns: 20000 },
    );
  });

  it('sends the constructs js-yaml mishandles to the strict parser', () => {
    for (const t of ['    - \n- \'a\'\n', 'flow: [a,\nb,\nc]\n', '[ a, b, c, ]#invalid\n', '--- key1: value1\n    key2: value2\n', 'key: "value"# invalid comment\n', 'quoted: "a\nb\nc"\n', 'foo: |\n\t\nbar: 1\n', 'empty: >\n \n  \n # c\n', '%YAML 1.2\n']) {
      expect(needsStrict(t), t).toBe(true);
    }
  });

  it('leaves the shapes of ordinary plan files on the fast path', () => {
    for (const t of ['id: a\nname: "Acme Ltd"\nbarriers: [capital, technology]\npotential: { volume: high, margin: low }\nsummary: |\n  It\'s a plan [draft].\n\n  More.\n', "name: Let's Stop N Shop\nnote: a 'quoted' word\n"]) {
      expect(needsStrict(t), t).toBe(false);
    }
  });
});
