/** `competitors/<id>.yaml`: a competitor profile shared by several accounts (SPEC 1.3). */
import { z } from 'zod';
import { PricePosition, slug, text, textList } from './common.js';

export const Competitor = z.object({
  id: slug,
  name: text,
  summary: text.optional(),
  capabilities: textList.optional(),
  resources: textList.optional(),
  strategy: text.optional(),
  strengths: textList.optional(),
  weaknesses: textList.optional(),
  price_position: PricePosition.optional(),
});

export type Competitor = z.infer<typeof Competitor>;
