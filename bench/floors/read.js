// I/O floor: read every workspace file once.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
let bytes = 0;
for (const dir of ['competitors', 'accounts']) for (const f of readdirSync(join(root, dir))) bytes += readFileSync(join(root, dir, f)).length;
process.stdout.write(`${bytes}\n`);
