// `npm run prepare` (npm runs it in a checkout: `npm install` in the clone, and an install from
// the git repository): builds dist/. A tarball install never runs it and needs no build. `npm
// install -g <git URL>` installs the checkout's devDependencies globally instead of into the
// checkout (npm/cli#8440), so TypeScript is missing here then: install them into the checkout
// first, without the global install's settings (global, prefix, allow-scripts), which npm passes
// down in the environment.
const { execSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const inherited = /^npm_config_(global|prefix|location|allow_scripts)$/i;
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !inherited.test(key)));
if (!existsSync('node_modules/typescript/bin/tsc')) {
  execSync('npm install --no-save --no-audit --no-fund --ignore-scripts --include=dev', { stdio: 'inherit', env });
}
execSync('npm run build', { stdio: 'inherit' });
