/**
 * Booking on a reading kept in a warm container (functions/activities/booking-writes.ts): a warm
 * booking is one round trip (its write and the resident's list entry, in parallel), and what another
 * container did in between never over-books, never books a cancelled or moved activity on its old
 * terms, and never refuses anyone on the kept reading.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptActivities } from '../../functions/activities/booking-writes.js';
import { ActivityRepository } from '../../functions/activities/repository.js';
import { Activity, Booking, MyBookings } from '../../functions/contracts/activities.js';
import type { Platform } from '../../functions/local/platform.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { startTestPlatform, tokens, type Api } from '../support/platform.js';

let platform: Platform;
let api: Api;
let as: (userId: string) => Promise<string>;
beforeAll(async () => { ({ platform, api } = await startTestPlatform()); as = tokens(api); });
afterAll(() => platform.close());

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
let nextDay = 0;
const freshDay = () => new Date(Date.UTC(2027, 4, 1 + nextDay++)).toISOString().slice(0, 10);
async function schedule(capacity: number): Promise<string> {
  const day = freshDay();
  const made = await api.call('POST', '/api/activities', { token: await as('staff1'), body: {
    spaceId: 'leisure-garden', title: '儿童绘本角', startsAt: at(day, '09:00'), endsAt: at(day, '10:00'), capacity, audience: 'all',
  } });
  expect(made.status).toBe(201);
  return made.body.id as string;
}
const bookAs = async (who: string, id: string) => api.call('POST', `/api/activities/${id}/bookings`, { token: await as(who), body: {} });
const repo = () => new ActivityRepository(documentClient(), config().tables.activities);
/** As another function's container would: a write straight to the activity's item, which this container's kept reading does not see. */
const behindTheBack = (id: string, update: string, values: Record<string, unknown>, names?: Record<string, string>) => documentClient().send(new UpdateCommand({
  TableName: config().tables.activities, Key: { pk: `ACTIVITY#${id}`, sk: 'META' }, UpdateExpression: update, ExpressionAttributeValues: values,
  ...(names ? { ExpressionAttributeNames: names } : {}),
}));

/** The DynamoDB requests this process sends while `fn` runs, and how many waves (requests sent while none was in flight). */
async function requestsDuring(fn: () => Promise<unknown>): Promise<{ calls: string[]; waves: number }> {
  const calls: string[] = [];
  let inFlight = 0;
  let waves = 0;
  const name = `count-${Math.random()}`;
  documentClient().middlewareStack.add((next, ctx) => async (args) => {
    calls.push(ctx.commandName ?? '?');
    if (inFlight++ === 0) waves++;
    try { return await next(args); } finally { inFlight--; }
  }, { step: 'initialize', name });
  try { await fn(); } finally { documentClient().middlewareStack.remove(name); }
  return { calls: calls.sort(), waves };
}

describe('booking on a kept reading', () => {
  it('makes a warm booking one round trip: the conditional write and the list entry, side by side', async () => {
    const [id, earlier] = [await schedule(5), await schedule(5)];
    // Warm: the activity was read a moment ago (resident1's booking) and so was resident2 (another booking).
    expect((await bookAs('resident1', id)).status).toBe(201);
    expect((await bookAs('resident2', earlier)).status).toBe(201);
    const { calls, waves } = await requestsDuring(async () => expect((await bookAs('resident2', id)).status).toBe(201));
    expect({ calls, waves }).toEqual({ calls: ['PutItemCommand', 'UpdateItemCommand'], waves: 1 });
    const mine = MyBookings.parse((await api.call('GET', '/api/me/bookings', { token: await as('resident2') })).body);
    expect(mine.items.map((i) => i.activity.id)).toContain(id);
  });

  it('never over-books when another container took the last seat after the reading was kept', async () => {
    const id = await schedule(2);
    expect((await bookAs('resident1', id)).status).toBe(201);
    expect(keptActivities.get(id)?.confirmed).toBe(1);
    // Elsewhere, someone takes the second seat.
    await behindTheBack(id, 'SET b.#u = :b, confirmed = confirmed + :one ADD gc :one', { ':b': { id: 'x', s: 1, st: 'c', t: new Date().toISOString(), n: '别处' }, ':one': 1 }, { '#u': 'elsewhere' });
    const b = await bookAs('resident2', id);
    expect(b.status).toBe(201);
    expect(Booking.parse(b.body)).toMatchObject({ status: 'waitlisted', position: 1 });
    const item = await repo().get(id);
    expect(item?.confirmed).toBe(2);
  });

  it('refuses a booking in an activity cancelled elsewhere, on a fresh reading', async () => {
    const id = await schedule(5);
    expect((await bookAs('resident1', id)).status).toBe(201);
    await behindTheBack(id, 'SET #st = :c, cancelReason = :r', { ':c': 'cancelled', ':r': '下雨' }, { '#st': 'status' });
    const b = await bookAs('resident2', id);
    expect([b.status, b.body.error.code]).toEqual([409, 'cancelled']);
    expect(b.body.error.message).toContain('下雨');
  });

  it('plans again on the new times when the activity was moved elsewhere', async () => {
    const id = await schedule(5);
    expect((await bookAs('resident1', id)).status).toBe(201);
    const later = new Date(Date.parse(String(keptActivities.get(id)?.startsAt)) + 3_600_000).toISOString();
    await behindTheBack(id, 'SET startsAt = :s', { ':s': later });
    expect((await bookAs('resident2', id)).status).toBe(201);
    expect((await repo().get(id))?.b?.resident2).toMatchObject({ st: 'c' });
  });

  it('never refuses on a kept reading: a booking cancelled elsewhere can be made again at once', async () => {
    const id = await schedule(5);
    expect((await bookAs('resident1', id)).status).toBe(201);
    expect(keptActivities.get(id)?.b?.resident1).toBeDefined();
    await behindTheBack(id, 'REMOVE b.#u SET confirmed = confirmed - :one ADD gc :minus', { ':one': 1, ':minus': -1 }, { '#u': 'resident1' });
    const again = await bookAs('resident1', id);
    expect(again.status).toBe(201);
    expect(Activity.parse((await api.call('GET', `/api/activities/${id}`)).body).confirmedCount).toBe(1);
  });

  it('booking again writes a list entry that was lost, and still says it is already booked', async () => {
    const id = await schedule(5);
    expect((await bookAs('resident3', id)).status).toBe(201);
    await repo().unindexBooking('resident3', id);
    const again = await bookAs('resident3', id);
    expect([again.status, again.body.error.code]).toEqual([409, 'already_booked']);
    const mine = MyBookings.parse((await api.call('GET', '/api/me/bookings', { token: await as('resident3') })).body);
    expect(mine.items.map((i) => i.activity.id)).toContain(id);
  });
});
