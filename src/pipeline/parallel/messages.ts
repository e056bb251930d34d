/**
 * What the main thread and the worker threads say to each other. The tasks themselves are the
 * pipeline's (`../evaluate.ts`): a worker runs the very functions the main thread runs on a small
 * workspace, and only carries their input and output across.
 */
import type { OutputFile } from '../../report/files.js';
import type { PlanTask } from '../../report/plans.js';
import type { LoadTask } from '../evaluate.js';
import type { ReplayTask } from '../history.js';

export type ToWorker = { kind: 'load'; task: LoadTask } | { kind: 'render'; task: PlanTask } | { kind: 'replay'; task: ReplayTask };

/**
 * What a worker sends: a JSON array of `AccountResult` (load), rendered files (render), and at the
 * end of every task `end`, with what went wrong if something did.
 */
export type FromWorker = string | { kind: 'rendered'; files: OutputFile[] } | { kind: 'end'; failure?: { kind: 'template' | 'usage' | 'crash'; message: string } };
