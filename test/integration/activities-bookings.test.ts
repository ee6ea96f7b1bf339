/** Scheduling without overlaps and booking without over-booking, raced for real through the HTTP layer. */
import { describe, expect, it } from 'vitest';
import { Activity, Booking, MyBookings, SpaceList } from '../../functions/contracts/activities.js';
import { ActivityRepository } from '../../functions/activities/repository.js';
import type { StoredBooking } from '../../functions/activities/rules.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { addResidents } from '../support/residents.js';
import { usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
let nextDay = 0;
/** A fresh future day per test, so tests never share a space's schedule. */
const freshDay = () => new Date(Date.UTC(2027, 2, 1 + nextDay++)).toISOString().slice(0, 10);
const schedule = async (who: string, body: object) => api.call('POST', '/api/activities', { token: await as(who), body });
const activity = (day: string, over: object = {}) => ({
  spaceId: 'leisure-garden', title: '老人血糖血压免费检测', startsAt: at(day, '09:00'), endsAt: at(day, '10:30'), capacity: 20, audience: 'elderly', ...over,
});
const bookAs = async (who: string, id: string, body: object = {}) => api.call('POST', `/api/activities/${id}/bookings`, { token: await as(who), body });
const bookingsOf = async (id: string) => ((await new ActivityRepository(documentClient(), config().tables.activities).get(id))?.b ?? {}) as Record<string, StoredBooking>;
const read = async (id: string) => Activity.parse((await api.call('GET', `/api/activities/${id}`)).body);

describe('spaces and scheduling', () => {
  it('lists the four pocket parks', async () => {
    const spaces = SpaceList.parse((await api.call('GET', '/api/spaces?community=chating')).body).items;
    expect(spaces.map((s) => s.id)).toEqual(['cultural-park', 'dynamic-paradise', 'exquisite-home', 'leisure-garden']);
  });

  it('lets staff and committee schedule, and nobody else', async () => {
    const day = freshDay();
    expect((await schedule('resident1', activity(day))).status).toBe(403);
    const made = await schedule('staff1', activity(day));
    expect(made.status).toBe(201);
    expect(Activity.parse(made.body)).toMatchObject({ capacity: 20, confirmedCount: 0, waitlistCount: 0, seatsLeft: 20, createdBy: { id: 'staff1' } });
    expect((await schedule('committee1', activity(day, { startsAt: at(day, '10:30'), endsAt: at(day, '11:00') }))).status).toBe(201);
  });

  it('refuses overlaps, times outside opening hours and more people than the space holds', async () => {
    const day = freshDay();
    await schedule('staff1', activity(day));
    const clash = await schedule('staff1', activity(day, { startsAt: at(day, '10:00'), endsAt: at(day, '11:00') }));
    expect(clash).toMatchObject({ status: 409, body: { error: { code: 'overlap' } } });
    expect((await schedule('staff1', activity(day, { startsAt: at(day, '21:00'), endsAt: at(day, '22:00') }))).status).toBe(400);
    expect((await schedule('staff1', activity(day, { startsAt: at(day, '15:00'), endsAt: at(day, '16:00'), capacity: 26 }))).status).toBe(400);
    expect((await schedule('staff1', activity(day, { startsAt: at(day, '15:00'), endsAt: at(day, '14:00') }))).status).toBe(400);
  });

  it('lets only one of two overlapping activities created at the same moment through', async () => {
    const day = freshDay();
    const replies = await Promise.all([
      schedule('staff1', activity(day, { title: '读书会' })),
      schedule('committee1', activity(day, { title: '健康讲座', startsAt: at(day, '09:30'), endsAt: at(day, '11:00') })),
      schedule('staff1', activity(day, { title: '园艺课', startsAt: at(day, '10:00'), endsAt: at(day, '12:00') })),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });
});

describe('bookings under a rush', () => {
  it('confirms exactly the capacity out of 300 at once and waitlists the rest in one consistent order', async () => {
    const id = (await schedule('staff1', activity(freshDay()))).body.id;
    const people = await addResidents('rush', 300);
    await Promise.all(people.map(as));
    const replies = await Promise.all(people.map((u) => bookAs(u, id)));
    expect(replies.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    const bookings = replies.map((r) => Booking.parse(r.body));
    expect(bookings.filter((b) => b.status === 'confirmed')).toHaveLength(20);
    const a = await read(id);
    expect(a).toMatchObject({ confirmedCount: 20, waitlistCount: 280, seatsLeft: 0 });
    // The stored bookings (read straight from the item) agree with the counts, and the replies' positions
    // are each waiting person's place in one order: the order the bookings arrived.
    const stored = await bookingsOf(id);
    const waiting = Object.entries(stored).filter(([, b]) => b.st === 'w').sort(([, x], [, y]) => x.id.localeCompare(y.id)).map(([u]) => u);
    expect(waiting).toHaveLength(280);
    const replied = new Map(people.map((u, i) => [u, bookings[i]!]));
    const positions = waiting.map((u) => replied.get(u)!.position!);
    expect(positions.every((p, i) => p <= i + 1)).toBe(true); // a reply can only have been nearer the front then

    // 50 cancellations (all 20 confirmed, 30 waiting) race 20 new bookings: seats refill from the queue, each promotion once.
    const confirmedBefore = people.filter((u) => stored[u]!.st === 'c');
    const leaving = [...confirmedBefore, ...waiting.slice(100, 130)];
    const newcomers = await addResidents('late', 20);
    await Promise.all(newcomers.map(as));
    const results = await Promise.all([
      ...leaving.map(async (u) => api.call('DELETE', `/api/activities/${id}/bookings/mine`, { token: await as(u) })),
      ...newcomers.map((u) => bookAs(u, id)),
    ]);
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.slice(leaving.length).every((r) => r.body.status === 'waitlisted')).toBe(true); // no jumping the queue
    const after = await read(id);
    expect(after).toMatchObject({ confirmedCount: 20, waitlistCount: 300 - 50 + 20 - 20 });
    // Promotions are made by the cancellations (and by any booking that finds a fitting waiter not yet moved up).
    const promotions = results.slice(0, leaving.length).reduce((n, r) => n + r.body.promoted, 0);
    expect(promotions).toBeLessThanOrEqual(20);
    const final = await bookingsOf(id);
    // Each promotion counted once: the counter equals the seats the map holds, and no newcomer jumped the queue.
    expect(Object.values(final).filter((b) => b.st === 'c')).toHaveLength(20);
    expect(newcomers.every((u) => final[u]!.st === 'w')).toBe(true);
    const stillWaiting = waiting.filter((u) => !leaving.includes(u));
    expect(stillWaiting.slice(0, 20).every((u) => final[u]!.st === 'c')).toBe(true); // the first in line got the seats
  }, 120_000);

  it('keeps one booking per resident when they tap twice at once', async () => {
    const id = (await schedule('staff1', activity(freshDay()))).body.id;
    const replies = await Promise.all([bookAs('resident2', id), bookAs('resident2', id), bookAs('resident2', id)]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect((await read(id)).confirmedCount).toBe(1);
  });
});

describe('who may book', () => {
  it('lets tenants book, refuses people without a household, and promotes the next in line on a cancel', async () => {
    const id = (await schedule('staff1', activity(freshDay(), { capacity: 1 }))).body.id;
    expect((await bookAs('donor1', id)).status).toBe(403);
    expect((await bookAs('tenant1', id)).body).toMatchObject({ status: 'confirmed', position: null });
    expect((await bookAs('resident5', id)).body).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await bookAs('resident5', id, { seats: 2 })).status).toBe(400);
    const cancelled = await api.call('DELETE', `/api/activities/${id}/bookings/mine`, { token: await as('tenant1') });
    expect(cancelled.body).toEqual({ activityId: id, cancelled: true, promoted: 1 });
    const mine = MyBookings.parse((await api.call('GET', '/api/me/bookings', { token: await as('resident5') })).body);
    expect(mine.items.map((x) => x.booking.status)).toEqual(['confirmed']);
    expect((await api.call('DELETE', `/api/activities/${id}/bookings/mine`, { token: await as('tenant1') })).status).toBe(404);
  });
});
