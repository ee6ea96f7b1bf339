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
import { promotionNotice } from './notices.js';
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

const alreadyBooked = () => new ConflictError('You have already booked this activity.', 'already_booked');

/**
 * Throws `refusal`; when it is that the person has already booked, first writes their list entry
 * (idempotent): booking again is how a booking whose entry failed to be written gets it.
 */
async function refuse(deps: ActivityDeps, userId: string, id: string, refusal: unknown): Promise<never> {
  if (refusal instanceof ConflictError && refusal.code === 'already_booked') await deps.activities.indexBooking(userId, id);
  throw refusal;
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
  // A warm container plans on the activity as it last saw it (booking-writes.ts: the writes' conditions
  // decide), and reads it afresh before refusing anyone on that reading.
  const [member, first] = await Promise.all([deps.community.getMember(userId), deps.activities.getKept(id)]);
  const admit = (activity: ActivityItem | null): ActivityItem => {
    if (!activity) throw missing();
    // Staff book for residents of the community they serve, in that community's activities only.
    if (enteredBy && !staffOf.includes(String(activity.communityId))) throw new ForbiddenError('Only staff of this activity\'s community can book for a resident.');
    if (!isResidentOf(member, String(activity.communityId))) throw new ForbiddenError('Only residents of a verified household in this community can book.');
    checkWindow(activity, deps.clock());
    if (seats > Number(activity.maxSeatsPerBooking ?? 1)) {
      throw new BadRequestError(`At most ${String(activity.maxSeatsPerBooking)} seats per booking.`, [{ path: 'body.seats', code: 'too_big', message: 'more than this activity allows per booking' }]);
    }
    if (activity.b?.[userId]) throw alreadyBooked();
    return activity;
  };
  let activity: ActivityItem;
  try {
    activity = admit(first.item);
  } catch (refusal) {
    if (!first.kept) return refuse(deps, userId, id, refusal);
    // Nobody is refused on a kept reading: decide again on a fresh one.
    try {
      activity = admit(await deps.activities.get(id));
    } catch (again) {
      return refuse(deps, userId, id, again);
    }
  }
  const eligible = Number(activity.prioritySeats ?? 0) > 0 && inAudience(member, activity.audience as Audience, String(activity.startsAt));
  const booking: StoredBooking = {
    id: deps.newId(), s: seats, st: 'c', t: deps.clock(), n: member.displayName,
    ...(enteredBy ? { by: enteredBy, ev: req.onBehalfOf!.evidence } : {}), ...(eligible ? { e: 1 as const } : {}),
  };
  let seen = await settled(deps, activity);
  // The resident's list entry is written beside the first attempt, in parallel: one round trip. An
  // entry without a booking (every attempt refused) is skipped when the list is read; a booking whose
  // entry failed is answered with the error, and booking again finds it and writes the entry (below).
  const [, firstTry] = await Promise.all([deps.activities.indexBooking(userId, id), tryToBook(deps, id, userId, booking, seen)]);
  let done = firstTry;
  for (let attempt = 1; !done && attempt < 10; attempt++) {
    const now = await deps.activities.get(id);
    if (!now) throw missing();
    if (now.b?.[userId]) return refuse(deps, userId, id, alreadyBooked());
    checkWindow(now, deps.clock());
    seen = now;
    done = await tryToBook(deps, id, userId, booking, seen);
  }
  if (!done) throw new ConflictError('Many people are booking right now; please try again.', 'busy');
  return bookingOf(done.b?.[userId]?.st === 'w' ? await settled(deps, done) : done, userId);
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
  const times = { startsAt: String(seen.startsAt) };
  const pools: Pool[] = hold && booking.e ? ['priority', 'general'] : ['general'];
  const free = freeSeats(seats, now);
  for (const pool of pools) {
    const mayConfirm = pool === 'priority' ? Number(seen.pw ?? 0) === 0 && free.priority >= s : seats.waiting === 0 && free.general >= s;
    const done = mayConfirm ? await deps.activities.confirm(id, userId, booking, pool, lim, times) : null;
    if (done) return done;
  }
  return deps.activities.enqueue(id, userId, { ...booking, st: 'w' }, pools, lim, times);
}

/**
 * Promotes waiting bookings into freed seats, first in line first; each promotion can happen only
 * once. Starts from `item` when the caller has it as a write just left it, and goes on from each
 * promotion's result; it reads afresh only when a promotion was refused (someone else moved first).
 */
async function promoteWaiting(deps: ActivityDeps, id: string, item?: ActivityItem): Promise<number> {
  let promoted = 0;
  let a: ActivityItem | null | undefined = item;
  for (let round = 0; round < 50; round++) {
    a ??= await deps.activities.get(id);
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
    a = await deps.activities.promote(id, userId, b, pool, lim);
    if (a) {
      promoted++;
      await deps.notify([promotionNotice(a, userId, b.id, deps.clock())]);
    }
  }
  return promoted;
}

export async function cancelMine(deps: ActivityDeps, userId: string, id: string): Promise<{ activityId: string; cancelled: true; promoted: number }> {
  // The first attempt may plan on the reading kept from a moment ago: the write's condition is the
  // very booking as read, and nobody is told they have no booking on a kept reading.
  const { item: first, kept } = await deps.activities.getKept(id);
  let a = first;
  for (let attempt = 0; attempt < 10; attempt++) {
    if (attempt > 0 || (kept && !a?.b?.[userId])) a = await deps.activities.get(id);
    if (!a) throw missing();
    const mine = a.b?.[userId];
    if (!mine) throw new NotFoundError('You have no booking for this activity.');
    const after = await deps.activities.cancel(id, userId, mine);
    if (after) {
      const [, promoted] = await Promise.all([deps.activities.unindexBooking(userId, id), promoteWaiting(deps, id, after)]);
      return { activityId: id, cancelled: true, promoted };
    }
  }
  throw new ConflictError('Your booking is changing (perhaps being promoted); please try again.', 'busy');
}

export async function myBookings(deps: ActivityDeps, userId: string): Promise<MyBookings> {
  const items = await Promise.all((await deps.activities.myActivities(userId)).map((a) => settled(deps, a)));
  return { items: items.filter((a) => a.b?.[userId]).map((a) => ({ activity: toSummary(a), booking: bookingOf(a, userId) })) };
}
