/**
 * Where js-yaml is lenient. js-yaml (the fast path) accepts some invalid YAML that eemeli's parser,
 * and so the editor's yaml-language-server, rejects: flow collections and quoted scalars that run
 * over several lines without the indentation YAML asks for, a `#` right after a closing quote or
 * bracket, content after `---`, tabs, block scalars that open on lines of spaces, and directives.
 * `needsStrict` is a cheap scan for those constructs: a file that holds one is parsed by the strict
 * parser instead, so the whole workspace gets the strict parser's verdict at the fast parser's
 * price. A property test holds the scan against the strict parser (every text it lets through
 * parses the same with both).
 *
 * The scan over-approximates on purpose: a multi-line flow list that is valid YAML goes to the
 * strict parser too, which only costs time.
 */

const LF = 10;
const CR = 13;
const SPACE = 32;
const DQ = 34; // "
const HASH = 35; // #
const PERCENT = 37; // %
const SQ = 39; // '
const COMMA = 44;
const PLUS = 43;
const DASH = 45;
const DIGIT_1 = 49;
const DIGIT_9 = 57;
const COLON = 58;
const GT = 62; // >
const QUESTION = 63;
const OPEN_SQ = 91; // [
const BACKSLASH = 92;
const CLOSE_SQ = 93; // ]
const OPEN_CURLY = 123; // {
const PIPE = 124; // |
const CLOSE_CURLY = 125; // }

const isBlank = (c: number) => c === SPACE || c === CR;
/** A character after which a value may start (`- `, `? `, `: `) when a blank or the line end follows. */
const isIndicator = (c: number) => c === DASH || c === QUESTION || c === COLON;

/**
 * Whether the strict parser must read `text`. The checks run on native string searches (a
 * character loop over every file costs a tenth of the parse), from the cheapest:
 * - a tab, a directive (`%` at a line start), content after `---` or `...`, an explicit key (`? `),
 *   a first line of content that is indented;
 * - a `#` right after a closing quote or bracket;
 * - a block scalar header (`|`, `>`) whose next line holds only spaces or a comment;
 * - a flow collection (`[`, `{`) not closed on its line, or used as a key (`[a]: b`);
 * - a double quote, or a single quote where a value starts, not closed on its line.
 * A line that needs a closer look goes through `lineNeedsStrict`, which knows where a value starts.
 */
export function needsStrict(text: string): boolean {
  if (text.includes('\t') || text.charCodeAt(0) === PERCENT || text.includes('\n%')) return true;
  // a document whose first line is indented: js-yaml lets a later line come out of that indentation
  if (firstContentIndented(text)) return true;
  // an explicit key (`? `), which can be a collection
  if ((text.includes('? ') || text.includes('?\n')) && EXPLICIT_KEY.test(text)) return true;
  if ((text.includes('---') || text.includes('...')) && DOCUMENT_MARKER_CONTENT.test(text)) return true;
  for (let i = text.indexOf('#'); i > 0; i = text.indexOf('#', i + 1)) {
    const before = text.charCodeAt(i - 1);
    if (before === DQ || before === SQ || before === CLOSE_SQ || before === CLOSE_CURLY) return true;
  }
  if (blockHeaderThenSpaces(text, PIPE) || blockHeaderThenSpaces(text, GT)) return true;
  return opensOverLines(text, OPEN_SQ) || opensOverLines(text, OPEN_CURLY) || opensOverLines(text, DQ) || opensOverLines(text, SQ);
}

/** Whether the first line that holds content (not blank, not a comment) starts with a space. */
function firstContentIndented(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) === SPACE) j++;
    const c = text.charCodeAt(j);
    if (j < text.length && c !== LF && c !== CR && c !== HASH) return j > i;
    const end = text.indexOf('\n', j);
    if (end < 0) return false;
    i = end + 1;
  }
  return false;
}

