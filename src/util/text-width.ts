/**
 * Text measured in terminal columns: Chinese, Japanese and Korean characters and most emoji take
 * two, combining marks none. Plain ASCII (most cells and messages) is measured by its length
 * without asking string-width, so a table of 100,000 rows stays fast. Text given here is plain:
 * colour is applied after measuring, padding and shortening.
 */
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
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
