/**
 * Finding a workspace and loading every file of it (SPEC section 1): read once, parse once,
 * validate once against the schema of its kind. A broken file becomes findings and the rest go
 * on; only an unreadable `kam.yaml` stops the run (UsageError, exit 2).
 */
import { basename } from 'node:path';
import type { z } from 'zod';
import { UsageError } from '../errors.js';
import type { Finding } from '../findings.js';
import { sortFindings } from '../findings.js';
import { Account } from '../schema/account.js';
import { configCodes, fileCodes, type Code } from '../codes.js';
import { hasRate } from '../schema/fx.js';
import { schemaRules } from '../schema/common.js';
import { compiledCheck } from '../schema/compiled.js';
import { Competitor } from '../schema/competitor.js';
import { Config, defaultConfig } from '../schema/config.js';
import { zodIssues, type SchemaIssue } from '../schema/issues.js';
import { Self } from '../schema/self.js';
import { contactRefIssues } from '../schema/contact-refs.js';
import { unknownKeys } from '../schema/unknown-keys.js';
import { kindOf, listWorkspaceFiles, YAML_EXT, type FileKind } from './files.js';
import { startLocator, type Locator } from './locate.js';
import { parseYaml, positionsOf } from './parse.js';
import { workspaceReader, type Decoded } from './read.js';

export { CONFIG_FILE, findWorkspace, kindOf, listWorkspaceFiles, selectWorkspaceFiles, toWorkspacePath, type FileKind } from './files.js';

const schemas = { config: Config, self: Self, competitor: Competitor, account: Account } satisfies Record<FileKind, z.ZodType>;
type DataOf = { config: Config; self: Self; competitor: Competitor; account: Account };

export interface Doc<K extends FileKind = FileKind> {
  kind: K;
  /** workspace-relative, `/` separators */
  file: string;
  /** the id the file name gives (accounts and competitors), else null */
  id: string | null;
  /** the parsed YAML value, whatever its shape (undefined when the file did not parse) */
  raw: unknown;
  /** the schema-checked data; undefined when the file has an error */
  data: DataOf[K] | undefined;
  /** positions from the parse that produced `raw` (the start of the file when not recorded) */
  locator: Locator;
  findings: Finding[];
}

export interface Workspace {
  root: string;
  config: Config;
  configDoc: Doc<'config'> | undefined;
  self: Doc<'self'> | undefined;
  competitors: Doc<'competitor'>[];
  accounts: Doc<'account'>[];
  /** every load and schema finding, sorted */
  findings: Finding[];
}

const finding = (doc: Pick<Doc, 'file' | 'kind' | 'id'>, rule: Code, message: string, pos: { line: number; column: number }): Finding => ({
  file: doc.file,
  line: pos.line,
  column: pos.column,
  severity: 'error',
  rule,
  message,
  account: doc.kind === 'account' ? doc.id : null,
});

export const idOf = (kind: FileKind, file: string) => (kind === 'account' || kind === 'competitor' ? basename(file).replace(YAML_EXT, '') : null);

export interface LoadDocOptions {
  /** record positions while parsing (default true) */
  positions?: boolean;
  /** the workspace settings: an account whose currency has no rate in `fx` gets `config/fx-missing` */
  config?: Pick<Config, 'currency' | 'fx'>;
}

/**
 * Parses and validates one file's text against the schema of its kind. With `positions` (the
 * default) the parse records where every node stands, and `Doc.locator` answers from it: a
 * later finding (a rule's) needs neither a second read nor a second parse. Without, only a file
 * with a schema issue gets positions (from its text, at once), and the locator points at the
 * file's start.
 */