const EXPLICIT_KEY = /^[ -]*\?(?:[ ]|$)/m;
const DOCUMENT_MARKER_CONTENT = /^(?:---|\.\.\.)[ ]+[^\s#]/m;

const lineStartOf = (text: string, i: number) => text.lastIndexOf('\n', i - 1) + 1;
const lineEndOf = (text: string, i: number) => {
  const end = text.indexOf('\n', i);
  return end < 0 ? text.length : end;
};

/** Whether a `|` or `>` ends a line (a block scalar header) and the next line holds only spaces or a comment. */
function blockHeaderThenSpaces(text: string, indicator: number): boolean {
  const ch = String.fromCharCode(indicator);
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) {
    const end = lineEndOf(text, i);
    if (end >= text.length || !isBlockHeader(text, end)) continue;
    let j = end + 1;
    while (j < text.length && text.charCodeAt(j) === SPACE) j++;
    if (j > end + 1 && (j === text.length || text.charCodeAt(j) === LF || text.charCodeAt(j) === CR)) return true;
    // a comment where the scalar's first line would be: is it the text or a comment?
    if (text.charCodeAt(j) === HASH) return true;
  }
  return false;
}

/** Each line holding `opener` (a bracket or a quote) is looked at once, by `lineNeedsStrict`. */
function opensOverLines(text: string, opener: number): boolean {
  const ch = String.fromCharCode(opener);
  for (let i = text.indexOf(ch); i >= 0; ) {
    const start = lineStartOf(text, i);
    const end = lineEndOf(text, i);
    if (!simpleLine(text, start, end, opener) && lineNeedsStrict(text, start, end)) return true;
    i = end < text.length ? text.indexOf(ch, end) : -1;
  }
  return false;
}

/**
 * The common shapes, decided without walking the line: one flow collection closed at the line's
 * end (`barriers: [capital, technology]`, `potential: { volume: high }`) with no quote, `#` or
 * other bracket in it, or a value in double quotes with no other quote, backslash or bracket.
 */
function simpleLine(text: string, start: number, end: number, opener: number): boolean {
  let last = end - 1;
  while (last > start && isBlank(text.charCodeAt(last))) last--;
  const closer = opener === OPEN_SQ ? CLOSE_SQ : opener === OPEN_CURLY ? CLOSE_CURLY : opener;
  if (text.charCodeAt(last) !== closer) return false;
  let openers = 0;
  for (let i = start; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === DQ || c === SQ || c === HASH || c === BACKSLASH || c === OPEN_SQ || c === OPEN_CURLY || c === CLOSE_SQ || c === CLOSE_CURLY) {
      if (c === opener && openers === 0) openers++;
      else return false;
    }
  }
  return openers === 1;
}

/**
 * One line, by a small state machine: a quote or bracket counts only where a value can start
 * (after the indentation, `- `, `? `, `: `, or inside a flow collection after `[`, `{`, `,`), so
 * `R&D's plan [draft]` in a plain scalar opens nothing. The line needs the strict parser when a
 * quoted scalar or a flow collection is still open at its end, or when a `#` follows a closing
 * quote or bracket.
 */
