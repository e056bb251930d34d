// Run by `npm run build`: saves `kam --help` as dist/help.txt, so that bin/kam.js can print it
// without loading commander (start-up within 1.3x of a bare `node -e 0`).
import { writeFileSync } from 'node:fs';
import { main } from '../dist/cli/main.js';

let text = '';
const sink = { write: (s) => (text += s) };
const code = await main(['--help'], { cwd: process.cwd(), env: {}, stdout: sink, stderr: sink, today: () => '' });
if (code !== 0) throw new Error(`kam --help exited ${code}`);
writeFileSync(new URL('../dist/help.txt', import.meta.url), text);
