import type { ChalkInstance } from 'chalk';
import type { Trend } from '../model.js';

export interface TrendRenderContext {
  chalk: ChalkInstance;
}

export type TrendRenderer = (trend: Trend, ctx: TrendRenderContext) => string;
