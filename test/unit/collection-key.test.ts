/** A list or mapping used as a key is a finding on both parser paths, never a silently stringified key. */
import { describe, expect, it } from 'vitest';
import { loadDoc } from '../../src/load/workspace.js';

const load = (text: string) => loadDoc('account', 'accounts/x.yaml', { text });

describe('collection keys', () => {
  it.each([
    ['an explicit list key', 'id: x\nname: X\n? [a, b]\n: 1\n', 3],
    ['an explicit mapping key', 'id: x\nname: X\n? { a: 1 }\n: 1\n', 3],
    ['a flow mapping as an implicit key', 'id: x\nname: X\n{ a: 1 }: 1\n', 3],
    ['a flow list as an implicit key', 'id: x\nname: X\n[a, b]: 1\n', 3],
  ])('%s is yaml/non-string-key at its line', (_name, text, line) => {
    const doc = load(text);
    expect(doc.data).toBeUndefined();
    expect(doc.findings.map((f) => [f.rule, f.line])).toContainEqual(['yaml/non-string-key', line]);
  });

  it('brackets inside a value still load (on the slow path)', () => {
    const doc = load('id: x\nname: "[x]: y"\n');
    expect(doc.findings).toEqual([]);
    expect(doc.data).toMatchObject({ id: 'x', name: '[x]: y' });
  });
});
