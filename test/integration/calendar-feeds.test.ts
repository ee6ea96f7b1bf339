/**
 * Calendar feeds, called as use cases with real repositories against dynalite (the HTTP wiring
 * is tested in calendars.test.ts). Every produced calendar is parsed by ical.js.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarFeedRepository, feedKeys } from '../../functions/activities/calendar-feed-repository.js';
import { createFeed, feedCalendar, revokeFeed, spaceCalendar, type CalendarDeps } from '../../functions/activities/calendars.js';
import { book } from '../../functions/activities/bookings.js';
import { ActivityRepository } from '../../functions/activities/repository.js';
import { createNotify } from '../../functions/notifications/outbox.js';
import { scheduleActivity } from '../../functions/activities/schedule-activity.js';
import { cancelActivity } from '../../functions/activities/staff-actions.js';
import { CommunityRepository } from '../../functions/community/repository.js';
import { ICalendar } from '../../functions/contracts/activities.js';
import type { Engine } from '../../functions/local/dynamo.js';
import { seedDemo } from '../../functions/local/seed.js';
import { config } from '../../functions/shared/config.js';
import { NotFoundError } from '../../functions/shared/errors.js';
import { newId } from '../../functions/shared/ids.js';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startTestEngine } from '../support/engine.js';
import { parseCalendar } from '../support/ical.js';

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
let engine: Engine;
let deps: CalendarDeps;
let now = '2026-10-01T00:00:00.000Z';
const ids: Record<string, string> = {};
/** The events this file scheduled (the demo community has its own activities in the same parks). */
const ours = <E extends { uid: string }>(events: E[]): E[] => events.filter((e) => Object.values(ids).some((id) => e.uid === `${id}@gongzhi`));

const schedule = async (spaceId: string, day: string, from: string, to: string, extra: Record<string, unknown> = {}) =>
  (await scheduleActivity(deps, 'staff1', {
    spaceId, title: '血压血糖免费检测', startsAt: at(day, from), endsAt: at(day, to), capacity: 5, audience: 'elderly', maxSeatsPerBooking: 1, prioritySeats: 0, ...extra,
  })).id;

beforeAll(async () => {
  const started = await startTestEngine();
  engine = started.engine;
  await seedDemo(started.db);
  const cfg = config();
  const activities = new ActivityRepository(started.db, cfg.tables.activities);
  deps = {
    activities, community: new CommunityRepository(started.db, cfg.tables.community), clock: () => now, newId,
    notify: createNotify(started.db, cfg.tables.notifications),
    feeds: new CalendarFeedRepository(activities.db, activities.table),
  };
  ids.tooOld = await schedule('leisure-garden', '2026-10-25', '09:00', '10:00');
  ids.recent = await schedule('leisure-garden', '2026-11-20', '09:00', '10:00');
  now = '2026-12-01T00:00:00.000Z';
  ids.checks = await schedule('leisure-garden', '2026-12-10', '09:00', '10:30', {
    capacity: 1, host: '社区卫生服务中心 王医生',
    description: '请空腹前来；带上医保卡, 以及以前的检测记录。\n测量血压、血糖，并提供健康咨询，适合六十五岁以上的居民参加。',
  });
  ids.rained = await schedule('leisure-garden', '2026-12-11', '14:00', '15:00', { title: '太极拳入门' });
  ids.tooFar = await schedule('leisure-garden', '2027-06-15', '09:00', '10:00');
  ids.elsewhere = await schedule('cultural-park', '2026-12-12', '14:00', '15:00', { title: '防诈骗宣传讲座', audience: 'all' });
  await book(deps, 'resident1', ids.checks, { seats: 1 });
  await book(deps, 'resident2', ids.checks, { seats: 1 });
  await book(deps, 'resident1', ids.rained, { seats: 1 });
  await book(deps, 'resident1', ids.elsewhere, { seats: 1 });
  await cancelActivity(deps, 'staff1', ids.rained, '暴雨预警，改期另行通知');
});
afterAll(() => engine?.close());

