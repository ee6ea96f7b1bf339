/** English messages of the result's tables. `satisfies` refuses a missing or an extra key. */
import type { BallotTablesMessages } from './ballot-tables-zh.js';

export const ballotTablesEn = {
  'ballots.result.participationTable': 'Area and owners taking part',
  'ballots.result.item': 'What',
  'ballots.result.tookOfAll': 'Took part / all',
  'ballots.result.needsTwoThirds': 'Share (need ≥\u00a02/3)',
  'ballots.result.met': 'met',
  'ballots.result.notMet': 'not met',
  'ballots.result.optionsTable': 'Area and owners for each option (shares of those taking part)',
  'ballots.result.option': 'Option',
  'ballots.result.verdict': 'Meets it?',
  'ballots.result.approved': 'Yes',
  'ballots.result.notApproved': 'No',
} as const satisfies BallotTablesMessages;
