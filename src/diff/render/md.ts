/**
 * `kam diff --format md`: a pull-request comment. A headline, a table of the accounts with their
 * class changes (tier, abc, segment, quadrant, risk; present once the diff is analysed), then one
 * bullet list per account. Every value from YAML is escaped, so a name cannot inject Markdown.
 */
import type { ClassName } from '../analysis.js';
import { classNames } from '../analysis.js';
import type { AccountDiff } from '../model.js';
import { terminalText } from '../../util/terminal-text.js';
import type { DiffRenderer } from './types.js';
import { accountSections, fieldLine, hasChanges, headline, sideLabel, type Mark, type Style } from './words.js';

/**
 * Backslash-escapes what Markdown reads inside a line (emphasis, links, HTML, tables,
 * strikethrough, entities, GitHub math); line breaks become spaces (a table row is one line).
 * Text never starts a line here, so `#`, `-`, `+` and `1.` need no escape.
 */
export const mdEscape = (s: string) => terminalText(s.replace(/[\\`*_[\]<>|~&$]/g, '\\$&').replace(/\r\n|\r|\n/g, ' '));
/** A code span that holds any text: a fence longer than the longest backtick run inside. */
const code = (s: string) => {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${terminalText(s.replace(/\r\n|\r|\n/g, ' '))}${pad}${fence}`;
};
const md: Style = { text: mdEscape, code };

const kindWord = { added: 'added', removed: 'removed', changed: 'changed', renamed: 'renamed' } as const satisfies Record<AccountDiff['kind'], string>;
const markWord = { '+': '➕', '-': '➖', '~': '✏️', '✓': '✅', '↺': '↩️' } as const satisfies Record<Mark, string>;

function classCell(d: AccountDiff, name: ClassName | 'risk'): string {
  const a = d.analysis;
  if (!a) return '';
  if (name === 'risk') {
    if (!a.risk || a.risk.from === a.risk.to) return '';
    return `${mdEscape(a.risk.from ?? '–')} → **${mdEscape(a.risk.to ?? '–')}**`;
  }
  const c = a.classes.find((x) => x.name === name);
  return c ? `${mdEscape(c.from ?? '–')} → **${mdEscape(c.to ?? '–')}**` : '';
}

export const mdRenderer: DiffRenderer = (diff) => {
  const out = [`### kam diff: ${sideLabel(diff.base, md)} → ${sideLabel(diff.head, md)}`, ''];
  if (!hasChanges(diff)) return [...out, 'No changes to the account plans.', ''].join('\n');
  out.push(`**${headline(diff)}**`, '');

  if (diff.accounts.length) {
    const columns = diff.analysed ? [...classNames, 'risk' as const] : [];
    out.push(`| account | change |${columns.map((c) => ` ${c} |`).join('')}`);
    out.push(`|---|---|${columns.map(() => '---|').join('')}`);
    for (const d of diff.accounts) {
      // ids are slugs and every other value is escaped (`|` included), so no cell breaks the row
      out.push(`| ${code(d.account.id)} ${mdEscape(d.account.name)} | ${kindWord[d.kind]} |${columns.map((c) => ` ${classCell(d, c)} |`).join('')}`);
    }
  }

  for (const d of diff.accounts) {
    const from = d.kind === 'renamed' ? ` from ${code(d.base.id)}` : '';
    out.push('', `#### ${code(d.account.id)} ${mdEscape(d.account.name)}: ${kindWord[d.kind]}${from}`, '');
    const sections = accountSections(d, md);
    if (d.kind === 'added') out.push(`- new file ${code(d.account.file)}`);
    if (d.kind === 'renamed') out.push(`- file ${code(d.base.file)} → ${code(d.account.file)}`);
    if (d.kind === 'removed') out.push(`- file ${code(d.account.file)} removed`);
    for (const section of sections) {
      out.push(`- **${section.title}**`);
      for (const line of section.lines) out.push(`  - ${markWord[line.mark]} ${line.text}`);
    }
  }

  if (diff.files.length) {
    out.push('', '#### Other files', '');
    for (const f of diff.files) {
      out.push(`- ${code(f.file)}: ${f.change}`);
      for (const field of f.fields) {
        const line = fieldLine(field, md);
        out.push(`  - ${markWord[line.mark]} ${line.text}`);
      }
    }
  }

  if (diff.skipped.length) {
    out.push('', '#### Not compared', '', 'These files are invalid; `kam validate` says why.', '');
    for (const s of diff.skipped) out.push(`- ${code(s.file)} (invalid at ${s.side === 'both' ? 'both revisions' : s.side})`);
  }
  out.push('');
  return out.join('\n');
};
