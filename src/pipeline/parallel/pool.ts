/**
 * The worker threads that load a large workspace, and how the main thread talks to them. A worker
 * spends a quarter of a second or so importing its modules (zod, the YAML parsers, the rules), so
 * the command line starts them as soon as it knows the workspace is large (`prestartLoaders`),
 * while it imports its own. Light on purpose: Node's own modules only.
 *
 * Idle workers are unref'd: one that is started and never used does not keep kam running.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { countAccountFiles } from '../../load/files.js';
import type { OutputFile } from '../../report/files.js';
import type { PlanTask } from '../../report/plans.js';
import type { FromWorker, ToWorker } from './messages.js';

/** Below this many account files a second thread costs more than it saves. */
export const PARALLEL_FROM = 400;
/**
 * The machines kam runs on have two cores or more; more threads than cores only compete. Two
 * workers, not this thread and one worker: what a worker sends arrives as fresh compact strings,
 * while values parsed here would hold on to their whole source text (V8 slices).
 */
export const LOADERS = 2;

const workerUrl = new URL('./worker.js', import.meta.url);

/** Whether a worker can start: it is built (the sources under test have none). */
export const workerBuilt = (): boolean => existsSync(workerUrl);

/** How many worker threads load `accounts` account files: none below `PARALLEL_FROM` or on one core. */
export const threadsFor = (accounts: number): number => (accounts >= PARALLEL_FROM && availableParallelism() >= 2 && workerBuilt() ? LOADERS : 0);

// no inherited node flags: a worker is a plain module (`--input-type`, say, would refuse it)
function spawn(): Worker {
  const worker = new Worker(workerUrl, { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 96 } });
  worker.unref();
  return worker;
}

let started: Worker[] | undefined;

/** Starts the loading workers now when the workspace at `root` is large enough to use them. */
export function prestartLoaders(root: string): void {
  if (started === undefined && threadsFor(countAccountFiles(root)) > 0) started = Array.from({ length: LOADERS }, spawn);
}

/** `count` loading workers: those started early, else new ones. The caller ends them (`endLoaders`). */
export function takeLoaders(count: number = LOADERS): Worker[] {
  const workers = (started ?? []).slice(0, count);
  endLoaders((started ?? []).slice(count));
  while (workers.length < count) workers.push(spawn());
  started = undefined;
  return workers;
}

/** Ends the workers started early, if any (the command loads on this thread after all). */
export function dropLoaders(): void {
  endLoaders(started ?? []);
  started = undefined;
}

export function endLoaders(workers: readonly Worker[]): void {
  for (const worker of workers) void worker.terminate();
}

/** A worker's report that it failed, with the kind of failure (a broken template, say). */
export class WorkerFailure extends Error {
  constructor(
    message: string,
    readonly kind: string,
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

/**
 * Sends `message` to `worker` and hands each reply to `onData` until the worker says it is done.
 * The worker keeps kam running only meanwhile.
 */
export function exchange(worker: Worker, message: ToWorker, onData: (data: Exclude<FromWorker, { kind: 'end' }>) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const off = () => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      worker.unref();
    };
    const onMessage = (data: FromWorker) => {
      if (typeof data === 'string' || data.kind !== 'end') return onData(data);
      off();
      if (data.failure) reject(new WorkerFailure(data.failure.message, data.failure.kind));
      else resolve();
    };
    const onError = (error: Error) => {
      off();
      reject(error);
    };
    const onExit = (code: number) => {
      off();
      reject(new Error(`a loading worker stopped early (exit code ${code})`));
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.ref();
    worker.postMessage(message);
  });
}

/**
 * The accounts a run loaded and keeps, wherever they are (worker threads or this one), for a
 * second task on them: rendering their plans.
 */
export interface Held {
  /**
   * Renders the plans `taskFor` makes of the files each holder holds (workspace-relative), and
   * hands the rendered files to `onFiles` as they come, until all are done.
   */
  render(taskFor: (files: string[]) => PlanTask, onFiles: (files: OutputFile[]) => void): Promise<void>;
  close(): void;
}

/** The accounts held by worker threads, by worker. */
export function heldByWorkers(holdings: ReadonlyMap<Worker, string[]>): Held {
  return {
    render: async (taskFor, onFiles) => {
      await Promise.all(
        [...holdings].map(([worker, files]) =>
          exchange(worker, { kind: 'render', task: taskFor(files) }, (data) => {
            if (typeof data !== 'string' && data.kind === 'rendered') onFiles(data.files);
          }),
        ),
      );
    },
    close: () => endLoaders([...holdings.keys()]),
  };
}
