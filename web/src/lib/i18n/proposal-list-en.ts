/** English messages of the proposals list (its filters). `satisfies` refuses a missing or an extra key. */
import type { ProposalListMessages } from './proposal-list-zh.js';

export const proposalListEn = {
  'list.title': 'Proposals',
  'list.filters': 'Filter',
  'list.status': 'Status',
  'list.category': 'Category',
  'list.all': 'All',
  'list.showing': 'Showing {count} proposals',
  'list.empty': 'No proposal matches.',
  'list.loadMore': 'Load more',
} as const satisfies ProposalListMessages;
