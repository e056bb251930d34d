/** `--map` paths and CSV headers reach no prototype (issue 20, item 7). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownField, refusePath, safeCrmKey, setOwnPath } from '../../src/import/safe-path.js';
import { resolveTarget } from '../../src/import/target.js';

describe('safe paths', () => {
  it('refuses __proto__, constructor and prototype anywhere in a path', () => {
    for (const path of ['x-crm.__proto__.polluted', '__proto__.x', 'constructor.x', 'team.prototype', 'x-crm.constructor']) {
      expect(refusePath(path, path.split('.'))).toMatch(/no field of an account/);
      expect(resolveTarget(path)).toHaveProperty('problem');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('sees only own keys: `toString` and `hasOwnProperty` are no fields', () => {
    expect(ownField({ a: 1 }, 'toString')).toBeUndefined();
    expect(resolveTarget('toString')).toEqual({ problem: expect.stringContaining('has no field `toString`') });
    expect(resolveTarget('team.hasOwnProperty')).toHaveProperty('problem');
  });

  it('sets own properties only, whatever the path (arbitrary keys)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('toString', 'valueOf', '__defineGetter__')), { minLength: 1, maxLength: 4 }), (path) => {
        const root: Record<string, unknown> = {};
        setOwnPath(root, path, 1);
        let at: unknown = root;
        for (const seg of path) {
          expect(Object.hasOwn(at as object, seg)).toBe(true);
          at = (at as Record<string, unknown>)[seg];
        }
        expect(at).toBe(1);
        expect(Object.getPrototypeOf(root)).toBe(Object.prototype);
        expect(({} as Record<string, unknown>)[path[0]]).toBe(({} as Record<string, unknown>)[path[0]]);
      }),
    );
    expect(() => setOwnPath({}, ['x-crm', '__proto__', 'polluted'], 1)).toThrow(/refusing/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a CSV column named like a prototype under a safe key', () => {
    expect(safeCrmKey('__proto__')).toBe('__proto__ (column)');
    expect(safeCrmKey('Segment')).toBe('Segment');
  });
});
