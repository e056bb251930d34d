/** The label catalogue of each report language. */
import type { Lang } from '../../schema/config.js';
import { en } from './en.js';
import type { Labels } from './types.js';
import { zh } from './zh.js';

export const catalogues = { en, zh } satisfies Record<Lang, Labels>;

export const labelsFor = (lang: Lang): Labels => catalogues[lang];
