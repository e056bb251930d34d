// Run by `npm run build`: saves Handlebars' precompiled specs of the built-in templates as
// dist/report/precompiled.json, so that `kam plan` compiles only the templates a workspace
// overrides (src/report/render.ts, `SpecCache`).
import { writeFileSync } from 'node:fs';
import { compileTemplates } from '../dist/report/render.js';
import { loadTemplates } from '../dist/report/templates.js';

const cache = new Map();
for (const format of ['md', 'html']) await compileTemplates(loadTemplates(), format, cache);
writeFileSync(new URL('../dist/report/precompiled.json', import.meta.url), `${JSON.stringify(Object.fromEntries([...cache].sort()))}\n`);
