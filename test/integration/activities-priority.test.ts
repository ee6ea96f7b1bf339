/**
 * Priority seats through the HTTP layer: seats held back for an activity's audience group
 * (residents 65 and over, or families with a young child) until a release time, then open to all.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Activity, Booking, SeriesResult } from '../../functions/contracts/activities.js';
import { ActivityRepository } from '../../functions/activities/repository.js';
import type { StoredBooking } from '../../functions/activities/rules.js';
import { config } from '../../functions/shared/config.js';
import { advanceSystemClock, systemClock } from '../../functions/shared/clock.js';
import { documentClient } from '../../functions/shared/db/client.js';
import { addResidents } from '../support/residents.js';
import { usePlatform } from '../support/platform.js';

const thisYear = new Date().getUTCFullYear() + 1;
let elderly: string[] = [];
let young: string[] = [];
let parents: string[] = [];
const { api, as } = usePlatform(async () => {
  elderly = await addResidents('old', 40, { birthYear: thisYear - 70 });
  young = await addResidents('young', 60, { birthYear: thisYear - 40 });
  parents = await addResidents('parent', 3, { birthYear: thisYear - 35, childBirthYears: [thisYear - 6] });
});
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
let nextDay = 0;
const freshDay = () => new Date(Date.UTC(2027, 5, 1 + nextDay++)).toISOString().slice(0, 10);
const inHours = (h: number) => new Date(Date.parse(systemClock()) + h * 3_600_000).toISOString();
const check = (day: string, over: object = {}) => ({
  spaceId: 'leisure-garden', title: '老人血糖血压免费检测', startsAt: at(day, '09:00'), endsAt: at(day, '10:30'), capacity: 20,
  audience: 'elderly', prioritySeats: 10, priorityUntil: inHours(2), ...over,
});
const schedule = async (body: object) => api.call('POST', '/api/activities', { token: await as('staff1'), body });
const create = async (body: object) => {
  const r = await schedule(body);
  expect(r.status).toBe(201);
  return Activity.parse(r.body);
};
const bookAs = async (who: string, id: string, body: object = {}) => api.call('POST', `/api/activities/${id}/bookings`, { token: await as(who), body });
const read = async (id: string) => Activity.parse((await api.call('GET', `/api/activities/${id}`)).body);
const stored = async (id: string) => (await new ActivityRepository(documentClient(), config().tables.activities).get(id))!;
const confirmedOf = (b: Record<string, StoredBooking>, ids: string[]) => ids.filter((u) => b[u]?.st === 'c');


let advanced = 0;
const advance = (h: number) => {
  advanced += h * 3_600_000;
  advanceSystemClock(h * 3_600_000);
};
afterAll(() => {
  advanceSystemClock(-advanced);
});

describe('scheduling with priority seats', () => {
  it('shows the held-back seats and refuses plans that cannot work', async () => {
    const day = freshDay();
    const a = await create(check(day));
    expect(a).toMatchObject({ prioritySeats: 10, prioritySeatsLeft: 10, seatsLeft: 20 });
    const bad = async (over: object | ((day: string) => object), path: string) => {
      const other = freshDay();
      const r = await schedule(check(other, typeof over === 'function' ? over(other) : over));
      expect(r.status).toBe(400);
      expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    };
    await bad({ prioritySeats: 21 }, 'body.prioritySeats');
    await bad({ audience: 'all' }, 'body.prioritySeats');
    await bad({ priorityUntil: undefined }, 'body.priorityUntil');
    await bad((d) => ({ priorityUntil: at(d, '09:01') }), 'body.priorityUntil');
    await bad({ priorityUntil: inHours(-1) }, 'body.priorityUntil');
  });

  it('gives each occurrence of a series its own release time, some hours before it starts', async () => {
    const from = freshDay();
    const r = await api.call('POST', '/api/activity-series', {
      token: await as('staff1'),
      body: {
        spaceId: 'cultural-park', title: '儿童绘本角', audience: 'children', capacity: 12, prioritySeats: 6, priorityReleaseHoursBefore: 24,
        weekdays: [2, 4], startTime: '15:00', endTime: '16:00', from, until: new Date(Date.parse(from) + 13 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    expect(r.status).toBe(201);
    const { created } = SeriesResult.parse(r.body);
    expect(created.length).toBeGreaterThanOrEqual(3);
    for (const c of created) {
      const full = await read(c.id);
      expect(full.prioritySeats).toBe(6);
      expect(Date.parse(full.startsAt) - Date.parse(full.priorityUntil!)).toBe(24 * 3_600_000);
    }
  });
});

describe('booking while seats are held back', () => {
  it('keeps the priority seats for the audience group and promotes into each pool the right person', async () => {
    const a = await create(check(freshDay()));
    for (const u of young.slice(0, 12)) await bookAs(u, a.id);
    let now = await read(a.id);
    expect(now).toMatchObject({ confirmedCount: 10, waitlistCount: 2, seatsLeft: 10, prioritySeatsLeft: 10 });

    const first = Booking.parse((await bookAs(elderly[0]!, a.id)).body);
    expect(first).toMatchObject({ status: 'confirmed', priority: true });
    // A tenant and a parent are residents but not the elderly group: they queue behind.
    expect((await bookAs('tenant1', a.id)).body).toMatchObject({ status: 'waitlisted', position: 3 });
    expect((await bookAs(parents[0]!, a.id)).body).toMatchObject({ status: 'waitlisted', position: 4 });
    // Staff book for an elderly resident without a phone: the resident's age counts, not the staff member's.
    const onBehalf = await api.call('POST', `/api/activities/${a.id}/bookings`, {
      token: await as('staff1'), body: { onBehalfOf: { userId: elderly[1]!, evidence: '电话预约 12月3日' } },
    });
    expect(onBehalf.body).toMatchObject({ status: 'confirmed', priority: true, enteredBy: { id: 'staff1' } });
    for (const u of elderly.slice(2, 10)) expect((await bookAs(u, a.id)).body.status).toBe('confirmed');
    // The priority pool is full too: the next elderly resident waits, behind those already waiting.
    expect((await bookAs(elderly[10]!, a.id)).body).toMatchObject({ status: 'waitlisted', position: 5 });
    now = await read(a.id);
    expect(now).toMatchObject({ confirmedCount: 20, waitlistCount: 5, seatsLeft: 0, prioritySeatsLeft: 0 });

    // A priority seat freed goes to the first elderly resident waiting, past the younger ones ahead of her.
    const freed = await api.call('DELETE', `/api/activities/${a.id}/bookings/mine`, { token: await as(elderly[3]!) });
    expect(freed.body.promoted).toBe(1);
    let b = (await stored(a.id)).b!;
    expect(b[elderly[10]!]).toMatchObject({ st: 'c', p: 1 });
    expect(confirmedOf(b, [young[10]!, young[11]!, 'tenant1', parents[0]!])).toEqual([]);
    // A general seat freed goes to the first in line, whoever it is.
    await api.call('DELETE', `/api/activities/${a.id}/bookings/mine`, { token: await as(young[0]!) });
    b = (await stored(a.id)).b!;
    expect(b[young[10]!]!.st).toBe('c');
    expect(b[young[10]!]!.p).toBeUndefined();
  });

  it('never lets general bookings into held-back seats, even in a rush of 100', async () => {
    const a = await create(check(freshDay()));
    const crowd = [...young.slice(0, 60), ...elderly.slice(0, 40)];
    const replies = await Promise.all(crowd.map((u) => bookAs(u, a.id)));
    expect(replies.every((r) => r.status === 201)).toBe(true);
    const item = await stored(a.id);
    const b = item.b!;
    const confirmedYoung = confirmedOf(b, young);
    const priority = Object.entries(b).filter(([, x]) => x.st === 'c' && x.p);
    expect(item).toMatchObject({ confirmed: 20, waiting: 80 });
    expect(confirmedYoung.length).toBeLessThanOrEqual(10);
    expect(priority).toHaveLength(10);
    expect(priority.every(([u]) => elderly.includes(u))).toBe(true);
    // The counters agree with the map.
    const seats = (f: (x: StoredBooking) => boolean) => Object.values(b).filter(f).reduce((n, x) => n + x.s, 0);
    expect(item.pc).toBe(seats((x) => x.st === 'c' && x.p === 1));
    expect(item.gc).toBe(seats((x) => x.st === 'c' && !x.p));
    expect(item.pw).toBe(Object.values(b).filter((x) => x.st === 'w' && x.e).length);
  });
});

describe('the release time', () => {
  it('opens the unused priority seats to the waitlist and to everyone once it passes', async () => {
    const a = await create(check(freshDay(), { priorityUntil: inHours(1) }));
    for (const u of young.slice(20, 34)) await bookAs(u, a.id);
    for (const u of elderly.slice(20, 23)) await bookAs(u, a.id);
    expect(await read(a.id)).toMatchObject({ confirmedCount: 13, waitlistCount: 4, prioritySeatsLeft: 7 });

    advance(2);
    // No cancellation happens; the first read after the release moves the waiting residents up, in order.
    expect(await read(a.id)).toMatchObject({ confirmedCount: 17, waitlistCount: 0, seatsLeft: 3, prioritySeatsLeft: 0 });
    const b = (await stored(a.id)).b!;
    expect(confirmedOf(b, young.slice(30, 34))).toEqual(young.slice(30, 34));
    // Newcomers of any age now take what is left.
    for (const u of young.slice(34, 37)) expect((await bookAs(u, a.id)).body).toMatchObject({ status: 'confirmed', priority: false });
    expect((await bookAs(young[37]!, a.id)).body.status).toBe('waitlisted');
  });

  it('promotes released waiters when they look at their own bookings, too', async () => {
    const a = await create(check(freshDay(), { capacity: 4, prioritySeats: 2, priorityUntil: inHours(1) }));
    for (const u of young.slice(40, 43)) await bookAs(u, a.id);
    advance(2);
    const mine = await api.call('GET', '/api/me/bookings', { token: await as(young[42]!) });
    expect(mine.body.items.find((i: { activity: { id: string } }) => i.activity.id === a.id).booking.status).toBe('confirmed');
  });
});