function lineNeedsStrict(text: string, start: number, end: number): boolean {
  let depth = 0;
  let kinds = 0; // the open brackets, one bit each: 1 for `{`, 0 for `[`
  let valueStart = true;
  let plain = false; // in a plain scalar outside flow: only `: `, ` #` and the line end matter
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === HASH && (i === start || isBlank(text.charCodeAt(i - 1)))) return depth > 0;
    if (isBlank(c)) continue;
    if (plain) {
      if (c === COLON && (i + 1 === end || isBlank(text.charCodeAt(i + 1)))) {
        plain = false;
        valueStart = true;
      }
      continue;
    }
    if (valueStart && (c === DQ || c === SQ)) {
      const close = closingQuote(text, i, c);
      if (close < 0 || close >= end) return true;
      if (text.charCodeAt(close + 1) === HASH) return true;
      i = close;
      valueStart = false;
      continue;
    }
    if ((valueStart || depth > 0) && (c === OPEN_SQ || c === OPEN_CURLY)) {
      if (depth === 30) return true;
      kinds = (kinds << 1) | (c === OPEN_CURLY ? 1 : 0);
      depth++;
      valueStart = true;
      continue;
    }
    if (depth > 0 && c === HASH) return true; // `[a,#b`: a comment needs a space before it
    if (depth > 0 && (c === CLOSE_SQ || c === CLOSE_CURLY)) {
      if ((kinds & 1) !== (c === CLOSE_CURLY ? 1 : 0)) return true; // `[a}`
      kinds >>= 1;
      depth--;
      if (text.charCodeAt(i + 1) === HASH) return true;
      // a flow collection as a mapping key (`[a]: b`): js-yaml joins it into a string
      if (depth === 0 && followedByColon(text, i + 1, end)) return true;
      valueStart = false;
      continue;
    }
    if (depth > 0 && c === COMMA) {
      valueStart = true;
      continue;
    }
    if (isIndicator(c) && (i + 1 === end || isBlank(text.charCodeAt(i + 1)))) {
      valueStart = true;
      continue;
    }
    valueStart = false;
    if (depth === 0) plain = true;
  }
  return depth > 0;
}

/** Whether the line ending at `end` ends with a block scalar header (`|`, `>`, `|-`, `>+2`). */
function isBlockHeader(text: string, end: number): boolean {
  // a comment after the header (`| # note`) does not count
  const start = lineStartOf(text, end);
  const hash = text.indexOf(' #', start);
  let k = (hash >= 0 && hash < end ? hash : end) - 1;
  while (k >= 0 && isBlank(text.charCodeAt(k))) k--;
  for (let n = 0; n < 2 && k >= 0; n++, k--) {
    const c = text.charCodeAt(k);
    if (c !== DASH && c !== PLUS && !(c >= DIGIT_1 && c <= DIGIT_9)) break;
  }
  const c = text.charCodeAt(k);
  return (c === PIPE || c === GT) && (k === 0 || isBlank(text.charCodeAt(k - 1)));
}

const followedByColon = (text: string, from: number, end: number): boolean => {
  let j = from;
  while (j < end && isBlank(text.charCodeAt(j))) j++;
  return j < end && text.charCodeAt(j) === COLON;
};

/** The index of the quote that closes the one at `open` on the same line, or -1. */
function closingQuote(text: string, open: number, quote: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return -1;
    if (quote === DQ && c === BACKSLASH) i++;
    else if (c === quote) {
      if (quote === SQ && text.charCodeAt(i + 1) === SQ) i++;
      else return i;
    }
  }
  return -1;
}

/**
 * What eemeli's parser lets through about directives (`%YAML`, `%TAG` lines before a document),
 * which YAML forbids: a directive with no `---` after it, and `%YAML` given twice for one
 * document. A `%` line inside a document is content, not a directive. Returns the 0-based offset of
 * the directive at fault and a message, or undefined.
 */
export function directiveProblem(text: string): { offset: number; message: string } | undefined {
  if (!text.startsWith('%') && !text.includes('\n%')) return undefined;
  let prefix = true; // between documents, where directives may stand
  let pending = -1; // the first directive waiting for its `---`
  let yamlAt = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('---')) {
      prefix = false;
      pending = yamlAt = -1;
    } else if (line.startsWith('...')) {
      prefix = true;
    } else if (prefix && line.startsWith('%')) {
      if (line.startsWith('%YAML') && yamlAt >= 0) return { offset, message: 'the %YAML directive is given twice for one document' };
      if (line.startsWith('%YAML')) yamlAt = offset;
      if (pending < 0) pending = offset;
    } else if (prefix && line.trim() !== '' && !line.trimStart().startsWith('#')) {
      if (pending >= 0) break;
      prefix = false;
    }
    offset += line.length + 1;
  }
  return pending >= 0 ? { offset: pending, message: 'a directive (%) line must be followed by a document start (---)' } : undefined;
}
