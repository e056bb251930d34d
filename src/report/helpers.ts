/**
 * Handlebars helpers of the report templates (README "Report templates"): labels (`t`), money in
 * the report's currency, percentages, scores, dates, lists and a few comparisons. No helper is
 * named like a context field (`date`, `score`, `count`, ...): Handlebars would call the helper. Each returns a
 * plain string that Handlebars escapes (HTML), except `list` in HTML, which builds its markup from
 * escaped items. Pure and deterministic: no locale or clock is read.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { escapeHtml } from './escape.js';
import type { ReportFormat } from './formats.js';
import type { Labels } from './labels/types.js';
import type { Lang } from '../schema/config.js';
import { moneyFull, moneyShort, NBSP, percentText } from './numbers.js';

export type { ReportFormat };

/** A helper a template called wrongly (unknown label path, ...): reported with the template's name. */
export class TemplateError extends Error {
  /** true once the message names the template file */
  readonly located: boolean;
  constructor(message: string, located = false) {
    super(message);
    this.located = located;
    this.name = 'TemplateError';
  }
}

type Safe = new (s: string) => { toString(): string };

const absent = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const isOptions = (v: unknown): v is HelperOptions => typeof v === 'object' && v !== null && 'hash' in v && 'data' in v;

/** Splits a helper's arguments from its trailing `options`. */
function split(all: unknown[]): { args: unknown[]; options: HelperOptions } {
  const options = all[all.length - 1];
  if (!isOptions(options)) throw new TemplateError('helper called without Handlebars options');
  return { args: all.slice(0, -1), options };
}

/** `1234567.5` → `1,234,567.5`: digits grouped by three, at most `digits` decimals, no trailing zeros. */
export function formatNumber(value: number, digits = 2): string {
  const factor = 10 ** digits;
  const rounded = Math.round(Math.abs(value) * factor + 1e-9) / factor;
  const [int, frac] = rounded.toFixed(digits).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = (frac ?? '').replace(/0+$/, '');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/** `0.324` → `32.4%`; `sign` puts `+` before positive values. */
export function formatPercent(ratio: number, digits = 1, sign = false): string {
  const text = formatNumber(ratio * 100, digits);
  return `${sign && ratio * 100 >= 0.5 * 10 ** -digits ? '+' : ''}${text}%`;
}

/** A score with exactly one decimal: `85` → `85.0`. */
export function formatScore(value: number): string {
  const r = Math.round(Math.abs(value) * 10 + 1e-9) / 10;
  return `${value < 0 && r !== 0 ? '-' : ''}${r.toFixed(1)}`;
}

/** Money in `currency`: `CNY 6,800,000`, `CNY -130,000`, cents only when there are some. */
export const formatMoney = (value: number, currency: string): string => `${currency} ${formatNumber(value, 2)}`;

/** Labels by dotted path, remembered: templates ask for the same few hundred paths per account. */
const labelCache = new WeakMap<Labels, Map<string, unknown>>();

function labelAt(labels: Labels, path: string): unknown {
  let cache = labelCache.get(labels);
  if (!cache) labelCache.set(labels, (cache = new Map()));
  if (!cache.has(path)) cache.set(path, lookupLabel(labels, path));
  return cache.get(path);
}

function lookupLabel(labels: Labels, path: string): unknown {
  let node: unknown = labels;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A label with its `{placeholders}` filled from `hash` (unknown ones kept as written). */
export const fill = (text: string, hash: Record<string, unknown>): string =>
  !text.includes('{') ? text : text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(hash, name) ? String(hash[name] ?? '') : whole));

