/** Weekly series and moving one occurrence, through the HTTP layer. */
import { describe, expect, it } from 'vitest';
import { Activity, SeriesResult } from '../../functions/contracts/activities.js';
import { seriesDates } from '../../functions/activities/series.js';
import { usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
const post = async (who: string, path: string, body: unknown) => api.call('POST', path, { token: await as(who), body });
const series = (over: object = {}) => ({
  spaceId: 'leisure-garden', title: '太极拳晨练', capacity: 15, audience: 'elderly', weekdays: [2, 4], startTime: '09:00', endTime: '10:30',
  from: '2027-05-01', until: '2027-05-31', ...over,
});

describe('weekly series', () => {
  it('finds every chosen weekday in the range', () => {
    expect(seriesDates('2027-05-01', '2027-05-14', [2, 4])).toEqual(['2027-05-04', '2027-05-06', '2027-05-11', '2027-05-13']);
    expect(seriesDates('2027-05-03', '2027-05-03', [1])).toEqual(['2027-05-03']);
  });

  it('schedules every Tuesday and Thursday, skipping and reporting the dates that clash', async () => {
    const blocker = await post('staff1', '/api/activities', { spaceId: 'leisure-garden', title: '义诊', startsAt: at('2027-05-13', '10:00'), endsAt: at('2027-05-13', '11:00'), capacity: 10 });
    expect(blocker.status).toBe(201);
    expect((await post('resident1', '/api/activity-series', series())).status).toBe(403);
    const r = await post('committee1', '/api/activity-series', series());
    expect(r.status).toBe(201);
    const result = SeriesResult.parse(r.body);
    expect(result.created.map((a) => a.startsAt)).toEqual(['2027-05-04', '2027-05-06', '2027-05-11', '2027-05-18', '2027-05-20', '2027-05-25', '2027-05-27']
      .map((d) => at(d, '09:00')));
    expect(result.skipped).toEqual([{ date: '2027-05-13', reason: expect.stringContaining('休闲花园') }]);
    const first = Activity.parse((await api.call('GET', `/api/activities/${result.created[0]!.id}`)).body);
    expect(first.seriesId).toBe(result.seriesId);
  });

  it('refuses series with no dates or too many', async () => {
    expect((await post('staff1', '/api/activity-series', series({ from: '2027-06-01', until: '2027-06-01', weekdays: [1] }))).status).toBe(400);
    expect((await post('staff1', '/api/activity-series', series({ from: '2027-06-01', until: '2028-12-31', weekdays: [1, 2, 3] }))).status).toBe(400);
  });
});

describe('moving one occurrence', () => {
  it('moves an activity with its bookings, frees the old slot and refuses a clash', async () => {
    const a = (await post('staff1', '/api/activities', { spaceId: 'exquisite-home', title: '插花课', startsAt: at('2027-07-01', '09:00'), endsAt: at('2027-07-01', '10:00'), capacity: 5 })).body.id;
    await post('staff1', '/api/activities', { spaceId: 'exquisite-home', title: '园艺课', startsAt: at('2027-07-02', '09:00'), endsAt: at('2027-07-02', '10:00'), capacity: 5 });
    await post('resident12', `/api/activities/${a}/bookings`, {});
    expect((await post('resident12', `/api/activities/${a}/move`, { startsAt: at('2027-07-03', '09:00'), endsAt: at('2027-07-03', '10:00') })).status).toBe(403);
    expect((await post('staff1', `/api/activities/${a}/move`, { startsAt: at('2027-07-02', '09:30'), endsAt: at('2027-07-02', '10:30') })).body.error.code).toBe('overlap');
    const moved = await post('staff1', `/api/activities/${a}/move`, { startsAt: at('2027-07-03', '09:00'), endsAt: at('2027-07-03', '10:00') });
    expect(moved.body).toMatchObject({ startsAt: at('2027-07-03', '09:00'), confirmedCount: 1 });
    // The old slot is free again.
    expect((await post('staff1', '/api/activities', { spaceId: 'exquisite-home', title: '读书会', startsAt: at('2027-07-01', '09:00'), endsAt: at('2027-07-01', '10:00'), capacity: 5 })).status).toBe(201);
    // Moving within the same day keeps one slot, not two.
    expect((await post('staff1', `/api/activities/${a}/move`, { startsAt: at('2027-07-03', '11:00'), endsAt: at('2027-07-03', '12:00') })).status).toBe(200);
    expect((await post('staff1', '/api/activities', { spaceId: 'exquisite-home', title: '茶话会', startsAt: at('2027-07-03', '09:00'), endsAt: at('2027-07-03', '10:00'), capacity: 5 })).status).toBe(201);
    const mine = (await api.call('GET', '/api/me/bookings', { token: await as('resident12') })).body.items;
    expect(mine.map((x: { activity: { startsAt: string } }) => x.activity.startsAt)).toEqual([at('2027-07-03', '11:00')]);
  });
});
