/** English messages of a proposal's first screen (its status steps and backing). `satisfies` refuses a missing or an extra key. */
import type { ProposalMessages } from './proposal-zh.js';

export const proposalEn = {
  'proposal.supportTitle': 'Back this proposal',
  'proposal.back': 'I back this',
  'proposal.withdraw': 'Withdraw my backing',
  'proposal.youBack': 'You back this proposal.',
  'proposal.signInToBack': 'Sign in to back it',
  'proposal.closed': 'This proposal is closed: backing can no longer be given or withdrawn.',
  'proposal.toReview': 'Once {threshold} people back it, the committee reviews it: {missing} more needed.',
  'proposal.reachedReview': 'It has enough backers and goes to the committee for review.',
  'steps.title': 'How far this proposal has come',
  'steps.backing': 'Gathering backing',
  'steps.review': 'Committee review',
  'steps.answer': 'Answer and notice period',
  'steps.work': 'Work',
  'steps.done': 'Done',
  'steps.stateDone': 'done',
  'steps.stateTodo': 'not yet',
  'steps.stateSkipped': 'will not happen',
  'steps.stateNow': 'now: {status}',
  'moderation.hiddenNotice': 'Hidden by a moderator: {reason}',
} as const satisfies ProposalMessages;
