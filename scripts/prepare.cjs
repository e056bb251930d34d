// `npm run prepare` (npm runs it in a checkout: `npm install` in the clone, and an install from
// the git repository): builds dist/. A tarball install never runs it and needs no build. `npm
// install -g <git URL>` installs the checkout's devDependencies globally instead of into the
// checkout (npm/cli#8440), so TypeScript is missing here then: install them into the checkout first.
const { execSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const run = (command) => execSync(command, { stdio: 'inherit' });
if (!existsSync('node_modules/typescript/bin/tsc')) run('npm install --no-save --no-audit --no-fund --ignore-scripts --include=dev --global=false');
run('npm run build');
