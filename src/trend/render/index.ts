/** The one list of `kam trend --format` renderers. */
import { csv } from './csv.js';
import { json } from './json.js';
import { md } from './md.js';
import { table } from './table.js';
import type { TrendFormat } from './names.js';
import type { TrendRenderer } from './types.js';

export type { TrendFormat };
export const trendRenderers = { table, json, csv, md } satisfies Record<TrendFormat, TrendRenderer>;
