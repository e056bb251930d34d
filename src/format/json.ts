import type { Formatter } from './types.js';

export const json: Formatter = (findings) => JSON.stringify(findings, null, 2);
