/** The label catalogue of each report language. */
import type { Lang } from '../../schema/config.js';
import { audienceLabels, type AudienceLabels } from './audience.js';
import { en } from './en.js';
import type { Labels } from './types.js';
import { zh } from './zh.js';

/** A language's labels with those of the exec and customer reports (`audience.ts`). */
export type ReportLabels = Labels & { audience: AudienceLabels };

export const catalogues = {
  en: { ...en, audience: audienceLabels.en },
  zh: { ...zh, audience: audienceLabels.zh },
} satisfies Record<Lang, ReportLabels>;

export const labelsFor = (lang: Lang): ReportLabels => catalogues[lang];
