/**
 * The compiled fast check (ajv standalone code, dist/schema/validators.cjs) against zod: every
 * document it accepts, zod accepts with no issue and the unknown-key walk finds nothing, so
 * `loadDoc` may skip zod for it. The documents are the plan files of examples/ and
 * test/fixtures/, as they are and mutated: wrong types, bad enums, ratios out of range, dates
 * that are no day, unknown keys, x- keys, `__proto__` keys, required keys removed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { Account } from '../../src/schema/account.js';
import { loadCompiled, type CompiledKind } from '../../src/schema/compiled.js';
import { Competitor } from '../../src/schema/competitor.js';
import { Self } from '../../src/schema/self.js';
import { unknownKeys } from '../../src/schema/unknown-keys.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const checks = loadCompiled(join(ROOT, 'dist/schema/validators.cjs'));
const schemas: Record<CompiledKind, z.ZodType> = { account: Account, competitor: Competitor, self: Self };

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '.git' ? [] : yamlFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

const kindOfPath = (p: string): CompiledKind | undefined =>
  /\/accounts\/[^/]+\.ya?ml$/.test(p) ? 'account' : /\/competitors\/[^/]+\.ya?ml$/.test(p) ? 'competitor' : /\/self\.ya?ml$/.test(p) ? 'self' : undefined;

const seeds: { kind: CompiledKind; file: string; value: unknown }[] = [];
for (const file of [...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'test/fixtures'))]) {
  const kind = kindOfPath(file);
  if (!kind) continue;
  try {
    const value = jsyaml.load(readFileSync(file, 'utf8'), { schema: jsyaml.CORE_SCHEMA });
    if (value !== null && typeof value === 'object') seeds.push({ kind, file: relative(ROOT, file), value });
  } catch {
    // not YAML: the parser's business, not the schema's
  }
}

const zodAccepts = (kind: CompiledKind, value: unknown) => schemas[kind].safeParse(value).success && unknownKeys(schemas[kind], value).length === 0;

/** Every path to an object or array in `value` (the root included). */
function containers(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return out;
  out.push(path);
  for (const [k, v] of Object.entries(value)) containers(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  return out;
}
const at = (value: unknown, path: (string | number)[]) => path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);
/** Sets an own, enumerable key the way js-yaml does (so `__proto__` is a key, not the prototype). */
const put = (obj: object, key: string | number, v: unknown) => Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });

const badValue = fc.oneof(
  fc.constantFrom<unknown>(
    null, true, false, 0, -0, 1, -1, 0.5, 1.5, -0.1, 1.0000001, 10, 10.5, 11, 4, 5, 1899, 1900, 2999, 3000, 2024.5,
    Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, 1e300,
    '', 'x', 'high', 'HIGH', 'key', 'planned', 'won', 'champion', 'major', 'at_market', 'EUR', 'eur', 'EURO',
    'acme', 'Acme', '-acme', 'a_b', '2024', '24', '2026-02-30', '2024-02-29', '2023-02-29', '2026-13-01', '2026-00-10',
    '2026-01-00', '2026-1-1', ' 2026-01-01', '2026-01-01\n', '2026-04-31', '2000-02-29', '1900-02-29', '2026-01-31',
    [], [1], ['a'], [{}], {}, { name: 'n' }, { ref: 'r' }, { fact: 'f' }, { date: '2026-01-01', score: 5 },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const badKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x-', 'x-note', 'X-note', 'x_note', 'id', 'name', 'ref', 'nme', '2024', '24', '', 'valueOf'),
  fc.string({ maxLength: 6 }),
);

type Mutation = { at: number; op: 'set' | 'add' | 'delete' | 'swap'; key: string; value: unknown; pick: number };
const mutation = fc.record({ at: fc.nat(), op: fc.constantFrom('set', 'add', 'delete', 'swap'), key: badKey, value: badValue, pick: fc.nat() }) as fc.Arbitrary<Mutation>;

function mutate(seed: unknown, mutations: Mutation[]): unknown {
  const doc = structuredClone(seed) as object;
  for (const m of mutations) {
    const spots = containers(doc);
    const target = at(doc, spots[m.at % spots.length]) as Record<string, unknown>;
    const keys = Object.keys(target);
    const existing = keys.length > 0 ? keys[m.pick % keys.length] : undefined;
    if (m.op === 'add') put(target, Array.isArray(target) ? target.length : m.key, structuredClone(m.value));
    else if (existing === undefined) continue;
    else if (m.op === 'delete') {
      if (Array.isArray(target)) target.splice(Number(existing), 1);
      else delete target[existing];
    } else if (m.op === 'set') put(target, Array.isArray(target) ? Number(existing) : existing, structuredClone(m.value));
    else {
      // another value of the same document in this place: the right shape at the wrong key
      const others = spots.map((p) => at(doc, p));
      put(target, Array.isArray(target) ? Number(existing) : existing, structuredClone(others[m.pick % others.length]));
    }
  }
  return doc;
}

describe('compiled schema check', () => {
  it('is built, for accounts, competitors and self.yaml, and there are documents of each kind to try', () => {
    expect(Object.keys(checks).sort()).toEqual(['account', 'competitor', 'self']);
    for (const kind of ['account', 'competitor', 'self'] as const) expect(seeds.filter((s) => s.kind === kind).length).toBeGreaterThan(0);
  });

  it('agrees with zod + the unknown-key walk on every plan file of examples/ and test/fixtures/', () => {
    let accepted = 0;
    for (const { kind, file, value } of seeds) {
      const fast = checks[kind]!(value);
      expect({ file, fast }).toEqual({ file, fast: zodAccepts(kind, value) });
      if (fast) accepted++;
    }
    expect(accepted).toBeGreaterThan(10);
  });

  it('accepts a mutated document only when zod and the unknown-key walk find nothing', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, mutations) => {
        const { kind } = seeds[i];
        const value = mutate(seeds[i].value, mutations);
        if (checks[kind]!(value)) {
          accepted++;
          expect(zodAccepts(kind, value)).toBe(true);
        } else refused++;
        return true;
      }),
      { numRuns: Number(process.env.KAM_COMPILED_RUNS ?? 1_000) },
    );
    // the property is tried on both sides: some mutants pass, many do not
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  }, 120_000);

  it('refuses what zod refuses and the JSON Schema alone would let through', () => {
    const base = { id: 'acme', name: 'Acme' };
    const account = checks.account!;
    expect(account(base)).toBe(true);
    expect(account({ ...base, reviewed: '2026-02-30' })).toBe(false);
    expect(account({ ...base, reviewed: '2024-02-29' })).toBe(true);
    expect(account({ ...base, competitors: [{ share: 0.2 }] })).toBe(false);
    expect(account({ ...base, financials: { margin: Number.NaN } })).toBe(false);
    expect(account({ ...base, financials: { wallet: Number.POSITIVE_INFINITY } })).toBe(false);
    expect(account(JSON.parse('{"id":"acme","name":"Acme","__proto__":{"x":1}}'))).toBe(false);
    expect(account({ ...base, 'x-note': { anything: [1] } })).toBe(true);
  });
});
