// Validation floor: what a user who writes twenty lines of js-yaml + ajv would run, on one
// thread: read every workspace file, js-yaml-load it, validate it with ajv 8 against kam's own
// exported JSON Schemas (schemas/), count the files that fail. No positions, no messages.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import jsyaml from 'js-yaml';

const schemas = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');
const root = process.argv[2];
const ajv = new Ajv2020({ strict: false, allErrors: false });
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
ajv.addFormat('date', (s) => {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
});
const validator = (kind) => ajv.compile(JSON.parse(readFileSync(join(schemas, `${kind}.schema.json`), 'utf8')));
const kinds = { accounts: validator('account'), competitors: validator('competitor') };

let failed = 0;
for (const [dir, validate] of Object.entries(kinds)) {
  for (const f of readdirSync(join(root, dir))) {
    try {
      if (!validate(jsyaml.load(readFileSync(join(root, dir, f), 'utf8'), { schema: jsyaml.CORE_SCHEMA }))) failed++;
    } catch {
      failed++;
    }
  }
}
process.stdout.write(`${failed}\n`);
