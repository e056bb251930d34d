// Preloaded with `node --import` by the start-up test: reports every module URL Node loads, so the
// test can assert that `kam --help` loads no heavy library.
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const loaded = [];
port1.on('message', (url) => loaded.push(url));
port1.unref();
register(
  'data:text/javascript,' +
    encodeURIComponent(`
let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) { port.postMessage(url); return next(url, context); }
`),
  { data: { port: port2 }, transferList: [port2] },
);
process.on('exit', () => {
  process.stderr.write(`\nLOADED ${JSON.stringify(loaded)}\n`);
});
