/** English messages of the new-proposal form. `satisfies` refuses a missing or an extra key. */
import type { ProposeMessages } from './propose-zh.js';

export const proposeEn = {
  'new.title': 'Make a proposal',
  'new.intro': 'Tell us what could be better in the neighbourhood. Fields marked \u201crequired\u201d must be filled in.',
  'new.mustSignIn': 'You need to sign in before making a proposal.',
  'new.titleLabel': 'Title',
  'new.titleHint': 'Say it in one line: 4 to 120 characters.',
  'new.descriptionLabel': 'Details',
  'new.descriptionHint': 'What is it like now? What would you change? 10 to 4000 characters.',
  'new.categoryLabel': 'Category',
  'new.locationLabel': 'Place',
  'new.locationHint': 'For example: the open ground north of building 3',
  'new.costLabel': 'Estimated cost (yuan)',
  'new.costHint': 'Leave empty if unsure. For example 1200 or 1200.50',
  'new.categoryMissing': 'Choose a category',
  'new.submit': 'Submit the proposal',
  'new.submitting': 'Submitting…',
  'new.needSignIn': 'Your sign-in has expired. Please sign in again, then submit.',
  'new.notResident': 'Only residents of a verified household can make proposals. Community staff can verify your household.',
} as const satisfies ProposeMessages;
