/**
 * Finding a workspace and loading every file of it (SPEC section 1): read once, parse once,
 * validate once against the schema of its kind. A broken file becomes findings and the rest go
 * on; only an unreadable `kam.yaml` stops the run (UsageError, exit 2).
 */
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { UsageError } from '../errors.js';
import type { Finding } from '../findings.js';
import { sortFindings } from '../findings.js';
import { Account } from '../schema/account.js';
import { fileCodes, type Code } from '../codes.js';
import { schemaRules } from '../schema/common.js';
import { Competitor } from '../schema/competitor.js';
import { Config, defaultConfig } from '../schema/config.js';
import { zodIssues, type SchemaIssue } from '../schema/issues.js';
import { Self } from '../schema/self.js';
import { unknownKeys } from '../schema/unknown-keys.js';
import { kindOf, listWorkspaceFiles, YAML_EXT, type FileKind } from './files.js';
import { LazyLocator, startLocator, type Locator } from './locate.js';
import { parseYaml, positionsOf } from './parse.js';
import { readSource, type Decoded } from './read.js';
import type { TierInputs } from '../analysis/index.js';
import type { Precheck } from '../rules/run.js';
import { dropLoaders, endLoaders, exchange, held, parallelFor, takeLoaders, type Held } from './pool.js';
import type { LoadTask, WorkerDoc } from './worker.js';

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
  locator: Locator;
  findings: Finding[];
  /** the rules' outcomes for each tier the account can have, when a worker thread ran them (accounts) */
  precheck?: Precheck;
  /** what the tier needs of this account, when a worker thread sent that instead of the data */
  tierInputs?: TierInputs;
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
  /** set when worker threads ran the rules (`Doc.precheck`), at this "today" */
  prechecked?: { today: string };
  /** the worker threads holding the accounts, when loaded with `hold` (close it when done) */
  held?: Held;
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

const idOf = (kind: FileKind, file: string) => (kind === 'account' || kind === 'competitor' ? basename(file).replace(YAML_EXT, '') : null);

/** Defined outside `loadDoc` so that the closure holds `reread` and not the file's text. */
const laterPositions = (reread: () => Decoded): Locator => new LazyLocator(() => positionsOf(reread().text ?? ''));

/**
 * Parses and validates one file's text against the schema of its kind. `reread` gives the text
 * again when a position is asked for later, so the text is not kept in memory meanwhile.
 */
export function loadDoc<K extends FileKind>(kind: K, file: string, source: Decoded, reread?: () => Decoded): Doc<K> {
  return loadDocWith(kind, file, source, { reread });
}

export interface LoadDocOptions {
  reread?: () => Decoded;
  /** record positions while parsing (the rules will ask for them at once) */
  positions?: boolean;
}

