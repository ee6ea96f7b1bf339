/**
 * Issue #13 item 4, crash durability: a disk-backed local platform (dynalite on LevelDB, in its
 * own process) takes a 200-person booking rush on one 40-seat activity (the largest demo space) and a storm of 50 gifts, each
 * with its Idempotency-Key, and is killed with SIGKILL part-way through. Restarted on the same data
 * folder:
 * - every acknowledged (2xx) booking and gift is there, as it was acknowledged;
 * - the activity's counters equal its bookings (never more confirmed seats than the capacity), and
 *   every booking that was written shows in its resident's "my bookings";
 * - everyone who got no answer tries again: each person ends with exactly one booking, each gift is
 *   recorded exactly once (a retry with the same key finds the first), the ledger's totals and length
 *   match its entries, and `GET /api/ledger/verify` passes.
 * The same check, run against a platform started on an empty folder, reports every acknowledged
 * write missing: the test can fail.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPlatform, type ChildPlatform } from '../support/child-platform.js';
import { Api } from '../support/platform.js';

const PEOPLE = 200;
const CAPACITY = 40;
const GIFTS = 50;
/** Acknowledgements before the kill: part of the rush is answered, part is in flight, part unsent. */
const KILL_AFTER = 90;
/** Requests in flight at once, like a crowd on phones (not all 250 in the same millisecond). */
const IN_FLIGHT = 24;
const c = 'community=chating';

const root = mkdtempSync(join(tmpdir(), 'gongzhi-crash-'));
const dataDir = join(root, 'data');
const running: ChildPlatform[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill()));
  rmSync(root, { recursive: true, force: true });
});
async function start(dir: string, env: Record<string, string> = {}): Promise<{ p: ChildPlatform; api: Api }> {
  const p = await childPlatform({ DATA_DIR: dir, ...env });
  running.push(p);
  return { p, api: new Api(p.url) };
}

const people = [...Array.from({ length: 60 }, (_, i) => `resident${i + 1}`), ...Array.from({ length: PEOPLE - 60 }, (_, i) => `rush${i + 1}`)];
interface Gift { n: number; donor: string; key: string; body: { type: 'money'; amountFen: number; currency: 'CNY'; channel: 'cash'; message: string } }
const gifts: Gift[] = Array.from({ length: GIFTS }, (_, n) => ({
  n, donor: people[n * 3]!, key: randomUUID(),
  body: { type: 'money', amountFen: 1000 + n, currency: 'CNY', channel: 'cash', message: `crash drill gift ${n}` },
}));

/** What the platform answered before it died: only 2xx answers count as acknowledged. */
const acked = { bookings: new Map<string, { status: string; seats: number }>(), gifts: new Map<number, string>() };
const tokens = new Map<string, string>();
let activityId = '';
let before = { length: 0, raisedFen: 0 };
let unanswered = 0;
/** Writes that landed though their answer was lost with the process (found when retried). */
const landedUnanswered = { bookings: 0, gifts: 0 };

interface Funding { donationsFen: number; pledgedFen: number }
const raised = (f: Funding) => f.donationsFen + f.pledgedFen;

const book = (api: Api, who: string) => api.call('POST', `/api/activities/${activityId}/bookings`, { token: tokens.get(who)!, body: { seats: 1 } });
async function give(api: Api, g: Gift): Promise<{ status: number; body: { id: string } }> {
  const res = await fetch(`${api.base}/api/donations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(g.donor)!}`, 'idempotency-key': g.key },
    body: JSON.stringify(g.body),
  });
  return { status: res.status, body: await res.json() as { id: string } };
}

