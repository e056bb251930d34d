/**
 * Numbers as CRM exports and spreadsheets write them: `1,234,567`, `1 234 567`, `1.234.567,89`,
 * `12,34,567`, `USD 1,200.50`, `¥3,200,000`, `(1,200)`, `28%`, `1.2E+06`, `320万`, `1.5亿`. Returns undefined
 * for anything that is not clearly one number. A single `,` or `.` not followed by exactly three
 * digits is a decimal mark (`3,5` and `1.234` are 3.5 and 1.234); `1,234` and `1.234.567` are thousands.
 * With `decimalComma` the roles of `,` and `.` are swapped (`12.500` is 12500, `1,234` is 1.234).
 */
const CURRENCY = /^(?:[A-Z]{3}|RMB|[$€£¥￥₹₩])\s*|\s*(?:[A-Z]{3}|RMB|[$€£¥￥₹₩元])$/;
const CHINESE_UNITS: Record<string, number> = { 万: 4, 亿: 8 };

/** `digits` (with `.` as the decimal mark) times ten to the `shift`, without binary rounding. */
const shifted = (digits: string, shift: number) => Number(shift === 0 ? digits : `${digits}e${shift}`);

function plain(text: string): string | undefined {
  if (/^\d+(\.\d+)?[eE][+-]?\d+$/.test(text)) return text;
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  if (!/^[\d.,]+$/.test(text) || !/^\d/.test(text) || !/\d$/.test(text)) return undefined;
  if (commas > 0 && dots > 0) {
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '\\.' : ',';
    const m = new RegExp(`^(\\d{1,3}(?:${group}\\d{3})*|\\d+)\\${decimal}(\\d+)$`).exec(text);
    return m ? `${m[1].replace(/[.,]/g, '')}.${m[2]}` : undefined;
  }
  const sep = commas > 0 ? ',' : dots > 0 ? '.' : '';
  if (sep === '') return text;
  if (new RegExp(`^[1-9]\\d{0,2}(?:\\${sep}\\d{3})+$`).test(text) && (sep === ',' || dots > 1)) return text.split(sep).join('');
  if (sep === ',' && /^[1-9]\d?(?:,\d\d)+,\d{3}$/.test(text)) return text.split(',').join(''); // 12,34,567 (India)
  return (sep === ',' ? commas : dots) === 1 ? text.replace(sep, '.') : undefined;
}

export interface NumberStyle {
  /** `,` is the decimal mark and `.` groups thousands (files from European spreadsheets) */
  decimalComma?: boolean;
}

const swapMarks = (text: string) => text.replace(/[.,]/g, (m) => (m === '.' ? ',' : '.'));

export function parseNumber(input: string, style: NumberStyle = {}): number | undefined {
  if (style.decimalComma) return parseNumber(swapMarks(input));
  // spaces, apostrophes and underscores between digit groups of three
  let text = input.trim().replace(/(\d)[\s\u00a0\u202f'’_](?=\d{3}(?!\d))/g, '$1');
  if (text === '') return undefined;
  let sign = 1;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) [text, sign] = [paren[1].trim(), -1];
  text = text.replace(CURRENCY, '').trim();
  if (/^[-−+]/.test(text)) [text, sign] = [text.slice(1).trim(), text[0] === '+' ? sign : -sign];
  text = text.replace(CURRENCY, '').trim();
  let shift = 0;
  if (text.endsWith('%')) [text, shift] = [text.slice(0, -1).trim(), -2];
  else if (text.slice(-1) in CHINESE_UNITS) [text, shift] = [text.slice(0, -1).trim(), CHINESE_UNITS[text.slice(-1)]];
  const digits = plain(text);
  if (digits === undefined) return undefined;
  const value = sign * shifted(digits, shift);
  return Number.isFinite(value) ? value : undefined;
}
