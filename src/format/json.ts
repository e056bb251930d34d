import { safeJson } from '../util/terminal-text.js';
import type { Formatter } from './types.js';

export const json: Formatter = (findings) => safeJson(findings, 2);