/** `loadDoc` with its options. */
export function loadDocWith<K extends FileKind>(kind: K, file: string, source: Decoded, { reread, positions = false }: LoadDocOptions): Doc<K> {
  const id = idOf(kind, file);
  const doc: Doc<K> = { kind, file, id, raw: undefined, data: undefined, locator: startLocator, findings: [] };
  if (source.problem) {
    doc.findings.push(finding(doc, source.problem.rule, source.problem.message, source.problem));
    return doc;
  }
  const parsed = parseYaml(source.text, positions);
  const text = source.text;
  doc.locator = parsed.locator ?? laterPositions(reread ?? (() => source));
  doc.raw = parsed.value;
  for (const p of parsed.problems) doc.findings.push(finding(doc, p.rule, p.message, p));
  if (parsed.problems.length > 0) return doc;

  const schema = schemas[kind];
  const raw = kind === 'config' && (parsed.value === null || parsed.value === undefined) ? {} : parsed.value;
  const issues: SchemaIssue[] = [];
  if (raw === null || raw === undefined) {
    issues.push({ path: [], target: 'key', rule: fileCodes.empty, message: 'the file is empty: it must hold a mapping (key: value lines)' });
  } else {
    const result = schema.safeParse(raw);
    if (!result.success) issues.push(...zodIssues(result.error, raw));
    issues.push(...unknownKeys(schema, raw));
    if (result.success) {
      const data = result.data as { id?: string };
      if (id !== null && data.id !== id) {
        issues.push({ path: ['id'], target: 'value', rule: schemaRules.idMismatch, message: `id \`${data.id}\` must equal the file name \`${id}\`` });
      }
      // the parsed value itself (x- keys and all) saves a second copy of every account in memory;
      // config is the exception, since its defaults are filled in by the schema
      if (issues.length === 0) doc.data = (kind === 'config' ? result.data : raw) as DataOf[K];
    }
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
}

function loadConfig(all: string[], read: (file: string) => Decoded): { config: Config; configDoc: Doc<'config'> | undefined } {
  const configFile = all.find((f) => kindOf(f) === 'config');
  if (!configFile) return { config: defaultConfig(), configDoc: undefined };
  const configDoc = loadDoc('config', configFile, read(configFile));
  const broken = configDoc.findings.find((f) => f.rule.startsWith('yaml/'));
  if (broken) throw new UsageError(`${broken.file}:${broken.line}:${broken.column}: cannot read the workspace settings: ${broken.message}`);
  return { config: configDoc.data ?? defaultConfig(), configDoc };
}

/** Puts loaded documents (in file order) into a workspace: duplicate ids, findings sorted. */
function assemble(root: string, loaded: { config: Config; configDoc: Doc<'config'> | undefined }, docs: Doc[]): Workspace {
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
  const read = options.read ?? ((file: string) => readSource(join(root, file)));
  const all = options.list ?? listWorkspaceFiles(root);
  const files = (options.files ?? all).filter((f) => kindOf(f) !== 'config');
  const loaded = loadConfig(all, read);
  return assemble(root, loaded, files.map((file) => loadDoc(kindOf(file), file, read(file), () => read(file))));
}

/**
 * What each valid account document brings back from a worker thread:
 * - `data`: the whole account (the default);
 * - `report`: the fields the analysis and the portfolio report read, for `plan`, whose workers
 *   keep the whole accounts and render their plans;
 * - `analysed`: only the fields the analysis reads (`analysedFields`), for `score`;
 * - `tiers`: only `id`, `name` and the `tierInputs`, for `check`, which needs the tiers alone;
 * - `findings`: only `id` and `name`, for `validate`.
 * Less data crosses between threads and stays in memory; a workspace loaded with less than
 * `data` is for that command, not for rendering plans on this thread.
 */
export type Keep = 'data' | 'report' | 'analysed' | 'tiers' | 'findings';

export interface ParallelOptions {
  /** workspace-relative files to load instead of the whole workspace */
  files?: string[];
  keep?: Keep;
  /** called as batches of accounts arrive: how many are loaded, of how many */
  onProgress?: (done: number, total: number) => void;
  /**
   * Also run the completeness rules in the worker threads, at the "today" this gives for the
   * workspace settings: each account doc then carries its `precheck`, positions included, so
   * the main thread neither runs the rules nor parses any file again to place their findings.
   */
  rules?: {
    today(config: Config): string;
    /** whether findings need line and column (default true); `score` only counts them */
    positions?: boolean;
  };
  /** Keep the worker threads and the accounts they loaded, to render plans (`Workspace.held`; the caller closes it). */
  hold?: boolean;
  /** called with the workspace settings as soon as they are read, while the workers load */
  onSettings?: (config: Config) => void;
}

/**
 * The same as `loadWorkspace`, with the accounts of a large workspace loaded by worker threads
 * (`pool.ts`). The settings, our own analysis and the competitor profiles are read here first:
 * the rules need them.
 */
export async function loadWorkspaceParallel(root: string, options: ParallelOptions = {}): Promise<Workspace> {
  const all = listWorkspaceFiles(root);
  const files = (options.files ?? all).filter((f) => kindOf(f) !== 'config');
  const accounts = files.filter((f) => kindOf(f) === 'account');
  if (!parallelFor(accounts.length)) {
    dropLoaders(); // started early for a workspace that then loads fewer files
    return loadWorkspace(root, options);
  }
  const workers = takeLoaders();
  try {
    const read = (file: string) => readSource(join(root, file));
    const loaded = loadConfig(all, read);
    const local = files.filter((f) => kindOf(f) !== 'account').map((file) => loadDoc(kindOf(file), file, read(file), () => read(file)));
    const rules = options.rules && {
      today: options.rules.today(loaded.config),
      positions: options.rules.positions ?? true,
      competitors: local.filter((d) => d.kind === 'competitor' && d.id !== null).map((d) => [d.id!, (d.data as Competitor | undefined) ?? null] as const),
    };
    const task: LoadTask = {
      root,
      files: accounts,
      next: new Int32Array(new SharedArrayBuffer(4)),
      rules,
      keep: options.keep ?? 'data',
      config: loaded.config,
      hold: options.hold,
    };
    const docs: Doc[] = new Array(accounts.length);
    // which worker holds which valid accounts, for a second task on them
    const holdings = new Map(workers.map((w) => [w, [] as string[]]));
    let received = 0;
    const loading = Promise.all(
      workers.map((worker) =>
        exchange(worker, { kind: 'load', task }, (message) => {
          const batch = JSON.parse(message as string) as WorkerDoc[];
          received += batch.length;
          options.onProgress?.(received, accounts.length);
          for (const { i, data, findings, precheck, tierInputs } of batch) {
            const file = accounts[i];
            docs[i] = { kind: 'account', file, id: idOf('account', file), raw: data, data: data as never, locator: laterPositions(() => read(file)), findings, precheck, tierInputs };
            if (task.hold && data !== undefined) holdings.get(worker)!.push(file);
          }
        }),
      ),
    );
    options.onSettings?.(loaded.config);
    await loading;
    const ws = assemble(root, loaded, [...local, ...docs]);
    if (rules) ws.prechecked = { today: rules.today };
    if (task.hold) ws.held = held(holdings);
    else endLoaders(workers);
    return ws;
  } catch (error) {
    endLoaders(workers);
    throw error;
  }
}

/** The accounts whose files are valid, in file order. */
export const validAccounts = (ws: Workspace) => ws.accounts.filter((d): d is Doc<'account'> & { data: Account } => d.data !== undefined);