export function loadDoc<K extends FileKind>(kind: K, file: string, source: Decoded, { positions = true, config }: LoadDocOptions = {}): Doc<K> {
  const id = idOf(kind, file);
  const doc: Doc<K> = { kind, file, id, raw: undefined, data: undefined, locator: startLocator, findings: [] };
  if (source.problem) {
    doc.findings.push(finding(doc, source.problem.rule, source.problem.message, source.problem));
    return doc;
  }
  const parsed = parseYaml(source.text, positions);
  const text = source.text;
  doc.locator = parsed.locator ?? startLocator;
  doc.raw = parsed.value;
  for (const p of parsed.problems) doc.findings.push(finding(doc, p.rule, p.message, p));
  if (parsed.problems.length > 0) return doc;

  const schema = schemas[kind];
  const raw = kind === 'config' && (parsed.value === null || parsed.value === undefined) ? {} : parsed.value;
  const issues: SchemaIssue[] = [];
  if (raw === null || raw === undefined) {
    issues.push({ path: [], target: 'key', rule: fileCodes.empty, message: 'the file is empty: it must hold a mapping (key: value lines)' });
  } else if (compiledCheck(kind)?.(raw)) {
    // the compiled check passed: zod and the unknown-key walk would find nothing (compiled.ts)
    const data = raw as { id?: string };
    if (id !== null && data.id !== id) {
      issues.push({ path: ['id'], target: 'value', rule: schemaRules.idMismatch, message: `id \`${data.id}\` must equal the file name \`${id}\`` });
    }
    // what lies beyond the schema: the contacts' reports_to and influences
    if (kind === 'account') issues.push(...contactRefIssues((data as { contacts?: Parameters<typeof contactRefIssues>[0] }).contacts));
    if (issues.length === 0) doc.data = raw as DataOf[K];
  } else {
    const result = schema.safeParse(raw);
    if (!result.success) issues.push(...zodIssues(result.error, raw));
    issues.push(...unknownKeys(schema, raw));
    if (result.success) {
      const data = result.data as { id?: string };
      if (id !== null && data.id !== id) {
        issues.push({ path: ['id'], target: 'value', rule: schemaRules.idMismatch, message: `id \`${data.id}\` must equal the file name \`${id}\`` });
      }
      if (kind === 'account') issues.push(...contactRefIssues((data as { contacts?: Parameters<typeof contactRefIssues>[0] }).contacts));
      // the parsed value itself (x- keys and all) saves a second copy of every account in memory;
      // config is the exception, since its defaults are filled in by the schema
      if (issues.length === 0) doc.data = (kind === 'config' ? result.data : raw) as DataOf[K];
    }
  }
  // a currency without a rate: an error at its `currency:` line, but the account stays valid
  // (it is analysed, left out of V and abc, never compared on raw numbers)
  const currency = kind === 'account' && config && doc.data ? (doc.data as Account).currency : undefined;
  if (currency !== undefined && !hasRate(config!, currency)) {
    issues.push({
      path: ['currency'],
      target: 'value',
      rule: configCodes.fxMissing,
      message: `no exchange rate for ${currency} in kam.yaml fx: add \`fx: { ${currency}: <rate> }\` (1 ${currency} in ${config!.currency}); until then this account is left out of V and ABC`,
    });
  }
  if (issues.length > 0 && !parsed.locator) doc.locator = positionsOf(text);
  for (const issue of issues) doc.findings.push(finding(doc, issue.rule, issue.message, doc.locator.locate(issue.path, issue.target)));
  return doc;
}

export interface LoadOptions {
  /** workspace-relative files to load instead of the whole workspace (kam.yaml is always read) */
  files?: string[];
  /** how to read a workspace-relative file; the file system by default (git for `diff`) */
  read?: (file: string) => Decoded;
  /** every workspace file, when not listed from the file system (git for `diff`) */
  list?: string[];
  /** record every file's positions as it parses (default true); `diff` reads no position */
  positions?: boolean;
}

export function loadConfig(all: string[], read: (file: string) => Decoded): { config: Config; configDoc: Doc<'config'> | undefined } {
  const configFile = all.find((f) => kindOf(f) === 'config');
  if (!configFile) return { config: defaultConfig(), configDoc: undefined };
  const configDoc = loadDoc('config', configFile, read(configFile));
  const broken = configDoc.findings.find((f) => f.rule.startsWith('yaml/'));
  if (broken) throw new UsageError(`${broken.file}:${broken.line}:${broken.column}: cannot read the workspace settings: ${broken.message}`);
  return { config: configDoc.data ?? defaultConfig(), configDoc };
}

/** Puts loaded documents (in file order) into a workspace: duplicate ids, findings sorted. */
export function assemble(root: string, loaded: { config: Config; configDoc: Doc<'config'> | undefined }, docs: Doc[]): Workspace {
  const ws: Workspace = { root, ...loaded, self: undefined, competitors: [], accounts: [], findings: [...(loaded.configDoc?.findings ?? [])] };
  const seen = new Map<string, string>();
  for (const doc of docs) {
    const key = `${doc.kind}:${doc.id}`;
    if (doc.id !== null && seen.has(key)) {
      doc.data = undefined;
      doc.findings.push(finding(doc, schemaRules.duplicateId, `\`${doc.id}\` is also defined by ${seen.get(key)}`, { line: 1, column: 1 }));
    } else if (doc.id !== null) seen.set(key, doc.file);
    ws.findings.push(...doc.findings);
    if (doc.kind === 'self') ws.self = doc as Doc<'self'>;
    else if (doc.kind === 'competitor') ws.competitors.push(doc as Doc<'competitor'>);
    else ws.accounts.push(doc as Doc<'account'>);
  }
  ws.findings = sortFindings(ws.findings);
  return ws;
}

/** Loads a workspace: every file once, findings sorted. */
export function loadWorkspace(root: string, options: LoadOptions = {}): Workspace {
  const read = options.read ?? workspaceReader(root);
  const all = options.list ?? listWorkspaceFiles(root);
  const files = (options.files ?? all).filter((f) => kindOf(f) !== 'config');
  const loaded = loadConfig(all, read);
  return assemble(root, loaded, files.map((file) => loadDoc(kindOf(file), file, read(file), { positions: options.positions, config: loaded.config })));
}

/** The accounts whose files are valid, in file order. */
export const validAccounts = (ws: Workspace) => ws.accounts.filter((d): d is Doc<'account'> & { data: Account } => d.data !== undefined);
