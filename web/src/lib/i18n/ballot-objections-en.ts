/**
 * English messages of the notice period: objections and their form (Objections). `satisfies`
 * refuses a missing or an extra key.
 */
import type { BallotObjectionsMessages } from './ballot-objections-zh.js';

export const ballotObjectionsEn = {
  'ballots.objection.title': 'Public notice and objections',
  'ballots.objection.noticeUntil': 'On public notice until {time}',
  'ballots.objection.open': 'During the notice period, owners on the roll may object to the result; the committee answers each objection.',
  'ballots.objection.waiting': '{count} objection(s) await the committee\u2019s answer.',
  'ballots.objection.final': 'The notice period is over and every objection is answered: the result is final.',
  'ballots.objection.none': 'No objections so far.',
  'ballots.objection.by': 'Objection by {name}',
  'ballots.objection.responseBy': 'Answered by {name} for the committee',
  'ballots.objection.unanswered': 'Awaiting an answer',
  'ballots.objection.formTitle': 'Object to the result',
  'ballots.objection.intro': 'If you think the count is wrong, say why.',
  'ballots.objection.signIn': 'Sign in to object',
  'ballots.objection.text': 'Why you object',
  'ballots.objection.hint': '5 to 2000 characters; shown to everyone.',
  'ballots.objection.tooShort': 'Please write at least 5 characters.',
  'ballots.objection.submit': 'Send my objection',
  'ballots.objection.sent': 'Your objection is in; the committee will answer it publicly.',
  'ballots.objection.notOwner': 'Only owners on the roll can object.',
  'ballots.objection.closed': 'Objections are closed: the notice period is over.',
} as const satisfies BallotObjectionsMessages;
