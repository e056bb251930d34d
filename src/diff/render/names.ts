/**
 * The names of the `kam diff --format` renderers, apart from the renderers: the command line
 * offers them as choices without loading any. `index.ts` must give each name a renderer.
 */
export const diffFormats = ['text', 'md', 'json'] as const;
export type DiffFormat = (typeof diffFormats)[number];
