/**
 * The names of the `kam trend --format` renderers, apart from the renderers: the command line
 * offers them as choices without loading any. `index.ts` must give each name a renderer.
 */
export const trendFormats = ['table', 'json', 'csv', 'md'] as const;
export type TrendFormat = (typeof trendFormats)[number];
