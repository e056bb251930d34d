/** The one list of `kam diff --format` choices. */
import { json } from './json.js';
import { mdRenderer } from './md.js';
import { text } from './text.js';
import type { DiffFormat } from './names.js';
import type { DiffRenderer } from './types.js';

export type { DiffFormat };
export const diffRenderers = { text, md: mdRenderer, json } satisfies Record<DiffFormat, DiffRenderer>;
