/**
 * English messages of the published receipt list (Receipts). `satisfies` refuses a missing or an
 * extra key.
 */
import type { BallotReceiptsMessages } from './ballot-receipts-zh.js';

export const ballotReceiptsEn = {
  'ballots.receipts.title': 'The public list of votes',
  'ballots.receipts.intro': 'Each vote shows only its receipt code and choice, never who cast it. Anyone can recount the result from this list.',
  'ballots.receipts.search': 'Find my vote: type the receipt code',
  'ballots.receipts.searchHint': 'At least 4 characters; spaces and capitals do not matter.',
  'ballots.receipts.notFound': 'No vote has this receipt code. Please check it, or ask the committee.',
  'ballots.receipts.foundLine': 'Counted: {choice}, area {area}',
  'ballots.receipts.all': 'See all {count} votes',
  'ballots.receipts.choice': 'Choice',
  'ballots.receipts.head': 'Owner key',
  'ballots.receipts.tableCaption': 'Every vote\u2019s receipt code and choice',
  'ballots.receipts.more': 'The first {shown} of {count} are shown; download the file for all.',
  'ballots.receipts.download': 'Download the whole list (JSON file)',
} as const satisfies BallotReceiptsMessages;
