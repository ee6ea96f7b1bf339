/**
 * Message keys of the proposal categories, with the messages of the places that show them (a
 * proposal card, the list's filter, the proposal form, a proposal's details): importing this adds
 * those messages to `t()` (see i18n/proposal-card.ts), so pages that show no category never
 * download them.
 */
import type { ProposalCategory } from '$contracts/proposals.js';
import type { MessageKey } from './i18n/index.svelte.js';
import './i18n/proposal-card.js';

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

export const categories = Object.keys(categoryKey) as ProposalCategory[];

/**
 * A plain check for text from the address bar: the list above is exhaustive (`satisfies Record<…>`
 * makes the compiler refuse a missing or extra value), so no zod schema needs to ship for it.
 */
export const asCategory = (value: unknown): ProposalCategory | undefined =>
  (categories as readonly unknown[]).includes(value) ? (value as ProposalCategory) : undefined;
