/**
 * The words of a diff, shared by the text and Markdown renderers: the headline, and each account's
 * changes as titled sections of marked lines. A `Style` says how user text and code look in the
 * target (plain for the terminal; escaped and in backticks for Markdown).
 */
import type { AnalysisDelta } from '../analysis.js';
import { swotLists, type AccountChanges, type AccountDiff, type FieldChange, type Scalar, type Side, type WorkspaceDiff } from '../model.js';
import { plural } from '../../util/plural.js';

export interface Style {
  /** user text (names, tasks, values) */
  text: (s: string) => string;
  /** a path, id or file */
  code: (s: string) => string;
}

/** `+` appeared, `-` went, `~` changed, `✓` closed (an action done or dropped), `↺` reopened. */
export type Mark = '+' | '-' | '~' | '✓' | '↺';

export interface Line {
  mark: Mark;
  text: string;
}

export interface Section {
  title: string;
  lines: Line[];
}

const short = (commit: string) => commit.slice(0, 7);

export const sideLabel = (side: Side, style: Style) =>
  side.revision === null ? 'the working tree' : `${style.code(side.revision)}${side.commit ? ` (${short(side.commit)})` : ''}`;

/** "accounts: 2 changed, 1 added, 1 removed, 1 renamed; 1 other file changed", or "no account changed". */
export function headline(diff: WorkspaceDiff): string {
  const { added, removed, renamed, changed, files, skipped } = diff.summary;
  const counts = { changed, added, removed, renamed };
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([word, n]) => `${n} ${word}`);
  const accounts = parts.length ? `accounts: ${parts.join(', ')}` : 'no account changed';
  const other = files ? `; ${plural(files, 'other file')} changed` : '';
  const skip = skipped ? `; ${plural(skipped, 'invalid file')} not compared (run kam validate)` : '';
  return `${accounts}${other}${skip}`;
}

export const hasChanges = (diff: WorkspaceDiff) => diff.accounts.length + diff.files.length + diff.skipped.length > 0;

export const show = (v: Scalar, style: Style) => (v === null ? '(none)' : style.text(String(v)));

/** One field change as a line. */
export function fieldLine(f: FieldChange, style: Style): Line {
  if (f.kind === 'value') {
    const mark: Mark = f.from === null ? '+' : f.to === null ? '-' : '~';
    return { mark, text: `${style.code(f.path)}: ${show(f.from, style)} → ${show(f.to, style)}` };
  }
  if (f.kind === 'items') {
    const items = [...f.added.map((x) => `+ ${show(x, style)}`), ...f.removed.map((x) => `- ${show(x, style)}`)];
    return { mark: '~', text: `${style.code(f.path)}: ${items.join(', ')}` };
  }
  return { mark: f.change === 'added' ? '+' : '-', text: `${style.code(f.path)} ${f.change}` };
}

const fromTo = (from: string | null, to: string | null, style: Style) => `${show(from, style)} → ${show(to, style)}`;
const details = (parts: [string, string | null][], style: Style) => {
  const shown = parts.filter(([, v]) => v !== null).map(([k, v]) => `${k} ${style.text(v as string)}`);
  return shown.length ? ` (${shown.join(', ')})` : '';
};

