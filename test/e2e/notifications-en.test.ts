/** The notifications journey in English (see support/notifications.ts): settings, the bell, the inbox, the outbox, unsubscribing, the call list. */
import { notificationSuite } from './support/notifications.js';

notificationSuite({
  lang: 'en', tag: 'en', resident: 'resident11', many: 'resident12',
  activity: 'Square dance evening', reason: 'Heavy rain warning; a new date will follow',
  offline: { name: 'Grandma Sun', contact: 'Ground floor, home in the daytime, phone ending 5566' },
  cancelledTitle: 'Activity cancelled', languageChoice: 'English',
});
