/**
 * Booking seats. A booking is confirmed while seats are left and nobody waits, else it joins the
 * waitlist; both are single conditional writes on the activity's item, retried when the seats
 * changed between them. Priority seats are a second pool, open only to the activity's audience
 * group until their release time. A cancellation frees its seats and promotes the first waiting
 * bookings that fit, each promotion a conditional write that can succeed only once.
 */
import type { Activity, Audience, Booking, MyBookings } from '../contracts/activities.js';
import { isResidentOf } from '../community/rules.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import type { ActivityDeps } from './deps.js';
import type { SeatLimits } from './booking-writes.js';
import { seatsOf, toActivity, toSummary, type ActivityItem } from './repository.js';
import { freeSeats, inAudience, nextToPromote, positionOf, reserving, type Pool, type StoredBooking } from './rules.js';

const missing = () => new NotFoundError('There is no activity with this id.');

/**
 * Fills seats that waiting bookings fit into but nobody has promoted them to: after the priority
 * seats' release time, no cancellation happens to trigger it, so the first read after it does (each
 * promotion is still a conditional write that succeeds once). Returns the item as it now stands.
 */
export async function settled(deps: ActivityDeps, item: ActivityItem): Promise<ActivityItem> {
  if (item.status !== 'scheduled' || !nextToPromote(item.b ?? {}, seatsOf(item), deps.clock())) return item;
  await promoteWaiting(deps, String(item.id));
  return (await deps.activities.get(String(item.id))) ?? item;
}

export async function getActivity(deps: ActivityDeps, id: string): Promise<Activity> {
  const item = await deps.activities.get(id);
  if (!item) throw missing();
  return toActivity(await settled(deps, item), deps.clock());
}

export const bookingOf = (item: ActivityItem, userId: string): Booking => {
  const b = item.b![userId]!;
  return {
    activityId: String(item.id), status: b.st === 'c' ? 'confirmed' : 'waitlisted', seats: b.s, position: positionOf(item.b!, userId),
    bookedAt: b.t, enteredBy: b.by ?? null, evidence: b.ev ?? null, attendance: b.att === 'p' ? 'present' : b.att === 'n' ? 'no_show' : null,
    priority: b.st === 'c' && b.p === 1,
  };
};

function checkWindow(a: ActivityItem, now: string): void {
  if (a.status !== 'scheduled') throw new ConflictError(`This activity was cancelled: ${String(a.cancelReason ?? '')}`, 'cancelled');
  if (String(a.startsAt) <= now) throw new ConflictError('This activity has already started.', 'booking_closed');
  if (a.bookingOpensAt && now < String(a.bookingOpensAt)) throw new ConflictError(`Booking opens at ${String(a.bookingOpensAt)}.`, 'booking_closed');
  if (a.bookingClosesAt && now >= String(a.bookingClosesAt)) throw new ConflictError('Booking for this activity has closed.', 'booking_closed');
}

interface BookRequest { seats: number; onBehalfOf?: { userId: string; evidence: string } }

/** A resident books; or staff book for a resident without a phone, with the evidence shown in the booking. */
export async function book(deps: ActivityDeps, callerId: string, id: string, req: BookRequest): Promise<Booking> {
  const { seats } = req;
  let userId = callerId;
  let enteredBy: { id: string; name: string } | undefined;
  let staffOf: string[] = [];
  if (req.onBehalfOf) {
    const staff = await deps.community.getMember(callerId);
    if (staff.staffOf.length === 0) throw new ForbiddenError('Only community staff can book for a resident.');
    userId = req.onBehalfOf.userId;
    enteredBy = { id: staff.id, name: staff.displayName };
    staffOf = staff.staffOf;
  }
  const [member, activity] = await Promise.all([deps.community.getMember(userId), deps.activities.get(id)]);
  if (!activity) throw missing();
  // Staff book for residents of the community they serve, in that community's activities only.
  if (enteredBy && !staffOf.includes(String(activity.communityId))) throw new ForbiddenError('Only staff of this activity\'s community can book for a resident.');
  if (!isResidentOf(member, String(activity.communityId))) throw new ForbiddenError('Only residents of a verified household in this community can book.');
  checkWindow(activity, deps.clock());
  if (seats > Number(activity.maxSeatsPerBooking ?? 1)) {
    throw new BadRequestError(`At most ${String(activity.maxSeatsPerBooking)} seats per booking.`, [{ path: 'body.seats', code: 'too_big', message: 'more than this activity allows per booking' }]);
  }
  if (activity.b?.[userId]) throw new ConflictError('You have already booked this activity.', 'already_booked');
  const eligible = Number(activity.prioritySeats ?? 0) > 0 && inAudience(member, activity.audience as Audience, String(activity.startsAt));
  const booking: StoredBooking = {
    id: deps.newId(), s: seats, st: 'c', t: deps.clock(), n: member.displayName,
    ...(enteredBy ? { by: enteredBy, ev: req.onBehalfOf!.evidence } : {}), ...(eligible ? { e: 1 as const } : {}),
  };
  // The resident's list entry goes first: a crash after the booking's write then cannot leave a
  // booking missing from "my bookings" (an entry without a booking is skipped when the list is read).
  await deps.activities.indexBooking(userId, id);
  let seen = await settled(deps, activity);
  for (let attempt = 0; attempt < 10; attempt++) {
    const done = await tryToBook(deps, id, userId, booking, seen);
    if (done) return bookingOf(done.b?.[userId]?.st === 'w' ? await settled(deps, done) : done, userId);
    const now = await deps.activities.get(id);
    if (!now) throw missing();
    if (now.b?.[userId]) throw new ConflictError('You have already booked this activity.', 'already_booked');
    checkWindow(now, deps.clock());
    seen = now;
  }
  throw new ConflictError('Many people are booking right now; please try again.', 'busy');
}

