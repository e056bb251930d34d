/**
 * The one sanitiser for text kam prints to a terminal or writes into a log format. A value from
 * a plan file (a key, a name, a file name) may hold control characters: an escape sequence that
 * retitles or recolours the terminal, a newline followed by `::error …` that GitHub Actions runs
 * as a workflow command, a bidi override that shows text in another order than it is. Each such
 * character is shown escaped instead (`\x1b`, `\n`, `\u{202e}`), so what is printed is what the
 * file holds and no line of output starts where the file chose.
 *
 * Escaped: C0 controls (tab and newline too: a message is one line), DEL, C1 controls, the bidi
 * embeddings, overrides, isolates and marks, and the Unicode line and paragraph separators.
 * Everything else (Chinese, emoji, accents) is kept as it is.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_ONE = new RegExp(UNSAFE.source);

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (c: string) => {
  const code = c.codePointAt(0)!;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
};

/** Whether `text` holds a character `terminalText` escapes. */
export const hasUnsafe = (text: string): boolean => UNSAFE_ONE.test(text);

/** `text` with every control, bidi and line-separator character shown escaped (`\x1b`, `\n`). */
export const terminalText = (text: string): string => (hasUnsafe(text) ? text.replace(UNSAFE, (c) => NAMED[c] ?? hex(c)) : text);

/** The characters `terminalText` escapes, for formats with escapes of their own (JSON, XML). */
export const UNSAFE_CHARS = UNSAFE;

/** The longest message a format prints, in characters; longer ones are cut with "…". */
export const MAX_MESSAGE = 500;

/**
 * `text` cut to at most `max` characters (code points, so no surrogate is split), with "…" at the
 * end when cut. Cheap on any length: it never looks past `2 * max` code units.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text.slice(0, 2 * max));
  return chars.length <= max && text.length <= 2 * max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A value of the input quoted in a message: at most `max` characters, control characters escaped. */
export const excerpt = (text: string, max = 40): string => terminalText(shorten(text, max));

// JSON.stringify escapes C0 already; what it leaves raw (DEL, C1, bidi, separators) gets \u escapes
// eslint-disable-next-line no-control-regex
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const u4 = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `JSON.stringify(value, null, indent)` with every character `terminalText` escapes written as a
 * `\uXXXX` escape: the same JSON value, and nothing in it a terminal acts on.
 */
export const safeJson = (value: unknown, indent?: number): string => {
  const text = JSON.stringify(value, null, indent);
  return text === undefined ? text : text.replace(JSON_RAW, u4);
};

/** The same characters as XML character references (XML 1.0 allows them there, not raw C0). */
export const xmlCharRefs = (text: string): string => text.replace(JSON_RAW, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
