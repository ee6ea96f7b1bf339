/**
 * iCalendar (RFC 5545) feeds: a space's public calendar and a resident's personal bookings feed
 * behind a secret, revocable token. Times are written with TZID=Asia/Shanghai (a VTIMEZONE is
 * included); ical-generator folds lines at 75 octets, escapes text and ends lines with CRLF.
 */
import { TZDate } from '@date-fns/tz';
import ical, { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import type { ActivitySummary, Space } from '../contracts/activities.js';
import { NotFoundError } from '../shared/errors.js';
import type { CalendarFeedRepository } from './calendar-feed-repository.js';
import type { ActivityDeps } from './deps.js';
import { toSummary, type ActivityItem } from './repository.js';
import { positionOf } from './rules.js';
import { listSpaces } from './schedule-activity.js';

export type CalendarDeps = ActivityDeps & { feeds: CalendarFeedRepository };

export const CALENDAR_TZ = 'Asia/Shanghai';
const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991): one STANDARD rule says it all. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE', `TZID:${CALENDAR_TZ}`, `X-LIC-LOCATION:${CALENDAR_TZ}`,
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'TZNAME:CST', 'DTSTART:19700101T000000', 'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');
const AUDIENCE = { elderly: '老年人 Elderly', children: '儿童 Children', all: '所有人 Everyone' } as const;

const missingSpace = () => new NotFoundError('There is no such space.');
const missingFeed = () => new NotFoundError('This calendar link does not exist or was revoked.');

function calendar(name: string): ICalCalendar {
  return ical({
    name, prodId: { company: 'Gongzhi', product: 'Gongzhi calendars', language: 'ZH' },
    // The zone is set per event, not on the calendar, so DTSTAMP stays in UTC as RFC 5545 requires.
    // No REFRESH-INTERVAL: ical-generator writes it after VTIMEZONE, where RFC 5545's grammar has no calendar properties.
    timezone: { name: null, generator: (tz) => (tz === CALENDAR_TZ ? VTIMEZONE : null) },
  });
}

interface EventInput { activity: ActivitySummary; space?: Space; lines: string[]; now: string }

function addEvent(cal: ICalCalendar, { activity: a, space, lines, now }: EventInput): void {
  const cancelled = a.status === 'cancelled';
  cal.createEvent({
    id: `${a.id}@gongzhi`, summary: a.title,
    start: new TZDate(Date.parse(a.startsAt), CALENDAR_TZ), end: new TZDate(Date.parse(a.endsAt), CALENDAR_TZ), timezone: CALENDAR_TZ,
    stamp: new Date(now), location: space ? `${space.name} ${space.nameEn}` : null,
    description: [
      ...(cancelled ? [`已取消 Cancelled: ${a.cancelReason ?? ''}`] : []),
      ...(a.host ? [`主持 Host: ${a.host}`] : []),
      `对象 Audience: ${AUDIENCE[a.audience]}`,
      ...lines,
    ].join('\n'),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** Space ids are unique within a community only: the map is keyed by both. */
const spaceKey = (communityId: string, spaceId: string) => `${communityId}/${spaceId}`;

async function spacesById(deps: ActivityDeps, communityIds: string[]): Promise<Map<string, Space>> {
  const lists = await Promise.all([...new Set(communityIds)].map(async (c) => ({ c, items: (await listSpaces(deps, c)).items })));
  return new Map(lists.flatMap(({ c, items }) => items.map((s) => [spaceKey(c, s.id), s] as const)));
}

/** A space's activities from 30 days ago to 180 days ahead, cancelled ones included (as cancelled). */
export async function spaceCalendar(deps: CalendarDeps, communityId: string, spaceId: string): Promise<string> {
  const space = (await listSpaces(deps, communityId)).items.find((s) => s.id === spaceId);
  if (!space) throw missingSpace();
  const now = deps.clock();
  const from = new Date(Date.parse(now) - 30 * DAY_MS).toISOString();
  const to = new Date(Date.parse(now) + 180 * DAY_MS).toISOString();
  const cal = calendar(`${space.name} ${space.nameEn} · 共治`);
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const out = await deps.activities.list({ communityId, spaceId, from, to, limit: 100, cursor });
    for (const a of out.items) {
      addEvent(cal, { activity: a, space, now, lines: a.status === 'scheduled' ? [`名额 Seats: ${a.seatsLeft} / ${a.capacity} 剩余 left`] : [] });
    }
    if (!out.cursor) break;
    cursor = out.cursor;
  }
  return cal.toString();
}

/** Creates the caller's secret feed link, or rotates it (the old link stops working). */
export async function createFeed(deps: CalendarDeps, callerId: string): Promise<{ url: string; token: string }> {
  const token = await deps.feeds.rotate(callerId, deps.clock());
  return { url: `/api/calendar-feeds/${token}`, token };
}

export async function revokeFeed(deps: CalendarDeps, callerId: string): Promise<{ revoked: true }> {
  await deps.feeds.revoke(callerId);
  return { revoked: true };
}

function bookingLine(item: ActivityItem, userId: string): string {
  const b = item.b![userId]!;
  const seats = b.s > 1 ? ` (${b.s} 位 seats)` : '';
  if (b.st === 'c') return `我的预约 My booking: 已确认 Confirmed${seats}`;
  const position = positionOf(item.b!, userId);
  return `我的预约 My booking: 候补第 ${position} 位 Waitlisted, position ${position}${seats}`;
}

/** The bookings (confirmed and waitlisted) of the token's owner; a cancelled activity is STATUS:CANCELLED. */
export async function feedCalendar(deps: CalendarDeps, token: string): Promise<string> {
  const userId = await deps.feeds.resolve(token);
  if (!userId) throw missingFeed();
  const now = deps.clock();
  const items = (await deps.activities.myActivities(userId)).filter((i) => i.b?.[userId]);
  const spaces = await spacesById(deps, items.map((i) => String(i.communityId)));
  const cal = calendar('我的预约 My bookings · 共治');
  for (const item of items) {
    const activity = toSummary(item);
    const description = String(item.description ?? '').trim();
    addEvent(cal, { activity, space: spaces.get(spaceKey(activity.communityId, activity.spaceId)), now, lines: [bookingLine(item, userId), ...(description ? ['', description] : [])] });
  }
  return cal.toString();
}
