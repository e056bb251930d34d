/**
 * Building blocks shared by the four file schemas (SPEC section 1): slugs, dates, ratios, money,
 * ratings. The rule ids a schema finding can carry are named in `src/codes.ts`.
 */
import { z } from 'zod';
import { schemaCodes } from '../codes.js';

/** Rule ids of schema findings (from the catalogue, `src/codes.ts`); zod issues map to these in `issues.ts`. */
export const schemaRules = schemaCodes;

export const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for `YYYY-MM-DD` strings that name a real calendar day (no 2026-02-30). */
export function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]);
}

export const slug = z
  .string()
  .regex(SLUG, { message: 'must be a slug: lower-case letters, digits and "-", starting with a letter or digit' });

export const isoDate = z
  .string()
  .refine(isRealDate, { message: 'must be a real calendar date written YYYY-MM-DD', params: { rule: schemaRules.date } })
  .meta({ format: 'date' });

export const ratio = z.number().min(0).max(1);
export const money = z.number();
export const text = z.string();
export const textList = z.array(z.string());

export const Rating = z.enum(['high', 'medium', 'low']);
export const PricePosition = z.enum(['below_market', 'at_market', 'above_market']);

export type Rating = z.infer<typeof Rating>;
export type PricePosition = z.infer<typeof PricePosition>;
