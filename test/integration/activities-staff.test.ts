/** Staff around an activity: booking for residents without phones, attendance, cancelling for everyone. */
import { describe, expect, it } from 'vitest';
import { Activity, AttendanceList, MyBookings } from '../../functions/contracts/activities.js';
import { usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
const body = (day: string) => ({ spaceId: 'cultural-park', title: '防诈骗宣传讲座', startsAt: at(day, '14:00'), endsAt: at(day, '15:00'), capacity: 2 });
const schedule = async (day: string) => (await api.call('POST', '/api/activities', { token: await as('staff1'), body: body(day) })).body.id as string;
const call = async (who: string, method: string, path: string, b?: unknown) => api.call(method, path, { token: await as(who), body: b });

describe('staff booking for a resident', () => {
  it('books with the evidence shown in the booking; residents cannot book for others', async () => {
    const id = await schedule('2027-04-01');
    const entered = await call('staff1', 'POST', `/api/activities/${id}/bookings`, { onBehalfOf: { userId: 'resident20', evidence: '电话预约，12月3日' } });
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({ status: 'confirmed', enteredBy: { id: 'staff1' }, evidence: '电话预约，12月3日' });
    const mine = MyBookings.parse((await call('resident20', 'GET', '/api/me/bookings')).body);
    expect(mine.items[0]!.booking.enteredBy?.id).toBe('staff1');
    expect((await call('resident1', 'POST', `/api/activities/${id}/bookings`, { onBehalfOf: { userId: 'resident21', evidence: '我替他订' } })).status).toBe(403);
    expect((await call('staff1', 'POST', `/api/activities/${id}/bookings`, { onBehalfOf: { userId: 'donor1', evidence: '代订座位' } })).status).toBe(403);
  });
});

describe('attendance', () => {
  it('lists bookings in order with names, checks confirmed people in, and is for staff and committee only', async () => {
    const id = await schedule('2027-04-02');
    for (const u of ['resident30', 'resident31', 'resident32']) await call(u, 'POST', `/api/activities/${id}/bookings`, {});
    expect((await call('resident30', 'GET', `/api/activities/${id}/attendance`)).status).toBe(403);
    const list = AttendanceList.parse((await call('committee1', 'GET', `/api/activities/${id}/attendance`)).body);
    expect(list.items.map((x) => [x.person.id, x.booking.status])).toEqual([
      ['resident30', 'confirmed'], ['resident31', 'confirmed'], ['resident32', 'waitlisted']]);
    expect(list.items.every((x) => /^[\u4e00-\u9fff]{2,4}$/.test(x.person.name))).toBe(true);
    const mark = (who: string, user: string, present: boolean) => call(who, 'PUT', `/api/activities/${id}/attendance/${user}`, { present });
    expect((await mark('resident31', 'resident30', true)).status).toBe(403);
    expect((await mark('staff1', 'resident30', true)).body.attendance).toBe('present');
    expect((await mark('staff1', 'resident31', false)).body.attendance).toBe('no_show');
    expect((await mark('staff1', 'resident32', true)).status).toBe(409);
    expect((await mark('staff1', 'resident40', true)).status).toBe(404);
  });
});

describe('cancelling for everyone', () => {
  it('tells every booked resident why, refuses new bookings, and frees the slot', async () => {
    const day = '2027-04-03';
    const id = await schedule(day);
    await call('resident33', 'POST', `/api/activities/${id}/bookings`, {});
    expect((await call('resident33', 'POST', `/api/activities/${id}/cancel`, { reason: '下雨了' })).status).toBe(403);
    const cancelled = await call('staff1', 'POST', `/api/activities/${id}/cancel`, { reason: '暴雨预警，改期另行通知' });
    expect(Activity.parse(cancelled.body)).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警，改期另行通知' });
    const mine = MyBookings.parse((await call('resident33', 'GET', '/api/me/bookings')).body);
    expect(mine.items[0]!.activity).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警，改期另行通知' });
    expect((await call('resident34', 'POST', `/api/activities/${id}/bookings`, {})).body.error.code).toBe('cancelled');
    expect((await call('staff1', 'POST', `/api/activities/${id}/cancel`, { reason: '再取消一次' })).status).toBe(409);
    expect((await api.call('POST', '/api/activities', { token: await as('staff1'), body: body(day) })).status).toBe(201);
  });
});
