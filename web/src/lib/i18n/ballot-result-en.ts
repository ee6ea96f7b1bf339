/**
 * English messages of the published result of a counted ballot (ResultSection): the verdict, its
 * charts and tables. `satisfies` refuses a missing or an extra key.
 */
import type { BallotResultMessages } from './ballot-result-zh.js';

export const ballotResultEn = {
  'ballots.chart.half': '1/2',
  'ballots.chart.threeQuarters': '3/4',

  'ballots.result.title': 'The result',
  'ballots.result.whyNoQuorum': 'Less than two thirds of the area or of the owners took part, so it did not pass.',
  'ballots.result.whyPassedOrdinary': 'Two thirds took part, and more than half of the participating area and owners agreed.',
  'ballots.result.whyPassedMajor': 'Two thirds took part, and at least three quarters of the participating area and owners agreed.',
  'ballots.result.whyFailedOrdinary': 'The area or the owners who agreed were not more than half of those taking part.',
  'ballots.result.whyFailedMajor': 'The area or the owners who agreed were less than three quarters of those taking part.',
  'ballots.result.elected': 'Elected: {names}',
  'ballots.result.noneElected': 'No candidate was elected.',
  'ballots.result.closed': 'Counted {time}',
  'ballots.result.participationTitle': 'Who took part',
  'ballots.result.participationChart': 'Share of all area and all owners that took part; the dashed line is two thirds',
  'ballots.result.optionsTitle': 'Area and owners for each option',
  'ballots.result.needOrdinary': 'To pass: more than half of the participating area and owners must agree (dashed line).',
  'ballots.result.needMajor': 'To pass: at least three quarters of the participating area and owners must agree (dashed line).',
  'ballots.result.optionsChart': 'Each option\u2019s share of the participating area and owners; the dashed line is what passing needs',
  'ballots.result.splitHeads': '{count} owners voted differently for their several flats: they took part but count for no option.',
} as const satisfies BallotResultMessages;
