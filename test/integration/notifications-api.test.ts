/**
 * The notification routes through the local HTTP adapter: the inbox and its unread count, marking
 * read, settings (with their errors), the one-tap unsubscribe, the development outbox, and the grid
 * member's call list for a resident registered without an account.
 */
import { describe, expect, it } from 'vitest';
import { CallList, NotificationPage, NotificationSettings, OutboxList } from '../../functions/contracts/notifications.js';
import { usePlatform } from '../support/platform.js';

const { api, as } = usePlatform();
const call = async (who: string | null, method: string, path: string, body?: unknown) =>
  api.call(method, path, { ...(who ? { token: await as(who) } : {}), ...(body !== undefined ? { body } : {}) });
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();
let days = 0;
async function activityBookedBy(people: string[], onBehalf: string[] = []) {
  days++;
  const day = new Date(Date.parse('2027-03-01T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
  const made = await call('staff1', 'POST', '/api/activities', {
    spaceId: 'cultural-park', title: '防诈骗宣传讲座', startsAt: at(day, '14:00'), endsAt: at(day, '15:00'), capacity: 10,
  });
  const id = made.body.id as string;
  for (const u of people) expect((await call(u, 'POST', `/api/activities/${id}/bookings`, {})).status).toBe(201);
  for (const u of onBehalf) {
    expect((await call('staff1', 'POST', `/api/activities/${id}/bookings`, { onBehalfOf: { userId: u, evidence: '电话预约' } })).status).toBe(201);
  }
  return id;
}
const cancel = async (id: string) => {
  expect((await call('staff1', 'POST', `/api/activities/${id}/cancel`, { reason: '下雨天，改期' })).status).toBe(200);
  expect((await call(null, 'POST', '/api/dev/notifier', {})).status).toBe(200);
};

describe('the inbox', () => {
  it('lists what happened newest first with an exact unread count, and marks read', async () => {
    // What the demo data told them already is read first.
    await call(null, 'POST', '/api/dev/notifier', {});
    await call('resident11', 'POST', '/api/me/notifications/read', { all: true });
    const first = await activityBookedBy(['resident11']);
    const second = await activityBookedBy(['resident11']);
    await cancel(first);
    await cancel(second);
    const page = NotificationPage.parse((await call('resident11', 'GET', '/api/me/notifications?limit=1')).body);
    expect(page.unread).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ kind: 'activity.cancelled', link: `/activities/${second}`, readAt: null });
    const rest = NotificationPage.parse((await call('resident11', 'GET', `/api/me/notifications?limit=1&cursor=${page.cursor}`)).body);
    expect(rest.items[0]!.link).toBe(`/activities/${first}`);
    expect((await call('resident11', 'GET', '/api/me/notifications?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await call('resident11', 'POST', '/api/me/notifications/read', { ids: [page.items[0]!.id] })).body).toEqual({ unread: 1 });
    // Someone else's notification id changes nothing of theirs.
    const theirs = NotificationPage.parse((await call('resident12', 'GET', '/api/me/notifications')).body).unread;
    expect((await call('resident12', 'POST', '/api/me/notifications/read', { ids: [rest.items[0]!.id] })).body).toEqual({ unread: theirs });
    expect((await call('resident11', 'GET', '/api/me/notifications')).body.unread).toBe(1);
    expect((await call('resident11', 'POST', '/api/me/notifications/read', { all: true })).body).toEqual({ unread: 0 });
    const after = NotificationPage.parse((await call('resident11', 'GET', '/api/me/notifications')).body);
    expect(after.items.filter((n) => n.readAt === null)).toEqual([]);
    expect((await call('resident11', 'POST', '/api/me/notifications/read', { ids: [] })).status).toBe(400);
    expect((await call(null, 'GET', '/api/me/notifications')).status).toBe(401);
  });
});

describe('settings, channels and unsubscribing', () => {
  it('refuses a bad phone, sends by SMS once a number is given, and one tap stops it', async () => {
    const defaults = NotificationSettings.parse((await call('resident12', 'GET', '/api/me/notification-settings')).body);
    expect(defaults).toMatchObject({ phone: null, email: null, smsAtNight: false, viaGridMember: false, updatedAt: null });
    expect(defaults.kinds['booking.promoted']).toEqual({ sms: true, email: true, timing: 'immediate' });
    const base = { language: 'zh', phone: '12345', email: null, smsAtNight: true, kinds: {} };
    const bad = await call('resident12', 'PUT', '/api/me/notification-settings', base);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toContain('body.phone');
    const saved = NotificationSettings.parse((await call('resident12', 'PUT', '/api/me/notification-settings', { ...base, phone: '138 0000 1212'.replaceAll(' ', '') })).body);
    expect(saved).toMatchObject({ phone: '+8613800001212', viaGridMember: false });
    const id = await activityBookedBy(['resident12']);
    await cancel(id);
    const outbox = OutboxList.parse((await call(null, 'GET', '/api/dev/outbox')).body).items.filter((m) => m.userId === 'resident12');
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ channel: 'sms', to: '+8613800001212' });
    const token = new URL(outbox[0]!.text.match(/http\S+unsubscribe\S+/)![0]).searchParams.get('t')!;
    expect((await call(null, 'POST', '/api/notifications/unsubscribe', { token })).body).toEqual({ channel: 'sms', unsubscribed: true });
    expect((await call(null, 'POST', '/api/notifications/unsubscribe', { token: 'a'.repeat(32) })).status).toBe(404);
    expect((await call(null, 'POST', '/api/notifications/unsubscribe', { token: '<script>' })).status).toBe(400);
    const again = await activityBookedBy(['resident12']);
    await cancel(again);
    expect(OutboxList.parse((await call(null, 'GET', '/api/dev/outbox')).body).items.filter((m) => m.userId === 'resident12')).toHaveLength(1);
    const off = NotificationSettings.parse((await call('resident12', 'PUT', '/api/me/notification-settings', { ...base, phone: null, kinds: {} })).body);
    expect(off).toMatchObject({ phone: null, viaGridMember: true });
  });
});

describe('the grid member\'s call list', () => {
  it('shows a resident registered without an account what to tell her, and records who told her when', async () => {
    const me = await call('resident1', 'GET', '/api/me');
    const householdId = me.body.households[0].id as string;
    const person = await call('staff1', 'POST', '/api/communities/chating/people', {
      displayName: '孙奶奶', householdId, relation: 'family', contactNote: '住1楼，白天在家，电话 尾号 5566', evidence: '网格员上门登记',
    });
    expect(person.status).toBe(201);
    const pid = person.body.id as string;
    const id = await activityBookedBy([], [pid]);
    await cancel(id);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const list = CallList.parse((await call('staff1', 'GET', '/api/communities/chating/call-list')).body);
    expect(list.date).toBe(today);
    const entry = list.items.find((e) => e.userId === pid)!;
    expect(entry).toMatchObject({ displayName: '孙奶奶', contact: '住1楼，白天在家，电话 尾号 5566', link: `/activities/${id}`, toldBy: null });
    expect(entry.body.zh).toContain('下雨');
    expect((await call('resident1', 'GET', '/api/communities/chating/call-list')).status).toBe(403);
    expect((await call('staff1', 'GET', '/api/communities/chating/call-list?date=2027-13')).status).toBe(400);
    const path = `/api/communities/chating/call-list/${pid}/${entry.notificationId}`;
    const told = await call('staff1', 'PUT', path, { note: '上门告知' });
    expect(told.body).toMatchObject({ toldBy: 'staff1', userId: pid });
    expect((await call('staff1', 'PUT', path, {})).body.toldAt).toBe(told.body.toldAt);
    expect((await call('staff1', 'PUT', `/api/communities/chating/call-list/resident1/${entry.notificationId}`, {})).status).toBe(404);
    const later = CallList.parse((await call('staff1', 'GET', `/api/communities/chating/call-list?date=${today}`)).body);
    expect(later.items.find((e) => e.userId === pid)).toMatchObject({ toldBy: 'staff1' });
    // Signed-in residents who never chose otherwise read the app: not on the list.
    expect(later.items.map((e) => e.userId)).not.toContain('resident1');
  });
});
