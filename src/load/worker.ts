/**
 * A worker thread's share of a large workspace: read, parse and validate the files it is given
 * and send back what the main thread keeps (data and findings). Each document is turned into JSON
 * as soon as it is loaded, so this thread holds no parsed documents, and the JSON goes out in
 * batches that the main thread parses while this one goes on. JSON moves between threads faster
 * than a structured clone of many small objects, and arrives as compact strings.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Finding } from '../findings.js';
import { readSource } from './read.js';
import { kindOf, loadDoc } from './workspace.js';

export interface WorkerInput {
  root: string;
  files: string[];
}

/** One loaded document as the main thread receives it. */
export interface WorkerDoc {
  file: string;
  data: unknown;
  findings: Finding[];
}

/** A message: a JSON array of `WorkerDoc`, or `null` when the worker is done. */
export type WorkerMessage = string | null;

const BATCH = 250;
const { root, files } = workerData as WorkerInput;
let batch: string[] = [];
for (const file of files) {
  const doc = loadDoc(kindOf(file), file, readSource(join(root, file)));
  batch.push(JSON.stringify({ file, data: doc.data, findings: doc.findings } satisfies WorkerDoc));
  if (batch.length === BATCH) {
    parentPort!.postMessage(`[${batch.join(',')}]` satisfies WorkerMessage);
    batch = [];
  }
}
if (batch.length > 0) parentPort!.postMessage(`[${batch.join(',')}]` satisfies WorkerMessage);
parentPort!.postMessage(null satisfies WorkerMessage);
