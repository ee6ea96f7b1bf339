/** English messages of proposal cards and forms. `satisfies` refuses a missing or an extra key. */
import type { ProposalCardMessages } from './proposal-card-zh.js';

export const proposalCardEn = {
  'category.greening': 'Greening',
  'category.seating': 'Seating',
  'category.lighting': 'Lighting',
  'category.accessibility': 'Accessibility',
  'category.play': 'Children\u2019s play',
  'category.sanitation': 'Sanitation',
  'category.culture': 'Culture',
  'category.other': 'Other',
  'proposal.by': 'Proposed by {name}',
  'card.progress': 'Work {progress}% done',
  'card.objections': '{count} objection(s) awaiting a response',
} as const satisfies ProposalCardMessages;
