/** Small readings of an account shared by several rules. Pure. */
import type { Action, ActionStatus } from '../schema/account.js';

/** True for text that says something (not absent, not blank). */
export const filled = (value: string | undefined | null): value is string => typeof value === 'string' && value.trim() !== '';

/** True for a list of text with at least one entry that says something. */
export const someText = (list: readonly string[] | undefined | null): boolean => Array.isArray(list) && list.some(filled);

/** Statuses of actions still to be done (SPEC 5, `plan/overdue`). */
export const openStatuses: ReadonlySet<ActionStatus> = new Set<ActionStatus>(['planned', 'in_progress', 'blocked']);

/** An action is open while its status is planned, in progress or blocked; no status counts as planned. */
export const isOpen = (action: Action): boolean => openStatuses.has(action.status ?? 'planned');
