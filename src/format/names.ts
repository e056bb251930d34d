/**
 * The names of the output formats, apart from the formatters themselves: the command line offers
 * them as `--format` choices without loading any formatter (stylish brings string-width and its
 * Unicode tables). `index.ts` must give each name a formatter, and no other: it does not compile
 * otherwise.
 */
export const formatNames = ['stylish', 'json', 'junit', 'github', 'sarif', 'gitlab'] as const;
export type FormatName = (typeof formatNames)[number];
