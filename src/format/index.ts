/** The one map of output formats to formatters, one for each name of `names.ts`. */
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import type { FormatName } from './names.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export { formatNames, type FormatName } from './names.js';

export const formatters = { stylish, json, junit, github, sarif, gitlab } satisfies Record<FormatName, Formatter>;
