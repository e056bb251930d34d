#!/usr/bin/env node
// The only place that touches `process`: build the io, run, set the exit code. `kam --version`
// and `kam --help` are answered here without loading the CLI, so they start as fast as node.
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const only = argv.length === 1 ? argv[0] : undefined;

function cached(file) {
  try {
    return readFileSync(new URL(file, import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
}

const quick =
  only === '--version' || only === '-v'
    ? `${JSON.parse(cached('../package.json')).version}\n`
    : only === '--help' || only === '-h'
      ? cached('../dist/help.txt')
      : undefined;

if (quick !== undefined) {
  process.stdout.write(quick);
} else {
  // a larger young generation: kam allocates many short-lived objects per account, and the
  // default semi-space makes 10,000s of accounts spend more time in scavenges than in parsing
  const v8 = await import('node:v8');
  v8.setFlagsFromString('--max-semi-space-size=64');
  const { main } = await import('../dist/cli/main.js');
  // an interrupt removes the temporary files being written (each report is renamed into place
  // whole, so the folder holds each one old or new), then exits as the signal would
  const { removeLiveTemps } = await import('../dist/util/write.js');
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
    process.once(signal, () => {
      removeLiveTemps();
      process.exit(code);
    });
  }
  const io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    today: () => {
      const now = new Date();
      const pad = (n) => String(n).padStart(2, '0');
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    },
  };
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = await main(argv, io);
  } catch (error) {
    process.stderr.write(`kam crashed: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  }
}
