/** What staff and the committee do around an activity: cancel it for everyone, keep the attendance list. */
import type { Activity, Booking } from '../contracts/activities.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { bookingOf, settled } from './bookings.js';
import type { ActivityDeps } from './deps.js';
import { cancelNotices } from './notices.js';
import { toActivity, type ActivityItem } from './repository.js';
import { localDay, mayOrganise, waitlist } from './rules.js';

async function loadAsOrganiser(deps: ActivityDeps, callerId: string, id: string): Promise<ActivityItem> {
  const [member, activity] = await Promise.all([deps.community.getMember(callerId), deps.activities.get(id)]);
  if (!activity) throw new NotFoundError('There is no activity with this id.');
  if (!mayOrganise(member, String(activity.communityId))) throw new ForbiddenError('Only the committee or community staff can do this.');
  return activity;
}

export async function cancelActivity(deps: ActivityDeps, callerId: string, id: string, reason: string): Promise<Activity> {
  const before = await loadAsOrganiser(deps, callerId, id);
  const after = await deps.activities.cancelActivity(id, reason);
  if (!after) {
    // Cancelling again repairs what a failed first request may have left: everyone booked is told, once.
    const now = await deps.activities.get(id);
    if (now?.status === 'cancelled') await deps.notify(cancelNotices(now, deps.clock()));
    throw new ConflictError('This activity is already cancelled.', 'cancelled');
  }
  await deps.activities.releaseSlot(String(before.communityId), String(before.spaceId), localDay(String(before.startsAt)), id);
  await deps.notify(cancelNotices(after, deps.clock()));
  return toActivity(after, deps.clock());
}

/** Confirmed bookings in the order they were made, then the waitlist in its order. */
export async function attendanceList(deps: ActivityDeps, callerId: string, id: string) {
  const a = await settled(deps, await loadAsOrganiser(deps, callerId, id));
  const all = Object.entries(a.b ?? {});
  const confirmed = all.filter(([, b]) => b.st === 'c').sort(([, x], [, y]) => x.id.localeCompare(y.id));
  return {
    activityId: id,
    items: [...confirmed, ...waitlist(a.b ?? {})].map(([userId, b]) => ({ person: { id: userId, name: b.n }, booking: bookingOf(a, userId) })),
  };
}

export async function markAttendance(deps: ActivityDeps, callerId: string, id: string, userId: string, present: boolean): Promise<Booking> {
  const a = await loadAsOrganiser(deps, callerId, id);
  const b = a.b?.[userId];
  if (!b) throw new NotFoundError('This person has no booking for this activity.');
  if (b.st !== 'c') throw new ConflictError('Only confirmed bookings take attendance; this one is on the waitlist.', 'not_confirmed');
  const after = await deps.activities.markAttendance(id, userId, b, present);
  if (!after) throw new ConflictError('The booking changed meanwhile (cancelled?); reload the list.', 'changed');
  return bookingOf(after, userId);
}
