/** Calendar feeds through the local HTTP layer: a space's public .ics and a personal feed behind a secret token. */
import { describe, expect, it } from 'vitest';
import { CalendarFeed } from '../../functions/contracts/activities.js';
import { parseCalendar } from '../support/ical.js';
import { usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();
const DAY_MS = 86_400_000;
/** A local (Beijing) date some days from now, so the activity lies inside the feed's window whenever this runs. */
const dayAhead = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * DAY_MS).toISOString().slice(0, 10);
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
const call = async (who: string, method: string, path: string, body?: unknown) => api.call(method, path, { token: await as(who), body });

async function ics(path: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${api.base}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

async function schedule(title: string, day: string): Promise<string> {
  const r = await call('staff1', 'POST', '/api/activities', {
    spaceId: 'dynamic-paradise', title, startsAt: at(day, '15:00'), endsAt: at(day, '16:30'), capacity: 1, host: '绘本馆志愿者',
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

describe('a space calendar over HTTP', () => {
  it('is public text/calendar with the space\'s activities in Asia/Shanghai, cancelled ones as CANCELLED', async () => {
    const reading = await schedule('儿童绘本共读', dayAhead(10));
    const cancelled = await schedule('植物园认领', dayAhead(11));
    expect((await call('staff1', 'POST', `/api/activities/${cancelled}/cancel`, { reason: '大风天气，延期举行' })).status).toBe(200);

    const got = await ics('/api/spaces/dynamic-paradise/calendar.ics?community=chating');
    expect(got.status).toBe(200);
    expect(got.type).toMatch(/^text\/calendar/);
    const cal = parseCalendar(got.text);
    expect(cal.name).toBe('动感乐园 Dynamic Paradise · 共治');
    expect(cal.timezones).toEqual(['Asia/Shanghai']);
    const byUid = new Map(cal.events.map((e) => [e.uid, e]));
    expect(byUid.get(`${reading}@gongzhi`)).toMatchObject({
      summary: '儿童绘本共读', start: at(dayAhead(10), '15:00'), end: at(dayAhead(10), '16:30'), tzid: 'Asia/Shanghai', status: 'CONFIRMED',
      location: '动感乐园 Dynamic Paradise',
    });
    expect(byUid.get(`${cancelled}@gongzhi`)).toMatchObject({ summary: '植物园认领', status: 'CANCELLED' });
    expect(byUid.get(`${cancelled}@gongzhi`)!.description).toContain('大风天气，延期举行');
  });

  it('is a 404 for a space that does not exist, and a 400 without the community it belongs to', async () => {
    expect((await ics('/api/spaces/no-such-park/calendar.ics?community=chating')).status).toBe(404);
    expect((await ics('/api/spaces/dynamic-paradise/calendar.ics?community=qinhuai')).status).toBe(404);
    expect((await ics('/api/spaces/dynamic-paradise/calendar.ics')).status).toBe(400);
  });
});

describe('a personal calendar feed over HTTP', () => {
  it('needs sign-in to create, shows the owner\'s bookings, stops working when rotated or revoked', async () => {
    const id = await schedule('亲子手工课', dayAhead(12));
    expect((await call('resident7', 'POST', `/api/activities/${id}/bookings`, {})).body.status).toBe('confirmed');
    expect((await call('resident8', 'POST', `/api/activities/${id}/bookings`, {})).body.status).toBe('waitlisted');
    expect((await api.call('POST', '/api/me/calendar-feed')).status).toBe(401);

    const created = await call('resident8', 'POST', '/api/me/calendar-feed');
    expect(created.status).toBe(201);
    const first = CalendarFeed.parse(created.body);
    expect(first.url).toBe(`/api/calendar-feeds/${first.token}`);
    const got = await ics(first.url);
    expect(got.status).toBe(200);
    expect(got.type).toMatch(/^text\/calendar/);
    const cal = parseCalendar(got.text);
    expect(cal.events.map((e) => e.uid)).toEqual([`${id}@gongzhi`]);
    expect(cal.events[0]!.description).toContain('Waitlisted, position 1');

    const second = CalendarFeed.parse((await call('resident8', 'POST', '/api/me/calendar-feed')).body);
    expect(second.token).not.toBe(first.token);
    expect((await ics(first.url)).status).toBe(404);
    expect((await ics(second.url)).status).toBe(200);

    expect(await call('resident8', 'DELETE', '/api/me/calendar-feed')).toEqual({ status: 200, body: { revoked: true } });
    expect((await ics(second.url)).status).toBe(404);
    expect((await ics(`/api/calendar-feeds/${'x'.repeat(43)}`)).status).toBe(404);
  });
});
