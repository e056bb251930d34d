/**
 * `kam.yaml`: workspace settings (SPEC 1.1). Every setting has a default, so a workspace without
 * `kam.yaml` parses to the same object as an empty one. The scoring defaults are those of SPEC
 * section 3, the check defaults those of section 5.
 */
import { z } from 'zod';
import { isoDate, text } from './common.js';
import { audiences, langs } from './names.js';

export const Severity = z.enum(['error', 'warn']);
export const RuleSetting = z.enum(['error', 'warn', 'off']);
export const Lang = z.enum(langs);

const weight = z.number().min(0);
/** A score's weights are relative (analysis divides them by their sum), so they must not all be 0. */
const someWeight = (w: Record<string, number>) => Object.values(w).some((x) => x > 0);
const someWeightMessage = { message: 'weights must not all be 0: give at least one weight above 0' };
const score = z.number().min(0).max(100);
const share = z.number().gt(0).max(1);
const days = z.int().min(0);

export const Scoring = z.object({
  weights: z
    .object({
      attractiveness: z
        .object({ attractiveness: weight.default(0.4), volume: weight.default(0.3), margin: weight.default(0.3) })
        .prefault({})
        .refine(someWeight, someWeightMessage),
      relationship: z
        .object({ state: weight.default(0.5), level: weight.default(0.2), coverage: weight.default(0.3) })
        .prefault({})
        .refine(someWeight, someWeightMessage),
      composite: z
        .object({ attractiveness: weight.default(0.45), value: weight.default(0.35), relationship: weight.default(0.2) })
        .prefault({})
        .refine(someWeight, someWeightMessage),
    })
    .prefault({}),
  thresholds: z
    .object({
      /** composite S at or above which an account with revenue is `key` */
      key: score.default(65),
      /** cumulative revenue shares closing classes A and B */
      abc: z
        .object({ a: share.default(0.8), b: share.default(0.95) })
        .prefault({})
        .refine((t) => t.a <= t.b, { message: 'must not be greater than `b`', path: ['a'] }),
      /** A and R split of the portfolio matrix */
      quadrant: score.default(50),
      /** growth at or above which an account is `MGC` */
      growth: z.number().default(0.2),
    })
    .prefault({}),
});

export const Checks = z.object({
  stale_after_days: z.object({ key: days.default(90), ordinary: days.default(180) }).prefault({}),
  service_sla_days: days.default(14),
  contact_stale_days: days.default(90),
});

const CURRENCY = /^[A-Z]{3}$/;
const rate = z.number().gt(0);
/**
 * `fx`: rates into the workspace currency, one per currency or one per year
 * (`{ EUR: 7.8, USD: { 2024: 7.10, 2025: 7.20 } }`: 1 EUR = 7.8 of the workspace currency).
 */
export const Fx = z.record(
  z.string().regex(CURRENCY, { message: 'must be a three-letter currency code such as EUR' }),
  z.union([rate, z.record(z.string().regex(/^\d{4}$/, { message: 'must be a four-digit year' }), rate)]),
);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** `MM-DD`, a day every year has (no 02-29). */
const monthDay = z.string().refine(
  (s) => {
    const m = /^(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const [mo, d] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12 && d >= 1 && d <= MONTH_DAYS[mo - 1];
  },
  { message: 'must be a month and day written MM-DD, such as 04-01 (not 02-29)' },
);

/** Who a report is for (`kam plan --audience`): README "Audiences". */
export const Audience = z.enum(audiences);

export const ReportSettings = z.object({
  /** the default of `kam plan --audience` */
  audience: Audience.default('team'),
});

export const Config = z.object({
  version: z.literal(1).default(1),
  company: text.optional(),
  currency: z.string().regex(CURRENCY, { message: 'must be a three-letter currency code such as CNY' }).default('CNY'),
  /** rates into `currency` of the other currencies accounts use */
  fx: Fx.default({}),
  /** the first day of the (fiscal) year, MM-DD; a year is named by the calendar year it starts in */
  fiscal_year_start: monthDay.default('01-01'),
  lang: Lang.default('en'),
  as_of: isoDate.optional(),
  scoring: Scoring.prefault({}),
  rules: z.record(z.string(), RuleSetting).default({}),
  checks: Checks.prefault({}),
  templates: text.default('templates'),
  report: ReportSettings.prefault({}),
});

export type Config = z.infer<typeof Config>;
export type Scoring = z.infer<typeof Scoring>;
export type Fx = z.infer<typeof Fx>;
export type Severity = z.infer<typeof Severity>;
export type RuleSetting = z.infer<typeof RuleSetting>;
export type Lang = z.infer<typeof Lang>;
export type Audience = z.infer<typeof Audience>;

/** The settings of a workspace without `kam.yaml`. */
export const defaultConfig = (): Config => Config.parse({});
