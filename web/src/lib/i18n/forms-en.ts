/** English messages of forms. `satisfies` refuses a missing or an extra key. */
import type { FormsMessages } from './forms-zh.js';

export const formsEn = {
  'new.required': '(required)',
  'new.optional': '(optional)',
  'new.tooShort': 'Too short: write at least {minimum} characters.',
  'new.tooLong': 'Too long: at most {maximum} characters.',
  'new.serverRejected': 'The server did not accept this field; please check it and try again.',
  'action.invalid': 'Something is not filled in properly. Please check and try again.',
  'action.signIn': 'Your sign-in has expired. Please sign in again and retry.',
  'action.forbidden': 'You are not allowed to take this step.',
  'action.gone': 'This cannot be found; it may have been removed.',
  'action.conflict': 'This step is not possible in the proposal\u2019s current state. The page now shows the latest state; please look again.',
  'action.tooLarge': 'The file is too large.',
  'action.tooMany': 'You have reached today\u2019s limit for this. Please try again tomorrow, or ask community staff to do it for you.',
  'form.required': 'This must be filled in',
  'form.chooseOne': 'Choose at least one',
  'form.atLeast': 'Must be at least {minimum}',
  'form.atMost': 'Must be at most {maximum}',
  'form.date': 'Choose a date',
  'form.endBeforeStart': 'The end date cannot be before the start date',
  'form.invalid': 'This is not in the right form; please check it',
  'behalf.userId': 'Resident\u2019s user id',
  'behalf.userIdInvalid': 'A user id has only letters, digits, - and _',
  'behalf.evidence': 'Evidence',
} as const satisfies FormsMessages;
