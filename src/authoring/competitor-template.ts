/** The starter competitor profile of `kam new --competitor` (SPEC 1.3). */
import { PricePosition } from '../schema/common.js';
import { oneOf, renderSkeleton, type Field } from './skeleton.js';

export const competitorFields: readonly Field[] = [
  { key: 'id', example: 'globex', note: 'the file name without .yaml' },
  { key: 'name', example: 'Globex Automation' },
  { key: 'summary', example: 'Global PLC and drives maker, strong in automotive' },
  { key: 'capabilities', example: '[]' },
  { key: 'resources', example: '[]' },
  { key: 'strategy', example: 'Bundles hardware with engineering at a discount' },
  { key: 'strengths', example: '[]' },
  { key: 'weaknesses', example: '[]' },
  { key: 'price_position', example: 'above_market', note: oneOf(PricePosition.options) },
];

export const competitorHeader = [
  '# Competitor profile, shared by the accounts that name it (`competitors: - ref: <id>`).',
  '# Fill it in top-down: uncomment a line (remove "# ") and replace the example.',
];

/** The text of `competitors/<id>.yaml` for `data` (at least `id` and `name`). */
export const competitorFile = (data: Record<string, unknown>, modeline: string): string =>
  renderSkeleton(competitorFields, data, [modeline, ...competitorHeader]);
