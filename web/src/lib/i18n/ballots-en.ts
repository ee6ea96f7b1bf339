/** English messages of the ballot pages. `satisfies` refuses a missing or an extra key. */
import type { BallotsMessages } from './ballots-zh.js';

export const ballotsEn = {
  'ballots.when': 'Voting: {from} to {to}',
  'ballots.backToList': 'All votes',
  'ballots.listSeparator': ', ',
  'ballots.unit': 'Building {building}, flat {room}',
  'ballots.area': 'Area',
  'ballots.heads': 'Owners',

  'ballots.status.scheduled': 'Coming up',
  'ballots.status.open': 'Open for voting',
  'ballots.status.counting': 'Voting over, awaiting the count',
  'ballots.status.notice': 'Result on public notice',
  'ballots.status.final': 'Result final',
  'ballots.outcome.passed': 'Passed',
  'ballots.outcome.failed': 'Not passed',
  'ballots.outcome.no-quorum': 'Not passed (too few took part)',
  'ballots.option.yes': 'Yes',
  'ballots.option.no': 'No',
  'ballots.option.abstain': 'Abstain',
  'ballots.choice.none': 'nobody',

  'ballots.ask.title': 'What is being decided',
  'ballots.ask.decision': 'Each flat chooses one:',
  'ballots.ask.candidates': 'Candidates (you may choose several; each is counted on their own):',
  'ballots.counting': 'Voting time is over. The committee will count the votes and publish the result here.',

  'ballots.turnout.chartGroup': 'Taking part',
  'ballots.chart.twoThirds': '2/3',

  'ballots.receipt.label': 'Receipt code',
} as const satisfies BallotsMessages;
