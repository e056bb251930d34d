/** The one list of output formats; `--format` choices come from its keys. */
import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const formatters = { stylish, json } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof formatters;
export const formatNames = Object.keys(formatters) as FormatName[];
