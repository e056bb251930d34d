// Parse floor: read and js-yaml-load every workspace file once, as plainly as possible.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';

const root = process.argv[2];
let n = 0;
for (const dir of ['competitors', 'accounts']) {
  for (const f of readdirSync(join(root, dir))) {
    try {
      jsyaml.load(readFileSync(join(root, dir, f), 'utf8'), { schema: jsyaml.CORE_SCHEMA });
      n++;
    } catch {
      // the few broken files count as read
    }
  }
}
process.stdout.write(`${n}\n`);
