/**
 * `kam new <id>`: a starter `accounts/<id>.yaml` (or, with `--competitor`, `competitors/<id>.yaml`)
 * holding every section of the format as a commented skeleton, with the yaml-language-server
 * modeline. Asks for the first fields on a terminal (unless `--yes`); flags otherwise.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { accountFile } from '../../authoring/account-template.js';
import { competitorFile } from '../../authoring/competitor-template.js';
import { modeline } from '../../authoring/modeline.js';
import { UsageError } from '../../errors.js';
import { slugify } from '../../import/slug.js';
import { readSource } from '../../load/read.js';
import { CONFIG_FILE, findWorkspace, loadDoc } from '../../load/workspace.js';
import { RelationshipState } from '../../schema/account.js';
import { PricePosition, Rating, SLUG } from '../../schema/common.js';
import { packageRoot } from '../../util/package-root.js';
import { writeFileAtomic } from '../../util/write.js';
import type { Context } from '../main.js';
import { askOrCancel, isInteractive, type Prompter } from '../prompt.js';
import { displayPath, schemaHint, writtenLine } from '../written.js';

export interface NewOptions {
  dir?: string;
  competitor?: boolean;
  yes?: boolean;
  name?: string;
  industry?: string;
  region?: string;
  lead?: string;
  force?: boolean;
}

type Data = Record<string, unknown>;

/** The workspace currency for the starter file's notes (kam.yaml's, else the default); undefined when kam.yaml is invalid. */
function workspaceCurrency(root: string): string | undefined {
  const file = join(root, CONFIG_FILE);
  return existsSync(file) ? loadDoc('config', CONFIG_FILE, readSource(file)).data?.currency : 'CNY';
}

const given = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** Drops undefined values and empty mappings, so only answered fields become live YAML. */
function compact(value: Data): Data {
  const out: Data = {};
  for (const [key, v] of Object.entries(value)) {
    const kept = v !== null && typeof v === 'object' && !Array.isArray(v) ? compact(v as Data) : v;
    if (kept !== undefined && !(typeof kept === 'object' && kept !== null && Object.keys(kept).length === 0)) out[key] = kept;
  }
  return out;
}

/** The account fields from flags, asking for the missing ones when `p` is given. */
async function accountData(id: string, options: NewOptions, p?: Prompter): Promise<Data> {
  const text = async (flag: string | undefined, message: string) => given(flag) ?? (p ? given(await p.text(message)) : undefined);
  const name = given(options.name) ?? (p ? await p.text('Account name', { default: id, required: true }) : id);
  const industry = await text(options.industry, 'Industry (Enter to skip)');
  const region = await text(options.region, 'Region (Enter to skip)');
  const lead = await text(options.lead, 'Account lead: who faces the customer (Enter to skip)');
  const attractiveness = p ? await p.choose('Attractiveness of the account', Rating.options, { skip: true }) : undefined;
  const volume = p ? await p.choose('Potential: volume', Rating.options, { skip: true }) : undefined;
  const margin = p ? await p.choose('Potential: margin', Rating.options, { skip: true }) : undefined;
  const relationship = p ? await p.choose('Relationship today', RelationshipState.options, { skip: true }) : undefined;
  return compact({ id, name, industry, region, team: { account_lead: lead }, assessment: { attractiveness, potential: { volume, margin }, relationship } });
}

async function competitorData(id: string, options: NewOptions, p?: Prompter): Promise<Data> {
  const name = given(options.name) ?? (p ? await p.text('Competitor name', { default: id, required: true }) : id);
  const price = p ? await p.choose('Price position', PricePosition.options, { skip: true }) : undefined;
  return compact({ id, name, price_position: price });
}

export async function run([id]: unknown[], options: NewOptions, ctx: Context): Promise<number> {
  const { io } = ctx;
  const wanted = String(id);
  if (!SLUG.test(wanted)) {
    // the id `kam import` would make of the same name (`华泰精密` → `huatai-jingmi`)
    const suggestion = slugify(wanted);
    const keepName = /[^\x00-\x7f]/.test(wanted) && options.name === undefined ? `; --name "${wanted}" keeps the name` : '';
    throw new UsageError(
      `"${wanted}" is not a valid id: use lower-case letters, digits and "-", starting with a letter or digit${suggestion ? ` (for example ${suggestion}${keepName})` : ''}`,
    );
  }
  const kind = options.competitor ? 'competitor' : 'account';
  const root = findWorkspace(io.cwd, options.dir);
  const folder = join(root, kind === 'account' ? 'accounts' : 'competitors');
  const existing = [`${wanted}.yaml`, `${wanted}.yml`].map((f) => join(folder, f)).find((f) => existsSync(f));
  if (existing && !options.force) throw new UsageError(`${displayPath(io, existing)} exists; --force overwrites it`);

  const gather = kind === 'account' ? accountData : competitorData;
  let data: Data;
  if (options.yes || !isInteractive(io)) data = await gather(wanted, options);
  else {
    const asked = await askOrCancel(io, (p) => gather(wanted, options, p));
    if ('exit' in asked) return asked.exit;
    data = asked.answers;
  }

  const file = existing ?? join(folder, `${wanted}.yaml`);
  const line = modeline(kind, file, root, packageRoot);
  const text = kind === 'account' ? accountFile(data, line, workspaceCurrency(root)) : competitorFile(data, line);
  const result = writeFileAtomic(file, text, { mode: options.force ? 'replace' : 'create' });
  if (result === 'exists') throw new UsageError(`${displayPath(io, file)} exists; --force overwrites it`);
  const out = [writtenLine(result, displayPath(io, file)), 'Fill it in top-down, then run `kam check`.'];
  const hint = schemaHint(root);
  if (hint) out.push(hint);
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