/** Every acknowledged write the platform at `api` does not have, as it was acknowledged. */
async function missingAcked(api: Api, staff: string): Promise<string[]> {
  const missing: string[] = [];
  const list = await api.call<{ items: { person: { id: string }; booking: { status: string; seats: number } }[] }>(
    'GET', `/api/activities/${activityId}/attendance`, { token: staff });
  const found = new Map((list.status === 200 ? list.body.items : []).map((i) => [i.person.id, i.booking]));
  for (const [who, b] of acked.bookings) {
    const f = found.get(who);
    if (!f || f.status !== b.status || f.seats !== b.seats) missing.push(`booking of ${who} (${b.status}): ${f ? f.status : 'none'}`);
  }
  for (const [n, id] of acked.gifts) {
    const e = await api.call<{ id: string; amountFen?: number }>('GET', `/api/ledger/entries/${id}?${c}`);
    if (e.status !== 200 || e.body.amountFen !== gifts[n]!.body.amountFen) missing.push(`gift ${n} (${id}): ${e.status}`);
  }
  return missing;
}

describe('SIGKILL in the middle of a booking rush and a gift storm', () => {
  let api: Api;
  let p: ChildPlatform;
  let staff = '';

  beforeAll(async () => {
    ({ p, api } = await start(dataDir, { EXTRA_RESIDENTS: `rush:${PEOPLE - 60}` }));
    staff = await api.signIn('staff1');
    for (const who of people) tokens.set(who, await api.signIn(who));
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const made = await api.call<{ id: string }>('POST', '/api/activities', {
      token: staff,
      body: { spaceId: 'cultural-park', title: '崩溃演练：健康讲座', startsAt: `${day}T01:00:00.000Z`, endsAt: `${day}T02:00:00.000Z`, capacity: CAPACITY },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    activityId = made.body.id;
    const summary = await api.call<{ length: number; totals: Funding }>('GET', `/api/ledger/summary?${c}`);
    before = { length: summary.body.length, raisedFen: raised(summary.body.totals) };

    // The rush: bookings and gifts interleaved, IN_FLIGHT at a time, until KILL_AFTER are answered.
    const work: (() => Promise<void>)[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const who = people[i]!;
      work.push(async () => {
        const r = await book(api, who);
        if (r.status === 201) acked.bookings.set(who, { status: r.body.status, seats: r.body.seats });
      });
      if (i % 4 === 0 && i / 4 < GIFTS) {
        const g = gifts[i / 4]!;
        work.push(async () => {
          const r = await give(api, g);
          if (r.status >= 200 && r.status < 300) acked.gifts.set(g.n, r.body.id);
        });
      }
    }
    let answered = 0;
    let killed: Promise<void> | null = null;
    const worker = async () => {
      for (let job = work.shift(); job && !killed; job = work.shift()) {
        try {
          await job();
          if (++answered === KILL_AFTER) killed = p.kill();
        } catch { unanswered++; /* the connection died with the process: no answer */ }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await killed;
    unanswered += work.length;
  }, 240_000);

  it('killed part-way: some writes were answered, some were not', () => {
    expect(acked.bookings.size + acked.gifts.size).toBeGreaterThanOrEqual(KILL_AFTER - IN_FLIGHT);
    expect(unanswered).toBeGreaterThan(0);
    expect(acked.bookings.size + acked.gifts.size + unanswered).toBeLessThanOrEqual(PEOPLE + GIFTS);
  });

  describe('restarted on the same data folder', () => {
    beforeAll(async () => {
      ({ api } = await start(dataDir));
    }, 120_000);

    it('has every acknowledged booking and gift, as acknowledged', async () => {
      expect(await missingAcked(api, staff)).toEqual([]);
    });

    it('counts exactly the bookings it holds, never more seats than the capacity, each in its resident\'s list', async () => {
      const a = await api.call<{ confirmedCount: number; waitlistCount: number; seatsLeft: number; capacity: number }>('GET', `/api/activities/${activityId}`);
      const list = await api.call<{ items: { person: { id: string }; booking: { status: string; seats: number; position: number | null } }[] }>(
        'GET', `/api/activities/${activityId}/attendance`, { token: staff });
      const confirmed = list.body.items.filter((i) => i.booking.status === 'confirmed');
      const waiting = list.body.items.filter((i) => i.booking.status === 'waitlisted');
      expect(a.body.confirmedCount).toBe(confirmed.reduce((s, i) => s + i.booking.seats, 0));
      expect(a.body.waitlistCount).toBe(waiting.length);
      expect(a.body.confirmedCount).toBeLessThanOrEqual(CAPACITY);
      expect(a.body.seatsLeft).toBe(CAPACITY - a.body.confirmedCount);
      expect(new Set(list.body.items.map((i) => i.person.id)).size).toBe(list.body.items.length);
      for (const { person } of list.body.items) {
        const mine = await api.call<{ items: { activity: { id: string } }[] }>('GET', '/api/me/bookings', { token: tokens.get(person.id)! });
        expect(mine.body.items.map((i) => i.activity.id), `my bookings of ${person.id}`).toContain(activityId);
      }
    });

    it('after everyone unanswered tries again: one booking each, every seat confirmed, each gift once, the ledger verifies', async () => {
      for (const who of people.filter((w) => !acked.bookings.has(w))) {
        const r = await book(api, who);
        expect([201, 409], `${who}: ${JSON.stringify(r.body)}`).toContain(r.status);
        if (r.status === 409) {
          expect(r.body.error.code).toBe('already_booked');
          landedUnanswered.bookings++;
        }
      }
      const list = await api.call<{ items: { booking: { status: string; position: number | null } }[] }>(
        'GET', `/api/activities/${activityId}/attendance`, { token: staff });
      expect(list.body.items).toHaveLength(PEOPLE);
      expect(list.body.items.filter((i) => i.booking.status === 'confirmed')).toHaveLength(CAPACITY);
      const positions = list.body.items.filter((i) => i.booking.status === 'waitlisted').map((i) => i.booking.position).sort((x, y) => x! - y!);
      expect(positions).toEqual(Array.from({ length: PEOPLE - CAPACITY }, (_, i) => i + 1));

      const drillGifts = async () => {
        const ledger = await api.call<{ length: number; entries: { message?: string | null }[] }>('GET', `/api/ledger/export.json?${c}`);
        return { ledger: ledger.body, messages: ledger.body.entries.map((e) => e.message).filter((m): m is string => typeof m === 'string' && m.startsWith('crash drill gift ')) };
      };
      landedUnanswered.gifts = (await drillGifts()).messages.length - acked.gifts.size;
      // Every gift sent again with its key: the acknowledged ones answer with their first entry.
      for (const g of gifts) {
        const r = await give(api, g);
        expect(r.status, `gift ${g.n}: ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(200);
        expect(r.status).toBeLessThan(300);
        if (acked.gifts.has(g.n)) expect(r.body.id, `gift ${g.n} replayed`).toBe(acked.gifts.get(g.n));
      }
      const { ledger, messages } = await drillGifts();
      expect(messages.sort()).toEqual(gifts.map((g) => g.body.message).sort());
      expect(ledger.length).toBe(before.length + GIFTS);
      expect(ledger.entries).toHaveLength(ledger.length);

      const summary = await api.call<{ length: number; totals: Funding }>('GET', `/api/ledger/summary?${c}`);
      expect(summary.body.length).toBe(ledger.length);
      expect(raised(summary.body.totals) - before.raisedFen).toBe(gifts.reduce((s, g) => s + g.body.amountFen, 0));
      const verify = await api.call<{ ok: boolean; length: number; firstBroken: unknown }>('GET', `/api/ledger/verify?${c}`);
      expect(verify.body).toMatchObject({ ok: true, length: ledger.length, firstBroken: null });
      console.info(`crash drill: ${acked.bookings.size} bookings and ${acked.gifts.size} gifts answered before the kill, ${unanswered} requests `
        + `unanswered, of which ${landedUnanswered.bookings} bookings and ${landedUnanswered.gifts} gifts had been written`);
    }, 120_000);
  });

  it('the same check, on a platform started on an empty folder, finds every acknowledged write missing', async () => {
    const fresh = await start(join(root, 'empty'));
    const missing = await missingAcked(fresh.api, await fresh.api.signIn('staff1'));
    expect(missing).toHaveLength(acked.bookings.size + acked.gifts.size);
    await fresh.p.stop();
  }, 120_000);
});
