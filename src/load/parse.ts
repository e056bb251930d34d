/**
 * Text to a JavaScript value plus a way to find where any path of it stands in the source.
 *
 * Fast path: js-yaml (about 10x faster than eemeli's `yaml` on plan files), recording node
 * offsets through its `listener` for `locate`. Slow path, for files js-yaml rejects or that use
 * anchors and aliases: eemeli's `parseDocument`, whose errors carry exact codes and positions
 * and whose `toJS` refuses alias-expansion bombs, and for files holding a construct js-yaml is
 * lenient about (`strict.ts`). Both read YAML 1.2 core (dates stay strings).
 */
import jsyaml from 'js-yaml';
import type { Document, ErrorCode, YAMLError } from 'yaml';
import { fileCodes, parserCode, type ParserError } from '../codes.js';
import { eemeli } from './eemeli.js';
import { DocumentLocator, EventLocator, EventRecorder, LineIndex, startLocator, type Locator } from './locate.js';
import type { Problem } from './read.js';
import { directiveProblem, needsStrict } from './strict.js';
import { excerpt, shorten } from '../util/terminal-text.js';

export interface Parsed {
  value: unknown;
  /** absent when the fast path parsed without recording positions: ask `positionsOf(text)` */
  locator: Locator | undefined;
  problems: Problem[];
}

/** `&anchor` or `*alias` where a node can start (not `R&D`, `A & B` or `5 * 3`). */
const ANCHOR_OR_ALIAS = /(?:^|[\s[\]{},:?-])[&*][^\s[\]{},]/;
const MAX_ALIASES = 100;

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
/**
 * The parser's message without its source context, quoting at most a short excerpt of the file:
 * a file that is not YAML at all (a secret behind a link, say) shows in a CI log no more than a
 * few characters, control characters escaped.
 */
const QUOTE_MAX = 16;
const cleanMessage = (message: string) =>
  excerpt(
    shorten(message, 400)
      .replace(/ at line \d+, column \d+:[\s\S]*$/, '')
      .trim()
      .replace(/"([^"]*)("|…$)/g, (_m, quoted: string, end: string) => `"${shorten(quoted, QUOTE_MAX)}${end === '"' ? '"' : ''}`),
    200,
  );

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
    const key = /^[^:\n]*/.exec(text.slice(error.pos[0], error.pos[0] + 200))?.[0].trim();
    if (key) message = `key \`${excerpt(key)}\` appears twice in one mapping; keep one`;
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

/**
 * The offset of the first mapping key that is a list or a mapping (directly or through an alias),
 * which valid YAML allows and a JavaScript object cannot hold: the parser would turn it into a
 * string, with a warning on the console.
 */
function collectionKeyAt(doc: Document): number | undefined {
  const { isAlias, isCollection, visit } = eemeli();
  let at: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      if (!isCollection(key)) return undefined;
      at = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return at;
}

function slow(text: string): Parsed {
  const doc = eemeli().parseDocument(text, { uniqueKeys: true, prettyErrors: true, logLevel: 'error' });
  const locator = new DocumentLocator(text, doc);
  const lines = new LineIndex(text);
  if (doc.errors.length > 0) {
    return { value: undefined, locator, problems: firstProblems(doc.errors.map((e) => fromYamlError(e, text, lines))) };
  }
  const collectionKey = collectionKeyAt(doc);
  if (collectionKey !== undefined) {
    const message = 'a mapping key is a list or a mapping: keys in a plan file are text';
    return { value: undefined, locator, problems: [{ rule: yamlRule('NON_STRING_KEY'), message, ...lines.position(collectionKey) }] };
  }
  const directive = directiveProblem(text);
  if (directive) return { value: undefined, locator, problems: [{ rule: yamlRule('BAD_DIRECTIVE'), message: directive.message, ...lines.position(directive.offset) }] };
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
    // js-yaml accepts some invalid YAML: files holding such constructs take the strict parser
    return (!anchors && !needsStrict(text) && fast(text, positions)) || slow(text);
  } catch (error) {
    // a parser that overflows its stack on absurd nesting still yields a finding, not a crash
    const message = error instanceof RangeError ? 'nesting is too deep to parse' : `cannot parse: ${String(error)}`;
    return { value: undefined, locator: startLocator, problems: [{ rule: fileCodes.invalid, message, line: 1, column: 1 }] };
  }
}

/** A locator for `text`, built by parsing it again with positions. */
export const positionsOf = (text: string): Locator => parseYaml(text, true).locator ?? startLocator;
