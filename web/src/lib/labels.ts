/** Message keys for the contract's enums, written out so every key is visibly used. */
import type { ProposalCategory, ProposalStatus } from '$contracts/proposals.js';
import type { MessageKey } from './i18n/index.svelte.js';

export const categoryKey = {
  greening: 'category.greening',
  seating: 'category.seating',
  lighting: 'category.lighting',
  accessibility: 'category.accessibility',
  play: 'category.play',
  sanitation: 'category.sanitation',
  culture: 'category.culture',
  other: 'category.other',
} as const satisfies Record<ProposalCategory, MessageKey>;

export const statusKey = {
  open: 'status.open',
  under_review: 'status.under_review',
  accepted: 'status.accepted',
  rejected: 'status.rejected',
  in_progress: 'status.in_progress',
  completed: 'status.completed',
  withdrawn: 'status.withdrawn',
} as const satisfies Record<ProposalStatus, MessageKey>;

export const categories = Object.keys(categoryKey) as ProposalCategory[];
export const statuses = Object.keys(statusKey) as ProposalStatus[];

/**
 * Plain checks for text from the address bar: the lists above are exhaustive (`satisfies Record<…>`
 * makes the compiler refuse a missing or extra value), so no zod schema needs to ship for them.
 */
export const asCategory = (value: unknown): ProposalCategory | undefined =>
  (categories as readonly unknown[]).includes(value) ? (value as ProposalCategory) : undefined;
export const asStatus = (value: unknown): ProposalStatus | undefined =>
  (statuses as readonly unknown[]).includes(value) ? (value as ProposalStatus) : undefined;

/** "3 人支持" / "1 backer" / "3 backers". */
export const backersKey = (count: number): MessageKey => (count === 1 ? 'backers.one' : 'backers.other');

/** Committee members and staff answer proposals, track the work and moderate. */
export const isModerator = (roles: readonly string[] | undefined): boolean =>
  !!roles && (roles.includes('committee') || roles.includes('staff'));
