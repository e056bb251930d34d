/**
 * Starter files as commented skeletons: every field of a format is present, in the order a
 * consultant fills it in; the fields that have a value are live YAML, the others are commented
 * out with an example value and a note, so that uncommenting a line gives a valid field.
 * Live values are written with eemeli's `yaml` (quoting only where YAML needs it, Unicode kept).
 */
import stringWidth from 'string-width';
import { stringify } from 'yaml';

/** One field of a skeleton. */
export interface Field {
  key: string;
  /** example value in YAML flow style, shown commented out (`# key: example`) */
  example?: string;
  /** what the field means, shown as a trailing comment */
  note?: string;
  /** sub-fields, when the field is a mapping */
  fields?: Field[];
  /** the fields of one example entry, when the field is a list of mappings */
  item?: Field[];
  /** example entries in YAML flow style, when the field is a list of short mappings */
  entries?: string[];
}

/** The column at which trailing notes start, as in the format reference. */
const NOTE_COLUMN = 36;

/** Notes line up in an editor, where East Asian wide characters take two columns. */
const withNote = (text: string, note?: string) => (note ? `${text}${' '.repeat(Math.max(2, NOTE_COLUMN - stringWidth(text)))}# ${note}` : text);

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Map);

/** Years and other digit keys are written as numbers (`2025: 4100000`, not `"2025": 4100000`). */
function toYamlValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toYamlValue);
  if (!isMapping(value)) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, toYamlValue(v)] as const);
  if (entries.length > 0 && entries.every(([k]) => /^(0|[1-9]\d{0,14})$/.test(k))) return new Map(entries.map(([k, v]) => [Number(k), v]));
  return Object.fromEntries(entries);
}

/** `key: value` as YAML lines at `indent`, the note on the line when the value fits on it. */
function liveLines(key: string, value: unknown, indent: number, note?: string): string[] {
  const text = stringify({ [key]: toYamlValue(value) }, { lineWidth: 100 });
  const lines = text.slice(0, -1).split('\n').map((l) => (l === '' ? l : ' '.repeat(indent) + l));
  return lines.length === 1 ? [withNote(lines[0], note)] : lines;
}

/** A field and its sub-fields as example lines (without the comment sign) at `indent`. */
function exampleLines(field: Field, indent: number, dash = ''): [string, string | undefined][] {
  const head = `${' '.repeat(indent)}${dash}${field.key}:${field.example !== undefined ? ` ${field.example}` : ''}`;
  const lines: [string, string | undefined][] = [[head, field.note]];
  const inner = indent + dash.length + 2;
  for (const child of field.fields ?? []) lines.push(...exampleLines(child, inner));
  (field.item ?? []).forEach((child, i) => lines.push(...exampleLines(child, i === 0 ? inner : inner + 2, i === 0 ? '- ' : '')));
  for (const entry of field.entries ?? []) lines.push([`${' '.repeat(inner)}- ${entry}`, undefined]);
  return lines;
}

/** A field without a value, commented out at `indent` (the comment sign at the field's own column). */
const commentedLines = (field: Field, indent: number): string[] =>
  exampleLines(field, 0).map(([text, note]) => withNote(`${' '.repeat(indent)}# ${text}`, note));

function renderFields(fields: readonly Field[], data: Record<string, unknown>, indent: number, out: string[]): void {
  let afterSection = false;
  for (const field of fields) {
    const section = indent === 0 && (field.fields !== undefined || field.item !== undefined || field.entries !== undefined);
    if ((section || afterSection) && out.length > 0 && out[out.length - 1] !== '') out.push('');
    afterSection = section;
    const value = data[field.key];
    if (value === undefined) out.push(...commentedLines(field, indent));
    else if (field.fields && isMapping(value)) {
      out.push(withNote(`${' '.repeat(indent)}${field.key}:`, field.note));
      renderFields(field.fields, value, indent + 2, out);
      renderExtras(field.fields, value, indent + 2, out);
    } else out.push(...liveLines(field.key, value, indent, field.note));
  }
}

/** Keys of `data` the skeleton does not name (`x-` extensions): written after the known ones. */
function renderExtras(fields: readonly Field[], data: Record<string, unknown>, indent: number, out: string[]): void {
  const known = new Set(fields.map((f) => f.key));
  const extra = Object.keys(data).filter((k) => !known.has(k) && data[k] !== undefined);
  if (extra.length > 0 && indent === 0 && out[out.length - 1] !== '') out.push('');
  for (const key of extra) out.push(...liveLines(key, data[key], indent));
}

/**
 * The file text: `header` comment lines, then every field of `fields` (live where `data` has a
 * value, commented out where not), then any other keys of `data`.
 */
export function renderSkeleton(fields: readonly Field[], data: Record<string, unknown>, header: readonly string[] = []): string {
  const out: string[] = [...header];
  renderFields(fields, data, 0, out);
  renderExtras(fields, data, 0, out);
  return `${out.join('\n')}\n`;
}

/** `data` with its keys in the order of `fields` (at every level), other keys after them. */
export function orderLike(fields: readonly Field[], data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = data[field.key];
    if (value !== undefined) out[field.key] = field.fields && isMapping(value) ? orderLike(field.fields, value) : value;
  }
  for (const [key, value] of Object.entries(data)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

/** `high | medium | low`: the values of an enum, for notes. */
export const oneOf = (values: readonly string[]) => values.join(' | ');
