/**
 * Escaping of values taken from YAML. HTML reports rely on Handlebars' own escaping of `{{value}}`
 * (and `escapeHtml` for helpers that build markup). Markdown reports are rendered without
 * Handlebars' HTML escaping; instead every string of the context is passed through `escapeMarkdown`
 * first, so that a value cannot break a table (`|`, line breaks), start markup (`<`, `[`, `` ` ``,
 * `*`, `_`) or hide the rest of the report (`<!--`).
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML or XML element content and quoted attribute values. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML[c]);

/** A character `escapeMarkdown` changes anywhere, and what it changes at the start only. */
const MARKDOWN_SPECIAL = /[\r\n&\\`*[\]|_<]/;
const MARKDOWN_START = /^(?:[#+=>-]|\d+[.)])/;

/**
 * Text for a Markdown table cell or paragraph: `\`, `|`, `` ` ``, `*`, `[`, `]` and an `_` at a word
 * boundary are backslash-escaped, `<` becomes `&lt;`, an `&` that would start an entity becomes
 * `&amp;`, a `#`, `+`, `-`, `=`, `>` or `1.` at the start (a heading, list or quote) is escaped,
 * and line breaks become `<br>` (trailing ones are dropped). Intra-word `_` (`in_progress`) is left alone: it does not emphasise.
 */
export function escapeMarkdown(value: string): string {
  // most values (names, dates, amounts) hold nothing to escape: keep them without eight replaces
  return MARKDOWN_SPECIAL.test(value) || MARKDOWN_START.test(value) ? replaceMarkdown(value) : value;
}

/** The replaces of `escapeMarkdown`, run whatever the value holds (a test holds the two together). */
export function replaceMarkdown(value: string): string {
  return value
    .replace(/[\r\n]+$/, '')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/[\\`*[\]|]/g, (c) => `\\${c}`)
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/</g, '&lt;')
    .replace(/^([#+=>-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** A copy of `value` with every string passed through `fn` (plain objects and arrays only). */
export function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    // for-in over a plain object: the own keys, without the pairs `Object.entries` allocates
    for (const k in value) out[k] = mapStrings((value as Record<string, unknown>)[k], fn);
    return out as T;
  }
  return value;
}