export function makeHelpers(format: ReportFormat, labels: Labels, SafeString: Safe, lang: Lang = 'en'): Record<string, HelperDelegate> {
  const none = labels.common.none;
  const rootCurrency = (options: HelperOptions): string => String(options.data?.root?.currency ?? '');

  const helpers: Record<string, (...all: unknown[]) => unknown> = {
    /**
     * `{{t "sections.summary"}}`: a label; `{{t "tier" tier}}`: the label of an enum value (the value
     * itself when it has none, `—` when absent); `{placeholders}` are filled from the hash:
     * `{{t "text.riskTotal" points=3 level="high"}}`.
     */
    t(...all) {
      const { args, options } = split(all);
      const [path, value] = args;
      if (typeof path !== 'string') throw new TemplateError('{{t}} needs a label path, e.g. {{t "sections.summary"}}');
      const node = labelAt(labels, path);
      if (args.length >= 2) {
        if (node === null || typeof node !== 'object') throw new TemplateError(`unknown label group "${path}"`);
        if (absent(value)) return none;
        const label = labelAt(node as Labels, String(value));
        return fill(typeof label === 'string' ? label : String(value), options.hash);
      }
      if (typeof node !== 'string') throw new TemplateError(`unknown label "${path}"`);
      return fill(node, options.hash);
    },
    /**
     * `{{money value}}` in the report's currency (`CNY 3,500,000`), or `{{money value currency}}`;
     * `short=true` in tables (`CNY 3.5 M`, zh `CNY 350万`): `numbers.ts`.
     */
    money(...all) {
      const { args, options } = split(all);
      const [value, currency] = args;
      if (typeof value !== 'number') return none;
      const code = typeof currency === 'string' && currency ? currency : rootCurrency(options);
      const text = options.hash.short === true ? moneyShort(value, code, lang) : moneyFull(value, code, lang);
      // HTML keeps the no-break spaces (an amount never wraps); Markdown has plain ones, for text tools
      return format === 'md' ? text.replaceAll(NBSP, ' ') : text;
    },
    /** `{{number value}}`, `{{number value 0}}`: grouped digits; text is shown as it is. */
    number(...all) {
      const { args } = split(all);
      const [value, digits] = args;
      if (typeof value === 'string' && value !== '') return value;
      return typeof value === 'number' ? formatNumber(value, typeof digits === 'number' ? digits : 2) : none;
    },
    /**
     * `{{percent ratio}}` (0.324 → 32.4%), `{{percent ratio 0}}`, `{{percent delta sign=true}}`;
     * `whole=true` for a value already in percent (completeness 88.9 → 88.9%).
     */
    percent(...all) {
      const { args, options } = split(all);
      const [value, digits] = args;
      if (typeof value !== 'number') return none;
      const ratio = options.hash.whole === true ? value / 100 : value;
      return percentText(ratio, lang, typeof digits === 'number' ? digits : 1, options.hash.sign === true);
    },
    /**
     * `{{fmtScore 84.65}}` → `84.7` (one decimal, always shown); an unknown score (null) reads
     * "not assessed", or with `{{fmtScore value "value"}}` (V, abc) "no rate".
     */
    fmtScore(...all) {
      const { args } = split(all);
      if (typeof args[0] === 'number') return formatScore(args[0]);
      if (args[0] === null) return args[1] === 'value' ? labels.common.notRanked : labels.common.notAssessed;
      return none;
    },
    /** `{{fmtDate value}}`: the ISO date (YYYY-MM-DD), `—` when absent; in HTML a `<time>`, which never wraps. */
    fmtDate(...all) {
      const { args } = split(all);
      if (typeof args[0] !== 'string' || args[0] === '') return none;
      return format === 'md' ? args[0] : new SafeString(`<time>${escapeHtml(args[0])}</time>`);
    },
    /** `{{join list}}`: items inline, separated by the language's list separator (or `{{join list ", "}}`). */
    join(...all) {
      const { args } = split(all);
      const [list, sep] = args;
      const items = Array.isArray(list) ? list.filter((x) => !absent(x)).map(String) : absent(list) ? [] : [String(list)];
      return items.length ? items.join(typeof sep === 'string' ? sep : labels.listSeparator) : none;
    },
    /** `{{list items}}`: a bullet list (`- item` lines in Markdown, `<ul>` in HTML); `—` when empty. */
    list(...all) {
      const { args } = split(all);
      const items = Array.isArray(args[0]) ? args[0].filter((x) => !absent(x)).map(String) : [];
      if (!items.length) return none;
      if (format === 'md') return items.map((i) => `- ${i}`).join('\n');
      return new SafeString(`<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
    },
    /** `{{or a b "fallback"}}`: the first argument that is present (not null, false, empty text or empty list). */
    or(...all) {
      const { args } = split(all);
      return args.find((a) => !absent(a) && a !== false) ?? args[args.length - 1];
    },
    /** `{{#if (present x)}}`: true unless x is absent, empty text or an empty list. */
    present(...all) {
      const { args } = split(all);
      return !absent(args[0]);
    },
    and(...all) {
      const { args } = split(all);
      return args.every((a) => !absent(a) && a !== false);
    },
    not(...all) {
      const { args } = split(all);
      return absent(args[0]) || args[0] === false;
    },
    eq(...all) {
      const { args } = split(all);
      return args[0] === args[1];
    },
    ne(...all) {
      const { args } = split(all);
      return args[0] !== args[1];
    },
    gt(...all) {
      const { args } = split(all);
      return Number(args[0]) > Number(args[1]);
    },
    lt(...all) {
      const { args } = split(all);
      return Number(args[0]) < Number(args[1]);
    },
    /** `{{add a b}}`, `{{sub a b}}`: arithmetic for chart coordinates, rounded to one decimal. */
    add(...all) {
      const { args } = split(all);
      return Math.round((Number(args[0]) + Number(args[1])) * 10) / 10;
    },
    sub(...all) {
      const { args } = split(all);
      return Math.round((Number(args[0]) - Number(args[1])) * 10) / 10;
    },
    /** `{{size list}}`: its length (0 when absent). */
    size(...all) {
      const { args } = split(all);
      return Array.isArray(args[0]) ? args[0].length : 0;
    },
  };
  return helpers as Record<string, HelperDelegate>;
}
