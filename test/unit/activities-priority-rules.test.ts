/** Priority seats as pure rules: who is in the audience group, what each pool has free, who is promoted next. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSeats, inAudience, nextToPromote, reserving, waitlist, type Seats, type StoredBooking } from '../../functions/activities/rules.js';

const june2027 = '2027-06-01T01:00:00.000Z';

describe('the audience group', () => {
  it('counts residents 65 and over in the activity\'s Beijing year as elderly', () => {
    expect(inAudience({ birthYear: 1962 }, 'elderly', june2027)).toBe(true);
    expect(inAudience({ birthYear: 1963 }, 'elderly', june2027)).toBe(false);
    // 31 Dec 2027 17:00 UTC is already 1 Jan 2028 in Beijing.
    expect(inAudience({ birthYear: 1963 }, 'elderly', '2027-12-31T17:00:00.000Z')).toBe(true);
    expect(inAudience({}, 'elderly', june2027)).toBe(false);
  });

  it('counts families with a child of 12 or under for children\'s activities, and nobody for "all"', () => {
    expect(inAudience({ childBirthYears: [2015] }, 'children', june2027)).toBe(true);
    expect(inAudience({ childBirthYears: [2014] }, 'children', june2027)).toBe(false);
    expect(inAudience({ childBirthYears: [2028] }, 'children', june2027)).toBe(false);
    expect(inAudience({ birthYear: 1930, childBirthYears: [2020] }, 'all', june2027)).toBe(false);
  });
});

const seats = (over: Partial<Seats> = {}): Seats => ({
  capacity: 20, prioritySeats: 10, priorityUntil: '2027-05-31T00:00:00.000Z', confirmed: 0, pc: 0, gc: 0, waiting: 0, ...over,
});

describe('the two pools', () => {
  it('holds priority seats back until the release time, then merges them', () => {
    const s = seats({ confirmed: 14, pc: 4, gc: 10 });
    expect(reserving(s, '2027-05-30T00:00:00.000Z')).toBe(true);
    expect(freeSeats(s, '2027-05-30T00:00:00.000Z')).toEqual({ general: 0, priority: 6 });
    expect(reserving(s, s.priorityUntil!)).toBe(false);
    expect(freeSeats(s, s.priorityUntil!)).toEqual({ general: 6, priority: 0 });
    expect(freeSeats(seats({ prioritySeats: 0, priorityUntil: null, confirmed: 3, gc: 3 }), june2027)).toEqual({ general: 17, priority: 0 });
  });
});

const booking = fc.record({ s: fc.integer({ min: 1, max: 3 }), e: fc.boolean() });
const state = fc.record({
  capacity: fc.integer({ min: 1, max: 12 }), share: fc.double({ min: 0, max: 1, noNaN: true }),
  usedShare: fc.double({ min: 0, max: 1, noNaN: true }), pShare: fc.double({ min: 0, max: 1, noNaN: true }),
  queue: fc.array(booking, { maxLength: 8 }), held: fc.boolean(),
}).map(({ capacity, share, usedShare, pShare, queue, held }) => {
  const prioritySeats = Math.floor(capacity * share);
  const confirmed = Math.floor(capacity * usedShare);
  const pc = Math.min(prioritySeats, Math.floor(confirmed * pShare));
  const gc = Math.min(confirmed - pc, capacity - prioritySeats);
  const b: Record<string, StoredBooking> = {};
  queue.forEach((q, i) => {
    b[`u${i}`] = { id: `01J${String(i).padStart(23, '0')}`, s: q.s, st: 'w', t: june2027, n: `u${i}`, ...(q.e ? { e: 1 as const } : {}) };
  });
  const s = seats({ capacity, prioritySeats, confirmed: pc + gc, pc, gc, waiting: queue.length });
  return { s, b, now: held ? '2027-05-30T00:00:00.000Z' : june2027 };
});

describe('who is promoted next', () => {
  it('picks a waiting booking that fits its pool, only the audience group into priority seats, and skips nobody who fits', () => {
    fc.assert(fc.property(state, ({ s, b, now }) => {
      const next = nextToPromote(b, s, now);
      const free = freeSeats(s, now);
      const fits = (x: StoredBooking) => x.s <= free.general || (x.e === 1 && x.s <= free.priority);
      const line = waitlist(b);
      if (!next) return line.every(([, x]) => !fits(x));
      const at = line.findIndex(([u]) => u === next.userId);
      expect(line.slice(0, at).every(([, x]) => !fits(x))).toBe(true);
      if (next.pool === 'priority') expect(next.booking.e === 1 && next.booking.s <= free.priority).toBe(true);
      else expect(next.booking.s <= free.general).toBe(true);
      // Never past the activity's capacity, whatever the pool.
      expect(s.confirmed + next.booking.s).toBeLessThanOrEqual(s.capacity);
      return true;
    }), { numRuns: 500 });
  });
});
