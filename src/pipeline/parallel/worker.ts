/**
 * A worker thread (`pool.ts` starts two): it imports its modules as soon as it starts, then runs
 * the tasks it is sent with the same functions the main thread runs on a small workspace
 * (`loadShare`, `renderShare` in `../evaluate.ts`). What it adds is the transport: the results of
 * a `load` are turned into JSON at once, so this thread holds no parsed documents, and go out in
 * batches that the main thread parses while this one goes on. JSON moves between threads faster
 * than a structured clone of many small objects, and arrives as compact strings.
 */
import { parentPort } from 'node:worker_threads';
import { loadShare, renderShare, type LoadTask } from '../evaluate.js';
import { replayShare, type ReplayTask } from '../history.js';
import type { PlanTask } from '../../report/plans.js';
import type { FromWorker, ToWorker } from './messages.js';

/** Documents per message. */
const BATCH = 250;

const post = (message: FromWorker) => parentPort!.postMessage(message);

function load(task: LoadTask): void {
  let batch: string[] = [];
  loadShare(task, (result) => {
    batch.push(JSON.stringify(result));
    if (batch.length === BATCH) {
      post(`[${batch.join(',')}]`);
      batch = [];
    }
  });
  if (batch.length > 0) post(`[${batch.join(',')}]`);
}

const tasks = {
  load: async (task: LoadTask) => load(task),
  render: (task: PlanTask) => renderShare(task, (files) => post({ kind: 'rendered', files })),
  // each revision's outcome as it is scored, as JSON (see `load`)
  replay: (task: ReplayTask) => replayShare(task, (result) => post(`[${JSON.stringify(result)}]`)),
};

parentPort!.on('message', (message: ToWorker) => {
  const done = (tasks[message.kind] as (task: unknown) => Promise<void>)(message.task);
  done.then(
    () => post({ kind: 'end' }),
    (error: unknown) => {
      const template = error instanceof Error && error.name === 'TemplateError';
      // a user's mistake found on this thread (an unreadable kam.yaml of the settings asked for)
      const usage = error instanceof Error && error.name === 'UsageError';
      const message = error instanceof Error ? ((template || usage ? error.message : error.stack) ?? error.message) : String(error);
      post({ kind: 'end', failure: { kind: template ? 'template' : usage ? 'usage' : 'crash', message } });
    },
  );
});
