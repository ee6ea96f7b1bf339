/**
 * Activities in DynamoDB. An activity's META item holds its bookings as a map (user → booking)
 * beside the seat counters, so "never over capacity", "one booking per resident" and "promote
 * exactly once" are each one conditional write on one item (those writes: booking-writes.ts). A
 * space's day item holds that day's time slots with a version, so two activities can never overlap.
 */
import {
  BatchGetCommand, type BatchGetCommandOutput, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Activity, ActivitySummary } from '../contracts/activities.js';
import { isConditionFailed } from '../shared/db/client.js';
import { decodeCursor, encodeCursor, type Key } from '../shared/db/cursor.js';
import { BookingWrites, keptActivities, type ActivityItem } from './booking-writes.js';
import { activityKeys } from './keys.js';
import { freeSeats, type Seats } from './rules.js';

export { activityKeys } from './keys.js';
export type { ActivityItem } from './booking-writes.js';


export function toSummary(i: ActivityItem): ActivitySummary {
  const capacity = Number(i.capacity);
  const confirmed = Number(i.confirmed ?? 0);
  return {
    id: String(i.id), communityId: String(i.communityId), spaceId: String(i.spaceId), title: String(i.title),
    host: (i.host as string | undefined) ?? null, audience: i.audience as ActivitySummary['audience'],
    startsAt: String(i.startsAt), endsAt: String(i.endsAt), capacity, confirmedCount: confirmed,
    waitlistCount: Number(i.waiting ?? 0), seatsLeft: Math.max(0, capacity - confirmed), status: i.status as ActivitySummary['status'],
    cancelReason: (i.cancelReason as string | undefined) ?? null,
  };
}

/** The seat counters of an item (items from before priority seats lack `pc`/`gc`: all their seats are general). */
export function seatsOf(i: ActivityItem): Seats {
  const confirmed = Number(i.confirmed ?? 0);
  const pc = Number(i.pc ?? 0);
  return {
    capacity: Number(i.capacity), prioritySeats: Number(i.prioritySeats ?? 0), priorityUntil: (i.priorityUntil as string | undefined) ?? null,
    confirmed, pc, gc: i.gc === undefined ? confirmed - pc : Number(i.gc), waiting: Number(i.waiting ?? 0),
  };
}

/** The whole activity as residents see it at `now` (priority seats left only while they are held back). */
export function toActivity(i: ActivityItem, now: string): Activity {
  const seats = seatsOf(i);
  return {
    ...toSummary(i), prioritySeats: seats.prioritySeats, priorityUntil: seats.priorityUntil,
    prioritySeatsLeft: freeSeats(seats, now).priority,
    description: String(i.description ?? ''), bookingOpensAt: (i.bookingOpensAt as string | undefined) ?? null,
    bookingClosesAt: (i.bookingClosesAt as string | undefined) ?? null, maxSeatsPerBooking: Number(i.maxSeatsPerBooking ?? 1),
    seriesId: (i.seriesId as string | undefined) ?? null, createdBy: i.createdBy as Activity['createdBy'], createdAt: String(i.createdAt),
  };
}

export class ActivityRepository extends BookingWrites {
  /** The slots already taken in a space on a local day, and the version to write against. */
  async daySlots(communityId: string, spaceId: string, day: string): Promise<{ slots: Record<string, string>; version: number }> {
    const out = await this.db.send(new GetCommand({
      TableName: this.table, Key: { pk: activityKeys.space(communityId, spaceId), sk: activityKeys.day(day) }, ConsistentRead: true,
    }));
    return { slots: (out.Item?.slots ?? {}) as Record<string, string>, version: Number(out.Item?.v ?? 0) };
  }

