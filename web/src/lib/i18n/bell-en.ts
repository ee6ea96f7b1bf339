/** English messages of the header's notification bell. `satisfies` refuses a missing or an extra key. */
import type { BellMessages } from './bell-zh.js';

export const bellEn = {
  'bell.word': 'Notifications',
  'bell.unread': 'Notifications: {count} unread',
  'bell.none': 'Notifications: none unread',
} as const satisfies BellMessages;
