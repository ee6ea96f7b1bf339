/**
 * The booking writes on an activity's META item. Each is one conditional UpdateItem whose
 * condition is the rule it keeps: never over capacity, one booking per person, no jumping the
 * waitlist, a promotion happens once, and, while priority seats are held back, general bookings
 * never take them (`gc` ≤ capacity − priority seats) and priority seats go only to the audience
 * group (`pc` ≤ priority seats). DynamoDB conditions cannot add two attributes, hence the two pool
 * counters beside `confirmed` (always pc + gc).
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailed } from '../shared/db/client.js';
import { activityKeys } from './keys.js';
import type { Pool, StoredBooking } from './rules.js';

export type ActivityItem = Record<string, unknown> & { b?: Record<string, StoredBooking> };

/**
 * What a write may assume about the seats: `limit` = capacity − seats (total), and while priority
 * seats are held back `generalLimit` = capacity − priority seats − seats and `priorityLimit` =
 * priority seats − seats. Without `generalLimit` the general pool is the whole activity.
 */
export interface SeatLimits { limit: number; generalLimit?: number; priorityLimit?: number }

/**
 * What a booking's write assumes about the activity besides its seats: where it starts, as read. A
 * move changes the start and the priority seats' release time together, so a write planned on a reading
 * from before a move fails and is planned again (book() may plan on a reading kept from a moment ago).
 */
export interface Seen { startsAt: string }

/**
 * Each activity's latest reading in this container (a read or a write's ALL_NEW), for booking: a warm
 * booking then costs only its writes. Kept readings never decide anything on their own: every booking
 * write's condition holds the rules, and book() reads afresh before it refuses anyone.
 */
export const KEPT_MS = 60_000;
const kept = new Map<string, { at: number; item: ActivityItem }>();
export const keptActivities = {
  get(id: string, now = Date.now()): ActivityItem | undefined {
    const k = kept.get(id);
    return k && now - k.at < KEPT_MS ? k.item : undefined;
  },
  set(item: ActivityItem, now = Date.now()): void {
    if (kept.size > 1000) kept.clear(); // a warm container books in a few activities; never grow without bound
    kept.set(String(item.id), { at: now, item });
  },
  clear(): void { kept.clear(); },
};

const counter = (pool: Pool) => (pool === 'priority' ? 'pc' : 'gc');

/** The conditions under which a booking may take a seat in a pool right now. */
function canTake(pool: Pool, lim: SeatLimits): string {
  if (pool === 'priority') return 'confirmed <= :limit AND pc <= :plimit AND pw = :zero';
  return `confirmed <= :limit AND waiting = :zero${lim.generalLimit === undefined ? '' : ' AND gc <= :glimit'}`;
}
/** The exact negation of canTake: a booking may wait only when it could not be confirmed. */
function cannotTake(pool: Pool, lim: SeatLimits): string {
  if (pool === 'priority') return '(confirmed > :limit OR pc > :plimit OR pw > :zero)';
  return `(confirmed > :limit OR waiting > :zero${lim.generalLimit === undefined ? '' : ' OR gc > :glimit'})`;
}
const limitValues = (lim: SeatLimits) => ({
  ':limit': lim.limit,
  ...(lim.generalLimit === undefined ? {} : { ':glimit': lim.generalLimit }),
  ...(lim.priorityLimit === undefined ? {} : { ':plimit': lim.priorityLimit }),
});

export class BookingWrites {
  constructor(readonly db: DynamoDBDocumentClient, readonly table: string) {}

