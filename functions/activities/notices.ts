/**
 * What an activity's changes tell people (issue #15): the promoted resident, every booked resident
 * of a cancelled or moved activity. Each key names the change, so a retried, raced or repaired
 * request writes each notification once (notifications/outbox.ts).
 */
import type { NotifyEvent } from '../notifications/outbox.js';
import type { ActivityItem } from './repository.js';

const about = (a: ActivityItem) => ({ communityId: String(a.communityId), link: `/activities/${String(a.id)}` });

/** The booking `bookingId` of `userId` was promoted from the waitlist (a booking is promoted once). */
export const promotionNotice = (a: ActivityItem, userId: string, bookingId: string, at: string): NotifyEvent => ({
  ...about(a), userId, kind: 'booking.promoted', key: `promoted#${String(a.id)}#${bookingId}`,
  params: { title: String(a.title), startsAt: String(a.startsAt) }, at,
});

/** Everyone booked (confirmed or waiting) when the activity was cancelled for everyone. */
export const cancelNotices = (a: ActivityItem, at: string): NotifyEvent[] =>
  Object.keys(a.b ?? {}).map((userId) => ({
    ...about(a), userId, kind: 'activity.cancelled', key: `cancelled#${String(a.id)}`,
    params: { title: String(a.title), startsAt: String(a.startsAt), reason: String(a.cancelReason ?? '') }, at,
  }));

/** Everyone booked when the activity moved from `from` to its new start. */
export const moveNotices = (a: ActivityItem, from: string, at: string): NotifyEvent[] =>
  Object.keys(a.b ?? {}).map((userId) => ({
    ...about(a), userId, kind: 'activity.moved', key: `moved#${String(a.id)}#${from}#${String(a.startsAt)}`,
    params: { title: String(a.title), from, startsAt: String(a.startsAt) }, at,
  }));
