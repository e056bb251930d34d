/** A diff renderer turns a `WorkspaceDiff` into the text of one `kam diff --format`. */
import type { ChalkInstance } from 'chalk';
import type { WorkspaceDiff } from '../model.js';

export interface RenderContext {
  /** configured by the CLI from TTY, NO_COLOR and FORCE_COLOR (only the text format colours) */
  chalk: ChalkInstance;
}

export type DiffRenderer = (diff: WorkspaceDiff, ctx: RenderContext) => string;
