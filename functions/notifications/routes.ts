/**
 * The notifications context's rows of the route table (functions/routes.ts spreads them in): the
 * inbox, preferences, the one-tap unsubscribe and the grid member's call list. Contracts only.
 */
import { NoQuery } from '../contracts/common.js';
import {
  CallEntry, CallList, CallListParams, CallListQuery, MarkReadBody, NotificationPage, NotificationSettings, NotificationSettingsBody,
  NotificationsQuery, ToldBody, ToldParams, UnreadCount, UnsubscribeBody, Unsubscribed,
} from '../contracts/notifications.js';
import { route, staffOrAdmin, type RouteDef } from '../route-def.js';

const c = 'notifications' as const;

export const notificationRoutes = [
  route({ id: 'notifications.list', method: 'GET', path: '/api/me/notifications', context: c, access: 'user', allow: 'signed-in',
    summary: 'Your notifications, newest first, with the unread count', query: NotificationsQuery, response: NotificationPage, status: 200 }),
  route({ id: 'notifications.read', method: 'POST', path: '/api/me/notifications/read', context: c, access: 'user', allow: 'signed-in',
    summary: 'Mark some or all of your notifications read', query: NoQuery, body: MarkReadBody, response: UnreadCount, status: 200 }),
  route({ id: 'notifications.settings.get', method: 'GET', path: '/api/me/notification-settings', context: c, access: 'user', allow: 'signed-in',
    summary: 'How you are told: SMS, email, a daily digest, quiet hours, per kind', query: NoQuery, response: NotificationSettings, status: 200 }),
  route({ id: 'notifications.settings.put', method: 'PUT', path: '/api/me/notification-settings', context: c, access: 'user', allow: 'signed-in',
    summary: 'Change how you are told', query: NoQuery, body: NotificationSettingsBody, response: NotificationSettings, status: 200 }),
  route({ id: 'notifications.unsubscribe', method: 'POST', path: '/api/notifications/unsubscribe', context: c, access: 'public', allow: 'anyone',
    summary: 'One tap from any message: that channel sends you nothing more', query: NoQuery, body: UnsubscribeBody, response: Unsubscribed, status: 200 }),
  route({ id: 'calls.list', method: 'GET', path: '/api/communities/{id}/call-list', context: c, access: 'user', allow: staffOrAdmin,
    summary: 'Staff: what each resident with no channel should be told that day, to tell them in person or by phone', params: CallListParams,
    query: CallListQuery, response: CallList, status: 200 }),
  route({ id: 'calls.told', method: 'PUT', path: '/api/communities/{id}/call-list/{userId}/{notificationId}', context: c, access: 'user',
    allow: staffOrAdmin, summary: 'Staff: record that the resident was told (who and when)', params: ToldParams, query: NoQuery,
    body: ToldBody, response: CallEntry, status: 200 }),
] as const satisfies readonly RouteDef[];