function changeSections(c: AccountChanges, style: Style): Section[] {
  const t = style.text;
  const sections: Section[] = [];
  const push = (title: string, lines: Line[]) => lines.length && sections.push({ title, lines });
  push('objectives', [
    ...c.objectives.added.map((o): Line => ({ mark: '+', text: `added ${t(o.text)}${details([['due', o.due]], style)}` })),
    ...c.objectives.removed.map((o): Line => ({ mark: '-', text: `removed ${t(o.text)}` })),
    ...c.objectives.redated.map((o): Line => ({ mark: '~', text: `re-dated ${t(o.text)}: ${fromTo(o.from, o.to, style)}` })),
  ]);
  push('actions', [
    ...c.actions.added.map((a): Line => ({ mark: '+', text: `added ${t(a.task)}${details([['owner', a.owner], ['due', a.due], ['status', a.status]], style)}` })),
    ...c.actions.removed.map((a): Line => ({ mark: '-', text: `removed ${t(a.task)}` })),
    ...c.actions.closed.map((a): Line => ({ mark: '✓', text: `closed ${t(a.task)}: ${fromTo(a.from, a.to, style)}` })),
    ...c.actions.reopened.map((a): Line => ({ mark: '↺', text: `reopened ${t(a.task)}: ${fromTo(a.from, a.to, style)}` })),
    ...c.actions.redated.map((a): Line => ({ mark: '~', text: `re-dated ${t(a.task)}: ${fromTo(a.from, a.to, style)}` })),
    ...c.actions.reassigned.map((a): Line => ({ mark: '~', text: `re-assigned ${t(a.task)}: ${fromTo(a.from, a.to, style)}` })),
  ]);
  push('contacts', [
    ...c.contacts.added.map((n): Line => ({ mark: '+', text: `added ${t(n)}` })),
    ...c.contacts.removed.map((n): Line => ({ mark: '-', text: `removed ${t(n)}` })),
  ]);
  push(
    'SWOT',
    swotLists.flatMap((list) => [
      ...(c.swot[list]?.added ?? []).map((x): Line => ({ mark: '+', text: `${list}: ${t(x)}` })),
      ...(c.swot[list]?.removed ?? []).map((x): Line => ({ mark: '-', text: `${list}: ${t(x)}` })),
    ]),
  );
  push('fields', c.fields.map((f) => fieldLine(f, style)));
  return sections;
}

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/**
 * What a null score or class means on a side where the account exists: A, R and S of an account
 * not assessed (quadrant: not on the matrix), V and abc of one whose currency has no rate.
 */
const unknownOf = (name: string) => (name === 'value' || name === 'abc' ? 'no rate' : name === 'quadrant' ? 'not on the matrix' : 'not assessed');

function analysisSection(a: AnalysisDelta, style: Style, bothSides: boolean): Section {
  const side = (name: string, x: string | null) => (x === null && bothSides ? unknownOf(name) : x);
  const lines: Line[] = [
    ...a.classes.map((c): Line => ({ mark: '~', text: `${c.name}: ${fromTo(side(c.name, c.from), side(c.name, c.to), style)}` })),
    ...a.scores.map((s): Line => ({ mark: '~', text: `${s.name}: ${fromTo(side(s.name, s.from === null ? null : String(s.from)), side(s.name, s.to === null ? null : String(s.to)), style)}${s.delta === null ? '' : ` (${signed(s.delta)})`}` })),
  ];
  if (a.risk) {
    if (a.risk.from !== a.risk.to) lines.push({ mark: '~', text: `risk: ${fromTo(a.risk.from, a.risk.to, style)}` });
    lines.push(...a.risk.appeared.map((r): Line => ({ mark: '+', text: `risk reason: ${style.text(r.message)} (${style.code(r.rule)})` })));
    lines.push(...a.risk.went.map((r): Line => ({ mark: '-', text: `risk reason: ${style.text(r.message)} (${style.code(r.rule)})` })));
  }
  return { title: 'analysis', lines };
}

/** The sections of one account's entry, analysis last. */
export function accountSections(d: AccountDiff, style: Style): Section[] {
  const sections = d.kind === 'changed' || d.kind === 'renamed' ? changeSections(d.changes, style) : [];
  if (d.analysis) sections.push(analysisSection(d.analysis, style, d.kind === 'changed' || d.kind === 'renamed'));
  return sections;
}

/** "initech 英泰科技", "old-id → new-id Name" for a rename. */
export function accountTitle(d: AccountDiff, style: Style): string {
  const name = style.text(d.account.name);
  if (d.kind === 'renamed') return `${style.code(d.base.id)} → ${style.code(d.account.id)} ${name} (renamed from ${style.code(d.base.file)})`;
  if (d.kind === 'added') return `${style.code(d.account.id)} ${name} (added: ${style.code(d.account.file)})`;
  if (d.kind === 'removed') return `${style.code(d.account.id)} ${name} (removed)`;
  return `${style.code(d.account.id)} ${name}`;
}

export const kindMark = { added: '+', removed: '-', changed: '~', renamed: '~' } as const satisfies Record<AccountDiff['kind'], Mark>;
