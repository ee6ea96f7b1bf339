/** English messages of the two-step vote page. `satisfies` refuses a missing or an extra key. */
import type { BallotVoteMessages } from './ballot-vote-zh.js';

export const ballotVoteEn = {
  'ballots.vote.pageTitle': 'Vote',
  'ballots.vote.back': 'Back to the vote page',
  'ballots.vote.step': 'Step {n} of 2',
  'ballots.vote.forUnits': 'Voting for: {units}',
  'ballots.vote.current': 'Your choice now: {choice}. You can change it.',
  'ballots.vote.chooseOne': 'Choose one:',
  'ballots.vote.tickCandidates': 'Tick the candidates you agree with (several, or none)',
  'ballots.vote.next': 'Next',
  'ballots.vote.confirmTitle': 'Is this right?',
  'ballots.vote.youChose': 'You chose:',
  'ballots.vote.question': 'The question: {title}',
  'ballots.vote.confirm': 'Cast my vote',
  'ballots.vote.again': 'Go back and choose again',
  'ballots.vote.doneTitle': 'Your vote is in',
  'ballots.vote.doneChoice': 'Your choice: {choice}',
  'ballots.vote.writeDown': 'Please write this receipt code down. Once the result is out, it finds your vote in the public list.',
  'ballots.vote.closed': 'Voting is over; no more votes can be cast.',
  'ballots.vote.notRepresentative': 'You do not vote for this flat.',
} as const satisfies BallotVoteMessages;
