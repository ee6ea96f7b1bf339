/**
 * Demo activities in the pocket parks, made by the real use cases from the seed day onwards: the
 * twice-weekly health check with seats held for residents 65 and over, the Saturday children's book
 * corner with seats held for families, a gardening morning for everyone, and a few bookings
 * (one made by staff for an elderly resident without a phone).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { book } from '../../activities/bookings.js';
import type { ActivityDeps } from '../../activities/deps.js';
import { ActivityRepository } from '../../activities/repository.js';
import { createNotify } from '../../notifications/outbox.js';
import { scheduleSeries } from '../../activities/series.js';
import { CommunityRepository } from '../../community/repository.js';
import { systemClock } from '../../shared/clock.js';
import { config } from '../../shared/config.js';
import { newId } from '../../shared/ids.js';

/** The Beijing date `days` after today. */
const beijingDate = (now: string, days: number) => new Date(Date.parse(now) + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

export async function seedActivities(db: DynamoDBDocumentClient): Promise<void> {
  const cfg = config();
  const deps: ActivityDeps = {
    activities: new ActivityRepository(db, cfg.tables.activities), community: new CommunityRepository(db, cfg.tables.community),
    clock: systemClock, newId, notify: createNotify(db, cfg.tables.notifications),
  };
  const now = deps.clock();
  const [from, until] = [beijingDate(now, 1), beijingDate(now, 27)];
  const health = await scheduleSeries(deps, 'staff1', {
    spaceId: 'leisure-garden', title: '老人血糖血压免费检测', host: '社区卫生服务中心', audience: 'elderly', capacity: 20,
    description: '社区医生免费测血糖、血压，请空腹前来。\nFree blood-sugar and blood-pressure checks by the community doctor; please come fasting.',
    maxSeatsPerBooking: 1, prioritySeats: 10, priorityReleaseHoursBefore: 24, weekdays: [2, 4], startTime: '07:30', endTime: '08:45', from, until,
  });
  await scheduleSeries(deps, 'staff1', {
    spaceId: 'cultural-park', title: '儿童绘本角', host: '社区志愿者', audience: 'children', capacity: 12,
    description: '志愿者带孩子们读绘本，家长可陪同。\nVolunteers read picture books with the children; parents welcome.',
    maxSeatsPerBooking: 3, prioritySeats: 6, priorityReleaseHoursBefore: 48, weekdays: [6], startTime: '16:00', endTime: '17:00', from, until,
  });
  await scheduleSeries(deps, 'committee1', {
    spaceId: 'exquisite-home', title: '植物园艺课', host: '茶亭东苑业委会', audience: 'all', capacity: 15,
    description: '一起给口袋公园换季种花。\nPlanting the pocket park for the new season together.',
    maxSeatsPerBooking: 2, prioritySeats: 0, weekdays: [7], startTime: '09:30', endTime: '11:00', from, until,
  });
  const next = health.created[0];
  if (!next) return;
  // The next health check: a few elderly residents and younger neighbours booked, one by staff.
  // (Residents the test suites do not use, so their "my bookings" stay theirs to check.)
  for (const n of [13, 17, 18, 19]) await book(deps, `resident${n}`, next.id, { seats: 1 });
  for (const n of [47, 48, 49]) await book(deps, `resident${n}`, next.id, { seats: 1 });
  await book(deps, 'staff1', next.id, { seats: 1, onBehalfOf: { userId: 'resident23', evidence: '电话预约 / booked by phone' } });
}
