/**
 * Booking costs: capacity units for a confirmed booking, a waitlisted one and a cancellation that
 * promotes, and the overhead of a booking: median `POST .../bookings` + `DELETE .../bookings/mine`
 * pair through the adapter ÷ the median pair of bare conditional writes on the same item.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import type { Api } from '../support/platform.js';
import { inHandler } from './in-handler.js';
import { median, warmUp } from './stats.js';

type Measure = (action: string, fn: () => Promise<unknown>) => Promise<void>;

export async function benchBookings(api: Api, measure: Measure, timed: (fn: () => Promise<unknown>) => Promise<number>, samples = 60) {
  const staff = await api.signIn('staff1');
  const starts = new Date(Date.now() + 30 * 86_400_000);
  starts.setUTCHours(2, 0, 0, 0); // 10:00 in Nanjing
  const made = await api.call('POST', '/api/activities', { token: staff, body: {
    spaceId: 'leisure-garden', title: '健康检测', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3600_000).toISOString(), capacity: 1,
  } });
  const id = made.body.id as string;
  const [a, b] = [await api.signIn('resident1'), await api.signIn('resident2')];
  const path = `/api/activities/${id}/bookings`;
  await measure('POST .../bookings (confirmed)', () => api.call('POST', path, { token: a, body: {} }));
  await measure('POST .../bookings (waitlisted)', () => api.call('POST', path, { token: b, body: {} }));
  await measure('DELETE .../bookings/mine (+1 promotion)', () => api.call('DELETE', `${path}/mine`, { token: a }));
  await api.call('DELETE', `${path}/mine`, { token: b });
  // Warm: this container read the activity a moment ago (resident2's booking) and knows resident1.
  const next = new Date(starts.getTime() + 2 * 3600_000);
  const other = (await api.call('POST', '/api/activities', { token: staff, body: {
    spaceId: 'leisure-garden', title: '绘本角', startsAt: next.toISOString(), endsAt: new Date(next.getTime() + 3600_000).toISOString(), capacity: 5,
  } })).body.id as string;
  await api.call('POST', `/api/activities/${other}/bookings`, { token: b, body: {} });
  await measure('POST .../bookings (warm, confirmed)', () => api.call('POST', `/api/activities/${other}/bookings`, { token: a, body: {} }));
  await measure('DELETE .../bookings/mine (warm, nobody waiting)', () => api.call('DELETE', `/api/activities/${other}/bookings/mine`, { token: a }));

  // The pair, and within it the booking alone (a warm container: the activity and resident1 were
  // just read), each pair followed by its bare pair (below), after a warm-up of both.
  const db = documentClient();
  const key = { pk: `ACTIVITY#${id}`, sk: 'META' };
  const through: number[] = [];
  const bookOnly: number[] = [];
  const bare: number[] = [];
  const bareBook: number[] = [];
  const bareBoth: number[] = [];
  const seat = (who: string) => new UpdateCommand({ TableName: config().tables.activities, Key: key, UpdateExpression: 'SET b.#u = :b, confirmed = confirmed + :n',
    ConditionExpression: 'attribute_not_exists(b.#u) AND confirmed <= :limit', ExpressionAttributeNames: { '#u': who },
    ExpressionAttributeValues: { ':b': { id: 'x', s: 1, st: 'c', t: '' }, ':n': 1, ':limit': 0 } });
  const unseat = (who: string) => new UpdateCommand({ TableName: config().tables.activities, Key: key, UpdateExpression: 'REMOVE b.#u SET confirmed = confirmed - :n',
    ConditionExpression: 'b.#u.st = :c', ExpressionAttributeNames: { '#u': who }, ExpressionAttributeValues: { ':n': 1, ':c': 'c' } });
  for (let i = -warmUp; i < samples; i++) {
    let book = 0;
    let bareOne = 0;
    const pair = await timed(async () => {
      book = await timed(async () => { if ((await api.call('POST', path, { token: a, body: {} })).status !== 201) throw new Error('booking through the adapter failed'); });
      await api.call('DELETE', `${path}/mine`, { token: a });
    });
    const barePair = await timed(async () => {
      bareOne = await timed(() => db.send(seat('bench')));
      await db.send(unseat('bench'));
    });
    // What a warm booking sends, bare: the seat and the resident's list entry, side by side (untimed cleanup).
    const both = await timed(() => Promise.all([db.send(seat('bench2')),
      db.send(new PutCommand({ TableName: config().tables.activities, Item: { pk: 'MINE#bench2', sk: `BOOKING#${id}`, activityId: id } }))]));
    await db.send(unseat('bench2'));
    if (i >= 0) { through.push(pair); bookOnly.push(book); bare.push(barePair); bareBook.push(bareOne); bareBoth.push(both); }
  }
  // The booking as Lambda is handed it (no HTTP hop, no token check: API Gateway's part on AWS).
  const inHandlerBook: number[] = [];
  for (let i = 0; i < samples; i++) {
    inHandlerBook.push(await timed(async () => {
      if (await inHandler('POST', path, { sub: 'resident1', body: {} }) !== 201) throw new Error('booking in the handler failed');
    }));
    await inHandler('DELETE', `${path}/mine`, { sub: 'resident1' });
  }
  return {
    pairMs: median(through), barePairMs: median(bare), ratio: median(through) / median(bare),
    bookMs: median(bookOnly), bareBookMs: median(bareBook), bookRatio: median(bookOnly) / median(bareBook), inHandlerBookMs: median(inHandlerBook),
    bareBothMs: median(bareBoth), bookOverBothRatio: median(bookOnly) / median(bareBoth),
  };
}
