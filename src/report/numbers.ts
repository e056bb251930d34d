/**
 * Numbers people read, by report language (README "Numbers in the reports"): money with its
 * currency code and grouped digits (`CNY 3,500,000`), and short in tables (`CNY 3.5 M` in English,
 * `CNY 350万` and `CNY 1.2亿` in Chinese); percentages with one decimal (`32.0%`). Built on
 * `Intl.NumberFormat`, whose formatters are made once per language. The space between the
 * currency code and the number (and before `M`) is a no-break space, so that an amount never
 * wraps inside a table cell. Pure: no clock; the locale is the report's, never the machine's.
 */
import type { Lang } from '../schema/config.js';

/** The no-break space that joins a currency code, its number and the number's unit. */
export const NBSP = '\u00a0';

const locales: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };

/** Short amounts start here: below it an amount is written out (`CNY 9,800`). */
export const SHORT_FROM = 10_000;

interface Formatters {
  full: Intl.NumberFormat;
  short: Intl.NumberFormat;
  percent: Intl.NumberFormat;
}

const formatters = new Map<string, Formatters>();

function formattersFor(lang: Lang): Formatters {
  const locale = locales[lang] ?? locales.en;
  let f = formatters.get(locale);
  if (!f) {
    f = {
      full: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      short: new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }),
      percent: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    };
    formatters.set(locale, f);
  }
  return f;
}

/** `-0` and rounding to zero show as `0`, never `-0`. */
const noNegativeZero = (text: string) => text.replace(/^-(?=0(?:[.,]0*)?$)/, '');

/** `3500000` → `CNY 3,500,000` (cents only when there are some; `CNY -130,000` when negative). */
export function moneyFull(value: number, currency: string, lang: Lang): string {
  const number = noNegativeZero(formattersFor(lang).full.format(value));
  return currency ? `${currency}${NBSP}${number}` : number;
}

/**
 * `3500000` → `CNY 3.5 M` (en) or `CNY 350万` (zh): one decimal at most, the unit of the
 * language (K, M, B, T; 万, 亿). Amounts below `SHORT_FROM` are written out.
 */
export function moneyShort(value: number, currency: string, lang: Lang): string {
  if (Math.abs(value) < SHORT_FROM) return moneyFull(Math.round(value), currency, lang);
  const parts = formattersFor(lang).short.formatToParts(value);
  const unit = parts.filter((p) => p.type === 'compact').map((p) => p.value).join('');
  const number = parts
    .filter((p) => p.type !== 'compact' && p.type !== 'literal')
    .map((p) => p.value)
    .join('');
  // English sets the unit apart (`3.5 M`); Chinese writes it on the number (`350万`)
  const text = unit === '' ? number : lang === 'zh' ? `${number}${unit}` : `${number}${NBSP}${unit}`;
  return currency ? `${currency}${NBSP}${text}` : text;
}

const percentFormats = new Map<string, Intl.NumberFormat>();
/** A formatter of exactly `digits` decimals, made once. */
function percentFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const d = Math.min(20, Math.max(0, Math.trunc(digits)));
  const key = `${lang}:${d}`;
  let f = percentFormats.get(key);
  if (!f) percentFormats.set(key, (f = new Intl.NumberFormat(locales[lang] ?? locales.en, { minimumFractionDigits: d, maximumFractionDigits: d })));
  return f;
}

/** `0.32` → `32.0%`; `digits` other than 1 for whole-number values (`60%`); `sign` puts `+` before a positive value. */
export function percentText(ratio: number, lang: Lang, digits = 1, sign = false): string {
  const pct = ratio * 100;
  const fixed = digits === 1 ? formattersFor(lang).percent.format(pct) : percentFormat(lang, digits).format(pct);
  const text = noNegativeZero(fixed);
  const positive = !text.startsWith('-') && /[1-9]/.test(text);
  return `${sign && positive ? '+' : ''}${text}%`;
}
