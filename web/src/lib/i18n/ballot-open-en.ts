/**
 * English messages of the caller’s own part (MyStatus), the frozen roll and live turnout
 * (Turnout), shared with the vote page. `satisfies` refuses a missing or an extra key.
 */
import type { BallotOpenMessages } from './ballot-open-zh.js';

export const ballotOpenEn = {
  'ballots.roll.title': 'The owners\u2019 roll',
  'ballots.roll.frozen': 'The roll was locked when the vote was opened and does not change.',
  'ballots.roll.units': 'Flats',
  'ballots.roll.area': 'Total floor area',
  'ballots.roll.heads': 'Owners',

  'ballots.turnout.title': 'Who has taken part so far',
  'ballots.turnout.units': '{units} of {total} flats have voted',
  'ballots.turnout.area': 'Area taking part: {area}, {share} of all',
  'ballots.turnout.heads': 'Owners taking part: {heads}, {share} of all',
  'ballots.turnout.chartTitle': 'Share of all area and all owners taking part; the dashed line is two thirds',
  'ballots.turnout.secret': 'To keep it fair, how people voted is not shown until voting is over.',

  'ballots.mine.title': 'My vote',
  'ballots.mine.signInToVote': 'Please sign in to vote.',
  'ballots.mine.signIn': 'Sign in',
  'ballots.mine.signInToSee': 'Sign in to see your household\u2019s vote.',
  'ballots.mine.notOnRoll': 'The roll lists no flat you vote for, so you cannot vote online. Ask your grid worker or the committee if this is wrong.',
  'ballots.mine.voted': 'Voted: {choice}',
  'ballots.mine.votedOnline': 'Online, {time}',
  'ballots.mine.votedByStaff': 'Entered by staff, {time}',
  'ballots.mine.notYet': 'Not voted yet',
  'ballots.mine.vote': 'Vote now',
  'ballots.mine.change': 'Change my vote',
  'ballots.mine.changeHint': 'You can change your vote until voting closes; the last one counts.',
  'ballots.mine.notOpenYet': 'Voting opens {time}.',
} as const satisfies BallotOpenMessages;