  /** Takes a slot if the day has not changed since it was read; false when someone else wrote first. */
  async claimSlot(communityId: string, spaceId: string, day: string, version: number, activityId: string, slot: string): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: activityKeys.space(communityId, spaceId), sk: activityKeys.day(day) },
        UpdateExpression: version === 0 ? 'SET slots = :first, v = :next' : 'SET slots.#id = :slot, v = :next',
        // Why: the overlap check was made against this version of the day; any other write in between voids it.
        ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'v = :v',
        ...(version === 0 ? {} : { ExpressionAttributeNames: { '#id': activityId } }),
        ExpressionAttributeValues: version === 0 ? { ':first': { [activityId]: slot }, ':next': 1 } : { ':slot': slot, ':next': version + 1, ':v': version },
      }));
      return true;
    } catch (e) {
      if (isConditionFailed(e)) return false;
      throw e;
    }
  }

  async create(a: Activity): Promise<void> {
    const sk = `${a.startsAt}#${a.id}`;
    await this.db.send(new PutCommand({
      TableName: this.table,
      Item: {
        pk: activityKeys.pk(a.id), sk: 'META', ...a, seriesId: a.seriesId ?? undefined, priorityUntil: a.priorityUntil ?? undefined,
        confirmed: 0, pc: 0, gc: 0, waiting: 0, pw: 0, b: {},
        confirmedCount: undefined, waitlistCount: undefined, seatsLeft: undefined, prioritySeatsLeft: undefined,
        gsi1pk: activityKeys.space(a.communityId, a.spaceId), gsi1sk: sk, gsi2pk: activityKeys.community(a.communityId), gsi2sk: sk,
      },
      // Why: a new id must never overwrite an activity.
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  async get(id: string): Promise<ActivityItem | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk: activityKeys.pk(id), sk: 'META' }, ConsistentRead: true }));
    const item = (out.Item as ActivityItem | undefined) ?? null;
    if (item) keptActivities.set(item);
    return item;
  }

  /** The reading kept from a moment ago (booking-writes.ts says when that is safe), else a fresh one. */
  async getKept(id: string): Promise<{ item: ActivityItem | null; kept: boolean }> {
    const item = keptActivities.get(id);
    return item ? { item, kept: true } : { item: await this.get(id), kept: false };
  }

  async list(o: { communityId: string; spaceId?: string; from: string; to: string; limit: number; cursor?: string }) {
    const [index, attr, value] = o.spaceId ? ['gsi1', 'gsi1pk', activityKeys.space(o.communityId, o.spaceId)] : ['gsi2', 'gsi2pk', activityKeys.community(o.communityId)];
    const skAttr = attr.replace('pk', 'sk');
    const keys = ['pk', 'sk', attr, skAttr];
    const to = `${o.to}~`;
    const out = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: index, Limit: o.limit,
      ExclusiveStartKey: o.cursor ? decodeCursor(o.cursor, { attr, value, keys, within: (k) => k[skAttr]! >= o.from && k[skAttr]! <= to }) : undefined,
      KeyConditionExpression: `${attr} = :v AND ${skAttr} BETWEEN :from AND :to`,
      ExpressionAttributeValues: { ':v': value, ':from': o.from, ':to': to },
    }));
    const last = out.LastEvaluatedKey as Key | undefined;
    return { items: (out.Items ?? []).map(toSummary), cursor: last ? encodeCursor(Object.fromEntries(keys.map((k) => [k, String(last[k])]))) : null };
  }

  /** Cancels the activity for everyone; null when it was not scheduled (already cancelled). */
  async cancelActivity(id: string, reason: string): Promise<ActivityItem | null> {
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: activityKeys.pk(id), sk: 'META' },
        UpdateExpression: 'SET #st = :cancelled, cancelReason = :r',
        // Why: cancelling twice must not overwrite the first reason residents were told.
        ConditionExpression: '#st = :scheduled', ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':cancelled': 'cancelled', ':scheduled': 'scheduled', ':r': reason }, ReturnValues: 'ALL_NEW',
      }));
      return out.Attributes as ActivityItem;
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }

  /** Frees a cancelled activity's slot; bumping the version voids any overlap check made against the old day. */
  async releaseSlot(communityId: string, spaceId: string, day: string, activityId: string): Promise<void> {
    await this.db.send(new UpdateCommand({
      TableName: this.table, Key: { pk: activityKeys.space(communityId, spaceId), sk: activityKeys.day(day) },
      UpdateExpression: 'REMOVE slots.#id ADD v :one', ExpressionAttributeNames: { '#id': activityId }, ExpressionAttributeValues: { ':one': 1 },
    }));
  }

  /** "My bookings" index: follows the booking on META (the truth), idempotent both ways. */
  async indexBooking(userId: string, activityId: string): Promise<void> {
    // Keyed by activity only: a moved activity keeps its key; the list is sorted by the activities' times when read.
    await this.db.send(new PutCommand({ TableName: this.table, Item: { pk: activityKeys.mine(userId), sk: `BOOKING#${activityId}`, activityId } }));
  }

  async unindexBooking(userId: string, activityId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk: activityKeys.mine(userId), sk: `BOOKING#${activityId}` } }));
  }

  /** Moves a scheduled activity to new times (its list keys too), only if it is still where it was read. */
  async moveActivity(id: string, from: string, to: { startsAt: string; endsAt: string; priorityUntil?: string }): Promise<ActivityItem | null> {
    try {
      const out = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: { pk: activityKeys.pk(id), sk: 'META' },
        UpdateExpression: `SET startsAt = :s, endsAt = :e, gsi1sk = :k, gsi2sk = :k${to.priorityUntil ? ', priorityUntil = :pu' : ''}`,
        // Why: a concurrent move or cancellation wins; this one is refused rather than overwriting it.
        ConditionExpression: '#st = :scheduled AND startsAt = :from', ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: {
          ':s': to.startsAt, ':e': to.endsAt, ':k': `${to.startsAt}#${id}`, ':scheduled': 'scheduled', ':from': from,
          ...(to.priorityUntil ? { ':pu': to.priorityUntil } : {}),
        },
        ReturnValues: 'ALL_NEW',
      }));
      return out.Attributes as ActivityItem;
    } catch (e) {
      if (isConditionFailed(e)) return null;
      throw e;
    }
  }

  async myActivities(userId: string): Promise<ActivityItem[]> {
    const refs = await this.db.send(new QueryCommand({
      TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :b)', Limit: 100,
      ExpressionAttributeValues: { ':pk': activityKeys.mine(userId), ':b': 'BOOKING#' },
    }));
    const ids = (refs.Items ?? []).map((r) => String(r.activityId));
    if (ids.length === 0) return [];
    const items: ActivityItem[] = [];
    let keys: Record<string, unknown>[] | undefined = ids.map((id) => ({ pk: activityKeys.pk(id), sk: 'META' }));
    while (keys && keys.length) {
      const out: BatchGetCommandOutput = await this.db.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys } } }));
      items.push(...((out.Responses?.[this.table] ?? []) as ActivityItem[]));
      keys = out.UnprocessedKeys?.[this.table]?.Keys;
    }
    return items.sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)));
  }
}