  protected async write(id: string, update: string, condition: string, userId: string, values: Record<string, unknown>): Promise<ActivityItem | null> {
    const scheduled = condition.includes('#st');
    // DynamoDB refuses values an expression does not use, so only the named ones are sent.
    const used = Object.fromEntries(Object.entries(values).filter(([k]) => new RegExp(`${k}\\b`).test(`${update} ${condition}`)));
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: activityKeys.pk(id), sk: 'META' }, UpdateExpression: update, ConditionExpression: condition,
        ExpressionAttributeNames: { '#u': userId, ...(scheduled ? { '#st': 'status' } : {}) },
        ExpressionAttributeValues: { ...(scheduled ? { ':scheduled': 'scheduled' } : {}), ...used },
        ReturnValues: 'ALL_NEW',
      }));
      const item = out.Attributes as ActivityItem;
      keptActivities.set(item);
      return item;
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }

  /** A confirmed seat in `pool`, only if the caller has no booking and the pool's conditions hold. */
  confirm(id: string, userId: string, b: StoredBooking, pool: Pool, lim: SeatLimits, seen: Seen) {
    // Why: capacity, one booking per person, no queue-jumping, the priority seats' reservation, and the times planned on.
    return this.write(id, `SET b.#u = :b, confirmed = confirmed + :n ADD ${counter(pool)} :n`,
      `#st = :scheduled AND startsAt = :starts AND attribute_not_exists(b.#u) AND ${canTake(pool, lim)}`, userId,
      { ':b': pool === 'priority' ? { ...b, p: 1 } : b, ':n': b.s, ':zero': 0, ':starts': seen.startsAt, ...limitValues(lim) });
  }

  /** A place on the waitlist, only if no pool open to this booking could confirm it right now. */
  enqueue(id: string, userId: string, b: StoredBooking, pools: readonly Pool[], lim: SeatLimits, seen: Seen) {
    // Why: waitlist only when every confirm open to this person would fail; one booking per person; the times planned on.
    return this.write(id, `SET b.#u = :b ADD waiting :one${b.e ? ', pw :one' : ''}`,
      `#st = :scheduled AND startsAt = :starts AND attribute_not_exists(b.#u) AND ${pools.map((p) => cannotTake(p, lim)).join(' AND ')}`, userId,
      { ':b': b, ':one': 1, ':zero': 0, ':starts': seen.startsAt, ...limitValues(lim) });
  }

  /** Removes exactly this booking (by id) and gives back its seats or its place in the queue. */
  cancel(id: string, userId: string, b: StoredBooking) {
    const confirmed = b.st === 'c';
    const update = confirmed
      ? `REMOVE b.#u SET confirmed = confirmed - :n ADD ${b.p ? 'pc' : 'gc'} :minusN`
      : `REMOVE b.#u ADD waiting :minus${b.e ? ', pw :minus' : ''}`;
    // Why: the same booking, in the same state, as read: a concurrent cancel or promotion must not be undone.
    return this.write(id, update, 'b.#u.id = :bid AND b.#u.st = :was', userId,
      { ':bid': b.id, ':was': b.st, ':n': b.s, ':minusN': -b.s, ':minus': -1 });
  }

  /** Moves one waiting booking into `pool`, only if it is still waiting and the pool still has its seats. */
  promote(id: string, userId: string, b: StoredBooking, pool: Pool, lim: SeatLimits) {
    const poolCheck = pool === 'priority' ? ' AND pc <= :plimit' : lim.generalLimit === undefined ? '' : ' AND gc <= :glimit';
    // Why: a promotion happens once (still waiting) and never over capacity or into seats held back from it.
    return this.write(id,
      `SET b.#u.st = :c, b.#u.pr = :one, confirmed = confirmed + :n${pool === 'priority' ? ', b.#u.p = :one' : ''} ADD waiting :minus, ${counter(pool)} :n${b.e ? ', pw :minus' : ''}`,
      `b.#u.id = :bid AND b.#u.st = :w AND confirmed <= :limit${poolCheck}`, userId,
      { ':c': 'c', ':w': 'w', ':n': b.s, ':one': 1, ':minus': -1, ':bid': b.id, ...limitValues(lim) });
  }

  /** Records attendance on a confirmed booking (the same one that was read). */
  markAttendance(id: string, userId: string, b: StoredBooking, present: boolean) {
    // Why: only a confirmed booking, and the very one that was read, is checked in or marked absent.
    return this.write(id, 'SET b.#u.att = :a', 'b.#u.id = :bid AND b.#u.st = :c', userId, { ':a': present ? 'p' : 'n', ':bid': b.id, ':c': 'c' });
  }
}
