/**
 * The fast check of a file's schema: ajv standalone code compiled at build time
 * (scripts/compile-validators.js, dist/schema/validators.cjs) from the same JSON Schemas the
 * zod schemas give (json-schema.ts), with zod's own `isRealDate` as the `date` format. It only
 * ever says "valid": a file it passes has no zod issue and no unknown key (held by
 * test/schema/compiled.test.ts), so `loadDoc` skips zod for it; a file it refuses goes through
 * zod, which writes the messages. Without a build (tests run from src/) there is no fast check.
 */
import { createRequire } from 'node:module';
import { isRealDate } from './common.js';

export type CompiledKind = 'account' | 'competitor' | 'self';
type Check = (value: unknown) => boolean;

let loaded: Partial<Record<CompiledKind, Check>> | undefined;

/** The compiled checks from `file` (default: the build's), or none when it is missing. */
export function loadCompiled(file = './validators.cjs'): Partial<Record<CompiledKind, Check>> {
  try {
    const make = createRequire(import.meta.url)(file) as (formats: unknown) => Record<CompiledKind, Check>;
    return make({ date: { type: 'string', validate: isRealDate } });
  } catch {
    return {};
  }
}

/** The compiled check of `kind`, if the build made one (config always goes through zod: its defaults). */
export function compiledCheck(kind: string): Check | undefined {
  loaded ??= loadCompiled();
  return loaded[kind as CompiledKind];
}