/**
 * One attempt: a seat in each pool open to the booking (priority first for the audience group while
 * seats are held back), else the waitlist. A confirm the last read says must fail is skipped; the
 * writes' conditions decide either way. Null when the seats changed under us (read again).
 */
async function tryToBook(deps: ActivityDeps, id: string, userId: string, booking: StoredBooking, seen: ActivityItem): Promise<ActivityItem | null> {
  const seats = seatsOf(seen);
  const now = deps.clock();
  const hold = reserving(seats, now);
  const s = booking.s;
  const lim: SeatLimits = { limit: seats.capacity - s, ...(hold ? { generalLimit: seats.capacity - seats.prioritySeats - s, priorityLimit: seats.prioritySeats - s } : {}) };
  const pools: Pool[] = hold && booking.e ? ['priority', 'general'] : ['general'];
  const free = freeSeats(seats, now);
  for (const pool of pools) {
    const mayConfirm = pool === 'priority' ? Number(seen.pw ?? 0) === 0 && free.priority >= s : seats.waiting === 0 && free.general >= s;
    const done = mayConfirm ? await deps.activities.confirm(id, userId, booking, pool, lim) : null;
    if (done) return done;
  }
  return deps.activities.enqueue(id, userId, { ...booking, st: 'w' }, pools, lim);
}

/** Promotes waiting bookings into freed seats, first in line first; each promotion can happen only once. */
async function promoteWaiting(deps: ActivityDeps, id: string): Promise<number> {
  let promoted = 0;
  for (let round = 0; round < 50; round++) {
    const a = await deps.activities.get(id);
    if (!a || a.status !== 'scheduled') return promoted;
    const seats = seatsOf(a);
    const now = deps.clock();
    const next = nextToPromote(a.b ?? {}, seats, now);
    if (!next) return promoted;
    const { userId, booking: b, pool } = next;
    const hold = reserving(seats, now);
    const lim: SeatLimits = {
      limit: seats.capacity - b.s, ...(hold ? { generalLimit: seats.capacity - seats.prioritySeats - b.s, priorityLimit: seats.prioritySeats - b.s } : {}),
    };
    if (await deps.activities.promote(id, userId, b, pool, lim)) promoted++;
  }
  return promoted;
}

export async function cancelMine(deps: ActivityDeps, userId: string, id: string): Promise<{ activityId: string; cancelled: true; promoted: number }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const a = await deps.activities.get(id);
    if (!a) throw missing();
    const mine = a.b?.[userId];
    if (!mine) throw new NotFoundError('You have no booking for this activity.');
    if (await deps.activities.cancel(id, userId, mine)) {
      await deps.activities.unindexBooking(userId, id);
      return { activityId: id, cancelled: true, promoted: await promoteWaiting(deps, id) };
    }
  }
  throw new ConflictError('Your booking is changing (perhaps being promoted); please try again.', 'busy');
}

export async function myBookings(deps: ActivityDeps, userId: string): Promise<MyBookings> {
  const items = await Promise.all((await deps.activities.myActivities(userId)).map((a) => settled(deps, a)));
  return { items: items.filter((a) => a.b?.[userId]).map((a) => ({ activity: toSummary(a), booking: bookingOf(a, userId) })) };
}
