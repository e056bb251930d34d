/**
 * A worker thread's half of a large workspace: read, parse and validate the files it is given and
 * send back what the main thread keeps (data and findings), as one JSON string, which is cheaper
 * to move between threads than a structured clone of many small objects.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readSource } from './read.js';
import { kindOf, loadDoc } from './workspace.js';

export interface WorkerInput {
  root: string;
  files: string[];
}

export interface WorkerDoc {
  file: string;
  data: unknown;
  findings: import('../findings.js').Finding[];
}

const { root, files } = workerData as WorkerInput;
const docs: WorkerDoc[] = files.map((file) => {
  const doc = loadDoc(kindOf(file), file, readSource(join(root, file)));
  return { file, data: doc.data, findings: doc.findings };
});
parentPort!.postMessage(JSON.stringify(docs));
