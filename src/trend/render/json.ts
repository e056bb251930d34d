import type { TrendRenderer } from './types.js';

/** The trend data as it is (series sorted by id, revisions oldest first): the same history gives the same bytes. */
export const json: TrendRenderer = (trend) => `${JSON.stringify(trend, null, 2)}\n`;
