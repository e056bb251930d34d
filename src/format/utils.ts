/** Helpers shared by the formats: XML escaping and grouping findings by file. */
import type { Finding } from '../findings.js';
import { xmlCharRefs } from '../util/terminal-text.js';

/** Characters XML 1.0 forbids anywhere (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text safe inside an XML element or a double- or single-quoted attribute: the five markup
 * characters as entities, line breaks and tabs as character references (so attributes keep them),
 * characters XML cannot hold at all as U+FFFD, DEL, C1 and bidi controls as character references.
 */
export const xmlEscape = (text: string): string =>
  // DEL, C1 and bidi controls as character references: valid XML, and no terminal acts on them
  xmlCharRefs(
  text
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;'),
  );

/** Findings by file, files in the order they first appear (findings arrive sorted by file). */
export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  return byFile;
}
