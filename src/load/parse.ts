/**
 * Text to a JavaScript value plus a way to find where any path of it stands in the source.
 *
 * Fast path: js-yaml (about 10x faster than eemeli's `yaml` on plan files), recording node
 * offsets through its `listener` for `locate`. Slow path, for files js-yaml rejects or that use
 * anchors and aliases: eemeli's `parseDocument`, whose errors carry exact codes and positions
 * and whose `toJS` refuses alias-expansion bombs. Both read YAML 1.2 core (dates stay strings).
 */
import jsyaml from 'js-yaml';
import type { ErrorCode, YAMLError } from 'yaml';
import { fileCodes, parserCode, type ParserError } from '../codes.js';
import { eemeli } from './eemeli.js';
import { DocumentLocator, EventLocator, EventRecorder, LineIndex, startLocator, type Locator } from './locate.js';
import type { Problem } from './read.js';

export interface Parsed {
  value: unknown;
  /** absent when the fast path parsed without recording positions: ask `positionsOf(text)` */
  locator: Locator | undefined;
  problems: Problem[];
}

/** `&anchor` or `*alias` where a node can start (not `R&D`, `A & B` or `5 * 3`). */
const ANCHOR_OR_ALIAS = /(?:^|[\s[\]{},:?-])[&*][^\s[\]{},]/;
const MAX_ALIASES = 100;
/**
 * A list or mapping as a key (`? [a, b]`, `{a: 1}: x`): js-yaml turns it into text ("a,b",
 * "[object Object]") without a word; the slow path reports it (`yaml/non-string-key`).
 */
const COLLECTION_KEY = /^[\t -]*\?(?:\s|$)|[\]}][\t ]*:(?:\s|$)/m;

// the catalogue lists every error code of the parser: a new one in `yaml` does not compile until it has an entry
const yamlRule = (code: ErrorCode & ParserError) => parserCode(code);
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyParserError: Same<ErrorCode, ParserError> = true;
void everyParserError;

/** Plainer words than the parser's for the mistakes people make most. */
const MESSAGES: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'the same key appears twice in one mapping; keep one',
  MULTIPLE_DOCS: 'a plan file holds one YAML document, but a second one starts here (---)',
  TAB_AS_INDENT: 'tabs are not allowed as indentation in YAML: indent with spaces',
  NON_STRING_KEY: 'a key is a list or a mapping here: write a plain key before the colon',
};
const cleanMessage = (message: string) => message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();

function fast(text: string, positions: boolean): Parsed | undefined {
  const recorder = positions ? new EventRecorder() : undefined;
  try {
    const value = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, listener: recorder?.listener as never });
    return { value, locator: recorder && new EventLocator(text, recorder), problems: [] };
  } catch {
    return undefined;
  }
}

function fromYamlError(error: YAMLError, text: string, lines: LineIndex): Problem {
  const linePos = error.linePos?.[0];
  const pos = linePos ? { line: linePos.line, column: linePos.col } : lines.position(error.pos[0]);
  let message = MESSAGES[error.code] ?? cleanMessage(error.message);
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0].trim();
    if (key) message = `key \`${key}\` appears twice in one mapping; keep one`;
  }
  return { rule: yamlRule(error.code), message, ...pos };
}

const MAX_PROBLEMS = 10;

/** One broken bracket can make a parser repeat itself a thousand times: keep the distinct first few. */
function firstProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  const kept = problems.filter((p) => {
    const key = `${p.rule}|${p.line}|${p.column}|${p.message}`;
    return !seen.has(key) && seen.add(key);
  });
  return kept.length <= MAX_PROBLEMS
    ? kept
    : [...kept.slice(0, MAX_PROBLEMS), { ...kept[MAX_PROBLEMS], message: `${kept.length - MAX_PROBLEMS} more YAML errors after these; fix the first ones and run again` }];
}

function slow(text: string): Parsed {
  const doc = eemeli().parseDocument(text, { uniqueKeys: true, prettyErrors: true, stringKeys: true });
  const locator = new DocumentLocator(text, doc);
  const lines = new LineIndex(text);
  if (doc.errors.length > 0) {
    return { value: undefined, locator, problems: firstProblems(doc.errors.map((e) => fromYamlError(e, text, lines))) };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIASES }), locator, problems: [] };
  } catch (error) {
    const alias = /alias/i.test(String(error));
    const firstAlias = text.search(/\*[^\s[\]{},]/);
    return {
      value: undefined,
      locator,
      problems: [
        {
          rule: alias ? fileCodes.aliasBomb : fileCodes.invalid,
          message: alias ? `aliases expand to too many nodes (more than ${MAX_ALIASES}): refusing to expand them` : cleanMessage(String(error)),
          ...(alias && firstAlias >= 0 ? lines.position(firstAlias) : { line: 1, column: 1 }),
        },
      ],
    };
  }
}

/**
 * Parses one file. Positions cost memory (about as much as the value), so the fast path records
 * them only when asked; most files never need one.
 */
export function parseYaml(text: string, positions = false): Parsed {
  try {
    const anchors = (text.includes('&') || text.includes('*')) && ANCHOR_OR_ALIAS.test(text);
    return (!anchors && !COLLECTION_KEY.test(text) && fast(text, positions)) || slow(text);
  } catch (error) {
    // a parser that overflows its stack on absurd nesting still yields a finding, not a crash
    const message = error instanceof RangeError ? 'nesting is too deep to parse' : `cannot parse: ${String(error)}`;
    return { value: undefined, locator: startLocator, problems: [{ rule: fileCodes.invalid, message, line: 1, column: 1 }] };
  }
}

/** A locator for `text`, built by parsing it again with positions. */
export const positionsOf = (text: string): Locator => parseYaml(text, true).locator ?? startLocator;
