/**
 * Message keys for the contract's enums, written out so every key is visibly used. The categories
 * are in labels-category.ts, with their messages: many pages import this module for `isModerator`.
 */
import type { ProposalStatus } from '$contracts/proposals.js';
import type { MessageKey } from './i18n/index.svelte.js';

export const statusKey = {
  open: 'status.open',
  under_review: 'status.under_review',
  accepted: 'status.accepted',
  rejected: 'status.rejected',
  in_progress: 'status.in_progress',
  completed: 'status.completed',
  withdrawn: 'status.withdrawn',
} as const satisfies Record<ProposalStatus, MessageKey>;

export const statuses = Object.keys(statusKey) as ProposalStatus[];

/**
 * A plain check for text from the address bar: the list above is exhaustive (`satisfies Record<…>`
 * makes the compiler refuse a missing or extra value), so no zod schema needs to ship for it.
 */
export const asStatus = (value: unknown): ProposalStatus | undefined =>
  (statuses as readonly unknown[]).includes(value) ? (value as ProposalStatus) : undefined;

/** "3 人支持" / "1 backer" / "3 backers". */
export const backersKey = (count: number): MessageKey => (count === 1 ? 'backers.one' : 'backers.other');

/** Committee members and staff answer proposals, track the work and moderate. */
export const isModerator = (roles: readonly string[] | undefined): boolean =>
  !!roles && (roles.includes('committee') || roles.includes('staff'));
