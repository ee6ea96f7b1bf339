/**
 * Notification costs (issue #15): what a change that tells five people writes (a cancellation with
 * five bookings against one with none), what the notifier's run costs to route them and send two
 * SMS, and the inbox's read and mark-read. The platform runs with its notifier on `manual`, so the
 * run measured here is the only one.
 */
import { runNotifier } from '../../functions/notifications/notifier.js';
import { createNotifierDeps } from '../../functions/notifications/wire.js';
import { systemClock } from '../../functions/shared/clock.js';
import { config } from '../../functions/shared/config.js';
import { documentClient } from '../../functions/shared/db/client.js';
import type { Api } from '../support/platform.js';

type Measure = (action: string, fn: () => Promise<unknown>) => Promise<void>;
/** Each notification also writes gsi1 (inbox), gsi2 (unread) and gsi3 (owed), which dynalite does not count. */
export const NOTIFICATION_GSI_WRITES = 3;

export async function benchNotifications(api: Api, measure: Measure): Promise<void> {
  const staff = await api.signIn('staff1');
  const people = ['resident31', 'resident32', 'resident33', 'resident34', 'resident35'];
  const tokens = await Promise.all(people.map((p) => api.signIn(p)));
  for (const [i, t] of tokens.slice(0, 2).entries()) {
    await api.call('PUT', '/api/me/notification-settings', { token: t, body: { language: 'zh', phone: `1380000000${i}`, email: null, smsAtNight: true, kinds: {} } });
  }
  const schedule = async (daysAhead: number) => {
    const starts = new Date(Date.now() + daysAhead * 86_400_000);
    starts.setUTCHours(6, 0, 0, 0);
    return (await api.call('POST', '/api/activities', { token: staff, body: {
      spaceId: 'cultural-park', title: '防诈骗讲座', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3600_000).toISOString(), capacity: 10,
    } })).body.id as string;
  };
  const empty = await schedule(40);
  const full = await schedule(41);
  for (const t of tokens) await api.call('POST', `/api/activities/${full}/bookings`, { token: t, body: {} });
  const deps = createNotifierDeps(documentClient(), config(), systemClock);
  await runNotifier(deps); // what the demo and the rows before left owed, unmeasured
  const reason = { reason: '下雨天，改期' };
  await measure('POST .../cancel (nobody booked)', () => api.call('POST', `/api/activities/${empty}/cancel`, { token: staff, body: reason }));
  await measure('POST .../cancel (5 booked: 5 notifications)', () => api.call('POST', `/api/activities/${full}/cancel`, { token: staff, body: reason }));
  await measure('notifier run (routes 5, sends 2 SMS)', () => runNotifier(deps));
  await measure('notifier run (nothing owed)', () => runNotifier(deps));
  const me = tokens[2]!;
  let id = '';
  await measure('GET /api/me/notifications (with unread count)', async () => {
    id = (await api.call('GET', '/api/me/notifications?limit=20', { token: me })).body.items[0].id as string;
  });
  await measure('POST /api/me/notifications/read (1)', () => api.call('POST', '/api/me/notifications/read', { token: me, body: { ids: [id] } }));
}
