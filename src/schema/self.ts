/** `self.yaml`: our own company (SPEC 1.2). */
import { z } from 'zod';
import { slug, text, textList } from './common.js';

export const Offering = z.object({
  id: slug,
  name: text,
  description: text.optional(),
});

export const Self = z.object({
  name: text.optional(),
  offerings: z.array(Offering).optional(),
  capabilities: textList.optional(),
  resources: textList.optional(),
  constraints: textList.optional(),
  strategy: text.optional(),
});

export type Self = z.infer<typeof Self>;
export type Offering = z.infer<typeof Offering>;
