/**
 * Text measured in terminal columns: Chinese, Japanese and Korean characters and most emoji take
 * two, combining marks none. Plain ASCII (most cells and messages) is measured by its length
 * without asking string-width, so a table of 100,000 rows stays fast. Text given here is plain:
 * colour is applied after measuring, padding and shortening.
 */
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The width of one UTF-16 code unit where it is plain: 1 for printable ASCII and Latin letters,
 * 2 for the wide CJK blocks (ideographs, kana, hangul, full-width forms and punctuation); -1
 * where it takes string-width to know (combining marks, emoji, ambiguous punctuation, surrogates).
 */
function unitWidth(code: number): number {
  if (code >= 0x20 && code < 0x7f) return 1;
  // Latin letters (not U+00A0-00BF: the soft hyphen has no width, and string-width takes © and ® as emoji)
  if ((code >= 0xc0 && code < 0x2b0) || code === 0x2026) return 1; // … is ambiguous: narrow, as string-width counts it
  if (
    // not U+302A-302F nor U+3099-309A: combining marks, of no width
    (code >= 0x3000 && code <= 0x3029) ||
    (code >= 0x3030 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x309b && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  ) {
    return 2;
  }
  return -1;
}

/** The width of `text` when every code unit is plain, else -1. */
function plainWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const w = unitWidth(text.charCodeAt(i));
    if (w < 0) return -1;
    width += w;
  }
  return width;
}

export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const plain = plainWidth(text);
  return plain >= 0 ? plain : stringWidth(text);
}

export const padEnd = (text: string, width: number, shown = displayWidth(text)) => (shown >= width ? text : text + ' '.repeat(width - shown));
export const padStart = (text: string, width: number, shown = displayWidth(text)) => (shown >= width ? text : ' '.repeat(width - shown) + text);

const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter();

/** `text` shortened to at most `width` columns, ending in an ellipsis when shortened. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  if (PRINTABLE_ASCII.test(text)) return `${text.slice(0, width - 1)}${ELLIPSIS}`;
  if (plainWidth(text) >= 0) {
    let used = 0;
    let end = 0;
    while (end < text.length && used + unitWidth(text.charCodeAt(end)) <= width - 1) used += unitWidth(text.charCodeAt(end++));
    return `${text.slice(0, end)}${ELLIPSIS}`;
  }
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return out + ELLIPSIS;
}

/**
 * `text` broken into lines of at most `width` columns: at spaces where it has them, else (a long
 * word, a Chinese sentence) between characters. A width of 0 or less, or undefined, is no limit.
 */
export function wrap(text: string, width: number | undefined): string[] {
  if (width === undefined || width <= 0 || displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
    used = 0;
  };
  for (const word of text.split(/(?<= )/)) {
    const w = displayWidth(word);
    const bare = displayWidth(word.trimEnd());
    if (used + bare <= width) {
      line += word;
      used += w;
      continue;
    }
    if (used > 0) push();
    if (bare <= width) {
      line = word;
      used = w;
      continue;
    }
    // a word longer than a line: break it between characters
    for (const { segment } of segmenter.segment(word)) {
      const sw = displayWidth(segment);
      if (used + sw > width && segment !== ' ') push();
      line += segment;
      used += sw;
    }
  }
  if (line.trim() !== '' || lines.length === 0) push();
  return lines;
}
