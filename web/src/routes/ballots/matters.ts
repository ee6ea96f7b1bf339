/** Each matter's message key (in ballot-list-zh.ts), written out so every key is visibly used. */
import type { Matter } from '$contracts/ballots.js';
import type { MessageKey } from '$lib/i18n/index.svelte.js';

export const matterKey = {
  'procedure-rules': 'ballots.matter.procedure-rules',
  'management-rules': 'ballots.matter.management-rules',
  committee: 'ballots.matter.committee',
  'property-company': 'ballots.matter.property-company',
  'use-maintenance-fund': 'ballots.matter.use-maintenance-fund',
  'raise-maintenance-fund': 'ballots.matter.raise-maintenance-fund',
  rebuild: 'ballots.matter.rebuild',
  'common-use-change': 'ballots.matter.common-use-change',
  other: 'ballots.matter.other',
} as const satisfies Record<Matter, MessageKey>;
export const matters = Object.keys(matterKey) as Matter[];
