/** English messages of the ballots list and the matters. `satisfies` refuses a missing or an extra key. */
import type { BallotListMessages } from './ballot-list-zh.js';

export const ballotListEn = {
  'ballots.list.title': 'Owner votes',
  'ballots.list.lead': 'Votes of each estate\u2019s owners. Under Article 278 of the Civil Code, both floor area and owners are counted.',
  'ballots.list.create': 'Open a vote',
  'ballots.list.none': 'There are no votes yet.',
  'ballots.list.open': 'Open for voting',
  'ballots.list.upcoming': 'Coming up',
  'ballots.list.closed': 'Finished',

  'ballots.matter.procedure-rules': 'Adopt or change the owners\u2019 assembly rules of procedure',
  'ballots.matter.management-rules': 'Adopt or change the management rules',
  'ballots.matter.committee': 'Elect the owners\u2019 committee or replace members',
  'ballots.matter.property-company': 'Hire or dismiss a property company or other manager',
  'ballots.matter.use-maintenance-fund': 'Use the maintenance fund of the buildings and facilities',
  'ballots.matter.raise-maintenance-fund': 'Raise the maintenance fund of the buildings and facilities',
  'ballots.matter.rebuild': 'Rebuild or renovate buildings and their facilities',
  'ballots.matter.common-use-change': 'Change the use of common parts or use them for business',
  'ballots.matter.other': 'Other major matters of shared ownership and management',

  'ballots.rule.ordinary': 'Ordinary matter',
  'ballots.rule.major': 'Major matter',
} as const satisfies BallotListMessages;