describe('a space calendar', () => {
  it('lists the space\'s activities from 30 days back to 180 ahead, in Asia/Shanghai, cancelled ones as CANCELLED', async () => {
    const text = await spaceCalendar(deps, 'chating', 'leisure-garden');
    expect(ICalendar.safeParse(text).success).toBe(true);
    const cal = parseCalendar(text);
    cal.events = ours(cal.events);
    expect(cal.name).toBe('休闲花园 Leisure Garden · 共治');
    expect(cal.prodId).toContain('Gongzhi');
    expect(cal.timezones).toEqual(['Asia/Shanghai']);
    expect(cal.events.map((e) => e.uid)).toEqual([ids.recent, ids.checks, ids.rained].map((id) => `${id}@gongzhi`));
    const checks = cal.events[1]!;
    expect(checks).toMatchObject({
      summary: '血压血糖免费检测', start: at('2026-12-10', '09:00'), end: at('2026-12-10', '10:30'), tzid: 'Asia/Shanghai',
      status: 'CONFIRMED', location: '休闲花园 Leisure Garden',
    });
    expect(checks.description).toContain('社区卫生服务中心 王医生');
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20261210T090000\r\n');
    expect(cal.events[2]).toMatchObject({ summary: '太极拳入门', status: 'CANCELLED' });
    expect(cal.events[2]!.description).toContain('暴雨预警，改期另行通知');
  });

  it('writes Beijing time whatever time zone the server process runs in', async () => {
    const was = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const text = await spaceCalendar(deps, 'chating', 'leisure-garden');
      expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20261210T090000\r\n');
      expect(ours(parseCalendar(text).events)[1]!.start).toBe(at('2026-12-10', '09:00'));
    } finally {
      if (was === undefined) delete process.env.TZ; else process.env.TZ = was;
    }
  });

  it('is a 404 for a space that does not exist', async () => {
    await expect(spaceCalendar(deps, 'chating', 'no-such-park')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('a personal feed', () => {
  it('shows confirmed and waitlisted bookings with their status, and cancelled activities as CANCELLED', async () => {
    const { token, url } = await createFeed(deps, 'resident1');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url).toBe(`/api/calendar-feeds/${token}`);
    const text = await feedCalendar(deps, token);
    expect(text).toMatch(/\r\n [^\r\n]/);
    const cal = parseCalendar(text);
    expect(cal.name).toBe('我的预约 My bookings · 共治');
    expect(cal.events.map((e) => [e.uid, e.status])).toEqual([
      [`${ids.checks}@gongzhi`, 'CONFIRMED'], [`${ids.rained}@gongzhi`, 'CANCELLED'], [`${ids.elsewhere}@gongzhi`, 'CONFIRMED']]);
    expect(cal.events[0]!.description).toContain('已确认 Confirmed');
    expect(cal.events[0]!.description).toContain('请空腹前来；带上医保卡, 以及以前的检测记录。\n测量血压');
    expect(cal.events[2]).toMatchObject({ location: '文化园 Cultural Park', start: at('2026-12-12', '14:00'), end: at('2026-12-12', '15:00') });

    const waiting = parseCalendar(await feedCalendar(deps, (await createFeed(deps, 'resident2')).token));
    expect(waiting.events).toHaveLength(1);
    expect(waiting.events[0]!.description).toContain('Waitlisted, position 1');
  });

  it('stops working for the old token when rotated, and for any token once revoked', async () => {
    const first = (await createFeed(deps, 'resident3')).token;
    const second = (await createFeed(deps, 'resident3')).token;
    expect(second).not.toBe(first);
    await expect(feedCalendar(deps, first)).rejects.toBeInstanceOf(NotFoundError);
    parseCalendar(await feedCalendar(deps, second));
    expect(await revokeFeed(deps, 'resident3')).toEqual({ revoked: true });
    await expect(feedCalendar(deps, second)).rejects.toBeInstanceOf(NotFoundError);
    expect(await revokeFeed(deps, 'resident3')).toEqual({ revoked: true });
    await expect(feedCalendar(deps, 'A'.repeat(43))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a token whose lookup item was left behind (a half-done revoke or rotation)', async () => {
    const { db, table } = deps.activities;
    const token = (await createFeed(deps, 'resident4')).token;
    await db.send(new DeleteCommand({ TableName: table, Key: feedKeys.user('resident4') }));
    await expect(feedCalendar(deps, token)).rejects.toBeInstanceOf(NotFoundError);
    const stale = 'B'.repeat(43);
    await db.send(new PutCommand({ TableName: table, Item: { ...feedKeys.token(stale), userId: 'resident5' } }));
    await createFeed(deps, 'resident5');
    await expect(feedCalendar(deps, stale)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps exactly one live token when a resident rotates several times at once', async () => {
    const tokens = await Promise.all(Array.from({ length: 5 }, () => createFeed(deps, 'resident6').then((f) => f.token)));
    const live = (await Promise.all(tokens.map((t) => deps.feeds.resolve(t)))).filter(Boolean);
    expect(live).toEqual(['resident6']);
  });
});
